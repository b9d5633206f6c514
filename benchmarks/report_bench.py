"""Batch report throughput and memory: real claims against an index of >= 50,000 passages.

Sources indexed: PolNeAR train+dev articles and the CheckThat! 2020 verified claims (with their
titles). Claims checked: tweets and verified claims from CheckThat! 2020, quotes and sentences
from PolNeAR, cycled to the wanted count. The index is built once into `benchmarks/.cache/`
(git-ignored) and reused. Each claim count runs in a child process, so its peak resident
memory (ru_maxrss) is its own: a flat report shows the same peak for 10,000 and 100,000 claims.

    python benchmarks/report_bench.py                     # 10,000 then 100,000 claims
    python benchmarks/report_bench.py --sizes 10000       # throughput only
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import platform
import random
import re
import resource
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CACHE = ROOT / "benchmarks" / ".cache"
INDEX = CACHE / "report-index"
POLNEAR = DATA / "polnear"
CHECKTHAT = DATA / "checkthat2020"
MIN_PASSAGES = 50_000


def machine() -> str:
    """One line naming the machine the figures come from."""
    return (
        f"{platform.platform()}; {platform.processor() or platform.machine()}; "
        f"{os.cpu_count()} CPUs; Python {platform.python_version()}"
    )


def _polnear_articles() -> dict[str, dict]:
    articles: dict[str, dict] = {}
    for name in ("polnear_train.jsonl", "polnear_dev.jsonl"):
        with (POLNEAR / name).open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                articles.setdefault(row["article"], row)
    return articles


def _verified_claims() -> list[dict]:
    with (CHECKTHAT / "verified_claims.docs.tsv").open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t")
        next(reader)
        return [{"id": r[0], "vclaim": r[1], "title": r[2]} for r in reader if len(r) >= 3]


def write_sources(path: Path) -> None:
    """The corpus as one jsonl of documents: PolNeAR articles, verified claims, their titles."""
    with path.open("w", encoding="utf-8") as f:
        for art in _polnear_articles().values():
            f.write(
                json.dumps(
                    {
                        "id": f"polnear-{art['article']}",
                        "text": art["text"],
                        "title": art.get("title"),
                        "publisher": art.get("publisher"),
                        "published": art.get("publication_date"),
                    }
                )
                + "\n"
            )
        for vc in _verified_claims():
            f.write(
                json.dumps(
                    {
                        "id": f"vclaim-{vc['id']}",
                        "text": vc["vclaim"],
                        "title": vc["title"],
                        "publisher": "Snopes",
                    }
                )
                + "\n"
            )
            f.write(
                json.dumps({"id": f"vtitle-{vc['id']}", "text": vc["title"], "publisher": "Snopes"})
                + "\n"
            )


def claim_pool() -> list[tuple[str, str]]:
    """Real sentences to check, with a speaker where the data names one (20,882 in all).

    Tweets (CheckThat! 2020 train and dev), verified claims, PolNeAR dev direct quotes with
    their speaker, sentences of 300 PolNeAR articles; most of them are in the index, the
    tweets are not (they paraphrase a verified claim).
    """
    pool: list[tuple[str, str]] = []
    for split in ("train", "dev"):
        with (CHECKTHAT / split / "tweets.queries.tsv").open(encoding="utf-8") as f:
            pool += [(line.split("\t", 1)[1].strip(), "") for line in list(f)[1:] if "\t" in line]
    pool += [(vc["vclaim"], "") for vc in _verified_claims()]
    with (POLNEAR / "polnear_dev_direct_quotes.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            pool.append((row["quote"].strip('"“” '), row.get("speaker_mention") or ""))
    for art in islice(_polnear_articles().values(), 300):
        pool += [(s, "") for s in re.split(r"(?<=[.!?])\s+", art["text"]) if 40 < len(s) < 400]
    pool = [(text, speaker) for text, speaker in pool if text.strip()]
    # Shuffled once (fixed seed) so that every claim count has the same mix of kinds.
    random.Random(2026).shuffle(pool)
    return pool


def write_claims(path: Path, count: int) -> None:
    """A claims csv of `count` rows cycled from the pool."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "claim", "speaker"])
        for n, (text, speaker) in enumerate(islice(cycle(claim_pool()), count), start=1):
            writer.writerow([n, text, speaker])


def build_index() -> None:
    """Build the cached index once (skipped when it is there)."""
    from factcheck.engine import Engine
    from factcheck.settings import Settings

    engine = Engine.open(Settings(index_dir=INDEX))
    if engine.stats().get("passages", 0) >= MIN_PASSAGES:
        return
    sources = CACHE / "sources.jsonl"
    write_sources(sources)
    started = time.perf_counter()
    result = engine.ingest([sources])
    print(
        f"index built in {time.perf_counter() - started:.0f} s: {result.documents} documents, "
        f"{result.passages} passages, {result.statements} statements"
    )


def run_child(count: int, k: int, chunk_size: int) -> dict:
    """Check `count` claims in this process; returns the figures."""
    from factcheck.engine import Engine
    from factcheck.report.run import run_report
    from factcheck.settings import Settings

    claims = CACHE / f"claims-mixed-{count}.csv"
    if not claims.exists():
        write_claims(claims, count)
    engine = Engine.open(Settings(index_dir=INDEX))
    engine.search_many([("warm up the model and the index", None)], k=k)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    samples: dict[int, int] = {}

    def sample(done: int, total: int | None) -> None:
        # Resident memory after each tenth of the claims: flat means bounded.
        if total and done * 10 // total > len(samples) - 1:
            samples[done] = resident_mib()

    summary = run_report(claims, CACHE / f"report-{count}.json", engine, k=k,
                         chunk_size=chunk_size, progress=sample)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "claims": count,
        "checked": summary.claims,
        "bad_rows": len(summary.bad_rows),
        "seconds": round(summary.seconds, 1),
        "claims_per_second": summary.claims_per_second,
        "peak_rss_mib_before": round(before / 1024),
        "peak_rss_mib": round(after / 1024),
        "passages": engine.stats().get("passages"),
        "verdicts": summary.verdicts,
        "rss_mib_by_claims": samples,
    }


def resident_mib() -> int:
    """Resident memory of this process now (VmRSS), in MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def main() -> int:
    """Build the index if needed, then run each size in a child process and print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("-k", type=int, default=5)
    parser.add_argument("--chunk-size", type=int, default=2048)
    parser.add_argument("--threads", type=int, default=0,
                        help="torch intra-op threads (default: torch's own choice)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.basicConfig(level=logging.ERROR)
    if not POLNEAR.is_dir() or not CHECKTHAT.is_dir():
        print(f"skipped: data not found under {DATA} (see shared/data/README.md)")
        return 0
    if args.child:
        if args.threads:
            import torch

            torch.set_num_threads(args.threads)
        print(json.dumps(run_child(args.child, args.k, args.chunk_size)))
        return 0
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n")
    print(f"machine: {machine()}")
    print(f"torch threads: {args.threads or 'default'}; chunk {args.chunk_size}; "
          f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    build_index()
    for size in args.sizes:
        cmd = [
            sys.executable,
            __file__,
            "--child",
            str(size),
            "-k",
            str(args.k),
            "--chunk-size",
            str(args.chunk_size),
            "--threads",
            str(args.threads),
        ]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        fig = json.loads(out.strip().splitlines()[-1])
        print(
            f"{fig['claims']:>7,} claims vs {fig['passages']:,} passages (k={args.k}): "
            f"{fig['claims_per_second']} claims/s, {fig['seconds']} s; peak RSS "
            f"{fig['peak_rss_mib']} MiB (after loading: {fig['peak_rss_mib_before']} MiB); "
            f"bad rows {fig['bad_rows']}; verdicts {fig['verdicts']}"
        )
        print("   resident MiB after n claims: " + ", ".join(
            f"{int(n):,}: {mib}" for n, mib in fig["rss_mib_by_claims"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
