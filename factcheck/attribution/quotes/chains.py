"""Quotes as statements: each quote with the attribution written next to it (or the frame
it belongs to), direct or partial, with the pieces of a quote split by its attribution or
running over paragraphs joined into one statement. Part of the attribute stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from factcheck.attribution import tuning
from factcheck.attribution.quotes.adjacent import LABELS, frame_after, frame_before
from factcheck.attribution.quotes.kinds import quote_kind, standalone, standalone_at
from factcheck.attribution.quotes.scan import Quote, is_sentence_quote, is_title_case
from factcheck.attribution.quotes.tags import tag_sentence_end
from factcheck.attribution.resolve.names import PRONOUNS, name_in, subject_mention
from factcheck.attribution.types import Frame, QuotePlan
from factcheck.records import StatementKind

_VERB_AFTER = re.compile(r"\s+(?:\w+\s+)??([a-z]+)")
_OPENING_MARKS = "“\"'‘«„`"


@dataclass
class Draft:
    """A statement before numbering: its pieces, kind and the frame that attributes it."""

    kind: StatementKind
    parts: list[tuple[int, int]]
    frame: Frame | None
    last_quote: Quote | None = None
    inherit: bool = False
    adjacent: bool = False


def quote_chains(plan: QuotePlan) -> list[Draft]:
    """Quotes as statements, direct or partial (see `quotes.kinds.quote_kind`); a quote split by its
    attribution, or running over paragraphs, is one statement.

    Args:
        plan: the document's text, sentences, quotes and parsed frames.

    Returns:
        One draft per quote statement, in text order.
    """
    drafts: list[Draft] = []
    for n, quote in enumerate(plan.quotes):
        label = _speaker_label(plan, quote)
        frame = label or _quote_frame(plan, n, drafts)
        previous = _open_statement(plan, drafts)
        if previous is not None and _continues(plan, previous, quote, frame):
            previous.parts.append((quote.start, quote.end))
            previous.last_quote = quote
            previous.frame = previous.frame or frame
            continue
        kind = quote_kind(plan, n, frame)
        if kind is StatementKind.PARTIAL and _names_something(plan, quote):
            continue
        adjacent = frame is not None and frame.mention is not None
        if frame is None and kind is StatementKind.DIRECT and standalone(plan, n):
            recent = {
                plan.sentence_at(d.last_quote.mark_start)
                for d in drafts[-2:]
                if d.last_quote is not None
            }
            recent |= {plan.sentence_at(d.frame.cue[0]) for d in drafts[-1:] if d.frame}
            frame = lead_in_frame(plan, quote, recent)
        elif frame is None:
            frame = frame_around(plan, quote)
        inherit = frame is None and kind is StatementKind.DIRECT
        start = label.cue[1] + 1 if label else quote.start
        drafts.append(Draft(kind, [(start, quote.end)], frame, quote, inherit, adjacent))
    return drafts


def _open_statement(plan: QuotePlan, drafts: list[Draft]) -> Draft | None:
    """The statement a next quote may go on with: the last one, or the direct quote before a
    title quoted in its own tag ('“…,” Trump told NBC’s “Today.” “…”')."""
    if len(drafts) >= 2 and drafts[-1].kind is StatementKind.PARTIAL:
        before, title = drafts[-2], drafts[-1].last_quote
        if before.kind is StatementKind.DIRECT and before.frame is not None and title:
            cue = before.frame.cue[0]
            tag = before.last_quote is not None and before.last_quote.mark_end <= cue
            if tag and cue < title.mark_start and _same_sentence(plan, cue, title.mark_start):
                return before
    return drafts[-1] if drafts else None


def _same_sentence(plan: QuotePlan, one: int, other: int) -> bool:
    """Whether two character offsets lie in one sentence."""
    return plan.sentence_at(one) == plan.sentence_at(other)


def _quote_frame(plan: QuotePlan, n: int, drafts: list[Draft]) -> Frame | None:
    """The attribution written next to quote n, as a frame; a parsed frame of its cue without
    a subject takes the mention the scanner reads (in the plan and in `drafts`)."""
    quote, text = plan.quotes[n], plan.text
    sentence = plan.sentence_at(quote.mark_end)
    after_limit = plan.sentences[sentence][1] if plan.sentences else len(text)
    before_limit = plan.sentences[plan.sentence_at(quote.mark_start)][0] if plan.sentences else 0
    after_limit = tag_sentence_end(text, plan.sentences, sentence, quote, after_limit)
    if n + 1 < len(plan.quotes):
        after_limit = min(after_limit, plan.quotes[n + 1].mark_start)
    before_limit = _colon_lead_in(plan, quote, before_limit)
    if n > 0:
        before_limit = max(before_limit, plan.quotes[n - 1].mark_end)
    found = frame_after(text, quote, max(after_limit, quote.mark_end))
    found = found or frame_before(text, quote, min(before_limit, quote.mark_start))
    if found is None:
        return None
    parsed = next((f for f in plan.frames if f.cue == found.cue), None)
    mention = found.mention or (parsed.mention if parsed else None)
    if parsed is not None and parsed.mention is None and found.mention is not None:
        parsed = _adopt_mention(plan, drafts, parsed, found.mention)
    participle = text[found.cue[0] : found.cue[1]].endswith("ing")
    if parsed is not None and parsed.mention and (participle or found.embedded):
        mention = parsed.mention  # 'reacted to the news, saying': the parse knows the subject
    return Frame(found.cue, mention, None, sentence)


def _adopt_mention(
    plan: QuotePlan, drafts: list[Draft], parsed: Frame, mention: tuple[int, int]
) -> Frame:
    """A parsed frame with the mention the scanner reads (the parse missed the subject), put
    in its place in the plan's frames and in the drafts that hold it."""
    adopted = replace(parsed, mention=mention)
    plan.frames[:] = [adopted if f is parsed else f for f in plan.frames]
    for draft in drafts:
        if draft.frame is parsed:
            draft.frame = adopted
    return adopted


def _speaker_label(plan: QuotePlan, quote: Quote) -> Frame | None:
    """The speaker label opening a quoted transcript line ('"PENCE: Well, the question …'):
    the name in capitals as the mention, its colon as the cue."""
    label = _LABEL.match(plan.text, quote.start, quote.end)
    if label is None or label.group(1).lower() in LABELS:
        return None
    colon = label.end(1)
    return Frame((colon, colon + 1), label.span(1), None, plan.sentence_at(quote.start))


_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]")


def _colon_lead_in(plan: QuotePlan, quote: Quote, limit: int) -> int:
    """Where to read the attribution of a quote opening its paragraph: from the sentence
    before when that one ends with a colon ('Stated Stone:' / '…, said Smith:'), else
    `limit`."""
    if not plan.sentences or plan.text[limit : quote.mark_start].strip():
        return limit
    before = plan.sentence_at(quote.mark_start) - 1
    if before < 0:
        return limit
    start, end = plan.sentences[before]
    return start if plan.text[start:end].rstrip().endswith(":") else limit


def _continues(plan: QuotePlan, previous: Draft, quote: Quote, frame: Frame | None) -> bool:
    """Whether a quote goes on with the previous quote statement."""
    if previous.kind is not StatementKind.DIRECT or previous.last_quote is None:
        return False
    if quote.continues:
        return not _named_anew(plan, previous, frame)
    if frame is not None:
        return previous.frame is not None and frame.cue == previous.frame.cue
    between = plan.text[previous.last_quote.mark_end : quote.mark_start]
    if "\n" in between:
        return _next_paragraph(plan, previous, quote, between)
    # “…,” he said, “…”
    split = between.rstrip().endswith(",") and len(between.split()) <= tuning.SPLIT_TAG_WORDS
    return (
        previous.frame is not None
        and previous.last_quote.mark_end <= previous.frame.cue[0] < quote.mark_start
        and (split or standalone_at(plan, quote))
    )


def _named_anew(plan: QuotePlan, previous: Draft, frame: Frame | None) -> bool:
    """Whether a quote opening the next paragraph names a speaker other than the previous
    quote's, though that quote was left open ('“… ⏎ “…,” added Rep. Jim Clyburn'): an
    unclosed quote, not one running on."""
    if frame is None or frame.mention is None or previous.frame is None:
        return False
    named = plan.text[frame.mention[0] : frame.mention[1]]
    before = previous.frame.mention
    return named.lower() not in PRONOUNS and (
        before is None or name_in(named) != name_in(plan.text[before[0] : before[1]])
    )


def _next_paragraph(plan: QuotePlan, previous: Draft, quote: Quote, between: str) -> bool:
    """Whether a quote standing alone as the next paragraph goes on with the previous quote
    statement: nothing but that statement's own tag lies between ('“…,” he said. ⏎ “…”')."""
    if not standalone_at(plan, quote) or not is_sentence_quote(plan.text, quote):
        return False
    asked = plan.text[previous.last_quote.start : previous.last_quote.mark_end].rstrip("”\"’'»` ")
    if asked.endswith("?"):
        return False  # a question and its answer: two speakers, most often
    if not between.strip(" \n\t.,;:"):
        return True
    cue = previous.frame.cue[0] if previous.frame is not None else -1
    if not previous.last_quote.mark_end <= cue < quote.mark_start or plan.sentences == []:
        return False
    tag_end = plan.sentences[plan.sentence_at(cue)][1]
    short = len(between.split()) <= tuning.PARAGRAPH_TAG_WORDS
    return short and not plan.text[tag_end : quote.mark_start].strip()


def frame_around(plan: QuotePlan, quote: Quote) -> Frame | None:
    """The frame a quote without its own attribution belongs to: the reported speech holding
    it, else a cue in its sentence or the one before (same paragraph), else the subject
    opening its sentence."""
    holding = _holding_frame(plan, quote)
    if holding is not None:
        return holding
    sentence = plan.sentence_at(quote.start)
    for wanted in (sentence, sentence - 1):
        found = [f for f in plan.frames if f.sentence == wanted and f.mention]
        if found and wanted >= 0 and _same_paragraph(plan, sentence, wanted):
            return min(found, key=lambda f: abs(f.cue[0] - quote.start))
    return subject_frame(plan, sentence, quote.mark_start)


def _holding_frame(plan: QuotePlan, quote: Quote) -> Frame | None:
    """The narrowest reported speech holding a quote, if any."""
    spans = [f for f in plan.frames if f.content]
    holding = [f for f in spans if f.content[0] <= quote.start and quote.end <= f.content[1] + 2]
    return min(holding, key=lambda f: f.content[1] - f.content[0]) if holding else None


def _names_something(plan: QuotePlan, quote: Quote) -> bool:
    """Whether a quoted fragment outside reported speech is a name in title case, not words
    someone said: a show, a book, a nickname, a group ('the reality show “The Apprentice”',
    'the “Gang of Eight”'); two to four words (on PolNeAR train 13 % of these are
    attributions, against 24 % of all top-level fragments)."""
    words = plan.text[quote.start : quote.end]
    short = 2 <= len(words.split()) <= 4
    return short and is_title_case(words) and _holding_frame(plan, quote) is None


def lead_in_frame(plan: QuotePlan, quote: Quote, quoting: set[int]) -> Frame | None:
    """The speaker of a quote standing alone, from the sentence before it: a frame there,
    else its subject ('Valastro praised Christie. / “We need someone …”'); None when that
    sentence is one of `quoting` (it holds a quote: the last speaker goes on)."""
    sentence = plan.sentence_at(quote.mark_start) - 1
    if sentence < 0 or sentence in quoting:
        return None
    found = [f for f in plan.frames if f.sentence == sentence and f.mention]
    if found:
        return max(found, key=lambda f: f.cue[0])
    return subject_frame(plan, sentence, plan.sentences[sentence][1])


def subject_frame(plan: QuotePlan, sentence: int, limit: int) -> Frame | None:
    """The subject opening a sentence as the speaker, the verb after it as the cue ('Moore
    thanked him for “…”'), reading the sentence up to `limit` only."""
    if not plan.sentences:
        return None
    start, end = plan.sentences[sentence]
    if plan.text[start : start + 1] in _OPENING_MARKS:
        return None  # the sentence opens with a quote: its subject is the quoted words'
    mention = subject_mention(plan.text, start, min(end, limit))
    if mention is None:
        return None
    verb = _VERB_AFTER.match(plan.text, mention[1])
    cue = verb.span(1) if verb else (mention[1], mention[1])
    return Frame(cue, mention, None, sentence)


def _same_paragraph(plan: QuotePlan, one: int, other: int) -> bool:
    """Whether two sentences lie in one paragraph."""
    between = plan.text[plan.sentences[min(one, other)][0] : plan.sentences[max(one, other)][0]]
    return "\n" not in between
