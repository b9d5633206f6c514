"""The order of candidates: the unweighted mean of meaning and word overlap (nothing fitted).

SimBa's unsupervised recipe for matching a claim to fact-checked claims (Hövelmeyer, Boland,
Dietze, CheckThat! 2021 and 2022): a candidate's score is the plain mean of its cosine
similarity to the claim and the Dice overlap of their content words,
2·|Q∩T| / (|Q|+|T|), stop words left out. With no weights, nothing can fit one data set:
on CheckThat! 2020 it replaced a reranker fitted on train that ranked dev well and the
held-back test below plain cosine (benchmarks/checkthat_ranking.py, results/checkthat.txt).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

# Runs of letters and digits: "don't" is read as "don" "t", "COVID-19" as "covid" "19".
_WORD = re.compile(r"[^\W_]+")


@cache
def stop_words() -> frozenset[str]:
    """The English stop words (factcheck/verdict/stopwords.txt; where they come from is
    written at its top)."""
    text = resources.files("factcheck.verdict").joinpath("stopwords.txt").read_text("utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


def content_words(text: str, stop: Iterable[str] | None = None) -> frozenset[str]:
    """The distinct lower-case words of a text, stop words left out.

    Args:
        text: any text.
        stop: the words to leave out (default: `stop_words()`).
    """
    stop = stop_words() if stop is None else stop
    return frozenset(word for word in _WORD.findall(text.lower()) if word not in stop)


def dice(claim_words: frozenset[str], text_words: frozenset[str]) -> float:
    """Dice overlap of two word sets: 2·|Q∩T| / (|Q|+|T|), 0 when both are empty."""
    size = len(claim_words) + len(text_words)
    return 2 * len(claim_words & text_words) / size if size else 0.0


def match_score(cosines: Iterable[float], overlap: float) -> float:
    """The candidate's score: the unweighted mean of its cosine(s) and its word overlap.

    Args:
        cosines: the candidate's cosine similarity to the claim under each encoder.
        overlap: the `dice` overlap of their content words.
    """
    parts = [*cosines, overlap]
    return sum(parts) / len(parts)
