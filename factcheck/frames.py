"""Attribution frames: the cue lexicon and the frames read from a spaCy parse (the frame a
quote without an adjacent attribution belongs to is found in `quotechains`).

A frame is one attribution: a cue verb with its subject (the speaker mention) and its
content (a that-clause; the object or to-clause of some cues, as "criticized the plan",
"wants to leave"), "according to X" with the clause it modifies, or "as X reported" with the
clause it is parenthetical to. Offsets are character offsets into the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_IRREGULAR = {
    "say": "says said saying", "tell": "tells told telling", "write": "writes wrote writing",
    "think": "thinks thought thinking", "put": "puts put putting", "tweet": "tweets tweeted",
    "admit": "admits admitted admitting", "post": "posts posted posting",
    "show": "shows showed shown showing", "find": "finds found finding",
    "know": "knows knew knowing", "feel": "feels felt feeling", "fear": "fears feared fearing",
    "expect": "expects expected expecting",
}
_REGULAR = (
    "add ask note explain argue insist state declare continue reply respond recall warn "
    "emphasize emphasise confirm announce claim suggest acknowledge assert observe remark "
    "report joke quip shout wonder predict conclude outline stress urge muse counter concede "
    "caution complain promise vow pledge boast brag charge contend maintain inform reveal "
    "disclose deny believe testify allege agree insist reiterate point signal indicate "
    "underline highlight accuse demand propose describe call dub label retort tout lament"
)


def _forms(verb: str) -> set[str]:
    """Present, past and -ing forms of a regular English verb."""
    stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
    if verb.endswith("y"):
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    past = stem + "d" if verb.endswith("ee") else stem + "ed"
    return {verb, verb + "s", past, stem + "ing", verb + "es" if verb[-1] in "sh" else ""}


# Cues whose content is their object ("criticized the plan") or their to-clause ("wants to
# leave"), not only a that-clause; chosen by how often they attribute in PolNeAR train.
_OBJECT = (
    "criticize endorse praise blast slam mock defend denounce cite announce describe support "
    "oppose reject dismiss"
)
_INFINITIVE = "want hope plan refuse decline promise vow pledge urge threaten"
OBJECT_FORMS: frozenset[str] = frozenset(f for v in _OBJECT.split() for f in _forms(v) if f)
INFINITIVE_FORMS: frozenset[str] = frozenset(
    f for v in _INFINITIVE.split() for f in _forms(v) if f
)
CUE_FORMS: frozenset[str] = OBJECT_FORMS | INFINITIVE_FORMS | frozenset(
    {form for verb in _REGULAR.split() for form in _forms(verb) if form}
    | {form for forms in _IRREGULAR.values() for form in forms.split()}
    | set(_IRREGULAR)
)
_LETTERS = re.compile(r"[a-z]+")
_ACCORDING = re.compile(r"\baccording to\b")


def cue_positions(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets of the cue words (and of "according to") in text[start:end], in order.

    A word scan with a set lookup: much faster than one regular expression of every form.
    """
    low = text[start:end].lower()
    found = [m.start() for m in _LETTERS.finditer(low) if m.group() in CUE_FORMS]
    found.extend(m.start() for m in _ACCORDING.finditer(low))
    return sorted(start + at for at in found)


_VERB_DEPS = {"ROOT", "ccomp", "conj", "advcl", "xcomp", "parataxis", "relcl", "acl", "pcomp"}
_MENTION_DEPS = {"compound", "det", "amod", "poss", "flat", "nmod", "conj", "cc", "nummod"}
_SAY = frozenset({"say", "says", "said"})
REPORT_CUES = {"according", "reported", "reports", "reporting", "report"}


@dataclass
class Frame:
    """A cue with its speaker mention and, for reported speech, its content offsets."""

    cue: tuple[int, int]
    mention: tuple[int, int] | None
    content: tuple[int, int] | None
    sentence: int
    report: bool = False
    speaker: str | None = None
    confidence: float = 0.0
    via: str | None = None


def frame_of(token, offset: int, sentence: int) -> Frame | None:
    """The frame a token opens: a cue verb with its subject and complement, or according to."""
    low = token.lower_
    if low == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _according(token, offset, sentence)
    if low not in CUE_FORMS or token.dep_ not in _VERB_DEPS:
        return None
    if token.text[:1].isupper() and not token.is_sent_start:
        return None
    cue = (offset + token.idx, offset + token.idx + len(token.text))
    subject = _subject(token)
    mention = _mention(subject, offset) if subject is not None else None
    content = _content(token, offset)
    return Frame(cue, mention, content, sentence, report=low in REPORT_CUES)


def _according(token, offset: int, sentence: int) -> Frame:
    """'According to X, …' (or '…, according to X'): X is the speaker of the clause."""
    to = token.nbor()
    objects = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in token.children if c.dep_ == "pobj"
    ]
    mention = _mention(objects[0], offset) if objects else None
    cue = (offset + token.idx, offset + to.idx + len(to.text))
    head = token.head if token.head is not token else token
    content = _clause_without(head, token, offset)
    return Frame(cue, mention, content, sentence, report=True)


def content_parts(frame: Frame, text: str) -> list[tuple[int, int]]:
    """A frame's content as parts: without the attribution itself when that sits inside it
    ("The economy, Smith said, is weak" → "The economy" + "is weak")."""
    start, end = frame.content
    edges = [frame.cue, frame.mention] if frame.mention else [frame.cue]
    cut_start, cut_end = min(e[0] for e in edges), max(e[1] for e in edges)
    if not start < cut_start or not cut_end < end:
        return [frame.content]
    left, right = cut_start, cut_end
    while left > start and text[left - 1] in " ,;—–-(":
        left -= 1
    while right < end and text[right] in " ,;—–-)":
        right += 1
    return [(s, e) for s, e in ((start, left), (right, end)) if s < e]


def _subject(token):
    """The subject of a cue verb, looking up through conjoined and participle verbs."""
    for _ in range(3):
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if token.dep_ not in ("conj", "advcl", "xcomp") or token.head is token:
            return None
        token = token.head
    return None


def _mention(head, offset: int) -> tuple[int, int]:
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


def _content(token, offset: int) -> tuple[int, int] | None:
    """What a cue verb reports: its clausal complement, or the clause it is parenthetical to."""
    for child in token.children:
        if child.dep_ == "ccomp":
            return _subtree(child, offset)
    wanted = {"xcomp"} if token.lower_ in INFINITIVE_FORMS else set()
    wanted |= {"dobj"} if token.lower_ in OBJECT_FORMS or token.lower_ in _SAY else set()
    for child in token.children:
        if child.dep_ in wanted:
            return _subtree(child, offset)
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return _clause_without(token.head, token, offset)
    if token.dep_ in ("parataxis", "ccomp", "advcl") and _parenthetical(token):
        return _clause_without(token.head, token, offset)
    return None


def _parenthetical(token) -> bool:
    """Whether a cue's clause is set off by punctuation inside its head's clause (", she
    said," / "…, Smith said.")."""
    doc, left, right = token.doc, token.left_edge.i, token.right_edge.i
    first = token.head.left_edge.i
    before = left > first and (doc[left].is_punct or doc[left - 1].is_punct)
    after = right + 1 >= len(doc) or doc[right].is_punct or doc[right + 1].is_punct
    return after and (before or (left == first and right + 1 < len(doc)))


def _subtree(token, offset: int) -> tuple[int, int] | None:
    """Offsets of a token's subtree, trimmed of punctuation, up to another speaker's clause
    set off by a comma ("… his wife, while other voters said …")."""
    doc, end = token.doc, token.right_edge.i + 1
    for other in doc[token.i + 1:end]:
        if (
            other.dep_ in ("advcl", "conj") and other.lower_ in CUE_FORMS
            and any(c.dep_ == "nsubj" for c in other.children)
            and doc[other.left_edge.i - 1].is_punct
        ):
            end = other.left_edge.i
            break
    return _trimmed(doc[token.left_edge.i:end], offset)


def _clause_without(head, part, offset: int) -> tuple[int, int] | None:
    """The clause of `head` without the phrase `part` (which sits at its start or end)."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if part.left_edge.i <= start:
        start = part.right_edge.i + 1
    elif part.right_edge.i + 1 >= end:
        end = part.left_edge.i
    return _trimmed(doc[start:end], offset) if start < end else None


def _trimmed(span, offset: int) -> tuple[int, int] | None:
    """Offsets of a span without leading/trailing punctuation."""
    tokens = [t for t in span]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    return offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)
