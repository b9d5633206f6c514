import numpy as np
import pytest

from factcheck.index.backends.bm25 import Bm25Index
from factcheck.index.retrieve import hybrid_search, reciprocal_rank_fusion
from factcheck.index.backends.faiss import FaissIndex


def test_rrf_rewards_agreement_between_runs():
    fused = reciprocal_rank_fusion([[("a", 9), ("b", 8), ("c", 7)], [("c", 3), ("a", 2)]], 60)
    assert [key for key, _ in fused] == ["a", "c", "b"]
    assert fused[0][1] == pytest.approx(1 / 61 + 1 / 62)


def test_weighted_rrf_scores():
    dense = [(1, 0.9), (2, 0.8), (3, 0.7)]
    lexical = [(3, 12.0), (4, 9.0), (1, 3.0)]
    weighted = dict(reciprocal_rank_fusion([dense, lexical], 10, (1.0, 0.2)))
    assert weighted[1] == pytest.approx(1 / 11 + 0.2 / 13)
    assert weighted[3] == pytest.approx(1 / 13 + 0.2 / 11)
    assert weighted[4] == pytest.approx(0.2 / 12)
    assert list(weighted) == [1, 3, 2, 4]


def test_faiss_exact_top_k_equals_numpy_brute_force():
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(2_000, 48)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = vectors[:20] + rng.normal(scale=0.3, size=(20, 48)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    index = FaissIndex.build(vectors, 48, exact_limit=10_000)
    scores, rows = index.search(queries, 10)
    expected = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    assert index.exact
    assert (rows == expected).all()
    assert np.allclose(scores, np.take_along_axis(queries @ vectors.T, expected, axis=1), atol=1e-5)


def test_hnsw_recall_against_brute_force():
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(3_000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = FaissIndex.build(vectors, 32, exact_limit=1_000)
    _, rows = index.search(vectors[:50], 10)
    expected = np.argsort(-(vectors[:50] @ vectors.T), axis=1)[:, :10]
    recall = np.mean([len(set(r) & set(e)) / 10 for r, e in zip(rows, expected, strict=True)])
    assert not index.exact
    assert recall >= 0.9


def test_hybrid_gives_dense_score_to_lexical_only_hits():
    texts = ["prisoner exchange of 175 soldiers", "energy infrastructure pause", "weather"]
    vectors = np.eye(3, 4, dtype=np.float32)
    query = np.array([[0.0, 1.0, 0.0, 0.0]], dtype=np.float32)
    hits = hybrid_search(query, ["prisoner exchange"], FaissIndex.build(vectors, 4, 100),
                         Bm25Index.build(texts), candidates=1)[0]
    by_row = {hit.row: hit for hit in hits}
    assert set(by_row) == {0, 1}
    assert by_row[0].dense == pytest.approx(0.0) and by_row[0].lexical > 0
    assert by_row[1].dense == pytest.approx(1.0) and by_row[1].lexical == 0
