"""Who a cue's speaker is, read from spaCy's dependency parse: the subject of the cue verb
(through conjoined, participle and prepositional verbs), the antecedent of a relative
pronoun, the agent of a passive, and the speaker mention as written. Part of the attribute
stage (`frames` reads the cues and their content).
"""

from __future__ import annotations

_MENTION_DEPS = {"compound", "det", "amod", "poss", "flat", "nmod", "conj", "cc", "nummod"}


def subject_of(token):
    """The speaker token of a cue verb: its subject, looking up through conjoined, participle
    and prepositional verbs ("… before explaining"); the noun a participle or relative clause
    modifies ("a statement saying", "voters who believe"); the agent of a passive cue ("was
    asked by Baker"), None for a passive without one ("Trump is expected to …")."""
    for _ in range(4):
        for child in token.children:
            if child.dep_ == "nsubj":
                return _antecedent(child, token)
            if child.dep_ == "nsubjpass":
                return _agent(token)
        if token.dep_ == "acl" and token.head.dep_ in ("nsubj", "ROOT", "appos"):
            return token.head
        if token.dep_ not in _UP_DEPS or token.head is token:
            return None
        token = token.head
        if token.dep_ == "prep" and token.head is not token:
            token = token.head
    return None


_UP_DEPS = {"conj", "advcl", "xcomp", "pcomp"}
_RELATIVE = {"who", "that", "which"}


def _antecedent(subject, verb):
    """The noun a relative pronoun stands for ("voters who believe" -> voters)."""
    if subject.lower_ in _RELATIVE and verb.dep_ == "relcl" and verb.head is not verb:
        return verb.head
    return subject


def is_passive(verb) -> bool:
    """Whether a verb has a passive subject ("Trump is expected to …")."""
    return any(child.dep_ == "nsubjpass" for child in verb.children)


def _agent(verb):
    """The object of a passive verb's by-phrase, if any."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def mention_of(head, offset: int) -> tuple[int, int]:
    """The speaker as written: the subject's name words, without clauses or appositions."""
    tokens = [head]
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in _MENTION_DEPS or _close_apposition(child):
                tokens.append(child)
                stack.append(child)
    first = min(t.idx for t in tokens)
    last = max(t.idx + len(t.text) for t in tokens)
    return offset + first, offset + last


def _close_apposition(token) -> bool:
    """A name in apposition without a comma ('my colleague Pjotr Sauer')."""
    head = token.head
    return (
        token.dep_ == "appos" and token.text[:1].isupper() and head.text[:1].islower()
        and not any(t.is_punct for t in token.doc[head.i + 1:token.left_edge.i])
    )
