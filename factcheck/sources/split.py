"""The split stage: a Document -> Passages (sentences with their paragraph, as offsets).

The package's one sentence splitter: `split` cuts passages with `sentences`, and the
attribution stage reads the same `sentences`. A sentence ends at . ! ? or … (and the closing
quote marks or brackets after it) before white space and a capital letter, a digit or an
opening mark, and at a line break. A full stop after an abbreviation of
`abbreviations.txt` (beside this module) ends it only as the abbreviation's kind allows:

* a title written before a name (Mr., Sen., St.) never ends a sentence;
* one written before a number (No., Sept.) ends it unless a digit follows;
* an initial (a single letter: George W. Bush) ends it only before a word that opens
  sentences (`sentence_openers.txt`: The, He, But …);
* any other (Inc., Calif., and letters with full stops between them: U.S., H.W., a.m.) ends
  it before an opening quote mark ('… Santa Monica, Calif. “The reality …'), after a
  closing one ('… in the U.S.” He said') and before a word that opens sentences ('… enter
  the U.S. The proposal …'); "U.S. officials", "U.S. Senate" stay one sentence.

In a headline (most words capitalised: 'Did Mexican Troops Aid the U.S. After Hurricane
Katrina?') no word opens a sentence and a closing quote mark ends none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

from factcheck.records import Document, Passage

MAX_PASSAGE_CHARS = 1_000
# A sentence so far with at least three words, this share of them capitalised, is a
# headline (only its last `HEADLINE_WINDOW` characters are read). Chosen on the 37 places
# where the rule decides in PolNeAR train and dev, the CheckThat! transcripts and verified
# claims and the seeds (none of them in a PolNeAR dev article): the prose sentences there
# have at most 0.67 of their words capitalised, the headlines at least 0.75.
HEADLINE_SHARE = 0.7
HEADLINE_WINDOW = 200

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+(?:''|``|[\"'“‘«„(\[])?[A-Z0-9])|\n+")
_WORD_BEFORE = re.compile(r"[^\s\"“‘«„(\[—–-]*$")  # 'then-Sen' -> 'Sen', '(R-Calif' -> 'Calif'
_DOTTED = re.compile(r"[a-z](?:\.&?[a-z])+")  # u.s, h.w, a.m, s.&p (last full stop cut)
_OPENING_QUOTE_NEXT = re.compile(r"\s+(?:''|``|[\"“‘«„])")
_CLOSING_QUOTE = re.compile(r"\.+[\"”’'»]")
_DIGIT_NEXT = re.compile(r"\s+\d")
_WORD_NEXT = re.compile(r"\s+(?:''|``|[\"“‘«„(\[])?([A-Z][A-Za-z]*)\b(?!\.)")  # not an initial
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PARAGRAPH = re.compile(r"[^\n]+")
_KINDS = ("name", "number", "other")


def split(document: Document) -> list[Passage]:
    """Cut a document into sentence passages with character offsets.

    A paragraph is a run of text between line breaks. Sentences longer than
    `MAX_PASSAGE_CHARS` are cut at white space so that one huge paragraph stays searchable.

    Args:
        document: the document to split.

    Returns:
        Passages in text order, with ids `"{doc_id}:p{n}"`.
    """
    passages: list[Passage] = []
    for para_start, para_end in _paragraphs(document.text):
        for sentence in sentences(document.text, para_start, para_end):
            for start, end in _bounded(document.text, *sentence):
                passages.append(Passage(
                    id=f"{document.id}:p{len(passages)}", doc_id=document.id,
                    text=document.text[start:end], start=start, end=end,
                    paragraph_start=para_start, paragraph_end=para_end))
    return passages


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence offsets inside text[start:end], without surrounding white space.

    Works on any text, including text without punctuation (one sentence) and very long
    paragraphs (no length bound: `split` bounds passages).

        >>> text = "Mr. Putin met U.S. officials. They talked in the U.S. The end."
        >>> [text[s:e] for s, e in sentences(text)]
        ['Mr. Putin met U.S. officials.', 'They talked in the U.S.', 'The end.']

    Args:
        text: the text.
        start: where to begin.
        end: where to stop (default: the end of the text).

    Returns:
        (start, end) offsets in text order.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        dot, after = match.start(), match.end()
        if match.group().startswith(".") and not _full_stop_ends(text, begin, dot, after):
            continue
        spans.append((begin, after))
        begin = after
    spans.append((begin, end))
    return [trimmed for s, e in spans if (trimmed := _strip(text, s, e))[0] < trimmed[1]]


def _full_stop_ends(text: str, begin: int, dot: int, after: int) -> bool:
    """Whether the full stop at `dot` (its marks running to `after`) ends the sentence that
    began at `begin` (the rules of the module's docstring)."""
    kind = _abbreviation_kind(text, dot)
    if kind is None:
        return True
    if kind == "name":
        return False
    if kind == "number":
        return not _DIGIT_NEXT.match(text, after)
    if kind == "other" and _OPENING_QUOTE_NEXT.match(text, after):
        return True
    if _headline(text, max(begin, dot - HEADLINE_WINDOW), dot):
        return False
    if kind == "other" and _CLOSING_QUOTE.match(text, dot):
        return True
    word = _WORD_NEXT.match(text, after)
    return bool(word) and word.group(1).lower() in _openers()


def _abbreviation_kind(text: str, dot: int) -> str | None:
    """The kind of abbreviation the word before the full stop at `dot` is: 'name', 'number',
    'initial' or 'other'; None when it is no abbreviation."""
    word = _WORD_BEFORE.search(text, max(0, dot - 20), dot).group().lstrip("'’”").lower()
    kind = _abbreviations().get(word)
    if kind is None and len(word) == 1 and word.isalpha():
        return "initial"
    if kind is None and _DOTTED.fullmatch(word):
        return "other"
    return kind


def _headline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] reads as a headline: most of its words capitalised."""
    words = _HEADLINE_WORD.findall(text, start, end)
    capitalised = sum(word[0].isupper() for word in words)
    return len(words) >= 3 and capitalised >= HEADLINE_SHARE * len(words)


def _entries(filename: str) -> Iterator[list[str]]:
    """The fields of each line of a list beside this module, without comments."""
    text = resources.files(__package__).joinpath(filename).read_text("utf-8")
    for line in text.splitlines():
        if fields := line.split("#", 1)[0].split():
            yield fields


@cache
def _abbreviations() -> dict[str, str]:
    """abbreviations.txt: each abbreviation -> its kind ('name', 'number' or 'other')."""
    table = {}
    for fields in _entries("abbreviations.txt"):
        kind = fields[1] if len(fields) > 1 else "other"
        if kind not in _KINDS:
            raise ValueError(f"abbreviations.txt: unknown kind {kind!r}; use one of {_KINDS}")
        table[fields[0]] = kind
    return table


@cache
def _openers() -> frozenset[str]:
    """sentence_openers.txt: words that open a sentence, never a name's next word."""
    return frozenset(fields[0] for fields in _entries("sentence_openers.txt"))


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for match in _PARAGRAPH.finditer(text):
        start, end = _strip(text, match.start(), match.end())
        if start < end:
            yield start, end


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_PASSAGE_CHARS:
        cut = text.rfind(" ", start, start + MAX_PASSAGE_CHARS)
        cut = cut if cut > start else start + MAX_PASSAGE_CHARS
        yield start, cut
        start, _ = _strip(text, cut, end)
    if start < end:
        yield start, end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
