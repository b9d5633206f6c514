"""Complements a verb reports beyond its cue lexicon: the complement holding a quoted
fragment ("ripped [Comey for acting as “the judge and the jury”]"), the subject a verb of
seeming or a passive raises out of its complement ("[Trump] is expected [to win]"), and the
verb of naming that only gives a name ("a super PAC called Our Principles"), which reports
nothing. Part of the attribute stage (`parse.content` gives the spans).
"""

from __future__ import annotations

from factcheck.attribution.parse.content import (
    clause_span,
    holds_quote,
    naming_span,
    object_span,
    trimmed,
)
from factcheck.attribution.parse.cues import SEEMING_FORMS


def quoted_complement(verb, offset: int) -> tuple[int, int] | None:
    """A cue's complement after it holding quoted words, when its lexicon names no content
    there ("pledged [“cooperation” toward shared objectives]", "boasted about [a plan to
    spend “a million dollars” …]"); None without one."""
    for child in verb.children:
        if child.i > verb.i and child.dep_ in _COMPLEMENTS and holds_quote(child):
            return complement_span(verb, child, offset)
    return None


_COMPLEMENTS = frozenset({"dobj", "oprd", "xcomp", "prep"})


def complement_span(verb, child, offset: int) -> tuple[int, int] | None:
    """What a verb reports in one of its complements: a clause, an object or infinitive (with
    what completes it), the object of a preposition (with the verb's object before it);
    None for other dependents (the subject, an adverbial)."""
    if child.dep_ == "ccomp":
        return clause_span(verb, child, offset)
    if child.dep_ in ("dobj", "oprd"):
        return naming_span(verb, offset) or object_span(verb, child, offset)
    if child.dep_ == "xcomp":
        return object_span(verb, child, offset)
    if child.dep_ == "prep":
        objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        return object_span(verb, objects[0], offset) if objects else None
    return None


def raised_subject(cue, content, offset: int):
    """For a cue that says nothing of its own subject, a verb of seeming or a passive without
    its agent ("[Trump] is expected [to deliver a speech]", "[Washington] appears [weak]"):
    the content from that subject on and the cut between (auxiliaries and cue), as PolNeAR's
    Content holds the subject; None otherwise."""
    if content is None or content[0] < offset + cue.idx + len(cue.text):
        return None
    if any(c.dep_ in ("ccomp", "agent") for c in cue.children):
        return None  # 'it is expected that …', '… is expected by analysts to …'
    if cue.lower_ not in SEEMING_FORMS and not any(_predicated(c) for c in cue.children):
        return None  # 'Scott was asked about …': the subject is the one asked
    kinds = ("nsubj", "nsubjpass") if cue.lower_ in SEEMING_FORMS else ("nsubjpass",)
    subjects = [c for c in cue.children if c.dep_ in kinds and c.i < cue.i]
    if not subjects:
        return None
    subject = trimmed(cue.doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1], offset)
    if subject is None:
        return None
    return (subject[0], content[1]), (subject[1], content[0])


def _predicated(child) -> bool:
    """Whether a passive cue's dependent says something of its subject: an infinitive or an
    "as" phrase ("is expected [to win]", "is seen [as a favourite]")."""
    return child.dep_ == "xcomp" or (child.dep_ == "prep" and child.lower_ == "as")


def gives_a_name(verb) -> bool:
    """Whether a verb of naming only gives something its name, a name in title case
    without quotation marks ('a super PAC called Our Principles'): nothing is said."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    if [c.dep_ for c in objects] != ["oprd"] or holds_quote(objects[0]):
        return False
    return all(t.text[:1].isupper() for t in objects[0].subtree if not t.is_punct)
