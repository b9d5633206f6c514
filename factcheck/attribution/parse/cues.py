"""The cue lexicon: hand-written verbs of saying (`CUE_FORMS`, with those whose object or
to-clause is their content), and the data-derived part: which word forms attribute (verbs,
adjectives, nouns), and which of their dependents is the content ("accused X of [placing
…]", "called for [a ban]", "expressed [concern]", "seemed [to favour …]"). `prep:X` means
the object of the preposition X.

The words are data in `factcheck/attribution/lexicon/` (its README says how each tier was
chosen, on the PolNeAR train split only): cue_verbs*.txt, the hand-picked tiers in
cue_tiers.json, and the last tier fitted by `benchmarks/fit_cues.py` in cues_fitted.json.
This module joins them into the tables the frames read.

Also the word sets other readings share: verbs of seeming, nouns of polling, and answers to a
request ("did not respond to a request for comment"), which say nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from factcheck.attribution import lexicon

OBJECT_FORMS: frozenset[str] = lexicon.verbs("cue_verbs_object")
INFINITIVE_FORMS: frozenset[str] = lexicon.verbs("cue_verbs_infinitive")
CUE_FORMS: frozenset[str] = lexicon.verbs("cue_verbs") | OBJECT_FORMS | INFINITIVE_FORMS
"""The hand-written verbs of saying and thinking, with the object and to-clause cues."""


def _by_form(*tables: Mapping[str, Sequence[str]]) -> dict[str, frozenset[str]]:
    """Word form -> the dependents that carry its content, from tables of dep -> forms."""
    forms: dict[str, set[str]] = {}
    for dep, words in (item for table in tables for item in table.items()):
        for word in words:
            forms.setdefault(word, set()).add(dep)
    return {word: frozenset(deps) for word, deps in forms.items()}


_TIERS = lexicon.data("cue_tiers")
_VERB_TIERS = [_TIERS["verbs"][tier] for tier in ("saying", "rarer", "beyond_verbs")]

BASE_CONTENT_DEPS: dict[str, frozenset[str]] = _by_form(*_VERB_TIERS)
"""The hand-picked tiers of cue_tiers.json, without the fitted one (what
`benchmarks/fit_cues.py` measures against)."""


def _read_fitted() -> Mapping:
    """factcheck/attribution/lexicon/cues_fitted.json (written by benchmarks/fit_cues.py on
    PolNeAR train); empty when the file is absent."""
    try:
        return lexicon.data("cues_fitted")
    except FileNotFoundError:
        return {}


_FITTED = _read_fitted()


def _fitted(kind: str) -> Mapping[str, Sequence[str]]:
    """The fitted tier of one kind ('verbs', 'nouns'): dep -> forms."""
    return _FITTED.get(kind, {})


CONTENT_DEPS: dict[str, frozenset[str]] = _by_form(*_VERB_TIERS, _fitted("verbs"))
"""Word form -> dependents ('ccomp', 'dobj', 'xcomp', 'prep:for' …) that hold its content."""

SEEMING_FORMS: frozenset[str] = lexicon.verbs("seeming_verbs")
"""Verbs of seeming: they say something of their subject, most often in the writer's words."""

POLL_NOUNS: frozenset[str] = lexicon.nouns("poll_nouns")
"""Nouns of polling: the source of the clause their "in" phrase modifies ("In a new poll, 50
percent …"; `parse.polls`)."""

LEXICON_FORMS: frozenset[str] = frozenset(CONTENT_DEPS) | POLL_NOUNS
"""Every word form of the data-derived lexicon, and the nouns of polling (their sentences are
parsed)."""


BASE_NOUN_CONTENT_DEPS: dict[str, frozenset[str]] = _by_form(_TIERS["nouns"]["saying"])
"""The noun tier of cue_tiers.json, without the fitted nouns."""

NOUN_CONTENT_DEPS: dict[str, frozenset[str]] = _by_form(_TIERS["nouns"]["saying"], _fitted("nouns"))
"""Noun form -> dependents ('acl', 'prep:of' …) that hold its content."""

LIGHT_VERBS: frozenset[str] = lexicon.verbs("light_verbs")
"""Verbs that say with an adjective: "made (it) clear that …"."""

LIGHT_ADJECTIVES: frozenset[str] = lexicon.words("light_adjectives")
"""Adjectives that attribute after a light verb ("made it clear that …")."""


_ANSWERING = lexicon.verbs("answering_verbs")
_REQUESTS = re.compile(
    r"(?:(?:an?|the|his|her|their|its|repeated|multiple|several|numerous)\s+)?"
    r"(?:requests?|inquir(?:y|ies)|calls?|messages?|e-?mails?|questions?|questionnaires?)\b",
    re.IGNORECASE,
)


def answers_a_request(cue: str, content: str) -> bool:
    """Whether a cue of answering has a request as its content ("did not respond to a
    request for comment", "answered questions about …"): what was asked, not said."""
    return cue in _ANSWERING and _REQUESTS.match(content) is not None
