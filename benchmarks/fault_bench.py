"""Faults: kill -9 during ingests, processes ingesting and searching one index at once, and
the cost of checking the index files' checksums.

1. **Checksum cost**: reading a FAISS file of 100k random unit vectors of 384 dimensions
   (HNSW, as an index of that size is) and checking its size and CRC-32 whole and sampled
   (`factcheck.index.files.fingerprint`).
2. **kill -9**: `factcheck ingest` of real PolNeAR article openings (several batches),
   with `FACTCHECK_MODEL=hash-test`, killed with SIGKILL from outside at a uniformly random
   moment between its start and its expected end (`--kills`), and killed at each chosen
   moment of `fault_children.MOMENTS` (`--chosen` times each: inside a batch's
   transaction, between batches, while the vector file, the word index or the manifest is
   written, before the sweep). Half of each into an empty folder (the first ingest), half
   into a folder holding a base corpus. After each kill: the next command (`factcheck
   search` for a sentence of the last committed document) must succeed and find it, the
   index files must hold exactly the stored units, every committed document must be
   stored and indexed, and no file may be left but the current and previous versions;
   then the same ingest again, to the end: every document stored once.
3. **Concurrency**: `--workers` processes ingest and search one index for `--seconds`
   (half run each as a command through `factcheck.cli.main`, half keep one Engine; see
   `fault_children.worker`); failed commands and search errors, then the final state.

    .venv/bin/python benchmarks/fault_bench.py [--kills 50] [--chosen 5] [--seconds 60]
        [--workers 6] [--documents 200] [--seed 14] [--parts checksum kills concurrency]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import faiss
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import common  # noqa: E402
import fault_children  # noqa: E402

from factcheck.sources.read import content_sha256  # noqa: E402

CHILDREN = Path(__file__).resolve().parent / "fault_children.py"
RESULTS = common.ROOT / "benchmarks" / "results" / "faults.txt"
DATABASE, MANIFEST = "factcheck.sqlite3", "manifest.json"
OWN_FILES = {DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm", f"{DATABASE}-journal", MANIFEST,
             "write.lock"}
OPENING_CHARS = 400  # each document an article's opening: 4 batches of 64 in a few seconds
BASE_DOCUMENTS = 30
ENV = {**os.environ, "PYTHONPATH": str(common.ROOT), "FACTCHECK_MODEL": "hash-test"}


def main() -> int:
    args = _arguments()
    lines = common.machine_lines()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="fault-bench-") as scratch:
        corpus = _corpus(Path(scratch), args.documents, rng)
        for part in args.parts:
            lines += ["", *PARTS[part](args, corpus, Path(scratch), rng)]
            print("\n".join(lines))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=50, help="kills at random moments")
    parser.add_argument("--chosen", type=int, default=5, help="kills at each chosen moment")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=6)
    parser.add_argument("--documents", type=int, default=200, help="documents per ingest")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--parts", nargs="+", choices=list(PARTS), default=list(PARTS))
    return parser.parse_args()


# --- the corpus ----------------------------------------------------------------------------
def _corpus(scratch: Path, documents: int, rng: random.Random) -> dict:
    """Two JSON-lines files of PolNeAR article openings (the base, the ingest killed) and
    an index holding the base."""
    common.require_data(common.POLNEAR)
    articles = common.polnear_articles(("train",))
    rng.shuffle(articles)
    openings = [_opening(row["text"]) for row in articles[:BASE_DOCUMENTS + documents]]
    base, ingest = scratch / "base.jsonl", scratch / "ingest.jsonl"
    for path, texts in ((base, openings[:BASE_DOCUMENTS]), (ingest, openings[BASE_DOCUMENTS:])):
        path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    template = scratch / "base-index"
    _command("ingest", str(base), "--index", str(template), check=True)
    ids = _state(template)["ids"]
    claim = max(_sentences(openings[0]), key=len)
    (scratch / fault_children.BASE_CLAIM_FILE).write_text(
        json.dumps({"claim": claim, "doc_id": ids[content_sha256(openings[0])]}),
        encoding="utf-8")
    return {"base": {content_sha256(t): t for t in openings[:BASE_DOCUMENTS]},
            "texts": {content_sha256(t): t for t in openings[BASE_DOCUMENTS:]},
            "base_ids": list(ids.values()), "ingest": ingest, "template": template,
            "documents": documents}


def _opening(text: str) -> str:
    cut = text[:OPENING_CHARS]
    return cut[:cut.rfind(". ") + 1] if ". " in cut else cut


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in text.replace("\n", " ").split(". ") if len(s.split()) >= 5]


def _command(*argv: str, check: bool = False) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "factcheck.cli", *argv], env=ENV,
                          capture_output=True, text=True, timeout=600)
    if check and done.returncode != 0:
        sys.exit(f"factcheck {' '.join(argv)} failed: {done.stderr[-2000:]}")
    return done


# --- what an index folder holds ------------------------------------------------------------
def _state(folder: Path) -> dict:
    """Stored documents and units (SQLite, read only), the rows of the index files the
    manifest names, and the files left beside them."""
    db = sqlite3.connect(f"file:{folder / DATABASE}?mode=ro", uri=True)
    try:
        documents = db.execute("SELECT sha256, id FROM documents").fetchall()
        units = {row for (row,) in db.execute("SELECT row FROM units")}
        passages = db.execute("SELECT p.doc_id, u.row FROM units u JOIN passages p "
                              "ON u.unit = 'passage' AND u.unit_id = p.id").fetchall()
    finally:
        db.close()
    manifest = json.loads((folder / MANIFEST).read_text()) if (folder / MANIFEST).exists() else {}
    files = manifest.get("files") or {}
    named = {*files.values(), *(manifest.get("previous_files") or {}).values()}
    vectors = words = []
    if files:
        index = faiss.read_index(str(folder / files["vectors"]))
        vectors = faiss.vector_to_array(index.id_map).tolist()
        words = np.load(folder / files["words"] / "rows.npy").tolist()
    return {"documents": len(documents), "ids": dict(documents), "units": units,
            "passages": passages, "vectors": vectors, "words": words,
            "leftovers": sorted(p.name for p in folder.iterdir()
                                if p.name not in OWN_FILES | named)}


def _in_step(state: dict) -> bool:
    return sorted(state["vectors"]) == sorted(state["units"]) == sorted(state["words"])


def _indexed(state: dict, doc_id: str) -> bool:
    """Whether every passage of a document is in the vector index."""
    rows = {row for doc, row in state["passages"] if doc == doc_id}
    return bool(rows) and rows <= set(state["vectors"])


# --- 1. the cost of the checksums ----------------------------------------------------------
def _checksum_part(args: argparse.Namespace, corpus: dict, scratch: Path,
                   rng: random.Random) -> list[str]:
    from factcheck.index import files
    from factcheck.index.backends.faiss import FaissIndex
    from factcheck.settings import Settings

    settings = Settings(index_dir=scratch / "unused", model="hash-test")
    vectors = np.random.default_rng(args.seed).standard_normal((100_000, 384), np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = FaissIndex.create(settings, 384)
    index.add(np.arange(len(vectors)), vectors)
    path = scratch / "vectors-100k.faiss"
    index.save(path)
    load = _median(lambda: FaissIndex.load(path, settings))
    whole = _median(lambda: files.fingerprint(path))
    sample = _median(lambda: files._checksum(path, "crc32_sample"))
    size = path.stat().st_size / 2**20
    path.unlink()
    return ["## 1. Checksum cost: FAISS file of 100,000 vectors x 384 (HNSW), "
            f"{size:.1f} MiB (median of 5)",
            f"read the index (faiss.read_index):           {load:.3f} s",
            f"size + CRC-32 of the whole file:              {whole:.3f} s "
            f"({whole / load:.0%} of the read)",
            f"size + CRC-32 of edges and sample ({files.SAMPLE_BLOCKS} x "
            f"{files.SAMPLE_BYTES >> 10} KiB): {sample * 1000:.1f} ms",
            f"chosen: whole file up to {files.WHOLE_FILE_LIMIT >> 20} MiB, the sample above"]


def _median(function, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return sorted(times)[repeats // 2]


# --- 2. kill -9 ----------------------------------------------------------------------------
def _kills_part(args: argparse.Namespace, corpus: dict, scratch: Path,
                rng: random.Random) -> list[str]:
    durations = {first: _calibrate(scratch / "calibration", corpus, first)
                 for first in (True, False)}
    trials = [("random", n % 2 == 0) for n in range(args.kills)]
    trials += [(moment, n % 2 == 0) for moment in fault_children.MOMENTS
               for n in range(args.chosen)]
    records = []
    for n, (moment, first) in enumerate(trials):
        records.append(_kill_trial(scratch / f"kill-{n}", corpus, moment, first,
                                   durations[first], rng))
        print(f"kill {n + 1}/{len(trials)}: {records[-1]}", file=sys.stderr)
    return _kill_lines(records, durations, corpus)


def _prepare(folder: Path, corpus: dict, first: bool) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    if first:
        folder.mkdir()
    else:
        shutil.copytree(corpus["template"], folder)


def _start_ingest(folder: Path, marks: Path, moment: str, corpus: dict) -> subprocess.Popen:
    marks.unlink(missing_ok=True)
    return subprocess.Popen([sys.executable, str(CHILDREN), "ingest", str(folder), str(marks),
                             moment, str(corpus["ingest"])], env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _marks(path: Path) -> list[tuple[float, str, list[str]]]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [(float(at), what, rest) for at, what, *rest in (line.split() for line in lines)]


def _calibrate(folder: Path, corpus: dict, first: bool) -> float:
    """Seconds from the start of an ingest that is not killed to its end."""
    _prepare(folder, corpus, first)
    marks = folder.with_suffix(".marks")
    _start_ingest(folder, marks, "none", corpus).wait(timeout=600)
    times = {what: at for at, what, _ in _marks(marks)}
    shutil.rmtree(folder)
    return times["done"] - times["start"]


def _killed_run(folder: Path, marks: Path, moment: str, corpus: dict, first: bool,
                duration: float, rng: random.Random) -> float | None:
    """Run the ingest until it is killed (from outside at a random moment, or by itself);
    the delay after its start for a random kill."""
    for attempt in range(6):
        _prepare(folder, corpus, first)
        child = _start_ingest(folder, marks, "none" if moment == "random" else moment, corpus)
        delay = None
        if moment == "random":
            while child.poll() is None and not any(w == "start" for _, w, _ in _marks(marks)):
                time.sleep(0.005)
            delay = rng.uniform(0, duration) * 0.7 ** attempt  # earlier if it ended first
            time.sleep(delay)
            child.kill()
        if child.wait(timeout=600) == -9 and _marks(marks)[-1][1] != "done":
            return delay
    raise RuntimeError(f"{folder}: the ingest was never killed ({moment})")


def _kill_trial(folder: Path, corpus: dict, moment: str, first: bool, duration: float,
                rng: random.Random) -> dict:
    marks = folder.with_suffix(".marks")
    delay = _killed_run(folder, marks, moment, corpus, first, duration, rng)
    seen = _marks(marks)
    committed = [sha for _, what, rest in seen if what == "committed" for sha in rest]
    stored = _state(folder)
    usable = _next_command(folder, corpus, committed or list(stored["ids"]), stored)
    after = _state(folder)
    rerun = _command("ingest", str(corpus["ingest"]), "--index", str(folder))
    final = _state(folder)
    expected = set(corpus["texts"]) if first else set(corpus["texts"]) | set(corpus["base"])
    shutil.rmtree(folder)
    return {
        "moment": moment, "first": first, "delay": delay,
        "landed": _landed(seen),
        "committed": len(committed), "unusable": not usable or not _in_step(after),
        "lost": sum(sha not in stored["ids"] or not _indexed(after, after["ids"][sha])
                    for sha in committed),
        "leftovers_next": len(after["leftovers"]), "rerun_failed": rerun.returncode != 0,
        "duplicates": final["documents"] - len(final["ids"])
        + len(final["vectors"]) - len(set(final["vectors"])),
        "missing_after_rerun": len(expected - set(final["ids"])),
        "rerun_out_of_step": not _in_step(final), "leftovers_rerun": len(final["leftovers"]),
    }


def _landed(seen: list[tuple[float, str, list[str]]]) -> str:
    """Where the ingest was when it died, from its last mark."""
    batches, last = sum(what == "committed" for _, what, _ in seen), seen[-1][1]
    if last in ("start", "sweep") and not batches:
        return "reading and attributing batch 1"
    return {"committed": f"after batch {batches} committed", "vectors": "writing vectors",
            "words": "writing the word index", "manifest": "writing the manifest",
            "sweep": "sweeping"}[last]


def _next_command(folder: Path, corpus: dict, probes: list[str], stored: dict) -> bool:
    """Whether the command after the kill works: a search for a sentence of the last
    committed document finds it; with nothing stored, search says the index is empty."""
    if not probes:
        done = _command("search", "The minister said the talks went well", "--index",
                        str(folder))
        return done.returncode == 2 and "the index is empty" in done.stderr
    text = corpus["texts"].get(probes[-1]) or corpus["base"][probes[-1]]
    done = _command("search", max(_sentences(text), key=len), "--json", "--index", str(folder))
    if done.returncode != 0:
        return False
    doc_id = stored["ids"].get(probes[-1])
    return any(m["doc_id"] == doc_id for m in json.loads(done.stdout)["matches"])


def _kill_lines(records: list[dict], durations: dict, corpus: dict) -> list[str]:
    totals = Counter()
    for record in records:
        totals.update({key: int(value) for key, value in record.items()
                       if isinstance(value, bool | int) and key not in ("first", "committed")})
    lines = [f"## 2. kill -9 during `factcheck ingest` of {corpus['documents']} documents "
             f"(batches of 64; FACTCHECK_MODEL=hash-test)",
             f"uninterrupted ingest, start to end: {durations[True]:.1f} s into an empty folder, "
             f"{durations[False]:.1f} s into one of {BASE_DOCUMENTS} documents",
             "", "| killed | runs | first ingest | where the kills landed |",
             "| --- | --- | --- | --- |"]
    for moment in ["random", *fault_children.MOMENTS]:
        chosen = [r for r in records if r["moment"] == moment]
        if chosen:
            landed = Counter(r["landed"] for r in chosen)
            where = ", ".join(f"{what} x{n}" for what, n in sorted(landed.items()))
            name = ("at a random moment" if moment == "random"
                    else fault_children.MOMENTS[moment])
            lines.append(f"| {name} | {len(chosen)} | {sum(r['first'] for r in chosen)} "
                         f"| {where} |")
    lines += ["", f"kills: {len(records)}; documents committed before a kill: "
              f"{sum(r['committed'] for r in records)} (in all)"]
    for key, label in (("unusable", "unusable indexes (next command failed, or did not find the "
                                    "last committed document, or files out of step)"),
                       ("lost", "committed documents lost (not stored, or not indexed)"),
                       ("leftovers_next", "leftover files after the next command"),
                       ("rerun_failed", "re-runs that failed"),
                       ("duplicates", "duplicates after the re-run (documents, vector ids)"),
                       ("missing_after_rerun", "documents missing after the re-run"),
                       ("rerun_out_of_step", "indexes out of step after the re-run"),
                       ("leftovers_rerun", "leftover files after the re-run")):
        lines.append(f"{label}: {totals[key]}")
    return lines


# --- 3. concurrent processes -----------------------------------------------------------------
def _concurrency_part(args: argparse.Namespace, corpus: dict, scratch: Path,
                      rng: random.Random) -> list[str]:
    folder, go = scratch / "shared-index", scratch / "go"
    shutil.copytree(corpus["template"], folder)
    children = [subprocess.Popen(
        [sys.executable, str(CHILDREN), "worker", str(folder), str(go), str(args.seconds),
         str(n), str(scratch), "cli" if n % 2 == 0 else "engine"],
        env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(args.workers)]
    deadline = time.monotonic() + 600
    while (not all((scratch / f"ready-{n}").exists() for n in range(args.workers))
           and time.monotonic() < deadline and all(c.poll() is None for c in children)):
        time.sleep(0.05)
    go.touch()
    outputs = [child.communicate(timeout=args.seconds + 900) for child in children]
    summaries = [json.loads(out) if child.returncode == 0 else {"crashed": err[-500:]}
                 for child, (out, err) in zip(children, outputs, strict=True)]
    stats = _command("stats", "--index", str(folder))
    return _concurrency_lines(args, summaries, outputs, stats, _state(folder), corpus)


def _concurrency_lines(args: argparse.Namespace, summaries: list[dict], outputs: list,
                       stats: subprocess.CompletedProcess, state: dict, corpus: dict
                       ) -> list[str]:
    crashed = [s["crashed"] for s in summaries if "crashed" in s]
    done = [s for s in summaries if "crashed" not in s]
    total = Counter()
    for summary in done:
        total.update({k: v for k, v in summary.items() if isinstance(v, int) and k != "worker"})
    own = {doc for s in done for doc in s["ingested"]}
    shared = {f"shared-{doc.split('-')[1]}" for doc in own}
    expected = own | shared | set(corpus["base_ids"])
    stored = set(state["ids"].values())
    warnings = sum(line.startswith("factcheck:") for _, err in outputs for line in err.splitlines())
    lines = [f"## 3. {args.workers} processes ingesting and searching one index for "
             f"{args.seconds:.0f} s (even workers: each call a command, factcheck.cli.main; "
             "odd: one Engine)", "",
             "| worker | mode | ingests | failed | searches | search errors | not found |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {s['worker']} | {s['mode']} | {s['ingests']} | {s['failed_ingests']} | "
              f"{s['searches']} | {s['search_errors']} | {s['not_found']} |" for s in done]
    lines += ["", f"processes that crashed: {len(crashed)}",
              f"failed commands: {total['failed_ingests'] + total['search_errors']} of "
              f"{total['ingests'] + total['searches']} (ingests {total['failed_ingests']}, "
              f"searches {total['search_errors']}); searches not finding their document: "
              f"{total['not_found']}",
              f"warnings printed: {warnings}",
              f"after the run: `factcheck stats` exit {stats.returncode}; documents stored "
              f"{state['documents']}, expected {len(expected)}; missing "
              f"{len(expected - stored)}; duplicates {state['documents'] - len(state['ids'])}; "
              f"index files in step: {_in_step(state)}; leftover files: "
              f"{len(state['leftovers'])}"]
    errors = [e for s in done for e in s["errors"]] + crashed
    lines += [f"first errors: {errors[:5]}"] if errors else []
    return lines


PARTS = {"checksum": _checksum_part, "kills": _kills_part, "concurrency": _concurrency_part}

if __name__ == "__main__":
    sys.exit(main())
