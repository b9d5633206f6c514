"""The attribution stage's word lists, as data files (see README.md in this folder).

A list is a file here, read once. A TXT list holds one entry per line; ``#`` starts a
comment; blank lines are skipped. In a list of verbs (`verbs`), a line of one word is a
base verb, inflected by `verb_forms`; a line of several words lists the forms as written
(irregular verbs, or a verb of which only some forms belong to the list). In a list of
nouns (`nouns`), a line of one word is a noun and its plural in -s; a line of several words
lists the forms as written. JSON files hold the lists that need structure (the cue tiers,
the pronouns; the abbreviations moved to the split stage, `factcheck/sources`).

    >>> "senator" in words("name_titles")
    True
    >>> "said" in verbs("cue_verbs")
    True
    >>> sorted(verb_forms("warn"))
    ['warn', 'warned', 'warning', 'warns']
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

_PACKAGE = __name__


def _text(filename: str) -> str:
    """The text of a file of this folder; FileNotFoundError names the list when absent."""
    path = resources.files(_PACKAGE).joinpath(filename)
    if not path.is_file():
        raise FileNotFoundError(f"no lexicon file {filename} in {_PACKAGE}")
    return path.read_text("utf-8")


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of the TXT list `name`, in file order (for regular expressions whose
    alternatives keep that order).

    Args:
        name: the file name without ``.txt`` ("weekdays").

    Returns:
        Each non-blank line without its comment and surrounding white space.
    """
    lines = (line.split("#", 1)[0].strip() for line in _text(f"{name}.txt").splitlines())
    return tuple(line for line in lines if line)


@cache
def words(name: str) -> frozenset[str]:
    """The entries of the TXT list `name` as a set ("titles" -> {"mr", "senator", …})."""
    return frozenset(entries(name))


def _frozen(value: Any) -> Any:
    """A JSON value that no caller can change: objects as read-only mappings, arrays as tuples."""
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


@cache
def data(name: str) -> Any:
    """The content of the JSON file `name` (without ``.json``), read-only (mappings and
    tuples: the value is shared by every caller)."""
    return _frozen(json.loads(_text(f"{name}.json")))


def verb_forms(verb: str) -> frozenset[str]:
    """The base, -s, past and -ing forms of a regular English verb ('warn' -> warn, warns,
    warned, warning; 'argue' -> argued, arguing; 'deny' -> denies, denied; 'push' ->
    pushes). The one inflector of the stage: irregular forms are written in the lists."""
    stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
    if verb.endswith("y"):
        return frozenset({verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"})
    past = stem + "d" if verb.endswith("ee") else stem + "ed"
    forms = {verb, verb + "s", past, stem + "ing"}
    if verb[-1] in "sh":
        forms.add(verb + "es")
    return frozenset(forms)


@cache
def verb_table(name: str) -> dict[str, frozenset[str]]:
    """Each verb of the verb list `name` (its line's first word) -> its forms."""
    table = {}
    for line in entries(name):
        forms = line.split()
        table[forms[0]] = frozenset(forms) if len(forms) > 1 else verb_forms(forms[0])
    return table


@cache
def verbs(name: str) -> frozenset[str]:
    """Every form of every verb of the verb list `name`."""
    return frozenset(form for forms in verb_table(name).values() for form in forms)


def finite_forms(name: str, verb: str) -> frozenset[str]:
    """The forms of one verb of a verb list without its -ing form ('say' -> say, says, said)."""
    return frozenset(form for form in verb_table(name)[verb] if not form.endswith("ing"))


@cache
def nouns(name: str) -> frozenset[str]:
    """Every form of the noun list `name`: a noun and its plural in -s, or the forms written."""
    forms: set[str] = set()
    for line in entries(name):
        written = line.split()
        forms.update(written if len(written) > 1 else (written[0], written[0] + "s"))
    return frozenset(forms)


@cache
def pronouns(kind: str) -> frozenset[str]:
    """The pronouns of one kind of pronouns.json ('person': he, she, him, her; 'group';
    'first_person'; 'subject'; 'object_only')."""
    return frozenset(data("pronouns")[kind])


@cache
def time_words() -> frozenset[str]:
    """The words of a time phrase after a cue or a name ('on Tuesday night', 'last week',
    'said today'): weekdays, days named from today, times of day, periods."""
    names = ("weekdays", "days_relative", "times_of_day", "time_periods")
    return frozenset().union(*(words(name) for name in names))


def lists() -> list[str]:
    """The file names of every list of this folder (TXT and JSON), sorted."""
    files = resources.files(_PACKAGE).iterdir()
    return sorted(f.name for f in files if f.name.endswith((".txt", ".json")))
