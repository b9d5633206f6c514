"""Types shared by the attribution stage's modules: a `Quote` (found by `quotes.scan`), the
attribution `Frame` (made by `parse/` and `quotes/`, resolved by `resolve.drafts`), the
`Rule` that found a frame's speaker (its confidence is in `tuning`), and the `QuotePlan`
that `quotes/` reads a document from. Offsets are character offsets into the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


@dataclass(frozen=True)
class Quote:
    """One quoted stretch of text (offsets of the words, without the marks), as the
    character scanner (`quotes.scan`) finds it.

    Attributes:
        start: first character of the quoted words.
        end: end of the quoted words.
        mark_start: offset of the opening mark.
        mark_end: offset just past the closing mark (== end when the quote is unclosed).
        closed: whether a closing mark was found in the paragraph.
        continues: whether this quote continues an unclosed quote of the previous paragraph.
    """

    start: int
    end: int
    mark_start: int
    mark_end: int
    closed: bool = True
    continues: bool = False


class Rule(StrEnum):
    """How a frame's speaker was found (`resolve.coref.SpeakerResolver.resolve`); each rule
    has its confidence in `tuning.CONFIDENCE`."""

    NAME = "name"  # a person's name, surname or titled name ('Putin' -> Vladimir Putin)
    ORGANISATION = "organisation"  # 'the Kremlin', 'the White House'
    CONJOINED = "conjoined"  # 'the Kremlin and the White House', as written
    DESCRIPTION = "description"  # a speaker described, not named ('a source')
    QUANTIFIED = "quantified"  # 'many Republicans', 'some voters'
    PRONOUN_RECENT = "pronoun recent"  # he/she/they -> the last fitting speaker before it
    PRONOUN_NAMED = "pronoun named"  # he/she -> the last person of that gender named before
    PRONOUN_UNSURE = "pronoun unsure"  # he/she -> the last person named, gender unknown
    FIRST_PERSON = "first person"  # I/we -> the document's own speaker
    OUTLET_RECENT = "outlet recent"  # 'the newspaper' -> the last outlet speaking before it
    OUTLET_NAMED = "outlet named"  # 'the newspaper' -> the last outlet named before it
    OUTLET_DESCRIBED = "outlet described"  # 'the newspaper', as written
    NO_SPEAKER = "no speaker"  # no mention, or one naming nobody ('it said')


@dataclass(frozen=True)
class Frame:
    """A cue with its speaker mention and, for reported speech, its content offsets; once
    resolved (`resolve.drafts`), its speaker, the rule that found it and its via."""

    cue: tuple[int, int]
    mention: tuple[int, int] | None
    content: tuple[int, int] | None
    sentence: int
    report: bool = False
    speaker: str | None = None
    weak: bool = False  # a cue of the data-derived lexicon (`cues`): a lower confidence
    rule: Rule = Rule.NO_SPEAKER
    carried: int = 0  # quotes passed since the frame that named the speaker (carry-over)
    via: str | None = None
    head: tuple[int, int] | None = None  # the head word of the content clause
    cut: tuple[int, int] | None = None  # the attribution phrase, where it is not cue + mention


class QuotePlan(Protocol):
    """A document's text, sentence offsets, parsed frames and top-level quotes in text order
    (the attribute stage's plan)."""

    text: str
    sentences: list[tuple[int, int]]
    frames: list[Frame]
    quotes: list[Quote]

    def sentence_at(self, position: int) -> int:
        """Index of the sentence holding a character offset."""
