"""Shared helpers for the benchmark scripts: the machine, peak memory and the real data sets.

The data sets live in `../shared/data` beside the repository (never copied into it); a script
calls `require_data()` first so that it stops with one clear line where they are absent.
"""

from __future__ import annotations

import csv
import json
import os
import platform
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import cycle, islice
from pathlib import Path

from factcheck.records import Document
from factcheck.sources.read import content_sha256
from factcheck.sources.split import split

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
POLNEAR = DATA / "polnear"
CHECKTHAT = DATA / "checkthat2020"
CACHE = ROOT / "benchmarks" / ".cache"


def require_data(*folders: Path) -> None:
    """Exit with a clear message when a data folder (default: all of `DATA`) is missing."""
    for folder in folders or (POLNEAR, CHECKTHAT):
        if not folder.is_dir():
            sys.exit(
                f"benchmark data not found: {folder} (expected the shared data sets in "
                f"{DATA}; see its README.md)"
            )


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo (else what `platform` knows)."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ram_gib() -> float | None:
    """Total memory in GiB, from /proc/meminfo (None where unknown)."""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return None


def machine_lines(command: str | None = None) -> list[str]:
    """Lines describing the machine and the run: platform, CPU, cores, RAM, threads, load.

    Args:
        command: the command line to record (default: this process's argv).
    """
    try:
        import torch

        threads = str(torch.get_num_threads())
    except ImportError:
        threads = "n/a"
    ram = ram_gib()
    memory = f"; RAM {ram:.1f} GiB" if ram else ""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"date:     {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"command:  {command or ' '.join([_python(), *sys.argv])}",
        f"platform: {platform.platform()}; Python {platform.python_version()}",
        f"cpu:      {cpu_model()}; {os.cpu_count()} cores{memory}",
        f"torch threads: {threads}; load average at start (1/5/15 min): {load}",
    ]


def _python() -> str:
    """The interpreter as typed: relative to the working folder when inside it."""
    relative = os.path.relpath(sys.executable)
    return Path(sys.executable).name if relative.startswith("..") else relative


class Timer:
    """Seconds spent per named stage, added up over calls (CPU time of the calling thread)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.calls: dict[str, list[float]] = defaultdict(list)

    def wrap(self, name: str, function: Callable) -> Callable:
        """`function`, timed under `name`."""

        def timed(*args: object, **kwargs: object) -> object:
            start, cpu = time.perf_counter(), time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                self.seconds[name] += elapsed
                self.cpu[name] += time.thread_time() - cpu
                self.calls[name].append(elapsed)

        return timed


def peak_memory_mib() -> float:
    """Peak resident memory of this process so far (ru_maxrss), in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def polnear_articles(splits: tuple[str, ...] = ("dev", "train")) -> list[dict]:
    """PolNeAR articles, one row each (the first annotator's), in split then article order."""
    articles: dict[str, dict] = {}
    for name in splits:
        with (POLNEAR / f"polnear_{name}.jsonl").open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        for row in sorted(rows, key=lambda r: r["article"]):
            articles.setdefault(row["article"], row)
    return list(articles.values())


def polnear_documents(splits: tuple[str, ...] = ("dev", "train")) -> list[Document]:
    """PolNeAR articles as factcheck Documents (id `polnear-<article>`)."""
    return [
        Document(
            id=f"polnear-{row['article']}",
            text=row["text"],
            title=row.get("title"),
            published=row.get("publication_date"),
            publisher=row.get("publisher"),
            kind="news",
            sha256=content_sha256(row["text"]),
        )
        for row in polnear_articles(splits)
    ]


def documents_with_sentences(documents: list[Document], sentences: int) -> list[Document]:
    """The first documents whose passages (factcheck `split`) add up to >= `sentences`."""
    chosen, total = [], 0
    for document in documents:
        if total >= sentences:
            break
        chosen.append(document)
        total += len(split(document))
    return chosen


def polnear_sentences(count: int, splits: tuple[str, ...] = ("dev", "train")) -> list[str]:
    """`count` real sentences (factcheck passages) of PolNeAR articles, cycled if needed."""
    texts = (p.text for d in polnear_documents(splits) for p in split(d))
    pool = list(islice(texts, count))
    return list(islice(cycle(pool), count)) if pool else []


def checkthat_claims(count: int) -> list[str]:
    """`count` different real claims: CheckThat! 2020 tweets and verified claims, interleaved."""
    tweets: list[str] = []
    for name in ("dev", "train"):
        tweets += _tsv_column(CHECKTHAT / name / "tweets.queries.tsv", 1)
    verified = _tsv_column(CHECKTHAT / "verified_claims.docs.tsv", 1)
    mixed = [c for pair in zip(tweets, verified, strict=False) for c in pair]
    unique = list(dict.fromkeys(c for c in mixed if c.strip()))
    if len(unique) < count:
        raise ValueError(f"only {len(unique)} different claims available, {count} asked")
    return unique[:count]


def _tsv_column(path: Path, column: int) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return [row[column].strip() for row in rows[1:] if len(row) > column]
