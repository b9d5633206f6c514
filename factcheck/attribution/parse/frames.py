"""Attribution frames: the frames read from a spaCy parse, over the cue lexicon of `cues` (the frame a
quote without an adjacent attribution belongs to is found in `quotes.chains`).

A frame is one attribution: a cue verb with its subject (the speaker mention) and its
content (a that-clause; the object or to-clause of some cues, as "criticized the plan",
"wants to leave"), "according to X" with the clause it modifies, or "as X reported" with the
clause it is parenthetical to. Offsets are character offsets into the document.
"""

from __future__ import annotations

import re

from factcheck.attribution import lexicon
from factcheck.attribution.parse.complements import gives_a_name, quoted_complement
from factcheck.attribution.parse.content import (
    clause_in_adjunct,
    clause_span,
    clause_without,
    misread_clause,
    naming_span,
    object_span,
    question_span,
    subtree,
    trimmed,
)
from factcheck.attribution.parse.cues import (
    CONTENT_DEPS,
    CUE_FORMS,
    INFINITIVE_FORMS,
    LEXICON_FORMS,
    LIGHT_ADJECTIVES,
    LIGHT_VERBS,
    NOUN_CONTENT_DEPS,
    OBJECT_FORMS,
    SEEMING_FORMS,
    answers_a_request,
)
from factcheck.attribution.parse.polls import source_frame
from factcheck.attribution.resolve.forms import inverted_subject, passive_cue
from factcheck.attribution.resolve.mentions import mention_of
from factcheck.attribution.resolve.subjects import (
    active_subject,
    holder_of,
    is_passive,
    questioned,
    source_behind,
    subject_of,
)
from factcheck.attribution.types import Frame

_TRIGGERS = CUE_FORMS | LEXICON_FORMS | frozenset(NOUN_CONTENT_DEPS) | LIGHT_ADJECTIVES
_LETTERS = re.compile(r"[a-z]+")
_ACCORDING = re.compile(r"\baccording to\b")


def cue_positions(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets of the cue words (and of "according to") in text[start:end], in order.

    A word scan with a set lookup: much faster than one regular expression of every form.
    """
    low = text[start:end].lower()
    found = [m.start() for m in _LETTERS.finditer(low) if m.group() in _TRIGGERS]
    found.extend(m.start() for m in _ACCORDING.finditer(low))
    return sorted(start + at for at in found)


_VERB_DEPS = {"ROOT", "ccomp", "conj", "advcl", "xcomp", "parataxis", "relcl", "acl", "pcomp"}
_SAY = lexicon.finite_forms("cue_verbs", "say")  # say, says, said: their object is what is said
# Cues that hold the writer's own reading, or a weak attribution to their subject ("Trump
# seemed to suggest …": a cue of the data-derived lexicon), never to anyone else ("the
# contests known as …"): `active_subject` reads their speaker.
_NO_SOURCE = SEEMING_FORMS | {"known", "referred"}
_NAMING = lexicon.verbs("naming_verbs")
REPORT_CUES = frozenset({"according"}) | lexicon.verb_forms("report")


def frame_of(token, offset: int, sentence: int) -> Frame | None:
    """The frame a token opens: a cue verb with its subject and complement, or according to."""
    other = _other_frame(token, offset, sentence)
    if other is not None:
        return other
    low = token.lower_
    known = low in CUE_FORMS and token.dep_ in _VERB_DEPS
    if not known and low not in LEXICON_FORMS:
        return None
    if token.text[:1].isupper() and not token.is_sent_start:
        return None
    if low in _NAMING and gives_a_name(token):
        return None
    cue = (offset + token.idx, offset + token.idx + len(token.text))
    asked = questioned(token)
    subject = active_subject(token) if low in _NO_SOURCE or asked else subject_of(token)
    if subject is None and token.dep_ == "acl" and misread_clause(token, offset) is not None:
        subject = token.head  # the cue read as a relative clause on its own subject
    mention = mention_of(subject, offset) if subject is not None else None
    content, weak = _cue_content(token, offset, known, asked, subject)
    if not known and content is None:
        return None
    if content is not None and answers_a_request(low, token.doc.text[content[0] - offset :]):
        return None  # 'did not respond to a request for comment': nothing was said
    return Frame(cue, mention, content, sentence, report=low in REPORT_CUES, weak=weak)


def _other_frame(token, offset: int, sentence: int) -> Frame | None:
    """The frame of "according to", of a source (a poll, "in a new poll, …"; "said yes") or of
    a noun of saying; None for other tokens, tried as cue verbs."""
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _according(token, offset, sentence)
    sourced = source_frame(token, offset, sentence)  # a poll ("in a new poll, …"), "said yes"
    if sourced is not None:
        return sourced
    return _noun_frame(token, offset, sentence) if _said_by_noun(token) else None


def _cue_content(token, offset: int, known: bool, asked: bool, subject):
    """A cue verb's content and whether it is weak: that of a cue of the fixed lexicon
    (`known`), else, for a cue with a speaker or a passive one, that of the data-derived
    lexicon (weak)."""
    content = _content(token, offset, clause=not asked) if known else None
    if content is not None or not (
        subject is not None or is_passive(token) or passive_cue(token) or token.lower_ in _NO_SOURCE
    ):
        return content, False
    content = _lexicon_content(token, offset)
    return content, content is not None


_NOUN_SLOTS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"}
_LIGHT_SLOTS = {"ccomp", "oprd", "acomp", "xcomp", "dobj"}


def _said_by_noun(token) -> bool:
    """Whether a token is a noun of saying ("the claim that …") or the adjective of a light
    verb ("made it clear that …")."""
    if token.lower_ in LIGHT_ADJECTIVES:
        return token.dep_ in _LIGHT_SLOTS and token.head.lower_ in LIGHT_VERBS
    return token.lower_ in NOUN_CONTENT_DEPS and token.dep_ in _NOUN_SLOTS


def _noun_frame(token, offset: int, sentence: int) -> Frame | None:
    """The frame of a noun of saying with its holder ("Trump's claim that …") or of a light
    verb's adjective ("Devine made it clear that …"); None without both."""
    holder = holder_of(token)
    if holder is None:
        return None
    if token.lower_ in LIGHT_ADJECTIVES:
        content = _lexicon_content(token, offset, frozenset({"ccomp", "advcl"}))
        if content is None:  # 'made clear that …' parsed with the clause on 'made'
            clauses = [c for c in token.head.children if c.dep_ == "ccomp" and c.i > token.i]
            content = subtree(clauses[0], offset) if clauses else None
    else:
        content = _lexicon_content(token, offset, NOUN_CONTENT_DEPS[token.lower_])
    if content is None:
        return None
    cue = (offset + token.idx, offset + token.idx + len(token.text))
    return Frame(cue, mention_of(holder, offset), content, sentence, weak=True)


def _lexicon_content(token, offset: int, wanted=None) -> tuple[int, int] | None:
    """The content of a cue of the data-derived lexicon (`cues`): its ccomp, dobj or
    xcomp, or the object of a preposition ("accused X of [placing …]"); `wanted` names the
    dependents (else the lexicon's for the word)."""
    named = _named(token, offset)
    if named is not None:
        return named
    if wanted is None:
        wanted = CONTENT_DEPS.get(token.lower_, frozenset())
    for child in token.children:
        if child.dep_ in wanted and (child.dep_ != "acl" or _complement_clause(child)):
            return object_span(token, child, offset)
        if child.dep_ == "prep" and f"prep:{child.lower_}" in wanted:
            for grandchild in child.children:
                if grandchild.dep_ in ("pobj", "pcomp"):
                    return object_span(token, grandchild, offset)
    return _object_with_phrase(token, wanted, offset)


def _named(token, offset: int) -> tuple[int, int] | None:
    """What a verb of naming says (`parse.content.naming_span`); None for other words."""
    return naming_span(token, offset) if token.lower_ in _NAMING else None


def _complement_clause(clause) -> bool:
    """Whether a clause on a noun is what it holds ("claim [that …]"), not a participle."""
    return any(c.dep_ in ("mark", "aux") for c in clause.children)


def _object_with_phrase(token, wanted, offset: int) -> tuple[int, int] | None:
    """The cue's direct object when the parser hung the cue's content phrase on it ("accused
    [the moderators of asking …]", the "of" phrase parsed as the object's)."""
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        if any(c.dep_ == "prep" and f"prep:{c.lower_}" in wanted for c in obj.children):
            return subtree(obj, offset)
    return None


def _according(token, offset: int, sentence: int) -> Frame:
    """'According to X, …' (or '…, according to X'): X is the speaker of the clause."""
    to = token.nbor()
    objects = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in token.children if c.dep_ == "pobj"
    ]
    source = source_behind(objects[0]) if objects else None
    mention = mention_of(source, offset) if source is not None else None
    cue = (offset + token.idx, offset + to.idx + len(to.text))
    head = token.head
    if head.dep_ in ("nsubj", "nsubjpass") and head.head != head:
        head = head.head  # 'Most of her meetings, according to …, were …' hung on 'Most'
    content = clause_without(head, token, offset)
    phrase = (offset + token.idx, offset + token.right_edge.idx + len(token.right_edge.text))
    return Frame(cue, mention, content, sentence, report=True, cut=phrase)


def _content(token, offset: int, clause: bool = True) -> tuple[int, int] | None:
    """What a cue verb reports: its clausal complement, or (`clause`) the clause it is
    parenthetical to; never that clause for a question without its asker ("Asked about the
    vote, Smith said …": the question is "about the vote", Smith's answer is another frame)."""
    named = _named(token, offset)
    if named is not None:
        return named
    reported = _reported_clause(token)
    if reported is not None:
        return _interrupted(token, reported, offset) or clause_span(token, reported, offset)
    adjunct = clause_in_adjunct(token, offset)
    if adjunct is not None:
        return adjunct
    wanted = {"xcomp"} if token.lower_ in INFINITIVE_FORMS else set()
    wanted |= {"dobj"} if token.lower_ in OBJECT_FORMS or token.lower_ in _SAY else set()
    for child in token.children:
        if child.dep_ in wanted:
            return object_span(token, child, offset)
    quoted = quoted_complement(token, offset)
    if quoted is not None:
        return quoted
    if not clause:
        return question_span(token, offset)
    return _clause_hosting(token, offset)


def _clause_hosting(token, offset: int) -> tuple[int, int] | None:
    """The clause a cue without a complement reports: the one it was misread as a relative
    clause of, or the one it is parenthetical to ("as Smith reported", ", she said,"); None
    for "as expected" and a time clause."""
    if token.dep_ == "acl":
        return misread_clause(token, offset)
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        sourced = any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in token.children)
        return clause_without(token.head, token, offset) if sourced else None  # 'as expected'
    if (
        token.dep_ in ("parataxis", "ccomp", "advcl")
        and _parenthetical(token)
        and not any(c.dep_ == "mark" for c in token.children)
    ):  # 'A year after it was announced, …' is a time, not an attribution
        return clause_without(token.head, token, offset)
    return None


def _reported_clause(token):
    """A cue's clausal complement; of two, the one after the cue ("Salkin, a rabbi helping
    …, said he …": the parser reads the speaker's description as a clause too)."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    later = [c for c in clauses if c.i > token.i]
    return (later if later and len(clauses) > 1 else clauses or [None])[0]


def _parenthetical(token) -> bool:
    """Whether a cue's clause is set off by punctuation inside its head's clause (", she
    said," / "…, Smith said.")."""
    doc, left, right = token.doc, token.left_edge.i, token.right_edge.i
    first = token.head.left_edge.i
    before = left > first and (doc[left].is_punct or doc[left - 1].is_punct)
    after = right + 1 >= len(doc) or doc[right].is_punct or doc[right + 1].is_punct
    return after and (before or (left == first and right + 1 < len(doc)))


def _interrupted(token, clause, offset: int) -> tuple[int, int] | None:
    """The content of a cue of saying that interrupts it, its subject written after the cue
    ("The contrast with Trump, said Doyle and others, would be clear"): from the words
    before the cue to the end of the clause (`parse.content.content_parts` cuts the cue and
    the speaker out); None for other cues."""
    speaker = inverted_subject(token)
    before = [c for c in token.children if c.dep_ == "nsubj" and c.i < token.i]
    if speaker is None or speaker.head != clause or not before:
        return None
    return trimmed(token.doc[before[0].left_edge.i : clause.right_edge.i + 1], offset)
