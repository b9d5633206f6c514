"""Content spans of attribution frames, as character offsets: a word's subtree trimmed of
punctuation and cut before another speaker's clause, a clause without the attribution
phrase inside it, and a frame's content as parts without its attribution ("The economy,
Smith said, is weak" -> "The economy" + "is weak"). Part of the attribute stage (`frames`
reads the frames).
"""

from __future__ import annotations

from factcheck.cues import CUE_FORMS


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
    while left > start and text[left - 1] in " ,;—–-(":
        left -= 1
    while right < end and text[right] in " ,;—–-)":
        right += 1
    parts = [(s, e) for s, e in ((start, left), (right, end)) if s < e]
    if len(parts) == 2 and text[start:left].lower() == "that":
        parts = parts[1:]  # 'that, according to X, most …': no content before the cut
    return parts


def subtree(token, offset: int) -> tuple[int, int] | None:
    """Offsets of a token's subtree, trimmed of punctuation, up to another speaker's clause
    set off by a comma ("… his wife, while other voters said …")."""
    doc, end = token.doc, token.right_edge.i + 1
    for other in doc[token.i + 1:end]:
        if _other_clause(other):
            end = other.left_edge.i
            break
    return trimmed(doc[token.left_edge.i:end], offset)


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
        token.dep_ == "conj" and subjects[0].lower_ in ("he", "she", "they")
        and doc[left - 1].lower_ in ("and", "but") and doc[left - 2].is_punct
    )


def clause_without(head, part, offset: int) -> tuple[int, int] | None:
    """The clause of `head` without the phrase `part` (which sits at its start or end)."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
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
    end = tokens[-1].idx + len(tokens[-1].text)
    text = span.doc.text
    if text.count("“", tokens[0].idx, end) > text.count("”", tokens[0].idx, end):
        end = _after_closing_mark(text, end)  # 'Clinton “crooked”', not 'Clinton “crooked'
    return offset + tokens[0].idx, offset + end


def _after_closing_mark(text: str, end: int) -> int:
    """Just past a closing mark ” following `end` (after a comma or full stop), else `end`."""
    at = end
    while at < len(text) and at - end < 2 and text[at] in ",.":
        at += 1
    return at + 1 if text[at:at + 1] == "”" else end
