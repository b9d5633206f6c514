"""Speaker names: normalising, aliases (surnames, titles) and comparison."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from factcheck.attribution import lexicon

_TITLES = lexicon.words("name_titles")
_SUFFIXES = lexicon.words("name_suffixes")


def normalise_speaker(name: str) -> str:
    """Lower-cased, accent-free, punctuation-free form of a name, for comparison."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[’'`]s\b", "", text.lower())
    text = re.sub(r"[^\w\s.-]", " ", text)
    return " ".join(text.replace(".", "").split())


def core_name(name: str) -> str:
    """A name without titles, suffixes and a party tag: 'Russian President Vladimir Putin' ->
    'vladimir putin', 'Rep. Gwen Moore (D-Wis.)' -> 'gwen moore'."""
    words = normalise_speaker(re.sub(r"\([^)]*\)?", " ", name)).split()
    kept = [w for w in words if w not in _TITLES and w not in _SUFFIXES]
    return " ".join(kept) if kept else " ".join(words)


def surname(name: str) -> str:
    """The last word of a person's core name ('' for an empty name)."""
    words = core_name(name).split()
    return words[-1] if words else ""


def name_aliases(name: str) -> set[str]:
    """Normalised forms a full name is also written as: itself, its core and its surname."""
    forms = {normalise_speaker(name), core_name(name)}
    if len(core_name(name).split()) >= 2:
        forms.add(surname(name))
    return {form for form in forms if form}


def build_alias_table(names: Iterable[str]) -> dict[str, str]:
    """Map every alias of every full name to that name; the longest name wins a shared alias."""
    table: dict[str, str] = {}
    for name in sorted(set(names), key=lambda n: len(core_name(n).split())):
        for alias in name_aliases(name):
            table[alias] = name
    return table


def canonical_speaker(name: str | None, aliases: Mapping[str, str]) -> str | None:
    """The full name an alias stands for, or the name itself when the table does not know it."""
    if not name:
        return None
    for form in (normalise_speaker(name), core_name(name)):
        if form in aliases:
            return aliases[form]
    return name


def same_speaker(claimed: str | None, actual: str | None, aliases: Mapping[str, str]) -> bool:
    """Whether two speaker names stand for the same speaker (Putin = Vladimir Putin).

    Args:
        claimed: the speaker a claim is credited to.
        actual: the speaker a source credits.
        aliases: alias -> full name table (see `build_alias_table`).

    Returns:
        True when both resolve to one name, or one's core name is the other's surname.
    """
    if not claimed or not actual:
        return False
    a = core_name(canonical_speaker(claimed, aliases) or claimed)
    b = core_name(canonical_speaker(actual, aliases) or actual)
    if a == b:
        return True
    a_words, b_words = a.split(), b.split()
    if not a_words or not b_words:
        return False
    shorter, longer = sorted((a_words, b_words), key=len)
    return len(shorter) == 1 and shorter[0] == longer[-1]


_GROUP_NOUN = re.compile(r"[a-z]+[^s']s")


def group_named_after(words: list[str]) -> bool:
    """Whether a mention's words are a group named after someone or somewhere ('European
    leaders', 'Clinton aides', 'White House officials'): not the person or place it names."""
    return len(words) >= 2 and words[-2][:1].isupper() and bool(_GROUP_NOUN.fullmatch(words[-1]))


def alias_table_in_order(names: list[str]) -> dict[str, str]:
    """Alias -> full name, like `build_alias_table`, but on a tie of length the
    name the document used first wins (so a stray 'Later Putin' cannot take 'putin')."""
    table: dict[str, str] = {}
    for name in dict.fromkeys(names):
        for alias in name_aliases(name):
            current = table.get(alias)
            if current is None or len(core_name(name).split()) > len(core_name(current).split()):
                table[alias] = name
    return table
