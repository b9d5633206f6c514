"""Learned order of the judged candidates: a linear model over cheap features of
(claim, candidate), fitted on CLEF 2020 CheckThat! Task 2 train (benchmarks/fit_rerank.py).

The features come from what retrieval and judging already computed (cosine, BM25, fused
score, the word alignment) plus rapidfuzz ratios and the numbers shared and missing; each is
scaled within the claim's candidates where a raw value means little across claims (BM25),
and the best value over the candidate's document is added (a document whose
passage and statements all come close is more likely the source). The weights, fitted with a
listwise softmax loss, live in ``factcheck/verdict/rerank.json``; the model only orders
candidates, it never changes a verdict. Cost: 0.2-0.3 ms of CPU a claim for 12 candidates.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

import numpy as np
from rapidfuzz import fuzz, utils

from factcheck.verdict.judge import EVIDENCE_LEVEL, Judged

FEATURES = (
    "dense", "dense_gap", "dense_rank", "lexical_share", "lexical_rank", "fused_rank",
    "align_ratio", "claim_cover", "source_cover", "token_set", "ratio", "token_sort",
    "numbers_shared", "numbers_missing", "length_ratio",
    "evidence", "statement", "doc_dense", "doc_lexical", "doc_ratio", "doc_token_set",
    "doc_units",
)
# Document features: the best value of a candidate feature over the candidate's document.
_DOC_OF = {"doc_dense": "dense", "doc_lexical": "lexical_share", "doc_ratio": "ratio",
           "doc_token_set": "token_set"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Model:
    """A linear scorer: score = bias + sum(weight * (feature - mean) / scale)."""

    weights: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    bias: float = 0.0

    def score(self, row: Sequence[float]) -> float:
        """The model's score of one feature row (higher: more likely the claim's source)."""
        return self.scores([row])[0]

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The scores of several feature rows, in one matrix product."""
        if not rows:
            return []
        return (np.asarray(rows, dtype=float) @ self._coefficients + self._intercept).tolist()

    @cached_property
    def _coefficients(self) -> np.ndarray:
        return np.asarray(self.weights) / np.asarray(self.scales)

    @cached_property
    def _intercept(self) -> float:
        return self.bias - float(self._coefficients @ np.asarray(self.means))


def features(words: str, judged: Sequence[Judged]) -> list[list[float]]:
    """One feature row per judged candidate, in FEATURES order.

    Args:
        words: the claim's words (`Claim.words`).
        judged: the claim's judged candidates.

    Returns:
        Rows of floats, one per candidate, in the order given.
    """
    if not judged:
        return []
    claim = _Words.of(words)
    rows = [[*retrieval, *_word_features(claim, item)]
            for retrieval, item in zip(_retrieval_features(judged), judged, strict=True)]
    return _with_document_features(rows, [j.candidate.doc_id for j in judged])


@dataclass(frozen=True)
class _Words:
    """A text as the word features see it."""

    plain: str  # rapidfuzz's default_process: lower case, no punctuation
    numbers: frozenset[str]
    length: int

    @classmethod
    def of(cls, text: str) -> _Words:
        return cls(utils.default_process(text), frozenset(_NUMBER.findall(text)),
                   max(1, len(text.split())))


def _retrieval_features(judged: Sequence[Judged]) -> list[list[float]]:
    """dense, dense_gap, dense_rank, lexical_share, lexical_rank, fused_rank per candidate."""
    dense = [j.candidate.dense for j in judged]
    lexical = [j.candidate.lexical for j in judged]
    top_dense, top_lexical = max(dense), max(lexical)
    ranks = zip(_ranks(dense), _ranks(lexical), _ranks([j.candidate.score for j in judged]),
                strict=True)
    return [[d, d - top_dense, 1.0 / dense_rank, b / top_lexical if top_lexical > 0 else 0.0,
             1.0 / lexical_rank, 1.0 / fused_rank]
            for d, b, (dense_rank, lexical_rank, fused_rank) in zip(dense, lexical, ranks,
                                                                    strict=True)]


def _word_features(claim: _Words, item: Judged) -> list[float]:
    """The features from align_ratio to statement (FEATURES order) of one candidate."""
    text, alignment = _Words.of(item.candidate.text), item.alignment
    return [
        alignment.ratio, alignment.matched / max(1, alignment.claim_words),
        alignment.matched / text.length,
        fuzz.token_set_ratio(claim.plain, text.plain) / 100,
        fuzz.ratio(claim.plain, text.plain) / 100,
        fuzz.token_sort_ratio(claim.plain, text.plain) / 100,
        _share(text.numbers & claim.numbers, text.numbers),
        _share(text.numbers - claim.numbers, text.numbers),
        math.log(text.length / claim.length),
        EVIDENCE_LEVEL[item.evidence], float(item.candidate.unit == "statement"),
    ]


def rerank(words: str, judged: Sequence[Judged], model: Model | None = None) -> list[Judged]:
    """The judged candidates ordered by the model's score, best first.

    Args:
        words: the claim's words.
        judged: the claim's judged candidates.
        model: the scorer (default: the fitted one shipped in factcheck/verdict/rerank.json).

    Returns:
        The same candidates, reordered (ties keep their given order).
    """
    model = model or load_model()
    scores = model.scores(features(words, judged))
    order = sorted(range(len(judged)), key=lambda n: -scores[n])
    return [judged[n] for n in order]


@cache
def load_model() -> Model:
    """The shipped model (factcheck/verdict/rerank.json)."""
    text = resources.files("factcheck.verdict").joinpath("rerank.json").read_text("utf-8")
    return model_from_json(json.loads(text))


def model_from_json(data: dict) -> Model:
    """A Model from its JSON form; the feature names must be FEATURES, in order.

    Raises:
        ValueError: when the stored feature names differ from FEATURES.
    """
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"rerank model features {data['features']} differ from {FEATURES}; "
                         "refit it with benchmarks/fit_rerank.py")
    return Model(tuple(data["weights"]), tuple(data["means"]), tuple(data["scales"]),
                 float(data["bias"]))


def _with_document_features(rows: list[list[float]], docs: list[str]) -> list[list[float]]:
    """Rows extended with the best value of some features over each candidate's document,
    and the number of the document's candidates."""
    columns = [FEATURES.index(name) for name in _DOC_OF.values()]
    best: dict[str, list[float]] = {}
    units: dict[str, int] = {}
    for row, doc in zip(rows, docs, strict=True):
        values = [row[c] for c in columns]
        best[doc] = [max(a, b) for a, b in zip(best.get(doc, values), values, strict=True)]
        units[doc] = units.get(doc, 0) + 1
    return [[*row, *best[doc], float(units[doc])] for row, doc in zip(rows, docs, strict=True)]


def _ranks(values: Sequence[float]) -> list[int]:
    """Rank of each value, 1 for the largest (ties share the better rank)."""
    ordered = sorted(values, reverse=True)
    return [ordered.index(v) + 1 for v in values]


def _share(part: frozenset[str], whole: frozenset[str]) -> float:
    return len(part) / len(whole) if whole else 0.0
