"""The split stage: a Document -> Passages (sentences with their paragraph, as offsets)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.attribution import lexicon
from factcheck.records import Document, Passage

# Words that end with a full stop without ending a sentence (the attribution stage's quote
# scanner reads a list of its own: see factcheck/attribution/lexicon/README.md).
_ABBREVIATIONS = lexicon.abbreviations("passage_splitter")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\S+)$")
_PARAGRAPH = re.compile(r"[^\n]+")
MAX_PASSAGE_CHARS = 1_000


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
        for start, end in _sentences(document.text, para_start, para_end):
            passages.append(Passage(
                id=f"{document.id}:p{len(passages)}", doc_id=document.id,
                text=document.text[start:end], start=start, end=end,
                paragraph_start=para_start, paragraph_end=para_end))
    return passages


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for match in _PARAGRAPH.finditer(text):
        start, end = _strip(text, match.start(), match.end())
        if start < end:
            yield start, end


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _ends_with_abbreviation(text[sentence_start:match.start() + 1]):
            continue
        yield from _bounded(text, *_strip(text, sentence_start, match.end()))
        sentence_start = match.end()
    if sentence_start < end:
        yield from _bounded(text, *_strip(text, sentence_start, end))


def _ends_with_abbreviation(sentence: str) -> bool:
    word = _LAST_WORD.search(sentence.rstrip(".!?…\"'”’»)] \n"))
    if not word:
        return False
    token = word.group(1).lower().lstrip("(\"'“‘")
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


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
