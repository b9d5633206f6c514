"""The word lists of factcheck/attribution/lexicon/: every file loads through importlib.resources,
holds no entry twice, lists that must be disjoint are, the README names every file, and no
module of the package keeps a word set of its own that a lexicon file holds."""

import ast
import itertools
import tomllib
from collections.abc import Mapping
from fnmatch import fnmatch
from importlib import resources
from pathlib import Path

import pytest

from factcheck.attribution import lexicon

_ROOT = Path(__file__).resolve().parents[2]
_FOLDER = resources.files("factcheck.attribution.lexicon")
_TXT = [name[:-4] for name in lexicon.lists() if name.endswith(".txt")]
_JSON = [name[:-5] for name in lexicon.lists() if name.endswith(".json")]
# Lists whose one-word lines are base verbs (inflected) or nouns (plural in -s added).
_VERB_LISTS = {
    "cue_verbs", "cue_verbs_object", "cue_verbs_infinitive", "seeming_verbs", "light_verbs",
    "answering_verbs", "naming_verbs", "object_control_verbs", "light_holder_verbs",
    "giving_verbs", "sending_verbs",
}
_NOUN_LISTS = {"poll_nouns", "document_nouns"}
_DISJOINT = [
    ("first_names_female", "first_names_male"),
    ("weekdays", "months", "days_relative", "times_of_day", "time_periods", "time_adverbs"),
    ("sentence_adverbs", "time_adverbs"),
    ("not_names", "weekdays", "months"),
    ("name_titles", "name_suffixes"),
]


def _json_lists(value, where: str = ""):
    """Every list of strings in a JSON value, with where it is."""
    if isinstance(value, tuple):
        yield where, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _json_lists(item, f"{where}/{key}")


def _expanded(name: str) -> frozenset[str]:
    """A TXT list as the code reads it (every form of a verb or noun list)."""
    if name in _VERB_LISTS:
        return lexicon.verbs(name)
    return lexicon.nouns(name) if name in _NOUN_LISTS else lexicon.words(name)


def test_lists_are_found_and_loaded():
    assert len(_TXT) >= 40
    assert {"cue_tiers", "cues_fitted", "pronouns"} <= set(_JSON)
    for name in _TXT:
        assert lexicon.entries(name), name
        assert all(entry == entry.strip() and entry for entry in lexicon.entries(name))
    for name in _JSON:
        assert lexicon.data(name), name
    assert lexicon.words("weekdays") is lexicon.words("weekdays")  # read once
    with pytest.raises(TypeError):
        lexicon.data("pronouns")["possessive"]["his"] = "she"  # shared: read-only


def test_unknown_list_is_a_clear_error():
    with pytest.raises(FileNotFoundError, match="no_such_list.txt"):
        lexicon.entries("no_such_list")


@pytest.mark.parametrize("name", _TXT)
def test_no_entry_twice(name):
    entries = lexicon.entries(name)
    assert len(entries) == len(set(entries)), [e for e in entries if entries.count(e) > 1]
    if name in _VERB_LISTS | _NOUN_LISTS:  # one line per verb or noun
        firsts = [entry.split()[0] for entry in entries]
        assert len(firsts) == len(set(firsts)), name


@pytest.mark.parametrize("name", _JSON)
def test_no_json_entry_twice(name):
    for where, values in _json_lists(lexicon.data(name)):
        assert len(values) == len(set(values)), f"{name}{where}"


def test_verb_lines_list_forms_only_where_the_rule_does_not_give_them():
    for name in _VERB_LISTS:
        for line in lexicon.entries(name):
            forms = line.split()
            assert len(forms) == 1 or set(forms) != lexicon.verb_forms(forms[0]), (name, line)


def test_verb_forms():
    assert lexicon.verb_forms("argue") == {"argue", "argues", "argued", "arguing"}
    assert lexicon.verb_forms("deny") == {"deny", "denies", "denied", "denying"}
    assert lexicon.verb_forms("agree") == {"agree", "agrees", "agreed", "agreeing"}
    assert "pushes" in lexicon.verb_forms("push")
    assert lexicon.finite_forms("cue_verbs", "say") == {"say", "says", "said"}


@pytest.mark.parametrize("names", _DISJOINT)
def test_disjoint_lists(names):
    for a, b in itertools.combinations(names, 2):
        assert not lexicon.words(a) & lexicon.words(b), (a, b, lexicon.words(a) & lexicon.words(b))


def test_disjoint_json_groups():
    pronouns = lexicon.data("pronouns")
    for a, b in itertools.combinations(("person", "group", "first_person"), 2):
        assert not set(pronouns[a]) & set(pronouns[b])


def test_files_are_package_data_and_named_in_the_readme():
    patterns = tomllib.loads((_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["factcheck.attribution.lexicon"]
    readme = _FOLDER.joinpath("README.md").read_text("utf-8")
    for item in _FOLDER.iterdir():
        if item.name in ("__init__.py", "__pycache__"):
            continue
        assert any(fnmatch(item.name, p) for p in patterns), f"{item.name} is not package data"
        assert item.name == "README.md" or f"`{item.name}`" in readme, f"README lacks {item.name}"


def _literal_words(node) -> set[str] | None:
    """The words of a literal word set in code: {"a", "b"}, frozenset({...}), ("a", "b"),
    "a b c".split() or a string of three or more lower-case words; else None."""
    if isinstance(node, ast.Call) and node.args and getattr(node.func, "id", "") in (
        "frozenset", "set", "tuple"
    ):
        return _literal_words(node.args[0])
    if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "split":
        return _literal_words(node.func.value)
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        strings = [v for v in values if isinstance(v, str)]
        return set(strings) if strings and len(strings) == len(node.elts) else None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        words = node.value.split()
        if len(words) >= 3 and all(w.isalpha() and w.islower() for w in words):
            return set(words)
    return None


def _code_word_sets():
    """(module, name, words) of every module-level literal word set of the package."""
    for path in sorted((_ROOT / "factcheck").rglob("*.py")):
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                found = _literal_words(node.value)
                if found and len(found) >= 2:
                    name = getattr(targets[0], "id", "?")
                    yield path.relative_to(_ROOT), name, found


def test_no_word_set_in_code_copies_a_lexicon_list():
    """A word set left in code (see the README's 'Left in code') neither equals a lexicon
    list, nor holds a whole one, nor (four words or more) is a part of one."""
    lists = {name: _expanded(name) for name in _TXT}
    for name in _JSON:
        for where, values in _json_lists(lexicon.data(name)):
            lists[f"{name}{where}"] = frozenset(v for v in values if isinstance(v, str))
    for module, constant, found in _code_word_sets():
        for name, listed in lists.items():
            copied = found == listed or (len(listed) >= 2 and listed <= found)
            part = len(found) >= 4 and found <= listed
            assert not (copied or part), f"{module} {constant} copies the lexicon list {name}"


def test_code_reads_the_lists():
    from factcheck.attribution.parse import cues
    from factcheck.attribution.quotes import tags
    from factcheck.attribution.resolve import coref, names

    assert lexicon.verbs("cue_verbs") <= cues.CUE_FORMS and "said" in cues.CUE_FORMS
    assert {"monday", "night", "week"} <= tags.TIME_WORDS
    assert "hillary" in coref._FEMALE_FIRST and "donald" in coref._MALE_FIRST
    assert names._NAME_RUN.search("met Charles de Gaulle.").group() == "Charles de Gaulle"
