"""Resolving a document's statements: each frame's speaker, read in text order by `coref`,
its via (the frame reporting it: According to Bloomberg, Putin insisted … -> via
Bloomberg), the speaker carried over to a quote standing alone after a speaker's quote or
reported speech (not after a question), and each statement's confidence (`tuning`).
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.attribution import tuning
from factcheck.attribution.quotes.chains import Draft
from factcheck.attribution.resolve.coref import SpeakerResolver
from factcheck.attribution.types import Frame, QuotePlan, Rule
from factcheck.records import StatementKind


def resolve_drafts(
    plan: QuotePlan,
    drafts: list[Draft],
    reporters: dict[int, list[Frame]],
    document_speaker: str | None = None,
) -> None:
    """Resolve every frame's speaker in text order, then its via; put the resolved frames in
    the plan and the drafts, then carry speakers over to quotes standing alone.

    Args:
        plan: the document's text and frames (`plan.frames` is replaced by the resolved ones).
        drafts: the document's statements before numbering (their frames are replaced).
        reporters: id of a frame -> the frames reporting it, the last one its via.
        document_speaker: who "I" and "we" are, if the document says.
    """
    frames = {id(f): f for f in [*plan.frames, *(d.frame for d in drafts if d.frame)]}
    speakers = _speakers(plan.text, frames, document_speaker)
    resolved = {}
    for key, frame in frames.items():
        speaker, rule = speakers[key]
        by = reporters.get(key)
        via = speakers[id(by[-1])][0] if by else None
        via = via if via != speaker else None
        resolved[key] = replace(frame, speaker=speaker, rule=rule, via=via)
    plan.frames[:] = [resolved[id(f)] for f in plan.frames]
    for draft in drafts:
        if draft.frame is not None:
            draft.frame = resolved[id(draft.frame)]
    _carry_over(plan, drafts)


def _speakers(
    text: str, frames: dict[int, Frame], document_speaker: str | None
) -> dict[int, tuple[str | None, Rule]]:
    """The speaker of each frame (by id) and the rule that found it, read in text order."""
    resolver = SpeakerResolver(text, document_speaker)
    speakers: dict[int, tuple[str | None, Rule]] = {}
    for key, frame in sorted(frames.items(), key=lambda item: (item[1].mention or item[1].cue)[0]):
        if frame.mention is None:
            speakers[key] = None, Rule.NO_SPEAKER
            continue
        words = text[frame.mention[0] : frame.mention[1]]
        speakers[key] = resolver.resolve(words, frame.mention[0])
        resolver.remember(speakers[key][0], frame.mention[0])
    return speakers


def _carry_over(plan: QuotePlan, drafts: list[Draft]) -> None:
    """A direct quote without a speaker of its own goes on with the last speaker
    (`_answerable`), one carry-over more than that speaker's frame."""
    last: Draft | None = None
    for draft in sorted(drafts, key=lambda d: d.parts[0]):
        if draft.kind is StatementKind.DIRECT and draft.inherit and _answerable(plan, last):
            draft.frame = Frame(
                last.frame.cue,
                last.frame.mention,
                None,
                -1,
                speaker=last.frame.speaker,
                rule=last.frame.rule,
                carried=last.frame.carried + 1,
                via=last.frame.via,
            )
        if draft.frame is not None and (draft.kind is StatementKind.DIRECT or draft.adjacent
                                        or _reported(draft)):
            last = draft


def _answerable(plan: QuotePlan, last: Draft | None) -> bool:
    """Whether a quote without a tag may go on with the last speaker: there is one, and
    the last quote was not a question (its answer is most often another speaker's)."""
    if last is None:
        return False
    quote = last.last_quote
    asked = quote is not None and plan.text[quote.start : quote.end].rstrip().endswith("?")
    return not asked


def _reported(draft: Draft) -> bool:
    """Whether a partial quote lies in reported speech with a named, non-weak speaker
    ('Massie said Trump had “the opportunity …”'): a quote paragraph after it is his."""
    frame = draft.frame
    return frame.content is not None and frame.mention is not None and not frame.weak


def statement_confidence(draft: Draft) -> float:
    """A statement's confidence: its speaker rule's, less for each carry-over and for a
    partial quote or a cue of the data-derived lexicon; `NO_SPEAKER`'s without a speaker
    (see `tuning`)."""
    frame = draft.frame
    if frame is None or not frame.speaker:
        return tuning.CONFIDENCE[Rule.NO_SPEAKER]
    confidence = tuning.CONFIDENCE[frame.rule] * tuning.CARRIED_OVER**frame.carried
    if draft.kind is StatementKind.PARTIAL or frame.weak:
        confidence *= tuning.PARTIAL_OR_WEAK
    return round(min(1.0, confidence), 3)
