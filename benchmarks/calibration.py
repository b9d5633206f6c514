"""Calibration of statement confidences: reliability tables, expected calibration error and
Brier score over (confidence, right) pairs. Used by `attribution_eval.py` and
`fit_confidence.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

BINS = 10


def reliability(pairs: Sequence[tuple[float, bool]], bins: int = BINS) -> list[tuple]:
    """Per confidence bin [k/bins, (k+1)/bins) (the last bin holds 1.0): low, high, count,
    mean confidence and share right, for the bins that hold any statement."""
    rows = []
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        held = [(c, r) for c, r in pairs if low <= c < high or (k == bins - 1 and c == high)]
        if held:
            mean = sum(c for c, _ in held) / len(held)
            rows.append((low, high, len(held), mean, sum(r for _, r in held) / len(held)))
    return rows


def calibration_error(pairs: Sequence[tuple[float, bool]], bins: int = BINS) -> float:
    """Expected calibration error: the count-weighted mean |mean confidence - share right|
    over the bins."""
    total = max(1, len(pairs))
    return sum(n * abs(mean - right) for _, _, n, mean, right in reliability(pairs, bins)) / total


def brier(pairs: Sequence[tuple[float, bool]]) -> float:
    """Mean squared difference between confidence and outcome (1 right, 0 wrong)."""
    return sum((c - r) ** 2 for c, r in pairs) / max(1, len(pairs))


def reliability_lines(pairs: Sequence[tuple[float, bool]], title: str) -> list[str]:
    """A printable reliability table with its calibration error and Brier score."""
    lines = [
        f"{title}: {len(pairs)} statements, calibration error {calibration_error(pairs):.3f},"
        f" Brier {brier(pairs):.3f}",
        f"  {'confidence':12}{'count':>7}{'mean conf':>11}{'share right':>13}",
    ]
    for low, high, n, mean, right in reliability(pairs):
        lines.append(f"  {low:.1f}-{high:.1f}     {n:7d}{mean:11.3f}{right:13.3f}")
    return lines
