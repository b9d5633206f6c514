"""The engines behind the index: every registered backend meets its interface; FAISS is
checked against numpy brute force (the oracle), HNSW for recall."""

from pathlib import Path

import numpy as np
import pytest

from factcheck.index.backends import (
    VECTOR_BACKENDS,
    WORD_BACKENDS,
    check_backends,
    load_vector_index,
    load_word_index,
    new_vector_index,
    new_word_index,
)
from factcheck.settings import Settings


def _settings(tmp_path: Path, name: str = "index", **backends: str) -> Settings:
    """Settings for a backend; the Milvus ones get a milvus-lite file in `tmp_path` and a
    collection of their own per `name` (the collection is named after the index folder)."""
    return Settings(index_dir=tmp_path / name, milvus_uri=str(tmp_path / "milvus.db"),
                    **backends)

TEXTS = ["prisoner exchange of 175 soldiers", "energy infrastructure pause",
         "the weather was mild", "a pause in strikes on energy", "soldiers came home"]


def _unit_vectors(rng: np.random.Generator, n: int, dimension: int) -> np.ndarray:
    vectors = rng.normal(size=(n, dimension)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _brute_force(queries: np.ndarray, vectors: np.ndarray, rows: np.ndarray, k: int
                 ) -> list[list[int]]:
    order = np.argsort(-(queries @ vectors.T), axis=1, kind="stable")[:, :k]
    return [[int(rows[n]) for n in query] for query in order]


@pytest.mark.parametrize("backend", sorted(VECTOR_BACKENDS))
def test_vector_backend_add_search_remove_save_load(backend: str, tmp_path: Path):
    settings = _settings(tmp_path, vector_backend=backend)
    rng = np.random.default_rng(5)
    vectors = _unit_vectors(rng, 40, 16)
    rows = np.arange(100, 140)  # unit rows need not start at 0
    index = new_vector_index(settings, 16)
    assert index.count == 0 and index.search(vectors[:2], 5) == [[], []]
    index.add(rows[:25].tolist(), vectors[:25])
    index.add(rows[25:].tolist(), vectors[25:])
    assert index.count == 40
    assert [row for row, _ in index.search(vectors[7:8], 3)[0]][0] == 107
    assert np.allclose(index.reconstruct([139, 100]), vectors[[39, 0]])

    gone = [101, 107, 120, 999]
    assert index.remove(gone) == 3
    kept = np.array([n for n in range(40) if rows[n] not in gone])
    found = [[row for row, _ in run] for run in index.search(vectors[:5], 10)]
    assert found == _brute_force(vectors[:5], vectors[kept], rows[kept], 10)
    assert all(row not in gone for run in found for row in run)

    index.save(tmp_path / "vectors")
    loaded = load_vector_index(settings, tmp_path / "vectors")
    assert loaded.count == 37
    assert loaded.search(vectors[:5], 10) == index.search(vectors[:5], 10)


@pytest.mark.parametrize("backend", sorted(WORD_BACKENDS))
def test_word_backend_add_search_remove_save_load(backend: str, tmp_path: Path):
    settings = _settings(tmp_path, word_backend=backend)
    index = new_word_index(settings)
    assert index.count == 0 and index.search(["energy"], 3) == [[]]
    index.add([10, 11, 12], TEXTS[:3])
    index.add([13, 14], TEXTS[3:])
    assert index.count == 5
    assert {row for row, _ in index.search(["energy pause"], 5)[0]} == {11, 13}
    assert index.search(["zebra"], 5) == [[]]

    assert index.remove([11, 99]) == 1
    assert [row for row, _ in index.search(["energy pause"], 5)[0]] == [13]
    rebuilt = new_word_index(_settings(tmp_path, "rebuilt", word_backend=backend))
    rebuilt.add([10, 12, 13, 14], [TEXTS[0], *TEXTS[2:]])
    queries = ["soldiers", "energy pause", "mild weather"]
    assert index.search(queries, 5) == rebuilt.search(queries, 5)  # same scores as built anew

    index.save(tmp_path / "words")
    loaded = load_word_index(settings, tmp_path / "words")
    assert loaded.count == 4
    assert loaded.search(queries, 5) == index.search(queries, 5)
    loaded.add([15], ["more soldiers"])  # a loaded index can still change
    assert {row for row, _ in loaded.search(["soldiers"], 5)[0]} == {10, 14, 15}


def test_unknown_backend_names_list_the_valid_ones():
    with pytest.raises(ValueError, match="unknown vector_backend 'annoy'; valid values: "
                       "'faiss', 'milvus'"):
        check_backends(Settings(vector_backend="annoy"))
    with pytest.raises(ValueError, match="unknown word_backend 'lucene'; valid values: "
                       "'bm25s', 'milvus'"):
        new_word_index(Settings(word_backend="lucene"))


def test_faiss_exact_top_k_equals_numpy_brute_force():
    rng = np.random.default_rng(7)
    vectors = _unit_vectors(rng, 2_000, 48)
    queries = vectors[:20] + rng.normal(scale=0.3, size=(20, 48)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    index = new_vector_index(Settings(exact_search_limit=10_000), 48)
    index.add(list(range(2_000)), vectors)
    runs = index.search(queries, 10)
    expected = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    assert index.exact
    assert [[row for row, _ in run] for run in runs] == expected.tolist()
    scores = np.array([[score for _, score in run] for run in runs])
    assert np.allclose(scores, np.take_along_axis(queries @ vectors.T, expected, axis=1),
                       atol=1e-5)


def test_hnsw_recall_against_brute_force_and_after_removal():
    rng = np.random.default_rng(3)
    vectors = _unit_vectors(rng, 3_000, 32)
    rows = np.arange(3_000)
    index = new_vector_index(Settings(exact_search_limit=1_000), 32)
    index.add(rows[:800].tolist(), vectors[:800])
    assert index.exact
    index.add(rows[800:].tolist(), vectors[800:])  # past the limit: becomes HNSW
    assert not index.exact

    def recall(kept: np.ndarray) -> float:
        runs = index.search(vectors[kept[:50]], 10)
        expected = _brute_force(vectors[kept[:50]], vectors[kept], rows[kept], 10)
        return np.mean([len({r for r, _ in run} & set(e)) / 10
                        for run, e in zip(runs, expected, strict=True)])

    assert recall(rows) >= 0.9
    assert index.remove(list(range(0, 3_000, 3))) == 1_000
    kept = rows[rows % 3 != 0]
    assert index.count == 2_000 and recall(kept) >= 0.9


@pytest.mark.parametrize("backend", sorted(WORD_BACKENDS))
def test_word_backend_copes_with_texts_without_words(backend: str, tmp_path: Path):
    settings = _settings(tmp_path, word_backend=backend)
    index = new_word_index(settings)
    index.add([0, 1], ["!!! ???", "the and of"])  # punctuation and stop words only
    assert index.count == 2 and index.search(["!!! ???", "energy"], 3) == [[], []]
    index.save(tmp_path / "words")
    loaded = load_word_index(settings, tmp_path / "words")
    loaded.add([2], ["energy pause"])
    assert [row for row, _ in loaded.search(["energy"], 3)[0]] == [2]
