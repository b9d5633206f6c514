"""Record types shared by every stage. Frozen dataclasses with stable string ids."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum


class StatementKind(StrEnum):
    """How a statement is reported in its document."""

    DIRECT = "direct"
    PARTIAL = "partial"
    INDIRECT = "indirect"


class Verdict(StrEnum):
    """The verdict words of DESIGN.md; they are part of the public contract."""

    VERBATIM = "verbatim"
    ALTERED = "altered"
    PARAPHRASE = "paraphrase"
    MISATTRIBUTED = "misattributed"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class Document:
    """One source document, as read from a file or a row."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    speaker: str | None = None
    kind: str | None = None
    source: str | None = None
    sha256: str = ""


@dataclass(frozen=True)
class Passage:
    """One sentence of a document, with its paragraph for context (character offsets)."""

    id: str
    doc_id: str
    text: str
    start: int
    end: int
    paragraph_start: int
    paragraph_end: int


@dataclass(frozen=True)
class Span:
    """A piece of a document: its text and character offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Statement:
    """A quote or reported statement, attributed to a speaker (or to nobody: speaker None).

    ``start``/``end`` cover the quoted or reported words; ``parts`` lists the pieces when a
    quote is split by its attribution (“…,” he said, “…”), else one piece equal to
    (start, end). ``text`` is the pieces joined by a space.
    """

    id: str
    doc_id: str
    kind: StatementKind
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_mention: Span | None = None
    cue: Span | None = None
    via: str | None = None
    confidence: float = 0.5
    parts: tuple[tuple[int, int], ...] = ()
    reviewed: bool = False

    def to_dict(self) -> dict:
        """The `factcheck quotes --json` shape."""
        out = asdict(self)
        out["kind"] = str(self.kind)
        out.pop("parts")
        return out


@dataclass(frozen=True)
class Candidate:
    """A retrieved passage or statement with its fused and per-retriever scores."""

    unit_id: str
    unit: str  # "passage" or "statement"
    doc_id: str
    text: str
    start: int
    end: int
    score: float
    dense: float = 0.0
    lexical: float = 0.0
    speaker: str | None = None
    via: str | None = None
    kind: str | None = None
    cue: str | None = None
    reviewed: bool = False


@dataclass(frozen=True)
class IngestResult:
    """What one ingest run did."""

    documents: int = 0
    passages: int = 0
    statements: int = 0
    skipped: int = 0
    problems: tuple[str, ...] = field(default_factory=tuple)
