"""Batch reports in this process and on Ray Data actors (1 and 2 workers): claims per second.

Index: the CheckThat! 2020 verified claims (`checkthat_eval.py` builds it into
`benchmarks/.cache/checkthat-vclaim`). Claims: real tweets and verified claims of CheckThat!
2020 (`common.checkthat_claims`). Each runner writes the same JSON report; the figures are
wall time of `run_report`, Ray's start and the actors' model loading included.

    python benchmarks/ray_bench.py                  # 10,000 claims
    python benchmarks/ray_bench.py --claims 1000    # a loaded machine
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
import time
from pathlib import Path

from common import CACHE, machine_lines

from factcheck.engine import Engine
from factcheck.report.run import run_report
from factcheck.runners import open_searcher
from factcheck.settings import Settings

INDEX = CACHE / "checkthat-vclaim"


def write_claims(path: Path, count: int) -> None:
    """A claims CSV of `count` real claims."""
    from common import checkthat_claims

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "claim"])
        writer.writerows([n, claim] for n, claim in enumerate(checkthat_claims(count)))


def timed(claims: Path, out: Path, engine: Engine, runner: str, workers: int) -> float:
    """Claims per second of one report run."""
    searcher = open_searcher(engine.settings.with_changes(runner=runner, ray_workers=workers),
                             engine)
    started = time.perf_counter()
    summary = run_report(claims, out, searcher)
    return summary.claims / (time.perf_counter() - started)


def _results(path: Path) -> list:
    return [{k: v for k, v in r.items() if k != "provenance"}
            for r in json.loads(path.read_text(encoding="utf-8"))["results"]]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=10_000)
    args = parser.parse_args(argv)
    if not (INDEX / "factcheck.sqlite3").exists():
        print(f"no index at {INDEX}; run benchmarks/checkthat_eval.py first", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING)
    print("\n".join(machine_lines()))
    claims = CACHE / f"ray-claims-{args.claims}.csv"
    write_claims(claims, args.claims)
    engine = Engine.open(Settings(index_dir=INDEX))
    runs = [("local", 1), ("ray", 1), ("ray", 2)]
    for runner, workers in runs:
        rate = timed(claims, CACHE / f"ray-{runner}-{workers}.json", engine, runner, workers)
        print(f"{runner:5} workers={workers}: {args.claims} claims, {rate:.1f} claims/s")
    same = all(_results(CACHE / f"ray-{r}-{w}.json") == _results(CACHE / "ray-local-1.json")
               for r, w in runs)
    print(f"reports identical to the in-process one: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
