"""Who a cue's speaker is, read from spaCy's dependency parse: the subject of the cue verb
(through conjoined, participle and prepositional verbs), the antecedent of a relative
pronoun, the agent of a passive, and the speaker mention as written. Part of the attribute
stage (`frames` reads the cues and their content).
"""

from __future__ import annotations

from factcheck.attribution import lexicon
from factcheck.attribution.parse.cues import CUE_FORMS, SEEMING_FORMS
from factcheck.attribution.resolve.forms import (
    auxiliary_subjects,
    called_for_misread,
    circumstance,
    for_subject,
    infinitive,
    inverted_subject,
    light_noun,
    object_control,
    partitive_whole,
    passive_cue,
    perfect_s,
    recipient,
    sender,
)
from factcheck.attribution.resolve.subjectless import joined_cue, misparsed_subject


def subject_of(token):
    """The speaker token of a cue verb: its subject, looking up through conjoined, participle
    and prepositional verbs ("… before explaining"); the subject of the main clause for a
    participle set off by a comma ("Rubio had a strong moment, denouncing …"); the noun a
    participle or relative clause modifies ("a statement saying", "voters who believe"); the
    agent of a passive cue ("was asked by Baker"), None for a passive without one ("Trump is
    expected to …", "has been seen as", "a group called …"); the passive subject of a verb
    that a cue hangs on ("Trump was prompted to say …", "was asked and said …"); the
    subject written after a cue set off by a comma ("…, said Doyle, …").

    The rules of `_SPEAKER_RULES` are tried in their order; the first that decides wins."""
    found = _first(_SPEAKER_RULES, token)
    return None if found is _NOBODY else found


def _first(rules, token):
    """What the first of `rules` (functions of a token) that returns something returns."""
    for rule in rules:
        found = rule(token)
        if found is not None:
            return found
    return None


# What a rule returns to say the cue has no speaker (None passes on to the next rule).
_NOBODY = object()


def _decided(speaker):
    """A speaker a rule settles on, `_NOBODY` for None: the rules after it are not tried."""
    return _NOBODY if speaker is None else speaker


def _passive_agent(token):
    """A passive cue's agent ("was asked by Baker"), nobody without one ("is expected to")."""
    return _decided(_agent(token)) if passive_cue(token) else None


def _called_for_head(token):
    """'a group of rabbis called for a boycott': the parser's participle is the group's verb."""
    if not called_for_misread(token):
        return None
    return None if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) else token.head


def _joined_subject(token):
    """'Trump said he … and suggested …': the speaker of the cue this one is joined to."""
    joined = joined_cue(token)
    return None if joined is None else _decided(subject_of(joined))


def _walk_up(token):
    """The speaker found looking up the parse from a cue, at most five steps: at each token
    the speaker written there (`_written_here`), else a hop to the verb whose subject speaks
    (`_HOPS`, in their order), else a stop (`_leave`) or a step up to the head, past a
    preposition ("… before explaining")."""
    start, by_means = token, False
    for _ in range(5):
        found = _written_here(token, token == start, by_means)
        if found is not None:
            return found
        hop = _first(_HOPS, token)
        if hop is not None:
            token = hop
            continue
        token, found = _leave(token)
        if found is not None:
            return found
        token = token.head
        by_means = token.lower_ == "by"
        if token.dep_ == "prep" and token.head != token:
            token = token.head
    return None


def _written_here(token, at_start: bool, by_means: bool):
    """The speaker written at one token of the walk, tried in this order: a subject after a
    cue set off by a comma (above the cue only), an active subject, a passive subject, a
    by-agent, the noun a participle modifies; None when none is."""
    if not at_start:
        inverted = inverted_subject(token)
        if inverted is not None:
            return inverted  # '…,” said Skelly, explaining …'
    found = _active_here(token, at_start)
    if found is None:
        found = _passive_here(token, at_start, by_means)
    if found is None:
        found = _agent(token)  # 'as first reported by the New York Times'
    if found is None and token.dep_ == "acl" and token.head.dep_ in ("nsubj", "ROOT", "appos"):
        found = partitive_whole(token.head, token) or token.head
    return found


def _active_here(token, at_start: bool):
    """The active subject of a token of the walk; nobody for an empty subject of 'be' above
    the cue ("It's easy to criticize …"); None without a subject."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"] or auxiliary_subjects(token)
    if not subjects:
        return None
    subject = _closest(subjects, token)
    if not at_start and subject.lower_ in _EMPTY and token.lower_ in _BE:
        return _NOBODY  # 'It's easy to criticize …': nobody in particular
    return _antecedent(subject, token)


def _passive_here(token, at_start: bool, by_means: bool):
    """The speaker a passive subject gives: itself for "he's said" (has, not is) or above the
    cue, else the agent ("is justified by arguing …": nobody without one); None without one."""
    passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if passive is None:
        return None
    if perfect_s(token):
        return _antecedent(passive, token)  # "he's said": has, not is
    if at_start or by_means:
        return _decided(_agent(token))  # 'is justified by arguing …': nobody in particular
    return _antecedent(passive, token)


def _past_attribute(token):
    """'Grijalva was the first Democrat to endorse …': the verb of the attribute's clause."""
    if token.dep_ in ("acl", "relcl") and token.head.dep_ == "attr" and infinitive(token):
        return token.head.head
    return None


def _past_light_noun(token):
    """'Manafort had reason to know that …': the verb holding the light noun."""
    if token.dep_ == "acl" and light_noun(token.head) and infinitive(token):
        return token.head.head
    return None


def _past_circumstance(token):
    """'at one point calling …': the verb of the clause the circumstance is in."""
    if token.dep_ == "acl" and circumstance(token):
        return token.head.head.head
    return None


def _leave(token):
    """How the walk leaves a token it found no speaker at: the token it goes up from (the
    issuer of a document, "His office put out a statement saying …"), with the speaker that
    stops it, or `_NOBODY`, or None to go on up."""
    if token.dep_ == "acl" and token.head.dep_ in _ISSUED and _issued(token.head):
        token = token.head
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None:
            return token, owner  # 'responded to Clinton's speech denouncing him
    elif token.dep_ == "acl" and token.head.dep_ in _ISSUED:
        return token, token.head  # 'carried placards supporting Sanders', 'ledgers showing'
    elif not _goes_up(token):
        return token, _decided(misparsed_subject(token))
    return token, object_control(token)


def _goes_up(token) -> bool:
    """Whether a verb's speaker is its head's: a conjoined, adverbial, controlled or
    prepositional verb, one the parser attached loosely ('dep': "Mr. Bush, channeling his
    roots, responded by saying …"), or the predicate of a copula ("has been the most
    aggressive in denouncing …")."""
    if token.head == token:
        return False
    return (
        token.dep_ in _UP_DEPS or (token.dep_ == "attr" and token.head.lower_ in _BE)
        or light_noun(token)
    )


def _closest(subjects: list, verb):
    """Of several subjects the parser gave one verb ('which she said'), the one nearest
    before it (else the first)."""
    before = [s for s in subjects if s.i < verb.i and s.lower_ not in _RELATIVE]
    named = [s for s in before if s.lower_ not in _FLOATING]
    if named:
        return named[-1]
    return before[-1] if before else subjects[0]


_FLOATING = frozenset({"both", "all", "each"})  # 'Republicans — … — both suggested'


def _free_adjunct_subject(token):
    """The subject of the main clause for an -ing participle set off by a comma, which the
    parser hung on a noun or a relative clause ("Rubio had a strong moment that could play
    big, forcefully denouncing …" -> Rubio); None otherwise."""
    if not token.lower_.endswith("ing") or token.dep_ not in ("advcl", "acl"):
        return None
    left = token.left_edge.i
    if left == 0 or token.doc[left - 1].text != ",":
        return None
    root = token.sent.root
    if root == token.head and token.dep_ == "advcl":
        return None  # the ordinary walk up reaches the same subject
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i < token.i]
    if not subjects or subjects[-1].lower_ in _EMPTY:
        return None
    return _antecedent(subjects[-1], root)


_EMPTY = frozenset({"it", "there", "that", "this"})
_EXPLETIVES = frozenset({"it", "there"})
_BE = frozenset({"is", "'s", "’s", "was", "be", "been", "are", "were", "being"})
_UP_DEPS = {"conj", "advcl", "xcomp", "pcomp", "acomp", "dep"}
_ISSUED = {"dobj", "pobj"}
_DOCUMENTS = lexicon.nouns("document_nouns")


def _issued(noun) -> bool:
    """Whether a noun is something issued that speaks for its issuer (a statement, a note)."""
    return noun.lower_ in _DOCUMENTS
_RELATIVE = {"who", "that", "which"}


def _antecedent(subject, verb):
    """The noun a relative pronoun stands for ("voters who believe" -> voters)."""
    if subject.lower_ in _RELATIVE and verb.dep_ == "relcl" and verb.head != verb:
        return verb.head
    return subject


# The rules of `subject_of`, in the order they are tried: the first to decide wins.
_SPEAKER_RULES = (
    inverted_subject,  # '…, said Doyle, …'
    _passive_agent,  # 'was asked by Baker'; nobody for 'Trump is expected to …'
    recipient,  # 'gave Beck new impetus to oppose …'
    for_subject,  # 'a chance for voters to weigh in'
    _called_for_head,
    _free_adjunct_subject,  # 'Rubio had a strong moment, denouncing …'
    _joined_subject,
    _walk_up,
)
# The hops of `_walk_up` to the verb whose subject speaks, in the order they are tried.
_HOPS = (
    _past_attribute,
    _past_light_noun,
    _past_circumstance,
    sender,  # 'emailed supporters saying …': the one who emailed
)


def governing_verb(token):
    """The nearest head above a token (itself excluded) that has a subject or is the root:
    the verb whose clause holds a quoted fragment."""
    for _ in range(12):
        if token.head == token:
            return token
        token = token.head
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return token
    return None


def is_passive(verb) -> bool:
    """Whether a verb has a passive subject ("Trump is expected to …")."""
    return any(child.dep_ == "nsubjpass" for child in verb.children)


def _agent(verb):
    """The object of a passive verb's by-phrase, if any."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


_PASSIVE_LEADS = frozenset({"when", "being", "was", "were", "is", "been", "if", "once", "after"})


def questioned(token) -> bool:
    """A passive "asked" ("Asked why he stayed, Sanders said …", "when asked about …", "was
    asked …"): the one asking is not written, so the question has no speaker."""
    if token.lower_ != "asked" or any(c.dep_ in ("nsubj", "agent") for c in token.children):
        return False  # 'Baker asked …' / 'was asked by Baker': the asker is written
    before = token.nbor(-1).lower_ if token.i > 0 else ""
    return (token.i == 0 and token.dep_ == "advcl") or before in _PASSIVE_LEADS or any(
        c.dep_ == "auxpass" for c in token.children
    )


_EVIDENCE = lexicon.words("evidence_nouns")


def source_behind(noun):
    """Who stands behind an "according to" object that is evidence or a document, not a
    speaker ("calculations by Amy Glasmeier", "interviews with party leaders", "a post from
    Arianna Huffington"): that person, else the object itself."""
    if noun.lower_ not in _EVIDENCE and noun.lower_ not in _DOCUMENTS:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "with", "from"):
            found = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if found is not None:
                return found
    return noun


def active_subject(token):
    """The subject of an active 'referred' ("Bush referred to Rubio as …") or of a verb of
    seeming whose to-clause is a cue ("Trump seemed to suggest …": a weak attribution to
    Trump); None for the writer's own reading ("It seems that …", "Sanders appears to be
    slipping", "known as", "referred to as")."""
    if token.lower_ in SEEMING_FORMS and _seems_to_say(token):
        subject = subject_of(token)
        return None if subject is None or subject.lower_ in _EXPLETIVES else subject
    if token.lower_ != "referred":
        return None
    after = [t.lower_ for t in token.doc[token.i + 1:token.i + 3]]
    if after == ["to", "as"]:
        return None  # 'Kyle, referred to as the deadliest sniper': nobody in particular
    return next((c for c in token.children if c.dep_ == "nsubj"), None)


def _seems_to_say(verb) -> bool:
    """Whether a verb of seeming has a to-clause headed by a cue of saying ("seemed to
    suggest", "appeared to confirm")."""
    return any(c.dep_ == "xcomp" and c.lower_ in CUE_FORMS for c in verb.children)


_NOUN_AGENTS = frozenset({"by", "from"})


def holder_of(noun):
    """Whose a noun of saying is: its possessor ("Trump's claim that …"), the object of its
    by-phrase ("the assertion by Trump"), or the subject of the verb it is the object of ("He
    made the observation that …", "made it clear that …"); None when none is written."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _NOUN_AGENTS:
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            if found is not None and found.text[:1].isupper():
                return found
    if noun.dep_ in ("dobj", "ccomp", "oprd", "acomp") and noun.head != noun:
        return subject_of(noun.head)
    return None
