"""Kinds of quotes: direct for a sentence quote that is framed, stands alone or is
introduced by a colon or a comma; partial for a fragment embedded in the reporter's
sentence. Part of the attribute stage (`quotes.chains` builds the statements).
"""

from __future__ import annotations

from factcheck.attribution.quotes.scan import Quote, is_sentence_quote
from factcheck.attribution.types import Frame, QuotePlan
from factcheck.records import StatementKind
from factcheck.sources.split import sentences


def quote_kind(plan: QuotePlan, n: int, frame: Frame | None) -> StatementKind:
    """Direct for a sentence quote that is framed, stands alone or is introduced by a colon
    or a comma; partial for a fragment embedded in the reporter's sentence."""
    quote = plan.quotes[n]
    if not is_sentence_quote(plan.text, quote):
        return StatementKind.PARTIAL
    if frame is not None or standalone(plan, n):
        return StatementKind.DIRECT
    start = plan.sentences[plan.sentence_at(quote.mark_start)][0] if plan.sentences else 0
    before = plan.text[start : quote.mark_start].rstrip()
    introduced = before.endswith((":", ",")) or _run_in_heading(before)
    if introduced or _tagged_form(plan, quote, before) or _utterance(plan, quote):
        return StatementKind.DIRECT
    return StatementKind.PARTIAL


def _run_in_heading(before: str) -> bool:
    """Whether the words before a quote are a run-in heading in capitals ('TOP STORIES
    OBAMA’S LAST STATE OF THE UNION “…”')."""
    letters = [c for c in before if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _tagged_form(plan: QuotePlan, quote: Quote, before: str) -> bool:
    """Whether a quote opens its sentence, ends with a comma, ! or ? and the sentence goes
    on: the form of a quote and its tag (“…,” the editorial read), whatever the verb."""
    ending = _final_punctuation(plan, quote)
    return not before and ending in ",!?" and not _ends_sentence(plan, quote)


def _utterance(plan: QuotePlan, quote: Quote) -> bool:
    """Whether quoted words set in the reporter's sentence are an utterance of their own: an
    exclamation or a question ('a man yelled “Stay there!”'), or more than one sentence."""
    words = plan.text[quote.start : quote.end]
    if not _ends_sentence(plan, quote):
        return False
    if _final_punctuation(plan, quote) in "!?" and len(words.split()) >= 2:
        return True
    return len(sentences(words)) >= 2


def _final_punctuation(plan: QuotePlan, quote: Quote) -> str:
    """The last character of a quote's words with what its closing marks enclose ('“No,”' and
    '“No”,' both end with ',')."""
    closing = plan.text[quote.end : quote.mark_end].strip("”\"’'»` ")
    return (plan.text[quote.start : quote.end] + closing)[-1:]


def _ends_sentence(plan: QuotePlan, quote: Quote) -> bool:
    """Whether nothing but punctuation follows a quote in its sentence."""
    if not plan.sentences:
        return True
    end = plan.sentences[plan.sentence_at(quote.mark_end)][1]
    return not plan.text[quote.mark_end : max(end, quote.mark_end)].strip(" .,!?;:\t")


def standalone(plan: QuotePlan, n: int) -> bool:
    """Whether quote n is a whole sentence of its own (nothing but the quote)."""
    return standalone_at(plan, plan.quotes[n])


def standalone_at(plan: QuotePlan, quote: Quote) -> bool:
    """Whether a quote starts its sentence and nothing but punctuation follows it."""
    if not plan.sentences:
        return True
    start = plan.sentences[plan.sentence_at(quote.mark_start)][0]
    end = plan.sentences[plan.sentence_at(quote.mark_end)][1]
    before = plan.text[start : quote.mark_start].strip()
    after = plan.text[quote.mark_end : max(end, quote.mark_end)].strip(" .,!?;:\t")
    return not before and not after
