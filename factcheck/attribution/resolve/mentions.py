"""The speaker mention as written, read from spaCy's parse: the subject's name words, without
the clauses, appositions and stray words the parser hung on it. Part of the attribute stage
(`resolve.subjects` finds the speaker token).
"""

from __future__ import annotations

_MENTION_DEPS = {"compound", "det", "amod", "poss", "flat", "nmod", "conj", "cc", "nummod"}


def mention_of(head, offset: int) -> tuple[int, int]:
    """The speaker as written: the subject's name words, without clauses or appositions."""
    tokens = [head]
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if _stray_modifier(child):
                continue  # 'Beruff, a Scott ally, called … “strong.”': a misparse
            if child.dep_ in _MENTION_DEPS or _close_apposition(child) or _name_of(child):
                tokens.append(child)
                stack.append(child)
    first = min(t.idx for t in tokens)
    last = max(t.idx + len(t.text) for t in tokens)
    return offset + first, offset + last


_PREMODIFIER_DEPS = frozenset({"compound", "det", "amod", "poss", "nummod"})


def _stray_modifier(token) -> bool:
    """A modifier that English writes before its noun found after it past a punctuation mark,
    or an 'and' joining nothing: the parser reached past the mention into the clause."""
    if token.dep_ == "cc":  # 'and' with nothing joined: the parser's slip
        return not any(c.dep_ == "conj" and c.i > token.i for c in token.head.children)
    if token.dep_ not in _PREMODIFIER_DEPS or token.i < token.head.i:
        return False
    return any(t.is_punct for t in token.doc[token.head.i + 1 : token.i])  # ('senators present')


def _name_of(token) -> bool:
    """An 'of' that belongs to a name ('the Bank of Japan', 'Senator Ted Cruz of Texas'):
    right after a capitalised word and before one."""
    if token.dep_ == "prep" and token.lower_ == "of" and token.head.text[:1].isupper():
        return token.i == token.head.i + 1 and token.nbor(1).text[:1].isupper()
    if token.dep_ == "pobj" and token.head.lower_ == "of" and _name_of(token.head):
        return token.text[:1].isupper()
    return False


def _close_apposition(token) -> bool:
    """A name in apposition without a comma ('my colleague Pjotr Sauer')."""
    head = token.head
    return (
        token.dep_ == "appos"
        and token.text[:1].isupper()
        and head.text[:1].islower()
        and not any(t.is_punct for t in token.doc[head.i + 1 : token.left_edge.i])
    )
