"""Word-level alignment of a claim against a source text, with a diff and the kinds of change.

Words are compared, not characters: case, punctuation, quote marks and white space are
ignored. Each source word keeps its character offsets so the aligned window can be
highlighted. The claim is aligned against the best window of the source (claims are often
sub-spans of a long passage); each ellipsis segment is aligned on its own, in order.
The diff runs from source to claim: ``-`` source words dropped or replaced, ``+`` claim words
added; ``=`` and ``-`` runs are written as in the source, ``+`` runs as in the claim.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from factcheck.verdict.changekinds import add_kinds, is_negation
from factcheck.verdict.claims import Claim
from factcheck.verdict.types import Alignment, Token

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’]\w+)*")
# A claim segment found this far from where the previous one ended is a splice.
_SPLICE_GAP = 3
# An unmatched run at the edge of a claim at least this long is looked for elsewhere.
_MIN_SPLICE_RUN = 3
# A splice must cover this share of the claim's words.
_SPLICE_COVER = 0.8


@dataclass(frozen=True)
class _Piece:
    """One claim segment aligned to one source window [lo, hi) of source tokens."""

    claim: tuple[Token, ...]
    lo: int
    hi: int
    ops: tuple[tuple[str, int, int, int, int], ...]
    matched: int


_WINDOW_STARTS = 6


def tokenize(text: str) -> list[Token]:
    """Split text into normalised words with their character offsets.

    Args:
        text: any text.

    Returns:
        Words lower-cased, curly apostrophes straightened, thousands commas dropped.
    """
    return list(_tokens(text))


# A claim is aligned with a dozen candidates, and popular passages recur across claims.
@lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[Token, ...]:
    tokens = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        norm = raw.lower().replace("’", "'")
        if norm[0].isdigit():
            norm = norm.replace(",", "")
        tokens.append(Token(norm, raw, match.start(), match.end()))
    return tuple(tokens)


def align(claim: Claim | str, source: str) -> Alignment:
    """Align a claim's words against the best-matching window of a source text.

    Args:
        claim: a read claim (its ellipsis segments are aligned in order) or plain words.
        source: the passage or statement text.

    Returns:
        The alignment: ratio, matched words, diff, kinds of change and the window offsets.
    """
    segments = claim.segments if isinstance(claim, Claim) else (claim,)
    src = tokenize(source)
    pieces = [_tokens(seg) for seg in segments]
    pieces = [p for p in pieces if p]
    claim_words = sum(len(p) for p in pieces)
    if not src or not claim_words:
        return Alignment(0.0, 0, claim_words, (), (), 0, 0, False, False)
    aligned, splice = _align_pieces(src, pieces)
    if (
        len(pieces) == 1
        and _splice_possible(aligned[0])
        and _shared(src, pieces[0]) >= (_SPLICE_COVER * claim_words)
    ):
        aligned, found = _find_splice(src, aligned[0])
        splice = splice or found
    return _summarise(source, src, aligned, claim_words, splice)


def _align_pieces(src: list[Token], pieces: list[tuple[Token, ...]]) -> tuple[list[_Piece], bool]:
    """Align each ellipsis segment in order; a segment found out of order marks a splice."""
    aligned, lo, splice = [], 0, False
    for claim in pieces:
        piece = _window(src, claim, lo)
        anywhere = _window(src, claim, 0) if lo else piece
        if anywhere.matched > piece.matched:
            piece, splice = anywhere, True
        aligned.append(piece)
        lo = piece.hi
    return aligned, splice


def _window(src: list[Token], claim: tuple[Token, ...], lo: int) -> _Piece:
    """The best window of src[lo:] for one claim segment (most words matched, then shortest)."""
    words = [t.norm for t in claim]
    tail = [t.norm for t in src[lo:]]
    slack = max(3, len(words) // 3)
    blocks = SequenceMatcher(None, tail, words, autojunk=False).get_matching_blocks()
    # Windows start at the longest shared runs; short runs of common words rarely win.
    longest = sorted((b for b in blocks if b.size), key=lambda b: -b.size)[:_WINDOW_STARTS]
    starts = {max(0, a - b) for a, b, _ in longest} or {0}
    best: _Piece | None = None
    for start in sorted(starts):
        for first in {start, max(0, start - slack)}:
            piece = _piece(src, claim, lo + first, min(len(src), lo + start + len(words) + slack))
            if best is None or (piece.matched, -(piece.hi - piece.lo)) > (
                best.matched,
                -(best.hi - best.lo),
            ):
                best = piece
    assert best is not None
    return best


def _piece(src: list[Token], claim: tuple[Token, ...], lo: int, hi: int) -> _Piece:
    """Align a claim segment to src[lo:hi], trimmed to its matched words plus edge swaps."""
    words = [t.norm for t in claim]
    matcher = SequenceMatcher(None, [t.norm for t in src[lo:hi]], words, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return _Piece(claim, lo, lo, (("insert", lo, lo, 0, len(words)),), 0)
    first, last = blocks[0], blocks[-1]
    # Extend the window over source words that the claim's unmatched edge words replace.
    new_lo = lo + first.a - min(first.b, first.a)
    new_hi = (
        lo + last.a + last.size + min(len(words) - last.b - last.size, hi - lo - last.a - last.size)
    )
    matcher = SequenceMatcher(None, [t.norm for t in src[new_lo:new_hi]], words, autojunk=False)
    ops = tuple(
        (tag, new_lo + i1, new_lo + i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )
    matched = sum(b.size for b in matcher.get_matching_blocks())
    return _Piece(claim, new_lo, new_hi, ops, matched)


def _find_splice(src: list[Token], piece: _Piece) -> tuple[list[_Piece], bool]:
    """Look for the claim's words in two non-adjacent places of the source.

    A claim made of two quotes from separate places aligns only in part to one window; cut at
    an unmatched run, each half is found on its own, apart: that is a splice.
    """
    cuts = {j for tag, _, _, j1, j2 in piece.ops if tag != "equal" for j in (j1, j2)}
    best: tuple[list[_Piece], int] = ([piece], piece.matched)
    for cut in sorted(cuts):
        first_part, second_part = piece.claim[:cut], piece.claim[cut:]
        if min(len(first_part), len(second_part)) < _MIN_SPLICE_RUN:
            continue
        first, second = _window(src, first_part, 0), _window(src, second_part, 0)
        found = first.matched + second.matched
        if found >= _SPLICE_COVER * len(piece.claim) and found > best[1] and _apart(first, second):
            best = ([first, second], found)
    return best[0], best[0][0] is not piece


def _shared(src: list[Token], claim: tuple[Token, ...]) -> int:
    """How many claim words the source has at all (an upper bound on words matched)."""
    return sum((Counter(t.norm for t in src) & Counter(t.norm for t in claim)).values())


def _splice_possible(piece: _Piece) -> bool:
    """A splice is only looked for when one window holds part, not all or almost none, of
    the claim (the search tries every cut and is the costly part of aligning)."""
    words = len(piece.claim)
    return words >= 2 * _MIN_SPLICE_RUN and _MIN_SPLICE_RUN <= piece.matched < words


def _apart(first: _Piece, second: _Piece) -> bool:
    """Whether two windows come from non-adjacent places (or in the wrong order)."""
    return first.hi <= second.lo - _SPLICE_GAP or first.lo >= second.hi


def _summarise(
    source: str, src: list[Token], pieces: list[_Piece], claim_words: int, splice: bool
) -> Alignment:
    """Turn aligned pieces into the public Alignment."""
    matched = sum(p.matched for p in pieces)
    window = sum(p.hi - p.lo for p in pieces)
    diff: list[tuple[str, str]] = []
    changes: list[str] = ["splice"] if splice else []
    for piece in pieces:
        first_run = len(diff)  # runs are merged within a piece, never across an ellipsis/join
        for tag, i1, i2, j1, j2 in piece.ops:
            old = [t.raw for t in src[i1:i2]]
            new = [t.raw for t in piece.claim[j1:j2]]
            _add_runs(diff, tag, old, new, first_run)
            add_kinds(changes, tag, src[i1:i2], piece.claim[j1:j2], j1)
    exact = not splice and matched == claim_words == window
    negated = exact and _negated_before(source, src, pieces[0].lo)
    if negated:
        exact = False
        diff.insert(0, ("-", src[pieces[0].lo - 1].raw))
        changes.append("negation")
    spanned = [p for p in pieces if p.hi > p.lo]
    start = min((src[p.lo].start for p in spanned), default=0)
    end = max((src[p.hi - 1].end for p in spanned), default=0)
    return Alignment(
        ratio=matched / max(claim_words, window + int(negated)),
        matched=matched,
        claim_words=claim_words,
        diff=tuple(diff),
        changes=tuple(dict.fromkeys(changes)),
        start=start,
        end=end,
        exact=exact,
        partial=exact and len(src) > claim_words,
    )


def _negated_before(source: str, src: list[Token], lo: int) -> bool:
    """Whether the word just before a window negates it ('not' + the claimed words)."""
    if lo == 0 or not is_negation(src[lo - 1].norm):
        return False
    return not source[src[lo - 1].end : src[lo].start].strip()


def _add_runs(
    diff: list[tuple[str, str]], tag: str, old: list[str], new: list[str], first_run: int
) -> None:
    """Append one opcode's runs to the diff, merging with a previous run of the same kind."""
    runs = {"equal": [("=", old)], "delete": [("-", old)], "insert": [("+", new)]}
    for op, words in runs.get(tag, [("-", old), ("+", new)]):
        if not words:
            continue
        if len(diff) > first_run and diff[-1][0] == op:
            diff[-1] = (op, diff[-1][1] + " " + " ".join(words))
        else:
            diff.append((op, " ".join(words)))
