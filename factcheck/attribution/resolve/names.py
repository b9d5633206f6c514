"""Names and mentions read from raw text, without a model: runs of capitalised words,
titles, datelines, the subject opening a sentence, pronoun sets. Used by `coref` to resolve
speakers and by the quote scanner to read a speaker mention.
"""

from __future__ import annotations

import re

from factcheck.attribution import lexicon
from factcheck.attribution.resolve.aliases import core_name

PERSON_PRONOUNS = lexicon.pronouns("person")
GROUP_PRONOUNS = lexicon.pronouns("group")
FIRST_PERSON = lexicon.pronouns("first_person")
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON
_NAME_WORD = r"(?:[A-Z][a-z]{0,2}\.|[A-Z][\w’'-]*)"  # 'Sen.', 'J.' keep their full stop
_PARTICLES = "|".join(lexicon.entries("name_particles"))  # 'Charles de Gaulle'
_NAME_RUN = re.compile(rf"\b{_NAME_WORD}(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+)?{_NAME_WORD})+")
_NOT_NAMES = lexicon.words("not_names") | lexicon.words("weekdays") | lexicon.words("months")
_LEAD = re.compile(
    r"(?:[A-Z][A-Z .,]+(?:\([^)]*\))?[ \t]*[-–—―][ \t]*)?"  # dateline: 'MACAU (Reuters) – '
    r"(?:(?:But|And|Yet|So|Still|Then|Now|Meanwhile|Later|Instead|However|Earlier),?[ \t]+)?"
)
_SUBJECT = re.compile(
    rf"(?:[Hh]e|[Ss]he|[Tt]hey|{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,4}})"
    r"(?=[ \t]+(?:(?:also|then|later|again|had|has|have|was|is|were|would|will)[ \t]+)?[a-z]+\b)"
)
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?"
    r"\s*(?:\([A-Za-z .]{1,30}\)\s*)?"
    r"|[A-Z][a-z.'’-]+(?:\s+[A-Z][a-z.'’-]+)?(?:,\s*[A-Z][a-z]+\.?)?\s*\([A-Z][A-Za-z .]{1,29}\)\s*)"
    r"(?:—|―|–|--?)\s*(?=\S)"
)


def after_dateline(text: str, start: int, end: int) -> int:
    """Where a sentence's words begin past a dateline ("WASHINGTON (AP) — ", "WASHINGTON ― ",
    "RENO, Nev. (AP) — ", "CLEVELAND, July 19 (UPI) — ", "Washington (AFP) – "): `start`
    when it has none."""
    match = _DATELINE.match(text, start, end)
    return match.end() if match else start


QUANTIFIERS = lexicon.words("quantifiers")


def is_name_title(word: str) -> bool:
    """Whether a word is a title or rank that `aliases.core_name` drops before a name
    (President, Mr.)."""
    return core_name(f"{word} Zzz") == "zzz"


def name_in(mention: str) -> str | None:
    """The person's name inside a mention, without titles ('my colleague Pjotr Sauer' ->
    'Pjotr Sauer', 'Russian President Vladimir Putin' -> 'Vladimir Putin', 'Rep. Gwen Moore
    (D-Wis.)' -> 'Gwen Moore'); None if none."""
    words = re.sub(r"\([^)]*\)?", " ", mention).split()
    runs: list[list[str]] = [[]]
    after_of: list[bool] = [False]
    for word in words:
        clean = word.strip(",;:()")
        if clean[:1].isupper() and clean.lower() not in _NOT_NAMES:
            runs[-1].append(clean)
        elif runs[-1] or clean == "of":
            runs.append([])
            after_of.append(clean == "of")
    found = next((i for i in range(len(runs) - 1, -1, -1) if runs[i]), None)
    if found and after_of[found] and len(runs[found]) == 1 and any(runs[:found]):
        found = max(i for i in range(found) if runs[i])  # 'Ted Cruz of Texas'
    best = list(runs[found]) if found is not None else []
    if found is not None and after_of[found] and len(best) >= 3:
        best = best[1:]  # 'Secretary of State John Kerry' -> 'John Kerry'

    titles = [i for i, word in enumerate(best[:-1]) if is_name_title(word)]
    if titles:
        best = best[titles[-1] + 1:]
    name = re.sub(r"[’']s$", "", " ".join(best))
    return name or None


def subject_mention(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A speaker mention opening the sentence text[start:end] ('Moore thanked him for …',
    'She also referenced …'): a pronoun or a name followed by a lower-case word; None if the
    sentence starts otherwise."""
    lead = _LEAD.match(text, start, end)
    match = _SUBJECT.match(text, lead.end() if lead else start, end)
    if match is None:
        return None
    words = match.group()
    if words.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS and name_in(words) is None:
        return None
    first = words.split()[0]
    if first.lower() in _CLAUSE_OPENERS or _participle(text, words):
        return None  # 'What Trump …', 'Smiling broadly, …': not the subject
    if first.lower() in _NOT_NAMES and " " in words:
        return match.start() + len(first) + 1, match.end()  # 'When Trump …': Trump
    return match.start(), match.end()


# Words opening a clause or a phrase that is no subject ('What Trump said …', 'Each side …',
# 'See …'); not 'When Trump …', whose subject often goes on to speak.
_CLAUSE_OPENERS = frozenset({"ever", "whether", "how", "why", "where", "what", "each", "see"})


def _participle(text: str, words: str) -> bool:
    """Whether a lone capitalised word opening a sentence is an -ing participle ('Smiling
    broadly, she …'), not a name: it is never written capitalised inside a sentence."""
    if " " in words or not words.endswith("ing"):
        return False
    return re.search(rf"[a-z,] {re.escape(words)}\b", text) is None


def person_names(text: str) -> list[str]:
    """Full names (two or more capitalised words, titles dropped) used in a text."""
    names = []
    for match in _NAME_RUN.finditer(text):
        name = name_in(match.group())
        if name and len(name.split()) >= 2 and name.split()[0].lower() not in _NOT_NAMES:
            names.append(name)
    return names


def organisation(mention: str) -> str | None:
    """'The White House' -> 'the White House'; None unless the mention is a 'the' + Name."""
    words = mention.strip().split()
    if len(words) >= 2 and words[0].lower() == "the" and words[1][:1].isupper():
        return " ".join(["the", *words[1:]])
    return None
