"""Fit the attribution confidences (`factcheck/attribution/tuning.py`) on PolNeAR train only.

    .venv/bin/python benchmarks/fit_confidence.py [--folds 5] [--seed 13] [--min-count 30]

A statement's confidence is the number of the rule that found its speaker (`types.Rule`;
`NO_SPEAKER` for a statement without one), times `CARRIED_OVER` per quote its speaker was
carried over, times `PARTIAL_OR_WEAK` for a partial quote or a cue of the data-derived
lexicon (`resolve.drafts.statement_confidence`). A statement is *right* as in the
reliability table of `attribution_eval.py`: counted in all@0.3, matched to a gold
attribution at overlap 0.3, and its speaker right (any of the eval's ways); each annotation
file on its own.

The fit, one number per rule, each rounded to 2 decimals:
1. a speaker rule: the share right of its statements that carry no factor (not carried
   over, not partial or weak); `NO_SPEAKER`: of all statements without a speaker;
2. `PARTIAL_OR_WEAK`: the share right of the partial or weak statements with a speaker,
   over their mean rule number (so their mean confidence is their share right);
3. `CARRIED_OVER`: the factor f at which the carried-over statements' summed confidence
   (rule number x f^carried) equals the number of them right.
A rule with fewer than --min-count statements keeps the number it has in tuning.py.

Printed: per rule its count, share right, today's number and the fitted one (and its range
over the folds); then reliability tables, calibration error and Brier score of today's
numbers and of the fitted ones, out of fold (--folds-fold cross-validation, folds of whole
articles, shuffled with --seed) and on all of train. Numbers are copied into tuning.py by
hand, with the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from attribution_eval import DATA, _load, rightness
from calibration import reliability_lines
from common import machine_lines

from factcheck.attribution import tuning
from factcheck.attribution.quotes.chains import Draft
from factcheck.attribution.resolve.drafts import statement_confidence
from factcheck.attribution.types import Rule
from factcheck.records import StatementKind


@dataclass(frozen=True)
class Numbers:
    """One set of the confidence numbers of `tuning`."""

    confidence: MappingProxyType
    carried_over: float
    partial_or_weak: float


@dataclass(frozen=True)
class Item:
    """One statement of one annotation file: its article, draft and whether it is right."""

    article: str
    draft: Draft
    right: bool

    @property
    def rule(self) -> Rule:
        frame = self.draft.frame
        return frame.rule if frame is not None and frame.speaker else Rule.NO_SPEAKER

    @property
    def carried(self) -> int:
        return self.draft.frame.carried if self.rule is not Rule.NO_SPEAKER else 0

    @property
    def discounted(self) -> bool:
        frame = self.draft.frame
        partial = self.draft.kind is StatementKind.PARTIAL
        return self.rule is not Rule.NO_SPEAKER and (partial or frame.weak)


# The numbers set by hand when the stage was written, before this fit (for comparison).
HAND_SET = Numbers(
    MappingProxyType({
        Rule.NAME: 0.9, Rule.ORGANISATION: 0.85, Rule.CONJOINED: 0.85, Rule.DESCRIPTION: 0.6,
        Rule.QUANTIFIED: 0.6, Rule.PRONOUN_RECENT: 0.8, Rule.PRONOUN_NAMED: 0.5,
        Rule.PRONOUN_UNSURE: 0.3, Rule.FIRST_PERSON: 0.5, Rule.OUTLET_RECENT: 0.7,
        Rule.OUTLET_NAMED: 0.6, Rule.OUTLET_DESCRIBED: 0.5, Rule.NO_SPEAKER: 0.1,
    }),
    carried_over=0.5,
    partial_or_weak=0.8,
)


def today() -> Numbers:
    """The numbers in tuning.py now."""
    return Numbers(tuning.CONFIDENCE, tuning.CARRIED_OVER, tuning.PARTIAL_OR_WEAK)


@contextmanager
def using(numbers: Numbers) -> Iterator[None]:
    """The attribute stage's confidences computed with some numbers, for a while."""
    kept = today()
    tuning.CONFIDENCE, tuning.CARRIED_OVER = numbers.confidence, numbers.carried_over
    tuning.PARTIAL_OR_WEAK = numbers.partial_or_weak
    try:
        yield
    finally:
        tuning.CONFIDENCE, tuning.CARRIED_OVER = kept.confidence, kept.carried_over
        tuning.PARTIAL_OR_WEAK = kept.partial_or_weak


def pairs(items: list[Item], numbers: Numbers) -> list[tuple[float, bool]]:
    """(confidence, right) of each statement under some numbers."""
    with using(numbers):
        return [(statement_confidence(item.draft), item.right) for item in items]


def collect(split: str) -> list[Item]:
    """Every statement counted in all@0.3 on a split, with its draft and outcome."""
    from factcheck.attribution.pipeline import _parsed
    from factcheck.records import Document

    rows = _load(split, None)
    texts = {r["article"]: r["text"] for r in rows}
    plans = _parsed([Document(id=a, text=t) for a, t in texts.items()])
    resolved = {}
    for article, plan in zip(texts, plans, strict=True):
        drafts = plan.drafts()
        statements = [plan.statement(n, d) for n, d in enumerate(drafts, start=1)]
        resolved[article] = {id(s): d for s, d in zip(statements, drafts, strict=True)}, statements
    items = []
    for row in rows:
        drafts, statements = resolved[row["article"]]
        for statement, right in rightness(row, statements):
            items.append(Item(row["article"], drafts[id(statement)], right))
    return items


def fit(items: list[Item], start: Numbers, min_count: int) -> Numbers:
    """The numbers fitted on some statements (see the module's docstring)."""
    confidence = dict(start.confidence)
    plain = defaultdict(list)
    for item in items:
        if item.rule is Rule.NO_SPEAKER or (not item.carried and not item.discounted):
            plain[item.rule].append(item.right)
    for rule, rights in plain.items():
        if len(rights) >= min_count:
            confidence[rule] = round(sum(rights) / len(rights), 2)
    discounted = [i for i in items if i.discounted and not i.carried]
    partial_or_weak = start.partial_or_weak
    if len(discounted) >= min_count:
        base = sum(confidence[i.rule] for i in discounted)
        partial_or_weak = round(sum(i.right for i in discounted) / base, 2)
    carried = [i for i in items if i.carried]
    carried_over = start.carried_over
    if len(carried) >= min_count:
        carried_over = round(_carried_factor(carried, confidence, partial_or_weak), 2)
    return Numbers(MappingProxyType(confidence), carried_over, partial_or_weak)


def _carried_factor(carried: list[Item], confidence: dict, partial_or_weak: float) -> float:
    """The factor f at which sum(number x f^carried) over the carried-over statements equals
    the number right (bisection: the sum grows with f)."""
    right = sum(i.right for i in carried)

    def total(f: float) -> float:
        return sum(
            confidence[i.rule] * f**i.carried * (partial_or_weak if i.discounted else 1.0)
            for i in carried
        )

    low, high = 0.0, 1.0 / max(min(confidence[i.rule] for i in carried), 0.01)
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if total(middle) < right else (low, middle)
    return (low + high) / 2


def folds(items: list[Item], k: int, seed: int) -> list[set[str]]:
    """k sets of articles, shuffled with a seed (the folds of the cross-validation)."""
    articles = sorted({i.article for i in items})
    random.Random(seed).shuffle(articles)
    return [set(articles[n::k]) for n in range(k)]


def cross_validated(
    items: list[Item], k: int, seed: int, min_count: int
) -> tuple[list[tuple[float, bool]], list[Numbers]]:
    """Out-of-fold (confidence, right) of the numbers fitted on the other folds, and each
    fold's fit."""
    held_fitted, fits = [], []
    for fold in folds(items, k, seed):
        train = [i for i in items if i.article not in fold]
        numbers = fit(train, today(), min_count)
        fits.append(numbers)
        held_fitted += pairs([i for i in items if i.article in fold], numbers)
    return held_fitted, fits


def rule_lines(items: list[Item], fitted: Numbers, fits: list[Numbers]) -> list[str]:
    """Per rule: statements, share right, today's and the fitted number, range over folds."""
    lines = [
        "per rule: statements it numbers alone (no speaker: all without one; factors: the"
        " statements they apply to), their share right, the hand-set number, the one in"
        " tuning.py now, the fitted one, and its range over the folds",
        f"{'rule':18}{'n':>8}{'right':>7}{'hand':>6}{'now':>6}{'fitted':>8}  folds",
    ]
    for rule in Rule:
        rights = [
            i.right for i in items
            if i.rule is rule and (rule is Rule.NO_SPEAKER or not (i.carried or i.discounted))
        ]
        share = f"{sum(rights) / len(rights):7.3f}" if rights else f"{'-':>7}"
        spread = [f.confidence[rule] for f in fits]
        lines.append(
            f"{rule.value:18}{len(rights):8d}{share}{HAND_SET.confidence[rule]:6.2f}"
            f"{tuning.CONFIDENCE[rule]:6.2f}{fitted.confidence[rule]:8.2f}"
            f"  {min(spread):.2f}-{max(spread):.2f}"
        )
    discounted = [i for i in items if i.discounted and not i.carried]
    carried = [i for i in items if i.carried]
    for name, attribute, group in (
        ("partial or weak", "partial_or_weak", discounted),
        ("carried over", "carried_over", carried),
    ):
        spread = [getattr(f, attribute) for f in fits]
        share = sum(i.right for i in group) / max(1, len(group))
        lines.append(
            f"{name:18}{len(group):8d}{share:7.3f}{getattr(HAND_SET, attribute):6.2f}"
            f"{getattr(today(), attribute):6.2f}{getattr(fitted, attribute):8.2f}"
            f"  {min(spread):.2f}-{max(spread):.2f}  (factor)"
        )
    return lines


def report(items: list[Item], args: argparse.Namespace) -> list[str]:
    """The printed figures: per rule, then the reliability tables, then the numbers."""
    times = defaultdict(int)
    for item in items:
        times[item.carried] += 1
    lines = [
        f"PolNeAR train: {len(items)} statements counted in all@0.3, "
        f"{sum(i.right for i in items)} right; carried over k times: {dict(sorted(times.items()))}"
    ]
    held_fitted, fits = cross_validated(items, args.folds, args.seed, args.min_count)
    fitted = fit(items, today(), args.min_count)
    lines += [*rule_lines(items, fitted, fits), ""]
    cv = f"train-CV ({args.folds} folds by article, seed {args.seed}), fitted out of fold"
    lines += reliability_lines(pairs(items, HAND_SET), "train, the hand-set numbers (no fit)")
    lines += reliability_lines(pairs(items, today()), "train, the numbers in tuning.py now")
    lines += reliability_lines(held_fitted, cv)
    lines += reliability_lines(pairs(items, fitted), "train, fitted on all of train")
    lines.append("\nfitted numbers (copy into factcheck/attribution/tuning.py):")
    lines += [f"    Rule.{rule.name}: {number}," for rule, number in fitted.confidence.items()]
    lines.append(f"CARRIED_OVER = {fitted.carried_over}")
    lines.append(f"PARTIAL_OR_WEAK = {fitted.partial_or_weak}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--min-count", type=int, default=30)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: PolNeAR data not found at {DATA}")
        return 0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    print("\n".join(machine_lines()), flush=True)
    print("\n".join(report(collect("train"), args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
