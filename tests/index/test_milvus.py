"""The Milvus backend on a real milvus-lite file: filters pushed down into Milvus, the seed
index giving the same results as the embedded engines, a clear error for a server that
cannot be reached, and a re-run after a lost manifest that adds no duplicates."""

import shutil
from pathlib import Path

import numpy as np
import pytest

from factcheck.errors import BackendUnavailableError
from factcheck.index.backends import (
    UnitFields,
    Where,
    load_vector_index,
    new_vector_index,
    new_word_index,
)
from factcheck.index.backends.milvus import milvus_filter
from factcheck.settings import Settings, settings_from_env, with_milvus

TEXTS = ["the ceasefire talks went well", "ceasefire talks stalled again",
         "talks on a ceasefire resume", "the weather was mild"]
FIELDS = [UnitFields("a", "Dan Scavino", "direct", "2025-03-18"),
          UnitFields("b", "Vladimir Putin", "indirect", "2025-03-19"),
          UnitFields("c", "Vladimir Putin", "passage", None),
          UnitFields("d", None, "passage", "2024-01-01")]


def _milvus(tmp_path: Path, name: str = "index") -> Settings:
    return with_milvus(Settings(index_dir=tmp_path / name, milvus_uri=str(tmp_path / "m.db")))


def test_milvus_uri_chooses_milvus_for_both_engines(monkeypatch):
    monkeypatch.setenv("FACTCHECK_MILVUS_URI", "http://milvus.example:19530")
    chosen = settings_from_env()
    assert (chosen.vector_backend, chosen.word_backend) == ("milvus", "milvus")
    monkeypatch.delenv("FACTCHECK_MILVUS_URI")
    assert settings_from_env().vector_backend == "faiss"
    assert with_milvus(Settings(milvus_uri="m.db", word_backend="bm25s",
                                vector_backend="milvus")).word_backend == "milvus"


def test_where_reads_as_a_milvus_expression_and_as_a_predicate():
    where = Where(speakers=("Vladimir Putin",), published_from="2025-01-01")
    assert milvus_filter(where) == 'speaker in ["Vladimir Putin"] and published >= "2025-01-01"'
    assert milvus_filter(None) == ""
    assert [where.admits(f) for f in FIELDS] == [False, True, False, False]


def test_speaker_and_date_filters_are_pushed_down_into_milvus(tmp_path: Path):
    settings = _milvus(tmp_path)
    words = new_word_index(settings)
    words.add([0, 1, 2, 3], TEXTS, fields=FIELDS)
    vectors = new_vector_index(settings, 3)
    vectors.add([0, 1, 2, 3], np.array([[1, 0, 0], [0.6, 0.8, 0], [0.8, 0.6, 0], [0, 0, 1]],
                                       dtype=np.float32), fields=FIELDS)
    query = np.array([[1, 0, 0]], dtype=np.float32)
    # k=1: a post-filter of the unfiltered top hit would leave nothing; Milvus finds the match.
    putin = Where(speakers=("Vladimir Putin",))
    assert [row for row, _ in words.search(["ceasefire talks went well"], 1)[0]] == [0]
    assert [row for row, _ in words.search(["ceasefire talks went well"], 1, where=putin)[0]
            ] == [2]
    assert [row for row, _ in vectors.search(query, 1)[0]] == [0]
    assert [row for row, _ in vectors.search(query, 1, where=putin)[0]] == [2]
    dated = Where(published_from="2025-01-01", published_to="2025-03-18")
    assert [row for row, _ in words.search(["ceasefire"], 4, where=dated)[0]] == [0]
    assert [row for row, _ in vectors.search(query, 4, where=Where(kinds=("indirect",)))[0]
            ] == [1]


def test_pointer_to_another_collection_is_refused(tmp_path: Path):
    index = new_vector_index(_milvus(tmp_path), 3)
    index.save(tmp_path / "vectors")
    with pytest.raises(ValueError, match="not a collection"):
        load_vector_index(_milvus(tmp_path, "other"), tmp_path / "vectors")


def test_unreachable_server_is_a_clear_error_naming_the_uri(tmp_path: Path):
    settings = with_milvus(Settings(index_dir=tmp_path / "i", milvus_uri="http://127.0.0.1:9"))
    with pytest.raises(BackendUnavailableError, match=r"Milvus at http://127\.0\.0\.1:9"):
        new_word_index(settings)


@pytest.mark.slow
def test_seed_index_on_milvus_answers_as_the_embedded_one(seed_index_dir, tmp_path: Path):
    from factcheck.engine import Engine

    shutil.copytree(seed_index_dir, tmp_path / "index")
    embedded = Engine.open(Settings(index_dir=seed_index_dir))
    on_milvus = Engine.open(_milvus(tmp_path))
    claims = [("The call is going well and still in progress", "Donald Trump"),
              ("Russia and Ukraine will swap 170 prisoners of war", None),
              ("Putin wants an end to foreign military aid to Kyiv", "Vladimir Putin"),
              ("Zelenskyy agreed to give up Crimea", None)]
    assert on_milvus.index.vectors().count == embedded.index.vectors().count
    for mine, theirs in zip(on_milvus.search_many(claims), embedded.search_many(claims),
                            strict=True):
        mine, theirs = mine.to_dict(), theirs.to_dict()
        mine.pop("provenance"), theirs.pop("provenance")
        assert mine == theirs


@pytest.mark.slow
def test_rerun_after_a_lost_manifest_adds_no_duplicates(seed_index_dir, tmp_path: Path):
    from factcheck.engine import Engine
    from tests.helpers import SEEDS

    shutil.copytree(seed_index_dir, tmp_path / "index")
    engine = Engine.open(_milvus(tmp_path))
    vectors = engine.index.vectors().count
    (tmp_path / "index" / "manifest.json").unlink()  # as if the run stopped before it
    again = Engine.open(_milvus(tmp_path))
    assert again.ingest([SEEDS]).documents == 0
    assert again.index.vectors().count == again.index.lexical().count == vectors
