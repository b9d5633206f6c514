"""The learned candidate order: features, the shipped model, and the order it gives."""

import json
import math
from importlib import resources

import pytest

from factcheck.verdict.claims import read_claim
from factcheck.verdict.judge import judge_candidate
from factcheck.records import Candidate
from factcheck.verdict.rerank import FEATURES, Model, features, load_model, model_from_json, rerank
from factcheck.settings import Settings

CLAIM = "Nike workers in Vietnam earn 20 cents an hour, says Ryan Fournier"


def _judged(text: str, doc_id: str, dense: float, lexical: float, score: float,
            unit: str = "passage", claim: str = CLAIM):
    candidate = Candidate(unit_id=f"{doc_id}-{unit}-{len(text)}", unit=unit, doc_id=doc_id,
                          text=text, start=0, end=len(text), score=score, dense=dense,
                          lexical=lexical)
    return judge_candidate(read_claim(claim), candidate, {}, Settings())


def _row(rows: list[list[float]], n: int) -> dict[str, float]:
    return dict(zip(FEATURES, rows[n], strict=True))


def test_features_one_row_per_candidate_in_feature_order():
    judged = [_judged("Nike workers in Vietnam earn 20 cents per hour.", "a", 0.8, 12.0, 0.1),
              _judged("Adidas pays 5 dollars a day in Cambodia.", "b", 0.4, 3.0, 0.05)]
    rows = features(CLAIM, judged)
    assert len(rows) == 2 and all(len(row) == len(FEATURES) for row in rows)
    close, far = _row(rows, 0), _row(rows, 1)
    assert close["dense_rank"] == 1.0 and far["dense_rank"] == 0.5
    assert close["lexical_share"] == 1.0 and far["lexical_share"] == pytest.approx(0.25)
    assert close["dense_gap"] == 0.0 and far["dense_gap"] == pytest.approx(-0.4)
    assert close["token_set"] > far["token_set"]
    assert close["numbers_shared"] == 1.0 and close["numbers_missing"] == 0.0
    assert far["numbers_missing"] == 1.0  # "5" is not in the claim
    assert close["source_cover"] > far["source_cover"]
    assert features(CLAIM, []) == []


def test_document_features_take_the_best_unit_of_each_document():
    judged = [_judged("Nike workers in Vietnam earn 20 cents per hour.", "a", 0.8, 12.0, 0.1),
              _judged("workers earn 20 cents", "a", 0.6, 6.0, 0.08, unit="statement"),
              _judged("Adidas pays 5 dollars a day in Cambodia.", "b", 0.4, 3.0, 0.05)]
    rows = features(CLAIM, judged)
    passage, statement, other = _row(rows, 0), _row(rows, 1), _row(rows, 2)
    assert statement["doc_dense"] == passage["doc_dense"] == 0.8
    assert statement["doc_units"] == passage["doc_units"] == 2.0 and other["doc_units"] == 1.0
    assert other["doc_dense"] == 0.4
    assert statement["statement"] == 1.0 and passage["statement"] == 0.0


def test_shipped_model_matches_the_feature_list_and_is_finite():
    data = json.loads(resources.files("factcheck.verdict").joinpath("rerank.json").read_text())
    model = load_model()
    assert list(data["features"]) == list(FEATURES)
    assert len(model.weights) == len(model.means) == len(model.scales) == len(FEATURES)
    assert all(math.isfinite(v) for v in (*model.weights, *model.means, model.bias))
    assert all(s > 0 for s in model.scales)


def test_model_score_is_the_standardised_linear_form():
    model = Model(weights=(2.0, -1.0), means=(1.0, 0.0), scales=(0.5, 2.0), bias=0.25)
    assert model.score([2.0, 4.0]) == pytest.approx(0.25 + 2.0 * 2.0 - 1.0 * 2.0)
    assert model.scores([[1.0, 0.0], [2.0, 4.0]]) == pytest.approx([0.25, 2.25])
    assert model.scores([]) == []


def test_model_from_json_refuses_other_features():
    data = {"features": ["dense"], "weights": [1.0], "means": [0.0], "scales": [1.0], "bias": 0}
    with pytest.raises(ValueError, match="refit"):
        model_from_json(data)


def test_rerank_puts_the_source_above_candidates_retrieval_scored_higher():
    source = _judged("Nike workers in Vietnam earn 20 cents per hour, work 70 hours a week.",
                     "nike", 0.78, 14.0, 0.09)
    louder = _judged("Nike said it can afford to lose customers who burn its shoes.",
                     "shoes", 0.70, 9.0, 0.1)
    other = _judged("Factory workers in China earn 2 dollars a day.", "china", 0.55, 4.0, 0.08)
    ordered = rerank(CLAIM, [louder, other, source])
    assert [j.candidate.doc_id for j in ordered] == ["nike", "shoes", "china"]
    assert sorted(id(j) for j in ordered) == sorted(id(j) for j in (louder, other, source))


def test_rerank_follows_the_given_model():
    one = _judged("Nike workers in Vietnam earn 20 cents per hour.", "a", 0.8, 12.0, 0.1)
    two = _judged("Adidas pays 5 dollars a day in Cambodia.", "b", 0.4, 3.0, 0.05)
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("dense")] = -1.0  # a model preferring the less similar text
    model = Model(tuple(weights), (0.0,) * len(FEATURES), (1.0,) * len(FEATURES))
    assert [j.candidate.doc_id for j in rerank(CLAIM, [one, two], model)] == ["b", "a"]
