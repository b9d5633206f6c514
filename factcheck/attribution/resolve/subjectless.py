"""Speakers of verbs the parser left without a subject: a noun it attached loosely, a name
it took for an adverb, an interjection or an auxiliary, the subject it hung on a clause
before the verb, the noun written right before the verb. Part of the attribute stage
(`resolve.subjects` reads the ordinary subjects).
"""

from __future__ import annotations

from factcheck.attribution import lexicon
from factcheck.attribution.parse.cues import CUE_FORMS

_LOOSE_SUBJECT_DEPS = {"npadvmod", "nummod", "csubj", "dep", "nmod", "compound", "amod"}
_SKIP_DEPS = {"advmod", "aux", "neg", "auxpass"}


def misparsed_subject(verb):
    """The subject of a finite verb the parser left without one: a noun it attached to the
    verb loosely ("About 4 in 10 say" / "Less than a third agreed"), the subject of a
    clausal subject ("Large majorities … going to the polls said"), a capitalised name it
    took for an adverb or an auxiliary ("Jolly said …"), or the noun written right before
    the verb ("…, 62-year-old Brenda Johnson also railed"); the subject of the first verb of
    a series the parser took for a clause of its own ("Trump summed up …, denounced … and
    said …"); a name the parser took for an interjection ("Trump, meanwhile, was …"); never a
    time ("Sunday, …")."""
    if verb.dep_ not in ("ROOT", "conj"):
        return None
    if verb.lower_.endswith("ing") and not any(c.dep_ == "aux" for c in verb.children):
        return None  # a participle, not a finite verb ('was making' is one)
    left = [c for c in verb.lefts if not c.is_punct and c.lower_ not in _TIMES]
    for child in reversed(left):
        if child.dep_ == "csubj" or _series(child):
            return next((c for c in child.children if c.dep_ == "nsubj"), None)
        if _name_as_interjection(child):
            return child
        if child.dep_ in _LOOSE_SUBJECT_DEPS and child.i == verb.i - 1 or _named(child, verb):
            return child
    noun = _noun_before(verb)
    if noun is not None:
        return noun
    return next((c for c in reversed(left) if c.dep_ in _LOOSE_SUBJECT_DEPS), None)


_TIMES = lexicon.time_words() | lexicon.words("time_adverbs")
_ADVERBS = lexicon.words("sentence_adverbs") | lexicon.words("time_adverbs")


def _named(child, verb) -> bool:
    """A capitalised word the parser took for an adverb or auxiliary right before a verb
    without a subject, which stands for the speaker's name ('Jolly said', 'Will believes')."""
    return (
        child.dep_ in ("advmod", "aux", "npadvmod") and child.i == verb.i - 1
        and child.text[:1].isupper() and child.lower_ not in _ADVERBS
        and (child.i == 0 or child.doc[child.i - 1].is_punct)
    )


def _noun_before(verb):
    """The noun written right before a verb (past its adverbs, auxiliaries and a comma)."""
    before = verb.i - 1
    while before >= 0 and (
        verb.doc[before].dep_ in _SKIP_DEPS and verb.doc[before].head == verb
        or verb.doc[before].text == ","
    ):
        before -= 1
    noun = verb.doc[before] if before >= 0 else None
    if noun is not None and noun.lower_ in _OBJECT_PRONOUNS:
        return _before_aside(noun)  # 'Clinton, without naming him, also accused …'
    if noun is not None and noun.dep_ == "appos" and noun.like_num:
        return noun.head  # an age set off by commas: 'Marcel Lazar, 44, said …'
    if noun is not None and noun.dep_ in ("pobj", "appos", "dobj", "conj"):
        noun = _clause_owner(noun) or noun
        return None if noun.lower_ in _TIMES else noun
    return None


def _clause_owner(last):
    """The noun whose clause ends with a phrase's last word ("Merkel, who has adopted … in
    the Middle East, warned" -> Merkel; "Trump, speaking at a rally in Charleston, West
    Virginia, did not …" -> Trump); None when no clause holds it."""
    owner, token = None, last
    while token.head != token and token.head.right_edge.i <= last.i + 1:
        if token.dep_ in ("relcl", "acl", "advcl"):
            owner = token.head
        token = token.head
    if owner is None and token.dep_ == "advcl" and token.lower_.endswith("ing"):
        return _before_aside(token)  # the parser hung the participle on the verb
    return owner


_OBJECT_PRONOUNS = lexicon.pronouns("object_only")


def _before_aside(word):
    """The capitalised name right before an aside set off by commas that ends with a word
    that cannot be a subject ('Clinton, without naming him, also accused …'); else None."""
    i = word.i - 1
    while i > word.sent.start and word.doc[i].text != ",":
        i -= 1
    name = word.doc[i - 1] if i > word.sent.start else None
    return name if name is not None and name.text[:1].isupper() else None


def _series(child) -> bool:
    """A clause before a verb, without a subordinating word, that the parser hung on it: the
    first verb of a series sharing one subject ("Trump summed up Clinton as “terrible,”
    denounced her record and said …"), also one taken for a clause reported by the verb but
    joined to it by 'and' ("Cranston stood at his pulpit and, citing Exodus, endorsed …")."""
    coordinated = child.dep_ == "ccomp" and any(c.dep_ == "cc" for c in child.children)
    return (
        (child.dep_ == "advcl" or coordinated) and child.left_edge.i == child.sent.start
        and not any(c.dep_ == "mark" or c.lower_ in _SUBORDINATORS for c in child.lefts)
        and any(c.dep_ == "nsubj" and c.lower_ not in ("it", "there") for c in child.children)
    )


def joined_cue(verb):
    """The cue a cue verb without a subject of its own continues when the parser joined it by
    "and"/"but" to the verb of that cue's reported clause ("Trump said he hasn't … and
    suggested that …" -> said: Trump suggested, not the reported clause's "he"); else None."""
    if verb.dep_ != "conj" or verb.lower_ not in CUE_FORMS:
        return None
    doc, left = verb.doc, verb.left_edge.i
    if left == 0:
        return None
    if doc[left - 1].lower_ not in ("and", "but") or verb.head.dep_ != "ccomp":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    cue = verb.head.head
    return cue if cue.lower_ in CUE_FORMS and cue.i < verb.head.i else None


_SUBORDINATORS = lexicon.words("subordinators")
_INTERJECTIONS = lexicon.words("interjections")


def _name_as_interjection(child) -> bool:
    """A capitalised word opening the sentence that the parser took for an interjection
    ("Trump, meanwhile, was making …")."""
    return (
        child.dep_ == "intj" and child.i == child.sent.start and child.text[:1].isupper()
        and child.lower_ not in _INTERJECTIONS and child.lower_ not in _ADVERBS
    )
