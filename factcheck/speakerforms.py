"""Constructions where a cue's speaker is not its plain subject, read from spaCy's parse:
a subject written after the cue ("…, said Doyle, …"), a cue that is itself passive ("has
been seen as", "a group called …", "so-called"), an object that goes on to do what a
to-clause says ("led Priebus to declare …"), the object of a light verb ("took the step of
criticizing …"). Part of the attribute stage, used by `speakerdeps.subject_of`.
"""

from __future__ import annotations


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


_CONTROL_WORDS = "prompt force cause inspire compel convince spur"
_CONTROL_IRREGULAR = (
    "led leading leads left leaving leaves drove driven drives driving got gets getting"
)


def _verb_forms(verb: str) -> set[str]:
    """A verb with its -s, -ed and -ing forms (as written for these regular verbs)."""
    stem = verb.removesuffix("e")
    return {verb, verb + "s", stem + "ed", stem + "ing"}


# Verbs whose object goes on to do what their to-clause says ("led Priebus to declare …",
# "prompted Rubio to make a joke"); not verbs of asking, whose object is only asked to
# ("urged voters to reject …": the urging is the statement), nor purpose clauses ("used
# the speech to call for …").
_OBJECT_CONTROL = frozenset(
    {form for verb in _CONTROL_WORDS.split() for form in _verb_forms(verb)}
    | set(_CONTROL_IRREGULAR.split())
)
_LIGHT_WORDS = (
    "take takes took taken taking make makes made making have has had having show shows "
    "showed shown showing adopt adopts adopted adopting"
)
_LIGHT_HOLDERS = frozenset(_LIGHT_WORDS.split())


def light_noun(noun) -> bool:
    """Whether a noun is the object of a light verb whose subject does what the noun's
    clause says ("took the unusual step of criticizing", "made a point of saying", "showing
    no signs of wanting", "had reason to know")."""
    return noun.dep_ == "dobj" and noun.head.lower_ in _LIGHT_HOLDERS and not any(
        c.dep_ == "dative" for c in noun.head.children
    )


def passive_cue(token) -> bool:
    """Whether a cue is itself passive, so that its subject is what is said, not who says it:
    a passive auxiliary ("has been seen as"), a past participle modifying a noun ("a group
    called …", "prices seen as a boon"), "so-called"."""
    if any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s") for c in token.children):
        return True  # ('who’s argued': the parser's slip for 'has')
    before = [t.lower_ for t in token.doc[max(0, token.i - 2):token.i]]
    if before[-1:] == ["so"] or before == ["so", "-"]:
        return True
    return (
        token.dep_ == "acl" and token.head.dep_ != "ROOT" and not token.lower_.endswith("ing")
        and not infinitive(token) and not any(c.dep_ == "nsubj" for c in token.children)
    )  # ('A poll found that …' parsed as a noun with a participle is a finite verb)


# Cues written before their subject after a comma ("…, said Doyle, …"); not those taking an
# object ("…, told reporters").
_INVERTING = frozenset({
    "said", "says", "added", "adds", "wrote", "writes", "explained", "noted", "notes",
    "argued", "argues", "insisted", "continued", "declared", "recalled", "remarked",
    "replied", "responded", "observed", "concluded", "quipped", "joked", "countered",
    "retorted", "stated", "claimed", "predicted", "acknowledged", "conceded", "complained",
    "boasted", "wondered", "cautioned", "suggested",
})


def inverted_subject(verb):
    """The subject written right after a cue of saying that follows a comma or a closing
    quote mark ("Voters are angry, said Smith, a pollster" / "The contrast, said Doyle and
    others, would be clear"), which the parser may have hung on the reported clause; None
    otherwise."""
    doc, i = verb.doc, verb.i
    if verb.lower_ not in _INVERTING or i == 0 or i + 1 >= len(doc):
        return None
    if doc[i - 1].text not in (",", "”", "’", "'", '"', "''"):
        return None
    for child in verb.children:
        if child.dep_ == "nsubj" and child.left_edge.i == i + 1:
            return child
    before = [c for c in verb.children if c.dep_ == "nsubj" and c.i < i]
    if any(t.text == "," for s in before for t in s.subtree):
        return None  # 'Aides to X, a former prosecutor, said their speeches, …, would …'
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < i:
            continue
        for child in clause.children:
            if child.dep_ == "nsubj" and child.left_edge.i == i + 1 and _set_off(child):
                return child
    return None


def _set_off(noun) -> bool:
    """Whether a noun phrase is followed by a comma ('said Doyle and others, would be …')."""
    last = noun.right_edge.i
    return noun.doc[last].text == "," or last + 1 < len(noun.doc) and noun.doc[last + 1].text == ","


def infinitive(verb) -> bool:
    """Whether a verb is a to-infinitive ('the first Democrat to endorse')."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
