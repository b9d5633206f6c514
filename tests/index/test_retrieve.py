import numpy as np
import pytest

from factcheck.index.backends import new_vector_index, new_word_index
from factcheck.index.retrieve import hybrid_search, reciprocal_rank_fusion
from factcheck.settings import Settings


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


def test_hybrid_gives_dense_score_to_lexical_only_hits():
    texts = ["prisoner exchange of 175 soldiers", "energy infrastructure pause", "weather"]
    vectors = np.eye(3, 4, dtype=np.float32)
    query = np.array([[0.0, 1.0, 0.0, 0.0]], dtype=np.float32)
    dense, lexical = new_vector_index(Settings(), 4), new_word_index(Settings())
    dense.add([0, 1, 2], vectors)
    lexical.add([0, 1, 2], texts)
    hits = hybrid_search(query, ["prisoner exchange"], dense, lexical, candidates=1)[0]
    by_row = {hit.row: hit for hit in hits}
    assert set(by_row) == {0, 1}
    assert by_row[0].dense == pytest.approx(0.0) and by_row[0].lexical > 0
    assert by_row[1].dense == pytest.approx(1.0) and by_row[1].lexical == 0
