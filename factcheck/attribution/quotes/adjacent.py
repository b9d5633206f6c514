"""The attribution frames written right next to a quote, found without any model.

A character scan of the words just after a quote (“…,” he said / said X / — X) and just
before it (He said, “… / Putin: “… / X wrote: “…), giving the cue and, where written, the
speaker mention as character offsets into the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.attribution import lexicon, tuning
from factcheck.attribution.parse.frames import CUE_FORMS
from factcheck.attribution.quotes.scan import DASHES, Quote
from factcheck.attribution.quotes.tags import (
    before_relative,
    name_run,
    name_then_verb,
    verb_next_to_name,
    without_time,
)
from factcheck.attribution.resolve.names import QUANTIFIERS

_WORD = re.compile(r"[\w’'()-]+(?:\.[\w’'()-]+)*\.?|,")
_ADVERBS = lexicon.words("tag_skip_words")
_MENTION_STOPS = lexicon.words("mention_stops")
_TITLE_LEADS = lexicon.words("title_leads")


@dataclass(frozen=True)
class QuoteFrame:
    """The cue (and, where written, the speaker mention) attributing a quote."""

    cue: tuple[int, int]
    mention: tuple[int, int] | None
    embedded: bool = False  # the mention follows a preposition: the parse knows the subject


def frame_after(text: str, quote: Quote, limit: int) -> QuoteFrame | None:
    """An attribution right after a quote (“…,” he said / said X / — X), up to `limit`."""
    segment = text[quote.mark_end:limit]
    dash = re.match(rf"\s*([{DASHES}]|--?)\s*(?=[A-Z])", segment)
    if dash and quote.closed:
        words = list(_WORD.finditer(segment, dash.end()))
        mention = _run(words, 0, tuning.MENTION_WORDS, quote.mark_end)
        return QuoteFrame((quote.mark_end + dash.start(1), quote.mark_end + dash.end(1)), mention)
    ending = text[quote.start:quote.mark_end].rstrip("”\"’'»` ")[-1:]
    if ending in ".!?" and segment.rstrip().endswith((",", ":")):
        return None  # '“No.” Mr. Clinton said, “I agree.”': the words lead into the next quote
    words = [w for w in _WORD.finditer(segment)][: tuning.TAG_WORDS]
    while words and words[0].group() == ",":
        words.pop(0)
    cue_at = next(  # lower-case: '“…” the United States' holds no cue
        (i for i, w in enumerate(words[: tuning.CUE_WORDS]) if _is_cue(w) and w.group().islower()),
        None,
    )
    if cue_at is None:
        cue_at = _cue_after_apposition(words)
    if cue_at is None and ending in ",?!":
        cue_at = verb_next_to_name(words)
    if cue_at is None or not quote.closed:
        return None
    if text[quote.end - 1:quote.end] in ".!?" and not _tag_after_sentence(words, cue_at):
        return None
    cue = (quote.mark_end + words[cue_at].start(), quote.mark_end + _word_end(words[cue_at]))
    if cue_at == 0:
        return QuoteFrame(cue, _run(words, 1, tuning.MENTION_WORDS, quote.mark_end))
    before = [w for w in words[:cue_at] if w.group().lower() not in _ADVERBS]
    if "," in (w.group() for w in before):
        comma = [w.group() for w in before].index(",")
        before = _named_apposition(before, comma) or before[:comma]
    return QuoteFrame(cue, _span_of(before, quote.mark_end)) if _plausible(before) else None


def _named_apposition(words: list[re.Match], comma: int) -> list[re.Match]:
    """The name set off by commas after a description ('the presumptive GOP nominee, Donald
    Trump, tweeted' -> 'Donald Trump'), else []."""
    rest = [w.group() for w in words[comma + 1:]]
    if not words[0].group().islower() or "," not in rest:
        return []
    name = rest[: rest.index(",")]
    if 2 <= len(name) <= 4 and all(w[:1].isupper() for w in name):
        return words[comma + 1: comma + 1 + len(name)]
    return []


def _tag_after_sentence(words: list[re.Match], cue_at: int) -> bool:
    """Whether a cue after a quote ending in . ! or ? is the quote's tag, not the verb of a
    new sentence: near the quote (or after an apposition) and not followed by an object or a
    clause of its own ('“…!” Conservatives still praise his refusal …')."""
    following = words[cue_at + 1].group().lower() if cue_at + 1 < len(words) else ""
    if cue_at > tuning.NEAR_TAG_WORDS and not _apposed(words, cue_at):
        ends = following in ("", ".") or words[cue_at].group().endswith(".")
        return ends and cue_at <= tuning.FAR_TAG_WORDS  # '“…?” a narrator in the ad asks.'
    person = words[cue_at].group().lower() in _PERSON_OBJECT_CUES
    return cue_at == 0 or following not in _OBJECT_LEADS or (person and following != "that")


_OBJECT_LEADS = {"that", "his", "her", "their", "its", "this", "these", "the", "a", "an"}
_PERSON_OBJECT_CUES = lexicon.words("cues_with_person_object")


def _apposed(words: list[re.Match], cue_at: int) -> bool:
    """Whether the words before a cue are a short mention and its apposition between commas
    ('Miller, a retired worker from a nuclear plant, said' / 'the nominee, Donald Trump,
    tweeted')."""
    forms = [w.group() for w in words[:cue_at]]
    commas = forms.count(",") == 2 and forms[-1] == ","
    return commas and 0 < forms.index(",") <= tuning.APPOSITION_WORDS


def _cue_after_apposition(words: list[re.Match]) -> int | None:
    """The cue after a long apposition (“…,” Douglas Holtz-Eakin, an economic adviser to
    Republicans and former director of the budget office, wrote …): a name, a comma within
    five words, and a cue word right after a later comma."""
    commas = [i for i, w in enumerate(words) if w.group() == ","]
    if not words or not words[0].group()[:1].isupper() or not commas:
        return None
    if commas[0] > tuning.APPOSITION_WORDS:
        return None
    for i in range(commas[0] + 1, len(words)):
        if _is_cue(words[i]) and words[i].group().islower() and words[i - 1].group() == ",":
            return i
    return None


def frame_before(text: str, quote: Quote, limit: int) -> QuoteFrame | None:
    """An attribution right before a quote (He said, “… / Putin: “… / X wrote: “…), else a
    name and a colon opening the quote's sentence ('Bill Clinton: Hillary ‘Better
    Qualified …’')."""
    return _tag_before(text, quote, limit) or _speaker_heading(text, quote, limit)


def _speaker_heading(text: str, quote: Quote, limit: int) -> QuoteFrame | None:
    """A sentence opened by a short name and a colon, with the quote later in it: the
    headline and transcript convention 'Speaker: …'."""
    match = _NAME_COLON.match(text, limit, quote.mark_start)
    if match is None or match.group(1).split()[0].lower() in _NOT_SPEAKERS | LABELS:
        return None
    return QuoteFrame(match.span(2), match.span(1))


_NAME_COLON = re.compile(r"[ \t]*((?:[A-Z][\w.’'-]*[ \t]+){0,3}[A-Z][\w’'-]*)(:)\s")
LABELS = lexicon.words("labels")


def _tag_before(text: str, quote: Quote, limit: int) -> QuoteFrame | None:
    """The tag right before a quote (He said, “… / Putin: “… / X wrote: “…)."""
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
    if cue_at is not None and (colon or len(without_time(words)) == cue_at + 1):
        cue = (limit + words[cue_at].start(), limit + _word_end(words[cue_at]))
        named = 0 < len(words) - 1 <= tuning.COLON_SPEAKER_WORDS
        if cue_at == 0 and colon and named:  # 'Stated Stone:'
            return QuoteFrame(cue, _span_of(words[1:], limit))
        mention = _mention_before(words[:cue_at], limit)
        return QuoteFrame(cue, mention, _embedded(text, limit, mention))
    found = name_then_verb(words) if comma or colon else None
    if found is not None:  # 'Sanders retorted, “…' / 'Jared Potts echoed: “…'
        cue = (limit + words[found[0]].start(), limit + words[found[0]].end())
        return QuoteFrame(cue, _span_of(found[1], limit))
    return _colon_speaker(words, limit, limit + len(body)) if colon else None


def _colon_speaker(words: list[re.Match], limit: int, colon_at: int) -> QuoteFrame | None:
    """The name before a colon that opens a quote ('Putin: “…' / '… doesn't surprise
    Republican pollster Daron Shaw: “…')."""
    if not words or not words[-1].group()[:1].isupper():
        return None
    if len(words) <= tuning.COLON_SPEAKER_WORDS:
        first = next(i for i, w in enumerate(words) if w.group()[:1].isupper())
        if words[first].group().lower() in _NOT_SPEAKERS:
            return None  # 'Why not just say: “…”' names no speaker
        return QuoteFrame((colon_at, colon_at + 1), _span_of(words[first:], limit))
    name = name_run(words)  # '… doesn't surprise Republican pollster Daron Shaw:'
    return QuoteFrame((colon_at, colon_at + 1), _span_of(name, limit)) if name else None


def _embedded(text: str, limit: int, mention: tuple[int, int] | None) -> bool:
    """Whether a mention read back from a cue follows a preposition or a relative word, so
    is not the cue's subject ('Fiorina, speaking to Iowans, said' / 'Durbin, noting the
    size of Sanders's following, said')."""
    if mention is None:
        return False
    before = re.search(r"(\w+)\s*$", text[limit:mention[0]])
    return before is not None and before.group(1) in _MENTION_STOPS - {"and", "but"}


def _is_cue(word: re.Match) -> bool:
    """Whether a word match is a cue verb form."""
    return word.group().lower().rstrip(".") in CUE_FORMS


def _word_end(word: re.Match) -> int:
    """End of a word match without a final full stop."""
    return word.end() - 1 if word.group().endswith(".") else word.end()


def _mention_before(words: list[re.Match], offset: int) -> tuple[int, int] | None:
    """The noun phrase just before a cue: back to a comma or a lower-case word, past a time
    ('who Beck on Wednesday called' -> 'Beck')."""
    words = before_relative(without_time(words))
    kept: list[re.Match] = []
    for word in reversed(words):
        token = word.group()
        if token.lower() in _ADVERBS or (token.endswith("ly") and not kept):
            continue
        if token == "," and not kept and word is words[-1]:
            continue
        if token == "," or len(kept) >= tuning.MENTION_WORDS or token.lower() in _MENTION_STOPS:
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
    if not words or len(words) > tuning.MENTION_WORDS:
        return False
    first = words[0].group()
    if first in _TITLE_LEADS and any(w.group()[:1].isupper() for w in words[1:]):
        return True  # 'former Gov. Jeb Bush of Florida'
    if _role_and_name(words):
        return True  # 'screenwriter Cole Haddon', 'reporter Jackie Nespral'
    return first[:1].isupper() or first.lower() in QUANTIFIERS or first.lower() in _OPENERS


def _role_and_name(words: list[re.Match]) -> bool:
    """A lower-case role noun, then a name in capitals and nothing else."""
    first, rest = words[0].group(), [w.group() for w in words[1:]]
    role = first.isalpha() and first.islower() and len(first) > 3 and not first.endswith("ly")
    return role and first not in _NOT_ROLES and 2 <= len(rest) <= 3 and all(
        w[:1].isupper() for w in rest
    )


_OPENERS = lexicon.words("mention_openers")
_NOT_SPEAKERS = lexicon.words("not_speakers")
_NOT_ROLES = lexicon.words("not_roles")


def _span_of(words: list[re.Match], offset: int) -> tuple[int, int] | None:
    """Offsets from the first to the last of some word matches."""
    if not words:
        return None
    last = words[-1].group()
    end = words[-1].end()
    if last.endswith(".") and "." not in last[:-1] and len(last) > 4:
        end -= 1  # 'said Trump.' ends the sentence; 'Jr.' and 'U.S.' keep their stops
    return offset + words[0].start(), offset + end
