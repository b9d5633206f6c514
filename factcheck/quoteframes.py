"""The attribution frames written right next to a quote, found without any model.

A character scan of the words just after a quote (“…,” he said / said X / — X) and just
before it (He said, “… / Putin: “… / X wrote: “…), giving the cue and, where written, the
speaker mention as character offsets into the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.coref import QUANTIFIERS
from factcheck.frames import CUE_FORMS
from factcheck.quotemarks import Quote

_WORD = re.compile(r"[\w’'()-]+(?:\.[\w’'()-]+)*\.?|,")
_ADVERBS = {
    "also", "then", "later", "again", "further", "once", "recently", "previously", "will",
    "would", "has", "had", "have", "is", "was", "did", "does", "can", "could", "may", "might",
}
_MENTION_STOPS = {
    "who", "on", "in", "at", "during", "after", "when", "as", "to", "about", "while", "before",
    "of", "from", "with", "via", "last", "this", "earlier", "told", "and", "but", "that",
}


_TITLE_LEADS = {"former", "then", "retired", "late", "acting", "outgoing", "incoming"}


@dataclass(frozen=True)
class QuoteFrame:
    """The cue (and, where written, the speaker mention) attributing a quote."""

    cue: tuple[int, int]
    mention: tuple[int, int] | None


def frame_after(text: str, quote: Quote, limit: int) -> QuoteFrame | None:
    """An attribution right after a quote (“…,” he said / said X / — X), up to `limit`."""
    segment = text[quote.mark_end:limit]
    dash = re.match(r"\s*(?:[—–]|--?)\s*(?=[A-Z])", segment)
    if dash and quote.closed:
        words = list(_WORD.finditer(segment, dash.end()))
        mention = _run(words, 0, 8, quote.mark_end)
        return QuoteFrame((quote.mark_end, quote.mark_end + dash.end()), mention)
    ending = text[quote.start:quote.mark_end].rstrip("”\"’'»` ")[-1:]
    if ending in ".!?" and segment.rstrip().endswith((",", ":")):
        return None  # '“No.” Mr. Clinton said, “I agree.”': the words lead into the next quote
    words = [w for w in _WORD.finditer(segment)][:30]
    while words and words[0].group() == ",":
        words.pop(0)
    cue_at = next(  # lower-case: '“…” the United States' holds no cue
        (i for i, w in enumerate(words[:12]) if _is_cue(w) and w.group().islower()), None
    )
    if cue_at is None:
        cue_at = _cue_after_apposition(words)
    if cue_at is None and ending in ",?!":
        cue_at = _verb_next_to_name(words)
    if cue_at is None or not quote.closed:
        return None
    if text[quote.end - 1:quote.end] in ".!?" and cue_at > 4:
        return None
    cue = (quote.mark_end + words[cue_at].start(), quote.mark_end + _word_end(words[cue_at]))
    if cue_at == 0:
        return QuoteFrame(cue, _run(words, 1, 8, quote.mark_end))
    before = [w for w in words[:cue_at] if w.group().lower() not in _ADVERBS]
    if "," in (w.group() for w in before):
        before = before[: [w.group() for w in before].index(",")]
    return QuoteFrame(cue, _span_of(before, quote.mark_end)) if _plausible(before) else None


def _cue_after_apposition(words: list[re.Match]) -> int | None:
    """The cue after a long apposition (“…,” Douglas Holtz-Eakin, an economic adviser to
    Republicans and former director of the budget office, wrote …): a name, a comma within
    five words, and a cue word right after a later comma."""
    commas = [i for i, w in enumerate(words) if w.group() == ","]
    if not words or not words[0].group()[:1].isupper() or not commas or commas[0] > 5:
        return None
    for i in range(commas[0] + 1, len(words)):
        if _is_cue(words[i]) and words[i].group().islower() and words[i - 1].group() == ",":
            return i
    return None


def _verb_next_to_name(words: list[re.Match]) -> int | None:
    """A verb outside the cue lexicon right after a quote ending in a comma (“…,” reacted
    Trump / “…,” Hannity started / “…,” remembered Roy Verley, …): a lower-case past or
    present form before or after a short name, the clause ending there."""
    forms = [w.group() for w in words[:7]]

    def verb(i: int) -> bool:
        word = forms[i].rstrip(".")
        return word.islower() and word.endswith(("ed", "s")) and len(word) > 3

    def ends(i: int) -> bool:
        return i >= len(forms) or forms[i] == "," or forms[i - 1].endswith(".")

    names = [i for i, word in enumerate(forms) if not word[:1].isupper()]
    run = names[0] if names else len(forms)  # capitalised words first
    if forms and verb(0) and forms[1:2] and forms[1][:1].isupper():
        after = next((i for i in range(1, len(forms)) if not forms[i][:1].isupper()), None)
        return 0 if after is None or ends(after) else None
    if 1 <= run <= 4 and run < len(forms) and verb(run) and ends(run + 1):
        return run
    if forms and forms[0].lower() in ("he", "she", "they") and len(forms) > 1 and verb(1):
        return 1 if ends(2) else None
    return _verb_after_phrase(forms, verb, ends)


def _verb_after_phrase(forms: list[str], verb, ends) -> int | None:
    """'“…,” the judge exclaimed.' / '“…!” the crowd cried out.' / '“…,” it reads.': a
    determiner and up to three lower-case words, then a verb ending the clause (a particle
    such as 'back' or 'out' may follow)."""
    if not forms or forms[0].lower() not in _DETERMINERS:
        return None
    for i in range(1, min(5, len(forms))):
        if not forms[i].islower() or forms[i] == ",":
            return None
        if (verb(i) or forms[i].rstrip(".") in _IRREGULAR_PAST) and i > (forms[0] != "it"):
            after = i + 2 if forms[i + 1:i + 2] and forms[i + 1] in _PARTICLES else i + 1
            return i if ends(after) else None
    return None


_DETERMINERS = {"the", "a", "an", "one", "another", "this", "that", "it", "its", "his", "her",
                "their", "some", "many"}
_IRREGULAR_PAST = {"read", "wrote", "said", "told", "shot", "spoke", "began", "went", "sang",
                   "cried", "replied", "chimed", "quipped"}
_PARTICLES = {"back", "out", "up", "in", "on", "aloud"}


def frame_before(text: str, quote: Quote, limit: int) -> QuoteFrame | None:
    """An attribution right before a quote (He said, “… / Putin: “… / X wrote: “…)."""
    body = text[limit:quote.mark_start].rstrip()
    if body.endswith((".", "?", "!")):
        return None  # '… Borger asked. / “…”': that sentence ended before the quote
    colon, comma = body.endswith(":"), body.endswith(",")
    body = body.rstrip(":,").rstrip()
    words = list(_WORD.finditer(body))
    cue_at = next(
        (i for i in range(len(words) - 1, -1, -1)
         if _is_cue(words[i]) and (i == 0 or words[i].group().islower())), None
    )
    if cue_at is not None and (colon or cue_at == len(words) - 1):
        cue = (limit + words[cue_at].start(), limit + _word_end(words[cue_at]))
        if cue_at == 0 and colon and 0 < len(words) - 1 <= 6:  # 'Stated Stone:'
            return QuoteFrame(cue, _span_of(words[1:], limit))
        return QuoteFrame(cue, _mention_before(words[:cue_at], limit))
    if comma:
        return _name_then_verb(words, limit)
    if not colon or not words or not words[-1].group()[:1].isupper():
        return None
    colon_at = limit + len(body)
    if len(words) <= 6:
        first = next(i for i, w in enumerate(words) if w.group()[:1].isupper())
        if words[first].group().lower() in _NOT_SPEAKERS:
            return None  # 'Why not just say: “…”' names no speaker
        return QuoteFrame((colon_at, colon_at + 1), _span_of(words[first:], limit))
    name = _name_run(words)  # '… doesn't surprise Republican pollster Daron Shaw:'
    return QuoteFrame((colon_at, colon_at + 1), _span_of(name, limit)) if name else None


def _name_then_verb(words: list[re.Match], offset: int) -> QuoteFrame | None:
    """A name and a verb outside the cue lexicon before a comma and a quote ('Hillary shot
    back, “…' / 'Sanders retorted, “…'): the name opens its clause."""
    forms = [w.group() for w in words]
    verb_at = len(forms) - (2 if forms and forms[-1] in _PARTICLES else 1)
    if verb_at < 1 or not forms[verb_at].islower():
        return None
    form = forms[verb_at]
    if not (form in _IRREGULAR_PAST or (form.endswith(("ed", "s")) and len(form) > 3)):
        return None
    name = _name_run(words[:verb_at]) or (
        [words[verb_at - 1]] if forms[verb_at - 1][:1].isupper() else []
    )
    first = verb_at - len(name)
    if not name or (first > 0 and forms[first - 1] not in {",", "and", "but", "then"}):
        return None
    cue = (offset + words[verb_at].start(), offset + words[verb_at].end())
    return QuoteFrame(cue, _span_of(name, offset))


def _name_run(words: list[re.Match]) -> list[re.Match]:
    """The run of two to four capitalised words ending some words, else []."""
    run: list[re.Match] = []
    for word in reversed(words):
        if not word.group()[:1].isupper() or len(run) == 4:
            break
        run.insert(0, word)
    return run if len(run) >= 2 else []


def _is_cue(word: re.Match) -> bool:
    """Whether a word match is a cue verb form."""
    return word.group().lower().rstrip(".") in CUE_FORMS


def _word_end(word: re.Match) -> int:
    """End of a word match without a final full stop."""
    return word.end() - 1 if word.group().endswith(".") else word.end()


def _mention_before(words: list[re.Match], offset: int) -> tuple[int, int] | None:
    """The noun phrase just before a cue: back to a comma or a lower-case word."""
    kept: list[re.Match] = []
    for word in reversed(words):
        token = word.group()
        if token.lower() in _ADVERBS or (token.endswith("ly") and not kept):
            continue
        if token == "," and not kept and word is words[-1]:
            continue
        if token == "," or len(kept) >= 8 or token.lower() in _MENTION_STOPS:
            break
        kept.insert(0, word)
    while kept and kept[0].group().lower() in _NOT_SPEAKERS:
        kept.pop(0)  # 'But Trump said:' / 'Why not just say:'
    return _span_of(kept, offset) if _plausible(kept) else None


def _run(words: list[re.Match], first: int, most: int, offset: int) -> tuple[int, int] | None:
    """The mention that starts at words[first]: up to a comma or a stop word."""
    kept: list[re.Match] = []
    for word in words[first:first + most]:
        if word.group() == "," or word.group().lower() in _MENTION_STOPS:
            break
        kept.append(word)
    return _span_of(kept, offset) if _plausible(kept) else None


def _plausible(words: list[re.Match]) -> bool:
    """Whether words can be a speaker mention (a pronoun, a name or a determiner phrase)."""
    if not words or len(words) > 8:
        return False
    first = words[0].group()
    if first in _TITLE_LEADS and any(w.group()[:1].isupper() for w in words[1:]):
        return True  # 'former Gov. Jeb Bush of Florida'
    if _role_and_name(words):
        return True  # 'screenwriter Cole Haddon', 'reporter Jackie Nespral'
    return first[:1].isupper() or first.lower() in QUANTIFIERS or first.lower() in {
        "he", "she", "they", "i", "we", "it", "the", "a", "an", "one", "another", "his", "her",
        "their", "its", "some", "many", "sources", "officials", "aides", "critics",
    }


def _role_and_name(words: list[re.Match]) -> bool:
    """A lower-case role noun, then a name in capitals and nothing else."""
    first, rest = words[0].group(), [w.group() for w in words[1:]]
    role = first.isalpha() and first.islower() and len(first) > 3 and not first.endswith("ly")
    return role and first not in _NOT_ROLES and 2 <= len(rest) <= 3 and all(
        w[:1].isupper() for w in rest
    )


_NOT_SPEAKERS = {"why", "what", "how", "when", "where", "but", "and", "so", "yet", "or", "then",
                 "now", "also", "here", "there", "this", "that", "these", "those", "still"}
_NOT_ROLES = {"when", "then", "what", "where", "while", "after", "before", "since", "today",
              "yesterday", "tonight", "later", "earlier", "this", "that", "there", "here"}


def _span_of(words: list[re.Match], offset: int) -> tuple[int, int] | None:
    """Offsets from the first to the last of some word matches."""
    if not words:
        return None
    last = words[-1].group()
    end = words[-1].end()
    if last.endswith(".") and "." not in last[:-1] and len(last) > 4:
        end -= 1  # 'said Trump.' ends the sentence; 'Jr.' and 'U.S.' keep their stops
    return offset + words[0].start(), offset + end
