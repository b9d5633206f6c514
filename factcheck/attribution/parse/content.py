"""Content spans of attribution frames, as character offsets: a word's subtree trimmed of
punctuation and cut before another speaker's clause, a clause without the attribution
phrase inside it, and a frame's content as parts without its attribution ("The economy,
Smith said, is weak" -> "The economy" + "is weak"). Spans follow PolNeAR's Content: a cue's
object with what completes it ("praised [X for Y]"), a clause with what the parser hung on
the cue instead ("said [the days … are gone]", "said for the first time [that …]"), an
object without the writer's aside after a comma. Part of the attribute stage (`frames` reads
the frames).
"""

from __future__ import annotations

from factcheck.attribution.parse.cues import CUE_FORMS
from factcheck.attribution.resolve.subjectless import joined_cue


def content_parts(frame, text: str) -> list[tuple[int, int]]:
    """A frame's content as parts: without the attribution itself when that sits inside it
    ("The economy, Smith said, is weak" → "The economy" + "is weak")."""
    start, end = frame.content
    edges = [frame.cue, frame.mention] if frame.mention else [frame.cue]
    if getattr(frame, "cut", None) is not None:
        edges = [frame.cut]  # the whole 'according to an analysis of her calendar'
    cut_start, cut_end = min(e[0] for e in edges), max(e[1] for e in edges)
    if not start < cut_start or not cut_end < end:
        return [frame.content]
    left, right = cut_start, cut_end
    while left > start and text[left - 1] in " ,;—–―-(":
        left -= 1
    while right < end and text[right] in " ,;—–―-)":
        right += 1
    parts = [(s, e) for s, e in ((start, left), (right, end)) if s < e]
    if len(parts) == 2 and text[start:left].lower() == "that":
        parts = parts[1:]  # 'that, according to X, most …': no content before the cut
    return parts


def subtree(token, offset: int) -> tuple[int, int] | None:
    """Offsets of a token's subtree, trimmed of punctuation, up to another speaker's clause
    set off by a comma ("… his wife, while other voters said …") or before a cue joined to
    it by "and" that continues the speaker's own ("said [he …] and suggested …")."""
    doc, end = token.doc, token.right_edge.i + 1
    for other in doc[token.i + 1 : end]:
        if _other_clause(other):
            end = other.left_edge.i
            break
        if joined_cue(other) is not None:
            end = other.left_edge.i - 1  # without the 'and': 'said [he …] and suggested …'
            break
    return trimmed(doc[token.left_edge.i : end], offset)


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_STRAYS = frozenset({"npadvmod", "dobj", "nsubj", "attr"})


def clause_span(verb, clause, offset: int) -> tuple[int, int] | None:
    """Offsets of a cue's clausal complement; for a clause parsed without its subject, from
    the noun phrase the parser hung on the cue before it ("said [the days when … are
    gone]", "said [that could …]")."""
    span = _with_adverbial(verb, clause, subtree(clause, offset), offset)
    if span is None or any(c.dep_ in _SUBJECTS or c.dep_ == "mark" for c in clause.children):
        return span  # a subject of its own, or a "that" no noun before can be the subject of
    strays = [
        c
        for c in verb.children
        if c.dep_ in _STRAYS and verb.i < c.i and c.right_edge.i + 1 == clause.left_edge.i
    ]
    head = subtree(strays[0], offset) if strays else None
    return (head[0], span[1]) if head is not None else span


def _with_adverbial(verb, word, span, offset: int) -> tuple[int, int] | None:
    """A content span carried over an adverbial clause the parser hung on the cue after it
    ("insisted [it was a temporary dip, reflecting restlessness …]"), unless that clause is
    a cue of its own ("…, adding that …"), or over a second that-clause of the cue."""
    tails = [
        c
        for c in verb.children
        if c.i > word.right_edge.i
        and ((c.dep_ == "advcl" and c.lower_ not in CUE_FORMS) or _second_complement(c))
    ]
    tail = subtree(tails[-1], offset) if tails and span is not None else None
    return (span[0], max(span[1], tail[1])) if tail is not None else span


def _second_complement(token) -> bool:
    """Whether a verb conjoined to a cue is a second that-clause of it ("believes there are no
    good options, but [that sometimes …]")."""
    return token.dep_ == "conj" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children
    )


# Prepositions that complete what a cue says of its object: "described X as Y", "praised X
# for Y" (the object alone is not what was said).
_PREDICATING = frozenset({"as", "for"})


def object_span(verb, word, offset: int) -> tuple[int, int] | None:
    """Offsets of a cue's content word with the cue's object that belongs to it: the direct
    object with the "as"/"for" phrase after it ("dismissed [him as the latest incarnation of
    …]"); an infinitive or a preposition's object with the direct object before it ("urged
    [the senator to apologize]", "accused [Clinton of ducking …]", "thanked [him for …]");
    an object with the to-infinitive after it ("called for [a special prosecutor to
    oversee …]")."""
    span = _without_aside(word, subtree(word, offset), offset)
    if span is None:
        return None
    if word.dep_ == "dobj":
        completing = [
            c
            for c in verb.children
            if c.dep_ == "prep"
            and c.lower_ in _PREDICATING
            and c.i > word.right_edge.i
            and any(True for _ in c.children)
        ]
        tail = subtree(completing[0], offset) if completing else None
        span = (span[0], tail[1]) if tail is not None else span
        return _with_infinitive(verb, span, offset)
    if word.dep_ not in ("xcomp", "pobj", "pcomp"):
        return span  # 'told reporters [that …]': the hearer is no part of what was said
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < word.i]
    head = subtree(objects[0], offset) if objects else None
    span = (head[0], span[1]) if head is not None else span
    return span if word.dep_ == "xcomp" else _with_infinitive(verb, span, offset)


def _with_infinitive(verb, span, offset: int) -> tuple[int, int]:
    """A cue's object span carried over the to-infinitive the parser hung on the cue right
    after it ("proposed [nearly $1 billion in funds to help states …]")."""
    text = verb.doc.text
    for clause in verb.children:
        first = clause.left_edge
        between = text[span[1] - offset : first.idx] if offset + first.idx >= span[1] else "-"
        if clause.dep_ in ("advcl", "xcomp") and first.lower_ == "to" and not between.strip():
            tail = subtree(clause, offset)
            return (span[0], tail[1]) if tail is not None else span
    return span


def _without_aside(word, span, offset: int) -> tuple[int, int] | None:
    """A noun's span cut before a relative clause or an apposition set off by a comma ("cited
    [the Head Start program], the federally funded pre-school …"): the writer's aside,
    not what was said."""
    doc = word.doc
    asides = [
        c
        for c in word.children
        if c.dep_ in ("relcl", "appos") and c.i > word.i and doc[c.left_edge.i - 1].text == ","
    ]
    if span is None or not asides:
        return span
    cut = trimmed(doc[word.left_edge.i : asides[0].left_edge.i], offset)
    return (span[0], min(span[1], cut[1])) if cut is not None else span


def question_span(asked, offset: int) -> tuple[int, int] | None:
    """What a question without its asker was about: the topic after "about", without the
    writer's aside ("Asked about [the Florida Standards], which were developed …"), else the
    words after the cue ("Asked [whether he would run], …")."""
    doc, after = asked.doc, asked.i + 1
    if after < len(doc) and doc[after].lower_ == "about" and doc[after].head == asked:
        topic = next((c for c in doc[after].children if c.dep_ in ("pobj", "pcomp")), None)
        if topic is not None:
            return _without_aside(topic, subtree(topic, offset), offset)
    return trimmed(doc[after : asked.right_edge.i + 1], offset)


def naming_span(verb, offset: int) -> tuple[int, int] | None:
    """What a verb of naming says: its object with the name it gives ("called [him a
    “pathological liar”]", "calling [the Fox News chief ''brilliant'']", the object parsed
    into the name), or an object holding a quoted name ("called [the chaos “a lesson”]");
    None without one."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    kinds = [c.dep_ for c in objects]
    if kinds == ["dobj", "oprd"]:
        return trimmed(verb.doc[objects[0].left_edge.i : objects[1].right_edge.i + 1], offset)
    if kinds == ["oprd"] or (kinds == ["dobj"] and holds_quote(objects[0])):
        return subtree(objects[0], offset)
    return None


def holds_quote(token) -> bool:
    """Whether a word's subtree holds a quotation mark."""
    return any(t.is_quote for t in token.subtree)


def _other_clause(token) -> bool:
    """Whether a verb opens a clause of its own after a comma: another speaker's ("…, while
    other voters said …") or the speaker going on ("…, and he railed against …")."""
    doc, left = token.doc, token.left_edge.i
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ not in ("advcl", "conj") or not subjects or left < 2:
        return False
    if token.lower_ in CUE_FORMS and doc[left - 1].is_punct:
        return True
    return (
        token.dep_ == "conj"
        and subjects[0].lower_ in ("he", "she", "they")
        and doc[left - 1].lower_ in ("and", "but")
        and doc[left - 2].is_punct
    )


def clause_in_adjunct(verb, offset: int) -> tuple[int, int] | None:
    """A that-clause of a cue the parser read as a relative clause on a noun of the cue's
    adjunct ("said for the first time [that “top secret” intelligence had passed …]",
    "predicted at the debate [that Republicans will take “every state”]"); None without."""
    for adjunct in verb.children:
        if adjunct.dep_ != "prep" or adjunct.i < verb.i:
            continue
        for noun in (c for c in adjunct.children if c.dep_ == "pobj"):
            for clause in (c for c in noun.children if c.dep_ == "relcl"):
                if _complementizer(clause):
                    return trimmed(verb.doc[clause.left_edge.i : clause.right_edge.i + 1], offset)
    return None


def _complementizer(clause) -> bool:
    """Whether a relative clause opens with a "that" that is no relative pronoun: a marker,
    or a subject or object beside another of the same kind."""
    first = clause.doc[clause.left_edge.i]
    if first.lower_ != "that" or first.head != clause:
        return False
    return first.dep_ == "mark" or any(c.dep_ == first.dep_ and c != first for c in clause.children)


def misread_clause(cue, offset: int) -> tuple[int, int] | None:
    """The clause a cue reports when the parser read the cue as a reduced relative on its own
    subject ("Multiple outlets reported on Wednesday [the Secret Service had …]"): that
    subject's verb then has a second subject after the cue; None otherwise."""
    noun, doc = cue.head, cue.doc
    if cue.dep_ != "acl" or noun.dep_ != "nsubj":
        return None
    verb = noun.head
    if not any(c.dep_ in _SUBJECTS and c.i > cue.right_edge.i for c in verb.children):
        return None
    return trimmed(doc[cue.right_edge.i + 1 : verb.right_edge.i + 1], offset)


def clause_without(head, part, offset: int, end: int | None = None) -> tuple[int, int] | None:
    """The clause of `head` without the phrase `part` (which sits at its start or end); `end`
    (a token index) cuts the clause short."""
    doc = head.doc
    start = head.left_edge.i
    end = head.right_edge.i + 1 if end is None else end
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if part.left_edge.i <= start:
        start = part.right_edge.i + 1
    elif part.right_edge.i + 1 >= end:
        end = part.left_edge.i
    return trimmed(doc[start:end], offset) if start < end else None


def trimmed(span, offset: int) -> tuple[int, int] | None:
    """Offsets of a span without leading/trailing punctuation."""
    tokens = [t for t in span]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = span.doc.text
    unopened, unclosed = _unmatched_marks(text[start:end])
    if unopened and text[start - 1 : start] == "“":
        start -= 1  # '“one or two instances” where …', not 'one or two instances” where …'
    if unclosed:
        end = _after_closing_mark(text, end)  # 'Clinton “crooked”', not 'Clinton “crooked'
    return offset + start, offset + end


def _unmatched_marks(words: str) -> tuple[bool, bool]:
    """Whether some words hold a closing mark ” without its opening mark, and an opening mark
    “ without its closing mark."""
    depth = lowest = 0
    for char in words:
        if char in "“”":
            depth += 1 if char == "“" else -1
            lowest = min(lowest, depth)
    return lowest < 0, depth > lowest


def _after_closing_mark(text: str, end: int) -> int:
    """Just past a closing mark ” following `end` (after a comma or full stop), else `end`."""
    at = end
    while at < len(text) and at - end < 2 and text[at] in ",.":
        at += 1
    return at + 1 if text[at : at + 1] == "”" else end
