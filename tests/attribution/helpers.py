"""Helpers of the attribution tests: the statement `attribute` finds at a cue word, and the
frame a parse gives it."""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.attribution.parse.frames import Frame, frame_of
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


def frame_at(doc: Doc, cue: str) -> Frame:
    """The first frame of a one-sentence parse whose cue reads `cue` (as in 'according to')."""
    for token in doc:
        frame = frame_of(token, 0, 0)
        if frame is not None and doc.text[frame.cue[0] : frame.cue[1]] == cue:
            return frame
    raise AssertionError(f"no frame with cue {cue!r} in {doc.text!r}")


def frame_mention(doc: Doc, cue: str) -> str | None:
    """The speaker mention's text of the frame at `cue`, or None."""
    mention = frame_at(doc, cue).mention
    return doc.text[mention[0] : mention[1]] if mention else None
