"""Frames that no cue word of the lexicon opens (`frames.frame_of` asks here first): a poll as
the source of the clause it sits in ("In a new Washington Post-ABC News poll, 50 percent …",
"Trump leads by 57 percent to 33 percent in the 50-state poll"), read like "according to X";
and a one-word answer as what a cue of saying reports ("46 percent said yes", "half said
so"). Offsets are character offsets into the document.
"""

from __future__ import annotations

from factcheck.attribution import lexicon
from factcheck.attribution.parse.content import clause_without
from factcheck.attribution.parse.cues import CUE_FORMS, LEXICON_FORMS, POLL_NOUNS
from factcheck.attribution.resolve.mentions import mention_of
from factcheck.attribution.types import Frame

# Where a poll phrase may hang to be the source of the main clause: on its verb, or on that
# verb's subject or object ("… has [a lead in the poll]"), the verb perhaps the to-clause of
# the main one ("continues to lead in polls"). A phrase deeper down ("his standing in the
# polls"), or in a clause that is the content of another cue ("pundits are shocked that Trump
# is leading in the polls"), is left out: the poll is not who says it.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_SIDE_CLAUSES = frozenset({"advcl", "conj", "parataxis", "ccomp"})
_SAYING = lexicon.finite_forms("cue_verbs", "say") | lexicon.finite_forms("cue_verbs", "tell")
_ANSWERS = frozenset({"yes", "no", "so"})


def source_frame(token, offset: int, sentence: int) -> Frame | None:
    """The frame a token opens outside the cue lexicon: a poll governed by "in" or a cue of
    saying with a one-word answer; None for any other token."""
    low = token.lower_
    if low in POLL_NOUNS:
        return poll_frame(token, offset, sentence)
    if low in _SAYING:
        return answer_frame(token, offset, sentence)
    return None


def poll_frame(token, offset: int, sentence: int) -> Frame | None:
    """'In a poll released Monday, 50 percent …' (or '… in the poll'): the poll is the source
    of the clause its "in" phrase modifies, that phrase cut out of the content."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    head = _main_clause(prep.head)
    content = _poll_content(head, prep, offset) if head is not None else None
    if content is None:
        return None
    cue = (offset + prep.idx, offset + prep.idx + len(prep.text))
    phrase = (offset + prep.idx, offset + prep.right_edge.idx + len(prep.right_edge.text))
    mention = mention_of(token, offset)
    return Frame(cue, mention, content, sentence, report=True, cut=phrase)


def _poll_content(head, prep, offset: int) -> tuple[int, int] | None:
    """The main clause without the poll phrase (at its start or end), ended before a clause of
    its own speaker ("Sanders and Trump lead in statewide polls, [although history says …]")."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    spoken = [c for c in head.children if c.i > head.i and _other_speaker(c)]
    if spoken:
        end = spoken[0].left_edge.i
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    return clause_without(head, prep, offset, end)


def _other_speaker(clause) -> bool:
    """Whether a clause on the main verb holds a cue of saying with a subject: someone
    else's words."""
    return clause.dep_ in _SIDE_CLAUSES and any(
        t.lower_ in CUE_FORMS and any(c.dep_ == "nsubj" for c in t.children) for t in clause.subtree
    )


def _main_clause(word):
    """The main verb of the sentence a poll phrase on `word` reports, else None: `word` is
    that verb, its subject or object, or a to-clause of it (see `_ARGUMENTS`)."""
    if word.dep_ in _ARGUMENTS:
        word = word.head
    if word.dep_ == "xcomp":
        word = word.head
    if word.dep_ != "ROOT" or _sourced(word):
        return None
    return word


def _sourced(verb) -> bool:
    """Whether a main verb has a source of its own that the poll does not report: a cue of
    the fitted lexicon ("73 percent accepted that …") or "according to X". A verb of saying
    keeps the poll, as the via of its speaker ("In a CNN poll, 38 percent of voters said …":
    the voters, via the poll)."""
    if verb.lower_ in CUE_FORMS:
        return False
    return verb.lower_ in LEXICON_FORMS or any(c.lower_ == "according" for c in verb.children)


def answer_frame(token, offset: int, sentence: int) -> Frame | None:
    """'46 percent of voters said yes' / 'half said so': the answer right after a cue of
    saying with a subject and no clause of its own is what it reports."""
    if token.i + 1 >= len(token.doc):
        return None
    answer = token.nbor()
    if answer.lower_ not in _ANSWERS or answer.head != token:
        return None
    if answer.dep_ not in ("intj", "advmod") or any(c.dep_ == "ccomp" for c in token.children):
        return None
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects:
        return None  # 'after half said so' misparsed: no speaker to trust
    cue = (offset + token.idx, offset + token.idx + len(token.text))
    content = (offset + answer.idx, offset + answer.idx + len(answer.text))
    return Frame(cue, mention_of(subjects[0], offset), content, sentence)
