"""The search result: what `factcheck search --json` prints, as frozen dataclasses.

`SearchResult.to_dict()` is the JSON object of DESIGN.md, key for key and in order (plus
`changes` and `change_summary`); `SearchResult.from_dict()` reads it back, as a JSON report
is read to write its other formats. `BadClaim` stands for a claim that could not be checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from enum import StrEnum
from functools import cache

from factcheck.records import Verdict

Diff = tuple[tuple[str, str], ...]


@cache
def _names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names, in order."""
    return tuple(f.name for f in fields(cls))


def _plain(value: object) -> object:
    """A dataclass, enum or tuple as JSON's dicts, strings and lists (fields in order)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _names(type(value))}
    if isinstance(value, StrEnum):
        return str(value)
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


@dataclass(frozen=True)
class Attribution:
    """Who the sources credit with the claim, and the document that shows it."""

    speaker: str | None
    kind: str | None  # direct / partial / indirect, None for a plain passage
    cue: str | None
    via: str | None
    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    reviewed: bool

    @classmethod
    def from_dict(cls, data: Mapping) -> Attribution:
        """An attribution from its JSON object."""
        return cls(**{name: data[name] for name in _names(cls)})


@dataclass(frozen=True)
class Earliest:
    """The oldest document where the claim appears."""

    doc_id: str
    published: str | None

    @classmethod
    def from_dict(cls, data: Mapping) -> Earliest:
        """The earliest appearance from its JSON object."""
        return cls(data["doc_id"], data["published"])


@dataclass(frozen=True)
class Appearance:
    """One document where the claim's words or meaning appear (the timeline)."""

    doc_id: str
    published: str | None
    speaker: str | None
    via: str | None
    kind: str | None
    verdict: Verdict

    @classmethod
    def from_dict(cls, data: Mapping) -> Appearance:
        """An appearance from its JSON object."""
        return cls(data["doc_id"], data["published"], data["speaker"], data["via"],
                   data["kind"], Verdict(data["verdict"]))


@dataclass(frozen=True)
class Match:
    """One of the best `k` documents: its best passage or statement, scores and word diff."""

    rank: int
    doc_id: str
    passage_id: str
    text: str
    start: int
    end: int
    score: float
    dense: float
    lexical: float
    speaker: str | None
    sha256: str
    diff: Diff  # (op, words) with op "=", "-" or "+"

    @classmethod
    def from_dict(cls, data: Mapping) -> Match:
        """A match from its JSON object."""
        values = {name: data[name] for name in _names(cls)}
        values["diff"] = tuple((op, words) for op, words in data["diff"])
        return cls(**values)


@dataclass(frozen=True)
class Provenance:
    """What produced the verdict: the model, the index version and when."""

    model: str
    index_version: str
    checked_at: str

    @classmethod
    def from_dict(cls, data: Mapping) -> Provenance:
        """The provenance from its JSON object."""
        return cls(data["model"], data["index_version"], data["checked_at"])


@dataclass(frozen=True)
class SearchResult:
    """The verdict on one claim with its attribution, timeline, matches and provenance."""

    claim: str
    claimed_speaker: str | None
    verdict: Verdict
    partial: bool
    confidence: float
    attribution: Attribution | None
    earliest: Earliest | None
    appearances: tuple[Appearance, ...]
    matches: tuple[Match, ...]
    changes: tuple[str, ...]
    change_summary: str
    provenance: Provenance

    @property
    def top(self) -> Match | None:
        """The best match, if any."""
        return self.matches[0] if self.matches else None

    def to_dict(self) -> dict:
        """The `factcheck search --json` object."""
        return _plain(self)  # type: ignore[return-value]

    @classmethod
    def from_dict(cls, data: Mapping) -> SearchResult:
        """A result from its JSON object (other keys, such as a report's "id", are ignored).

        Raises:
            KeyError: a key of the `search --json` object is missing.
        """
        attribution, earliest = data["attribution"], data["earliest"]
        return cls(
            claim=data["claim"], claimed_speaker=data["claimed_speaker"],
            verdict=Verdict(data["verdict"]), partial=data["partial"],
            confidence=data["confidence"],
            attribution=Attribution.from_dict(attribution) if attribution else None,
            earliest=Earliest.from_dict(earliest) if earliest else None,
            appearances=tuple(Appearance.from_dict(a) for a in data["appearances"]),
            matches=tuple(Match.from_dict(m) for m in data["matches"]),
            changes=tuple(data.get("changes") or ()),
            change_summary=data.get("change_summary") or "",
            provenance=Provenance.from_dict(data["provenance"]))


@dataclass(frozen=True)
class BadClaim:
    """A claim `Engine.search_many` could not check (empty, punctuation only, too long)."""

    claim: str
    claimed_speaker: str | None
    error: str

    def to_dict(self) -> dict:
        """``{"claim", "claimed_speaker", "error"}``."""
        return _plain(self)  # type: ignore[return-value]

    @classmethod
    def from_dict(cls, data: Mapping) -> BadClaim:
        """A bad claim from its JSON object."""
        return cls(data["claim"], data["claimed_speaker"], data["error"])


def result_from_dict(data: Mapping) -> SearchResult | BadClaim:
    """A search result or a bad claim from its JSON object (`to_dict` of either)."""
    return BadClaim.from_dict(data) if "error" in data else SearchResult.from_dict(data)
