"""Parses written by hand: a spaCy `Doc` built from words, heads and dependency labels.

The rule tests of `attribution/parse` and `attribution/resolve` read frames off a parse. Built
from `PARSES` (in `parses.py`) they need no model, run in milliseconds and do not change when
the statistical parser does, as spaCy's own tests build theirs
(`Doc(vocab, words=..., heads=..., deps=...)`). The words are spaCy's rule-based English
tokens of the sentence, so a test reads character offsets off the sentence as written.

To add a sentence, print its entry from the real parser and paste it into `PARSES`
(then correct any arc the parser got wrong, with a comment saying so)::

    PYTHONPATH=. .venv/bin/python -m tests.attribution.written "He said no."
"""

from __future__ import annotations

import functools
import sys
import textwrap

import spacy
from spacy.tokens import Doc

from tests.attribution.parses import PARSES


@functools.lru_cache(maxsize=1)
def _english() -> spacy.language.Language:
    return spacy.blank("en")


def written_doc(text: str, deps: str, heads: list[int]) -> Doc:
    """A parsed `Doc` of `text`: its tokens with the given labels and absolute head indices."""
    tokens = _english().tokenizer(text)
    words = [t.text for t in tokens]
    labels = deps.split()
    if not len(words) == len(labels) == len(heads):
        raise ValueError(f"{len(words)} words, {len(labels)} labels, {len(heads)} heads: {words}")
    spaces = [bool(t.whitespace_) for t in tokens]
    return Doc(_english().vocab, words=words, spaces=spaces, heads=heads, deps=labels)


def written_parse(text: str) -> Doc:
    """The hand-written parse of `text` from `PARSES` (a test fails where there is none)."""
    if text not in PARSES:
        raise KeyError(f"no written parse of {text!r}: add one (python -m {__name__} TEXT)")
    deps, heads = PARSES[text]
    return written_doc(text, deps, heads)


def entry(text: str) -> str:
    """The `PARSES` entry of `text` as the real parser reads it, as Python source."""
    from factcheck.attribution.pipeline import parse_text

    doc = parse_text(text)
    if [t.text for t in doc] != [t.text for t in _english().tokenizer(text)]:
        raise ValueError(f"the model tokenizes {text!r} otherwise than spaCy's English rules")
    deps = " ".join(t.dep_ for t in doc)
    heads = ", ".join(str(t.head.i) for t in doc)
    lines = [f"    {_wrapped(text, 4)}: (", f"        {_wrapped(deps, 8)},"]
    lines += textwrap.wrap(f"[{heads}],", 99, initial_indent=" " * 8, subsequent_indent=" " * 9)
    return "\n".join([*lines, "    ),"])


def _wrapped(words: str, indent: int) -> str:
    """`words` as one string literal, split over lines of at most 100 characters."""
    pieces = textwrap.wrap(words, 100 - indent - 4 - 3, drop_whitespace=False)
    if len(pieces) == 1:
        return _literal(words)
    inner = "\n".join(" " * (indent + 4) + _literal(piece) for piece in pieces)
    return "(\n" + inner + "\n" + " " * indent + ")"


def _literal(words: str) -> str:
    return f'"{words}"' if '"' not in words and "\\" not in words else repr(words)


if __name__ == "__main__":
    print("\n".join(entry(text) for text in sys.argv[1:]))
