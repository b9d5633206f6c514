"""Constructions where a cue's speaker is not its plain subject, read from spaCy's parse:
a subject written after the cue ("…, said Doyle, …"), a cue that is itself passive ("has
been seen as", "a group called …", "so-called"), an object that goes on to do what a
to-clause says ("led Priebus to declare …"), the object of a light verb ("took the step of
criticizing …"), the one given a to-clause ("gave Beck impetus to oppose …"), the group of a
share ("the proportion of voters saying …"), a phrase of circumstance ("at one point
calling …"), subjects hung on an auxiliary and the 's of "he's said". Part of the attribute
stage, used by `resolve.subjects.subject_of`.
"""

from __future__ import annotations

from factcheck.attribution import lexicon


def object_control(verb):
    """The object that does what a to-clause says ("urged voters to reject …", "pressuring
    Mr. Sanders to run …", "leaving the party to wonder …"): the object of the verb the
    clause hangs on, written before it; None for verbs whose subject does it ("promised
    them to …") and for clauses without such an object."""
    if verb.dep_ != "xcomp" or verb.head.lower_ not in _OBJECT_CONTROL:
        return None
    return next(
        (c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and not c.is_punct),
        None,
    )


# Verbs whose object goes on to do what their to-clause says ("led Priebus to declare …",
# "prompted Rubio to make a joke"); not verbs of asking, whose object is only asked to
# ("urged voters to reject …": the urging is the statement), nor purpose clauses ("used
# the speech to call for …").
_OBJECT_CONTROL = lexicon.verbs("object_control_verbs")
_LIGHT_HOLDERS = lexicon.verbs("light_holder_verbs")


def light_noun(noun) -> bool:
    """Whether a noun is the object of a light verb whose subject does what the noun's
    clause says ("took the unusual step of criticizing", "made a point of saying", "showing
    no signs of wanting", "had reason to know")."""
    return noun.dep_ == "dobj" and noun.head.lower_ in _LIGHT_HOLDERS and not any(
        c.dep_ == "dative" for c in noun.head.children
    )


def called_for_misread(token) -> bool:
    """Whether a cue the parser hung on a noun as a participle is a verb in the past tense
    of its own, the noun its subject: 'called for' ('a group of rabbis called for a
    boycott'; a participle naming something takes no 'for')."""
    if token.dep_ not in ("acl", "relcl") or token.head.i > token.i:
        return False
    after = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    return token.lower_ == "called" and after == "for"


def passive_cue(token) -> bool:
    """Whether a cue is itself passive, so that its subject is what is said, not who says it:
    a passive auxiliary ("has been seen as"), a past participle modifying a noun ("a group
    called …", "prices seen as a boon"), "so-called"."""
    if any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s") for c in token.children):
        return True  # ('who’s argued': the parser's slip for 'has')
    before = [t.lower_ for t in token.doc[max(0, token.i - 2):token.i]]
    if before[-1:] == ["so"] or before == ["so", "-"]:
        return True
    if called_for_misread(token):
        return False  # 'a group of rabbis called for a boycott': the parser's slip
    return (
        token.dep_ == "acl" and token.head.dep_ != "ROOT" and not token.lower_.endswith("ing")
        and not infinitive(token) and not any(c.dep_ == "nsubj" for c in token.children)
        and not after_aside(token)
    )  # ('A poll found that …' parsed as a noun with a participle is a finite verb)


_ASIDE_DEPS = frozenset({"appos", "acl", "relcl"})


def after_aside(verb) -> bool:
    """Whether a verb the parser hung on a noun comes after an aside on that noun closed by a
    comma ("De Blasio, speaking on WOR710, called Trump …"): the noun's own verb, not a
    participle naming it ("a group called …")."""
    noun, doc = verb.head, verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != "," or noun.i > verb.i:
        return False
    return any(
        c.dep_ in _ASIDE_DEPS and noun.i < c.i < verb.i and c.right_edge.i == verb.i - 2
        for c in noun.children
    )


# Cues written before their subject after a comma ("…, said Doyle, …"); not those taking an
# object ("…, told reporters").
_INVERTING = lexicon.words("inverting_cues")


def inverted_subject(verb):
    """The subject written right after a cue of saying that follows a comma or a closing
    quote mark ("Voters are angry, said Smith, a pollster" / "The contrast, said Doyle and
    others, would be clear"), which the parser may have hung on the reported clause; None
    otherwise."""
    if not _may_invert(verb):
        return None
    for child in verb.children:
        if child.dep_ == "nsubj" and child.left_edge.i == verb.i + 1:
            return child
    name = _name_after(verb)
    if name is not None:
        return name
    return _subject_on_clause(verb)


def _may_invert(verb) -> bool:
    """Whether a verb is a cue written before its subject, right after a comma or a closing
    quote mark, with a word after it."""
    doc, i = verb.doc, verb.i
    if verb.lower_ not in _INVERTING or i == 0 or i + 1 >= len(doc):
        return False
    return doc[i - 1].text in (",", "”", "’", "'", '"', "''")


def _subject_on_clause(verb):
    """The subject right after an inverted cue that the parser hung on the reported clause
    after it; None when the cue has a subject before it holding a comma."""
    i = verb.i
    before = [c for c in verb.children if c.dep_ == "nsubj" and c.i < i]
    if any(t.text == "," and t.i < s.right_edge.i for s in before for t in s.subtree):
        return None  # 'Aides to X, a former prosecutor, said their speeches, …, would …'
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < i:
            continue
        for child in clause.children:
            if child.dep_ == "nsubj" and child.left_edge.i == i + 1 and _set_off(child):
                return child
    return None


_NOT_SUBJECT_DEPS = frozenset({"advmod", "npadvmod", "dobj", "attr", "dep"})
_DAYS = lexicon.time_words()  # never a speaker: '…, said Monday'


def _name_after(verb):
    """A capitalised name right after a subjectless cue that the parser took for an adverb or
    an object ('…,” said Skelly, explaining …'); never a day ('…, said Monday')."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    for child in verb.children:
        first = child.left_edge
        if (
            first.i == verb.i + 1
            and child.dep_ in _NOT_SUBJECT_DEPS
            and first.text[:1].isupper()
            and child.lower_ not in _DAYS
        ):
            return child
    return None


def _set_off(noun) -> bool:
    """Whether a noun phrase is followed by a comma ('said Doyle and others, would be …')."""
    last = noun.right_edge.i
    return noun.doc[last].text == "," or last + 1 < len(noun.doc) and noun.doc[last + 1].text == ","


def infinitive(verb) -> bool:
    """Whether a verb is a to-infinitive ('the first Democrat to endorse')."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Nouns of a share of a group: a participle after "the proportion of voters" describes the
# voters ("The proportion of GOP voters saying they want …").
_PARTS = lexicon.words("partitive_nouns")


def partitive_whole(noun, participle):
    """The group of a share noun ("the proportion of voters") written right before a
    participle the parser hung on the share ("… voters saying …"); None otherwise."""
    if noun.lower_ not in _PARTS:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            whole = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if whole is not None and whole.right_edge.i == participle.i - 1:
                return whole
    return None


_MOMENTS = lexicon.words("moment_nouns")
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "xcomp", "relcl"})


def circumstance(verb) -> bool:
    """Whether a participle or to-clause hangs on the noun of a prepositional phrase of
    circumstance of a clause ("at one point calling the mayor a liar", "they will be under
    pressure to pledge …"), so that its speaker is the clause's subject, not the noun."""
    noun = verb.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.dep_ not in _CLAUSE_DEPS:
        return False
    if noun.lower_ in _MOMENTS:
        return True
    return infinitive(verb) and not noun.text[:1].isupper()


_GIVING = lexicon.verbs("giving_verbs")


def recipient(verb):
    """Who is given what a to-clause says ("gave Beck new impetus to oppose …", "offered
    voters a chance to weigh in"): the indirect object of a verb of giving; None otherwise."""
    if verb.dep_ not in ("acl", "relcl") or not infinitive(verb) or verb.head.dep_ != "dobj":
        return None
    giver = verb.head.head
    if giver.lower_ not in _GIVING:
        return None
    return next((c for c in giver.children if c.dep_ == "dative"), None)


def auxiliary_subjects(verb):
    """Subjects the parser hung on an auxiliary of the verb ('Trump wasn't saying')."""
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    return [s for aux in auxiliaries for s in aux.children if s.dep_ == "nsubj"]


def perfect_s(verb) -> bool:
    """Whether a verb's only passive mark is a clitic 's, which stands for 'has' before a past
    participle of saying ("he's said", "she’s argued")."""
    marks = [c for c in verb.children if c.dep_ == "auxpass"]
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return (
        bool(marks)
        and all(c.lower_ in ("'s", "’s") for c in marks)
        and passive is not None
        and passive.lower_ not in ("it", "there", "that", "this")
        and any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
    )  # ('it's said that …', 'he's called a liar' are passives)


def for_subject(verb):
    """The subject a noun's for-phrase gives a to-infinitive right after it ("an opening for
    Clinton to highlight …", "a chance for voters to weigh in"); None otherwise."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0:
        return None
    for prep in verb.doc[max(0, to.i - 8):to.i]:
        if prep.lower_ != "for" or prep.dep_ != "prep" or prep.head.dep_ in _CLAUSE_DEPS:
            continue  # ('reached for a metaphor to describe …': a verb's for, a purpose)
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.right_edge.i == to.i - 1:
                return noun
    return None


_SENDING = lexicon.verbs("sending_verbs")


def sender(participle):
    """The verb whose subject says what a participle of saying hung on its addressees says
    ("The senator emailed supporters saying …", "sent a message to supporters saying …"):
    the sender, not the addressees; None otherwise."""
    noun = participle.head
    if participle.dep_ != "acl" or not participle.lower_.endswith("ing"):
        return None
    if noun.dep_ == "dobj" and noun.head.lower_ in _SENDING:
        return noun.head
    to = noun.head
    if noun.dep_ == "pobj" and to.lower_ == "to" and to.head.lower_ in _SENDING:
        return to.head
    return None

