"""Speaker resolution: pronouns, surnames, titles and organisations to one speaker name.

Cheap rules, no model: a mention is a pronoun, a name (a run of capitalised words), an
organisation written with "the" (kept as written, with a lower-case "the"), or a
description ("a source"). Surnames and titled names resolve to the longest full name the
document uses for that surname; pronouns to the most recent speaker before them (he/she to
a person, they to a group or organisation), else to the most recent person named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.attribution import lexicon, tuning
from factcheck.attribution.resolve.aliases import (
    alias_table_in_order,
    canonical_speaker,
    core_name,
    group_named_after,
    surname,
)
from factcheck.attribution.resolve.names import (
    FIRST_PERSON,
    PERSON_PRONOUNS,
    PRONOUNS,
    QUANTIFIERS,
    name_in,
    organisation,
    person_names,
)
from factcheck.attribution.types import Rule

_POSSESSIVE = lexicon.data("pronouns")["possessive"]  # "his claim that …": he
_FEMALE_FIRST = lexicon.words("first_names_female")  # 'she' goes to a woman named last
_MALE_FIRST = lexicon.words("first_names_male")  # 'she' never falls back to a man named last
_OUTLET = re.compile(
    r"\b(?:The[ \t]+)?(?:[A-Z][\w.'’-]*[ \t]+){0,3}"
    rf"(?:{'|'.join(lexicon.entries('outlet_name_words'))})\b"
)
_OUTLET_WORDS = lexicon.words("outlet_descriptions")
_NO_ONE = {"it", "you", "this", "that", "which", "these", "those"}
_DETERMINERS = {"the", "a", "an", "one", "another", "some", "many", "several", "two", "three"}


@dataclass
class SpeakerResolver:
    """Resolves the speaker mentions of one document, read in text order."""

    text: str
    document_speaker: str | None = None
    aliases: dict[str, str] = field(default_factory=dict)
    history: list[tuple[int, str, bool]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.names = person_names(self.text)
        self.aliases = alias_table_in_order(self.names)
        self.female_surnames = {
            m.group(1).lower() for m in re.finditer(r"\b(?:Mrs|Ms|Miss)\.?[ \t]+([A-Z][\w’'-]+)", self.text)
        }
        self.people: dict[str, bool] = {}  # is_person, once per speaker name

    def resolve(self, mention: str, position: int) -> tuple[str | None, Rule]:
        """The speaker a mention at `position` stands for, with the rule that found it (its
        confidence is `tuning.CONFIDENCE[rule]`)."""
        words = mention.strip().split()
        lowered = mention.strip().lower()
        if not words:
            return None, Rule.NO_SPEAKER
        lowered = _POSSESSIVE.get(lowered, lowered)
        if lowered in PRONOUNS:
            return self._pronoun(lowered, position)
        if lowered in _NO_ONE:
            return None, Rule.NO_SPEAKER  # 'it said', 'you say': nobody a reader could name
        if " and " in lowered:
            return _conjoined(mention), Rule.CONJOINED
        if lowered in _OUTLET_WORDS:
            return self._outlet(mention, position)
        if words[0].lower() in QUANTIFIERS:
            return _description(mention), Rule.QUANTIFIED
        org = organisation(mention)
        if org is not None:
            return org, Rule.ORGANISATION
        named_aside = group_named_after(words) or _named_in_a_phrase(words)
        name = None if named_aside else name_in(mention)
        if name is None:
            return _description(mention), Rule.DESCRIPTION
        return self._titled_name(words, name) or self._full_name(name), Rule.NAME

    def _titled_name(self, words: list[str], name: str) -> str | None:
        """The full name a 'Mrs. Clinton' / 'Mr. Clinton' stands for when the document names
        both a woman and a man of that surname: the one of the title's gender."""
        titles = {w.lower().rstrip(".") for w in words}
        if len(name.split()) != 1 or not titles & {"mrs", "ms", "miss", "mr"}:
            return None
        female = bool(titles & {"mrs", "ms", "miss"})
        fitting = [n for n in self.names if surname(n) == surname(name)
                   and (core_name(n).split()[0] in _FEMALE_FIRST) == female]
        return max(fitting, key=lambda n: len(n.split())) if fitting else None

    def remember(self, speaker: str | None, position: int) -> None:
        """Record a resolved speaker, for the pronouns that follow it."""
        if speaker:
            self.history.append((position, speaker, self.is_person(speaker)))

    def is_person(self, speaker: str) -> bool:
        """Whether a speaker name looks like a person (a known full name or surname)."""
        if speaker not in self.people:
            self.people[speaker] = self._looks_like_a_person(speaker)
        return self.people[speaker]

    def _looks_like_a_person(self, speaker: str) -> bool:
        words = speaker.split()
        if speaker.startswith(("the ", "a ", "an ")) or not all(
            w[:1].isupper() or w in _NAME_PARTICLES for w in words
        ):
            return False  # 'their candidate', 'varying national heritage'
        if _organisation_name(speaker, self.text):
            return False  # 'Rhode Island', 'Sandy Hook Elementary School'
        return len(words) >= 2 or surname(speaker) in self.aliases

    def _full_name(self, name: str) -> str:
        """The full name a surname or titled name stands for."""
        return canonical_speaker(name, self.aliases) or name

    def _pronoun(self, pronoun: str, position: int) -> tuple[str | None, Rule]:
        """Most recent fitting speaker before `position` (she: a woman, he: not a woman),
        else the most recent fitting person named (she: at least not a known man's name)."""
        if pronoun in FIRST_PERSON:
            if self.document_speaker:
                return self.document_speaker, Rule.FIRST_PERSON
            return None, Rule.NO_SPEAKER
        want_person = pronoun in PERSON_PRONOUNS
        female = pronoun in ("she", "her")
        for spoken_at, speaker, person in reversed(self.history):
            if spoken_at < position and person == want_person and (
                not want_person or self.is_female(speaker) == female
            ):
                return speaker, Rule.PRONOUN_RECENT
        if want_person:
            window = self.text[max(0, position - tuning.PRONOUN_LOOKBACK):position]
            before = [self._full_name(n) for n in person_names(window)
                      if not _organisation_name(n, window)]
            fitting = [n for n in before if self.is_female(n) == female]
            unsure = [n for n in before if not female or core_name(n).split()[0] not in _MALE_FIRST]
            if fitting or unsure:
                rule = Rule.PRONOUN_NAMED if fitting else Rule.PRONOUN_UNSURE
                return (fitting or unsure)[-1], rule
        return None, Rule.NO_SPEAKER

    def is_female(self, speaker: str) -> bool:
        """Whether a person's name is a woman's: a known female first name, or a surname the
        document writes after Mrs., Ms. or Miss."""
        words = core_name(speaker).split()
        return bool(words) and (words[0] in _FEMALE_FIRST or words[-1] in self.female_surnames)

    def _outlet(self, mention: str, position: int) -> tuple[str, Rule]:
        """'the newspaper' -> the news outlet named last before it, else as written."""
        for _, speaker, _ in reversed(self.history):
            if _OUTLET.search(speaker):
                return speaker, Rule.OUTLET_RECENT
        start = max(0, position - tuning.OUTLET_LOOKBACK)
        named = list(_OUTLET.finditer(self.text, start, position))
        if named:
            return organisation(named[-1].group()) or named[-1].group(), Rule.OUTLET_NAMED
        return _description(mention), Rule.OUTLET_DESCRIBED


def _organisation_name(name: str, text: str) -> bool:
    """Whether a capitalised name is an outlet, an organisation or a place, not a person: an
    outlet's word ('Huffington Post'), an institution's or a place's head word ('Justice
    Department', 'Rhode Island'), or written after 'in' ('in Puerto Rico')."""
    name = name.rstrip(".,;:")
    if not name or _OUTLET.search(name) or name.split()[-1].lower() in _INSTITUTION_HEADS:
        return True
    return re.search(rf"\bin {re.escape(name)}\b", text) is not None


_INSTITUTION_HEADS = lexicon.words("institution_words")


def _conjoined(mention: str) -> str:
    """Conjoined speakers as written, 'The Kremlin and the White House' -> 'the Kremlin and
    the White House' (one speaker string naming both)."""
    words = mention.strip().split()
    if len(words) > 3 and words[0].lower() == "both":
        words = words[1:]
    if words and words[0] == "The":
        words[0] = "the"
    return " ".join(words)


def _named_in_a_phrase(words: list[str]) -> bool:
    """Whether a described speaker names someone only inside a phrase of place or purpose
    ('a narrator in the Clinton ad', 'a spokesman for Trump'): the speaker is not that one."""
    first_name = next((i for i, w in enumerate(words) if w[:1].isupper()), len(words))
    return (
        first_name > 1 and words[0].lower() in _DETERMINERS
        and any(w in _PHRASE_PREPOSITIONS for w in words[1:first_name])
    )


_NAME_PARTICLES = lexicon.words("name_particles")
_PHRASE_PREPOSITIONS = {"in", "for", "at", "from", "with", "on", "to", "behind", "near"}


def _description(mention: str) -> str:
    """A speaker described, not named ('A source' -> 'a source'), as written."""
    words = mention.strip().split()
    if words and words[0].lower() in _DETERMINERS | QUANTIFIERS:
        words[0] = words[0].lower()
    return " ".join(words)
