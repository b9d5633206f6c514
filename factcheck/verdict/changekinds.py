"""The kinds of change an edit makes to a quote: a negation added or removed, a number or a
name changed, words joined from separate places, else a plain substitution, insertion or
deletion; and the words the UI and the reports use for them. Used by `align`.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.attribution import lexicon
from factcheck.verdict.types import Token

_NEGATIONS = lexicon.words("negations")
_NUMBER_WORDS = lexicon.words("number_words")
_CHANGE_WORDS = {
    "substitution": "words were substituted",
    "insertion": "words were added",
    "deletion": "words were dropped",
    "negation": "a negation was added or removed",
    "number": "a number was changed",
    "name": "a name was changed",
    "splice": "words from separate places were joined",
}


def describe_changes(changes: Sequence[str]) -> str:
    """The kinds of change in words, for the UI and reports ('a number was changed; ...')."""
    return "; ".join(_CHANGE_WORDS.get(kind, kind) for kind in changes)


def add_kinds(
    changes: list[str], tag: str, old: Sequence[Token], new: Sequence[Token], j1: int
) -> None:
    """Append the kinds of change one opcode makes (number, negation, name, or the plain kind)."""
    if tag == "equal":
        return
    kinds = []
    if sum(map(_is_negation_token, old)) != sum(map(_is_negation_token, new)):
        kinds.append("negation")
    if [t.norm for t in old if _is_number(t.norm)] != [t.norm for t in new if _is_number(t.norm)]:
        kinds.append("number")
    if tag == "replace" and _is_name_change(old, new, j1):
        kinds.append("name")
    plain = {"replace": "substitution", "insert": "insertion", "delete": "deletion"}[tag]
    changes.extend(kinds or [plain])


def is_negation(word: str) -> bool:
    return word in _NEGATIONS or word.endswith("n't")


def _is_negation_token(token: Token) -> bool:
    return is_negation(token.norm)


def _is_number(word: str) -> bool:
    return word[0].isdigit() or word in _NUMBER_WORDS


def _is_name_change(old: Sequence[Token], new: Sequence[Token], j1: int) -> bool:
    """A capitalised word (not the claim's first word) replaced or replacing another."""

    def capitalised(tokens: Sequence[Token], skip_first: bool) -> bool:
        return any(
            t.raw[0].isupper() and len(t.raw) > 1 and not (skip_first and i == 0)
            for i, t in enumerate(tokens)
        )

    return capitalised(new, j1 == 0) or capitalised(old, j1 == 0)
