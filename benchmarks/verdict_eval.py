"""Verdict quality on PolNeAR train/dev: precision, recall, confusion matrix, macro-F1.

Builds (or reuses) an index of the evaluation articles with the real model, checks every
claim of `verdict_set.build()` through `Engine.search_many`, and prints per-verdict
precision/recall/F1, the confusion matrix, macro-F1, accuracy per variant, the number of
altered claims judged `verbatim` (must be 0), the machine and the command.

    .venv/bin/python benchmarks/verdict_eval.py [--index DIR] [--out FILE] [--errors N]

The first run indexes the 144 articles into --index (default /tmp/factcheck-verdict-index;
about 11 minutes on 2 shared cores); later runs reuse it. Thresholds in `Settings` were
chosen on this set, so its figures are development figures.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import verdict_set

from factcheck.engine import Engine
from factcheck.records import Verdict
from factcheck.settings import Settings
from factcheck.verdict.result import SearchResult

VERDICTS = [str(v) for v in Verdict]
RESULTS = Path(__file__).resolve().parent / "results" / "verdicts.txt"


def open_index(folder: Path, encoder: str) -> Engine:
    """The evaluation index, built on first use (dev + the train sample)."""
    engine = Engine.open(Settings(index_dir=folder, encoder=encoder))
    if not engine.stats().get("documents"):
        indexed, _ = verdict_set.split_articles()
        started = time.perf_counter()
        result = engine.ingest_documents(verdict_set.documents(indexed))
        print(
            f"indexed {result.documents} articles, {result.passages} passages, "
            f"{result.statements} statements in {time.perf_counter() - started:.0f} s"
        )
    return engine


def evaluate(engine: Engine, cases: list[verdict_set.Case]) -> list[str]:
    """The verdict the engine gives each case."""
    results = engine.search_many([(case.claim, case.speaker) for case in cases])
    return [str(r.verdict) if isinstance(r, SearchResult) else "error" for r in results]


def report(cases: list[verdict_set.Case], got: list[str]) -> list[str]:
    """The figures as printable lines."""
    lines = [f"{len(cases)} claims", "", f"{'verdict':15}{'prec':>7}{'recall':>8}{'F1':>7}{'n':>6}"]
    f1s = []
    for verdict in VERDICTS:
        tp = sum(c.expected == verdict and g == verdict for c, g in zip(cases, got, strict=True))
        n_pred = got.count(verdict)
        n_gold = sum(c.expected == verdict for c in cases)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f1)
        lines.append(f"{verdict:15}{p:7.3f}{r:8.3f}{f1:7.3f}{n_gold:6d}")
    lines.append(
        f"macro-F1 {sum(f1s) / len(f1s):.3f}   accuracy "
        f"{sum(c.expected == g for c, g in zip(cases, got, strict=True)) / len(cases):.3f}"
    )
    lines += [
        "",
        "confusion (rows expected, columns got):",
        " " * 15 + "".join(f"{v[:8]:>9}" for v in VERDICTS),
    ]
    pairs = Counter((c.expected, g) for c, g in zip(cases, got, strict=True))
    for expected in VERDICTS:
        lines.append(f"{expected:15}" + "".join(f"{pairs[(expected, g)]:9d}" for g in VERDICTS))
    lines += ["", "accuracy per variant:"]
    variants = Counter(c.variant for c in cases)
    for variant, n in sorted(variants.items()):
        right = sum(
            c.variant == variant and c.expected == g for c, g in zip(cases, got, strict=True)
        )
        lines.append(f"  {variant:26}{right / n:6.3f}  ({right}/{n})")
    false_verbatim = sum(
        c.expected == "altered" and g == "verbatim" for c, g in zip(cases, got, strict=True)
    )
    lines.append(f"\naltered claims judged verbatim: {false_verbatim}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="default: /tmp/factcheck-verdict-index"
                        " (torch), else with the encoder's name added")
    parser.add_argument("--encoder", default=Settings().encoder,
                        help="Settings.encoder: torch, onnx-int8 or onnx-fp32")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong verdicts")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    suffix = "" if args.encoder == "torch" else f"-{args.encoder}"
    engine = open_index(args.index or Path(f"/tmp/factcheck-verdict-index{suffix}"), args.encoder)
    cases = verdict_set.build()
    started = time.perf_counter()
    got = evaluate(engine, cases)
    seconds = time.perf_counter() - started
    lines = report(cases, got)
    lines += [
        f"{len(cases) / seconds:.1f} claims/s (search_many, {seconds:.0f} s)",
        (
            f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} cpus, python {platform.python_version()}"
        ),
        (
            f"model: {engine.settings.model} ({engine.settings.encoder}); settings: "
            f"altered_ratio "
            f"{engine.settings.altered_ratio}, paraphrase_similarity "
            f"{engine.settings.paraphrase_similarity}, min_words_matched "
            f"{engine.settings.min_words_matched}"
        ),
        " ".join([".venv/bin/python benchmarks/verdict_eval.py", *sys.argv[1:]]),
    ]
    print("\n".join(lines))
    wrong = [(c, g) for c, g in zip(cases, got, strict=True) if c.expected != g]
    for case, verdict in wrong[: args.errors]:
        print(
            f"- {case.variant} expected {case.expected} got {verdict}: "
            f"{case.claim[:120]!r} speaker={case.speaker}"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
