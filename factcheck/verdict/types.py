"""Types shared by the verdict stage's modules: a claim or source word (`Token`) and how a
claim's words line up with a source (`Alignment`), made by `align`, read by `changekinds`
and `judge`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    """One word: its normalised form, as written, and its character offsets."""

    norm: str
    raw: str
    start: int
    end: int


@dataclass(frozen=True)
class Alignment:
    """How a claim's words line up with the best window of a source text."""

    ratio: float
    matched: int
    claim_words: int
    diff: tuple[tuple[str, str], ...]
    changes: tuple[str, ...]
    start: int
    end: int
    exact: bool
    partial: bool
