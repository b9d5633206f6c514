"""The index folder: ingest, dedupe, model check, crash recovery (fake encoder: fast)."""

import json
from pathlib import Path

import pytest

from factcheck.engine import Engine
from factcheck.errors import EmptyIndexError, IndexMismatchError
from factcheck.index.folder import MANIFEST
from factcheck.records import Document
from factcheck.sources.read import content_sha256
from tests.helpers import SEEDS


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, text=text, sha256=content_sha256(text))


def test_ingest_counts_and_persisted_files(hash_settings):
    result = Engine.open(hash_settings).ingest([SEEDS])
    assert (result.documents, result.passages, result.skipped) == (1, 31, 0)
    manifest = json.loads((hash_settings.index_dir / MANIFEST).read_text())
    assert manifest["model"] == "hash-test"
    assert manifest["counts"]["passages"] == 31
    assert manifest["counts"]["vectors"] == manifest["counts"]["units"]
    assert (hash_settings.index_dir / manifest["files"]["vectors"]).exists()


def test_same_document_twice_is_stored_once(hash_settings, tmp_path: Path):
    engine = Engine.open(hash_settings)
    engine.ingest([SEEDS])
    again = engine.ingest([SEEDS])
    assert (again.documents, again.skipped) == (0, 1)
    (tmp_path / "one.txt").write_text("Same words here.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Same words here.", encoding="utf-8")
    assert engine.ingest([tmp_path / "one.txt", tmp_path / "two.txt"]).documents == 1
    rows = engine.ingest_documents([_doc("r1", "Row text."), _doc("r2", "Row text.")])
    assert rows.documents == 2
    assert engine.stats()["documents"] == 4


def test_good_files_are_stored_when_others_are_bad(hash_settings, tmp_path: Path):
    (tmp_path / "good.txt").write_text("A good sentence. Another one.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    (tmp_path / "empty.md").write_text("   ", encoding="utf-8")
    result = Engine.open(hash_settings).ingest([tmp_path, tmp_path / "missing.txt"])
    assert result.documents == 1
    assert len(result.problems) == 3
    assert any("bad.txt: not UTF-8" in p for p in result.problems)
    assert any("missing.txt: no such file" in p for p in result.problems)


def test_index_built_with_another_model_is_refused(hash_settings):
    Engine.open(hash_settings).ingest([SEEDS])
    with pytest.raises(IndexMismatchError, match="built with the embedding model 'hash-test'"):
        Engine.open(hash_settings.with_changes(model="all-MiniLM-L6-v2"))


def test_search_on_empty_index_says_what_to_do(hash_settings):
    with pytest.raises(EmptyIndexError, match="factcheck ingest"):
        Engine.open(hash_settings).search("The call is going well")


def test_lost_index_files_are_rebuilt_from_stored_embeddings(hash_settings):
    engine = Engine.open(hash_settings)
    engine.ingest([SEEDS])
    before = engine.search("The call is going well and still in progress")
    manifest_path = hash_settings.index_dir / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    (hash_settings.index_dir / manifest["files"]["vectors"]).unlink()
    manifest["counts"]["units"] = 0  # as if a crash happened before the files were written
    manifest_path.write_text(json.dumps(manifest))
    reopened = Engine.open(hash_settings)
    after = reopened.search("The call is going well and still in progress")
    assert after.verdict == before.verdict
    assert after.matches[0].passage_id == before.matches[0].passage_id


def test_other_process_changes_are_noticed(hash_settings, tmp_path: Path):
    reader = Engine.open(hash_settings)
    Engine.open(hash_settings).ingest([SEEDS])
    assert reader.stats()["documents"] == 1
