"""Finding quote spans and paragraphs in raw text, without any model (sentences come from
the split stage's one splitter, `factcheck.sources.split.sentences`).

A fast character scanner: it pairs opening and closing quote marks (curly, straight,
doubled apostrophes, „…“, «…», and top-level ‘…’), follows quotes that run over several
paragraphs (a paragraph opens a quote without closing it and the next one opens again),
and ignores quotes nested inside a quote. Unbalanced marks never raise: an unclosed quote
runs to the end of its paragraph, a stray closing mark is ignored. The attribution written
next to a quote is read by `quotes.adjacent`.
"""

from __future__ import annotations

import bisect
import re

from factcheck.attribution import lexicon, tuning
from factcheck.attribution.types import Quote

DASHES = "—–―"  # em dash, en dash and the quotation dash (horizontal bar)
_DOUBLE = re.compile(r"'''|''|``|[\"“”„«»]")
_TRIPLE = "'''"  # '' and a nested ' (opening) or ' and '' (closing)
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–―-]))[‘‚‹]")
_OPEN_LEAN = {"“", "„", "«", "``", "‘", "‚", "‹"}
_CLOSE_AFTER = re.compile(r"[\s.,;:!?)\]—–―-]|$")
_LINK_LINE = re.compile(
    r"^\s*(read also|read more|related|see also|also read|click here)\b",
    re.IGNORECASE,
)
_LEADING = "“”\"‘’'«»„`([{.@-–—― "


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of a text (a paragraph is a line)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str) -> list[Quote]:
    """Every top-level quote of a text, in text order.

    Args:
        text: the document text.

    Returns:
        Quotes with offsets of the quoted words; nested quotes are part of their outer quote.
    """
    quotes: list[Quote] = []
    carried = False
    for para_start, para_end in paragraphs(text):
        found = _paragraph_quotes(text, para_start, para_end)
        if found and carried and found[0].mark_start == _trim(text, para_start, para_end)[0]:
            found[0] = Quote(**{**found[0].__dict__, "continues": True})
        carried = bool(found) and not found[-1].closed
        quotes.extend(found)
    return quotes


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Top-level quotes of one paragraph (double marks, then ‘…’ outside them)."""
    found = _pair_double(text, start, end)
    gaps = _gaps(start, end, found)
    for gap_start, gap_end in gaps:
        found.extend(_pair_single(text, gap_start, gap_end))
    return sorted(found, key=lambda q: q.start)


def _gaps(start: int, end: int, quotes: list[Quote]) -> list[tuple[int, int]]:
    """The stretches of a paragraph outside the given quotes."""
    gaps, cursor = [], start
    for quote in quotes:
        gaps.append((cursor, quote.mark_start))
        cursor = quote.mark_end
    gaps.append((cursor, end))
    return [(s, e) for s, e in gaps if s < e]


def _opens(text: str, start: int, end: int, mark: str) -> bool:
    """Whether a double mark at text[start:end] opens (else closes) a quote, from context."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if (before.isspace() or before in "([{—–―-/") and not after.isspace():
        return True
    if before == ":" and after.isalnum():  # 'Rep. Trey Gowdy (R-S.C.):"I have not heard …'
        return True
    if not before.isspace() and _CLOSE_AFTER.match(after):
        return False
    return mark in _OPEN_LEAN


def _pair_double(text: str, start: int, end: int) -> list[Quote]:
    """Pair double quote marks in one paragraph; an unclosed quote runs to its end."""
    quotes: list[Quote] = []
    opened: tuple[int, int] | None = None
    for match in _DOUBLE.finditer(text, start, end):
        mark_start, mark_end = match.span()
        triple = match.group() == _TRIPLE
        is_open = _opens(text, mark_start, mark_end, match.group())
        if opened is None and is_open:
            opened = (mark_start, mark_start + 2 if triple else mark_end)
        elif opened is not None and (not is_open or match.group() in "”»"):
            close_start = mark_start + 1 if triple else mark_start
            quotes.append(_quote(text, opened, close_start, mark_end, closed=True))
            opened = None
    if opened is not None:
        quotes.append(_quote(text, opened, end, end, closed=False))
    return [q for q in quotes if q.start < q.end]


def _pair_single(text: str, start: int, end: int) -> list[Quote]:
    """Pair top-level single marks ‘…’ (an apostrophe ’ closes only before a non-letter)."""
    quotes: list[Quote] = []
    cursor = start
    while (match := _SINGLE_OPEN.search(text, cursor, end)) is not None:
        close = re.compile(r"(?<=\S)[’›](?![A-Za-z])").search(text, match.end(), end)
        if close is None:
            break
        quotes.append(_quote(text, (match.start(), match.end()), close.start(), close.end()))
        cursor = close.end()
    return [q for q in quotes if q.start < q.end]


def _quote(
    text: str, opened: tuple[int, int], close_start: int, close_end: int, closed: bool = True
) -> Quote:
    """A Quote from mark offsets, with the words trimmed of white space."""
    words_start, words_end = _trim(text, opened[1], close_start)
    while words_end > words_start and text[words_end - 1] in ",;:.":
        words_end -= 1
    return Quote(words_start, words_end, opened[0], close_end, closed)


def is_heading(line: str) -> bool:
    """Headlines, section headings and link lines: short and without end punctuation."""
    stripped = line.strip()
    if _LINK_LINE.match(stripped):
        return True
    if stripped[:1] in "\"“„«‘'":
        return False
    short = len(stripped.split()) <= tuning.HEADING_WORDS
    return short and not re.search(r"[.!?:;\"”’»)]$", stripped)


def is_sentence_quote(text: str, quote: Quote) -> bool:
    """Whether a quote is a sentence (or more) rather than a fragment: its words begin with an
    upper-case letter or a digit and are at least three words long or end with . ! ? or ','."""
    words = text[quote.start:quote.end].strip(_LEADING)
    ending = text[quote.end:quote.mark_end].strip("”\"’'»`")
    first = words[:1]
    titled = is_title_case(words) and not _after_colon(text, quote)
    return (first.isupper() or first.isdigit()) and not titled and (
        len(words.split()) >= 3 or (words + ending)[-1:] in ".!?,"
    )


def is_title_case(words: str) -> bool:
    """Whether words are in title case without punctuation: a work's title or a headline
    ('Mercy Street', 'The Apprentice')."""
    split = words.rstrip(",").split()
    kept = [w for w in split if w.lower() not in _SMALL_WORDS]
    unpunctuated = not re.search(r"[.!?;,:]", words.rstrip(","))
    return (
        len(split) >= 2 and len(kept) >= 1 and unpunctuated and all(w[:1].isupper() for w in kept)
    )


def _after_colon(text: str, quote: Quote) -> bool:
    """Whether a colon introduces the quote ('Kasich: ‘We Are Going To Go All The Way.’'): a
    headline's quoted words in title case are a sentence, not a title."""
    return text[max(0, quote.mark_start - 3):quote.mark_start].rstrip().endswith(":")


_SMALL_WORDS = lexicon.words("title_case_small_words")


def inside(quotes: list[Quote], position: int) -> Quote | None:
    """The quote whose marks enclose a character offset, if any (quotes in text order)."""
    at = bisect.bisect_right(quotes, position, key=lambda q: q.mark_start) - 1
    if at >= 0 and quotes[at].mark_start <= position < quotes[at].mark_end:
        return quotes[at]
    return None
