"""Helpers of the attribution tests: the statement `attribute` finds at a cue word."""

from __future__ import annotations

from factcheck.attribution.pipeline import attribute
from factcheck.records import Document, Statement


def statement_by_cue(text: str, cue: str) -> Statement:
    """The first statement `attribute` finds in `text` whose cue reads `cue`."""
    statements = attribute(Document(id="d", text=text))
    found = [s for s in statements if s.cue is not None and s.cue.text == cue]
    assert found, f"no statement with cue {cue!r} in {statements}"
    return found[0]


def mention_by_cue(text: str, cue: str) -> str | None:
    """The speaker mention's text of the statement at `cue`, or None."""
    statement = statement_by_cue(text, cue)
    return statement.speaker_mention.text if statement.speaker_mention else None
