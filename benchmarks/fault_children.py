"""The processes `fault_bench.py` starts (not run by hand).

    fault_children.py ingest INDEX MARKS MOMENT PATH
        `factcheck ingest PATH --index INDEX` (its imports and spaCy's model loaded first),
        writing a line to MARKS (monotonic time and
        what it is doing) at its start, after each committed batch (with the batch's
        content hashes), when it starts writing the vector file, the word index and the
        manifest, at each sweep and at its end. With a MOMENT other than "none" it kills
        itself (SIGKILL) there: one of `MOMENTS`.
    fault_children.py worker INDEX GO SECONDS NUMBER SCRATCH MODE
        Waits for the file GO, then for SECONDS ingests a new file of two documents (its
        own and one every worker shares) and searches for a sentence of its own and of the
        base corpus, over and over; prints a JSON summary. MODE "cli" runs each as a
        command (`factcheck.cli.main`, a fresh Engine each), "engine" keeps one Engine.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MOMENTS = {
    "mid-batch": "inside the SQLite transaction of batch 2 (its rows added, not committed)",
    "between-batches": "right after batch 1 was committed",
    "vectors-file": "the vector file written under its temporary name, not renamed",
    "words-file": "inside the word index's temporary folder (rows and texts written)",
    "manifest": "the new manifest written under its temporary name, not renamed",
    "before-sweep": "the new manifest in place, superseded files not yet removed",
}
BASE_CLAIM_FILE = "base-claim.json"
NOT_FOUND = "not found"


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def hooked_ingest(index: str, marks_path: str, moment: str, path: str) -> int:
    """Run the ingest command with marks (and a kill at `moment`); returns its exit status."""
    marks = open(marks_path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 (kept to the end)

    def mark(text: str) -> None:
        marks.write(f"{time.monotonic():.4f} {text}\n")
        marks.flush()

    _hook_batches(mark, moment)
    _hook_files(mark, moment)
    from factcheck import cli
    from factcheck.attribution import pipeline
    from factcheck.engine import Engine  # noqa: F401 (imported before the start, as spaCy)

    pipeline._nlp()  # loaded before the start: the kills fall in the ingest's own work
    mark("start")
    status = cli.main(["ingest", path, "--index", index])
    mark(f"done {status}")
    return status


def _hook_batches(mark, moment: str) -> None:
    from factcheck.index import ingest, store

    commit, add_units, done = ingest._commit, store.Store.add_units, []

    def committed(batch, *args):
        commit(batch, *args)
        done.append(batch)
        mark("committed " + " ".join(document.sha256 for document in batch.documents))
        if moment == "between-batches" and len(done) == 1:
            _die()

    def adding_units(self, units):
        add_units(self, units)
        if moment == "mid-batch" and len(done) == 1:
            _die()

    ingest._commit, store.Store.add_units = committed, adding_units


def _hook_files(mark, moment: str) -> None:
    from factcheck.index import files, folder
    from factcheck.index.backends import bm25
    from factcheck.index.backends import faiss as faiss_backend

    write_index, bm25_save = faiss_backend.faiss.write_index, bm25.bm25s.BM25.save
    save_vectors, save_words = faiss_backend.FaissIndex.save, bm25.Bm25Index.save
    write_manifest, sweep, written = folder.write_manifest, folder.sweep, []

    def writing_index(index, path):
        write_index(index, path)
        if moment == "vectors-file":
            _die()

    def saving_vectors(self, path):
        mark("vectors")
        save_vectors(self, path)

    def saving_words(self, path):
        mark("words")
        if moment == "words-file":
            bm25.bm25s.BM25.save = lambda *args, **kwargs: _die()
        save_words(self, path)

    def writing_manifest(where, manifest):
        mark("manifest")
        if moment == "manifest":
            files.temporary_name(where / files.MANIFEST).write_text(json.dumps(manifest))
            _die()
        write_manifest(where, manifest)
        written.append(True)

    def sweeping(where, keep):
        mark("sweep")
        if moment == "before-sweep" and written:
            _die()
        sweep(where, keep)

    faiss_backend.faiss.write_index, bm25.bm25s.BM25.save = writing_index, bm25_save
    faiss_backend.FaissIndex.save, bm25.Bm25Index.save = saving_vectors, saving_words
    folder.write_manifest, folder.sweep = writing_manifest, sweeping


# --- concurrent workers ---------------------------------------------------------------
def worker(index: str, go: str, seconds: float, number: int, scratch: str, mode: str) -> dict:
    """Ingest and search in a loop for `seconds`; counts of what failed."""
    logging.basicConfig(level=logging.WARNING, format="factcheck: %(message)s")
    run = _cli_runner(index) if mode == "cli" else _engine_runner(index)
    base = json.loads((Path(scratch) / BASE_CLAIM_FILE).read_text(encoding="utf-8"))
    Path(scratch, f"ready-{number}").touch()
    while not Path(go).exists():
        time.sleep(0.01)
    summary = {"worker": number, "mode": mode, "ingests": 0, "failed_ingests": 0,
               "searches": 0, "search_errors": 0, "not_found": 0, "ingested": [],
               "errors": []}
    end, round_ = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        path, own_id, claim = _round_file(Path(scratch), number, round_)
        summary["ingests"] += 1
        if failure := run("ingest", path, None):
            summary["failed_ingests"] += 1
            summary["errors"].append(f"round {round_} ingest: {failure}")
        else:
            summary["ingested"].append(own_id)
        for text, doc_id in ((claim, own_id), (base["claim"], base["doc_id"])):
            summary["searches"] += 1
            failure = run("search", text, doc_id)
            if failure == NOT_FOUND:
                summary["not_found"] += 1
            elif failure:
                summary["search_errors"] += 1
                summary["errors"].append(f"round {round_} search: {failure}")
        round_ += 1
    return summary


def _round_file(scratch: Path, number: int, round_: int) -> tuple[str, str, str]:
    own_id, place = f"w{number}-{round_}", f"Townville{number}x{round_}"
    claim = f"The mayor of {place} said on day {round_} that the road budget rose"
    rows = [{"id": own_id, "title": f"Town {number}-{round_}", "text":
             f"Budget news from {place}. {claim}. \"We will finish the bridge by spring,\" "
             f"she said. Critics in {place} disagreed."},
            {"id": f"shared-{round_}", "title": "Council bulletin", "text":
             f"Council bulletin {round_}. The council said that session {round_} was "
             "adjourned until further notice."}]
    path = scratch / f"w{number}-{round_}.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return str(path), own_id, claim


def _cli_runner(index: str):
    from factcheck import cli

    def run(command: str, argument: str, doc_id: str | None) -> str | None:
        out, err = io.StringIO(), io.StringIO()
        extra = ["--json"] if command == "search" else []
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main([command, argument, *extra, "--index", index])
        if status != 0:
            return f"exit {status}: {err.getvalue().strip()[-300:]}"
        return _found(json.loads(out.getvalue()), doc_id) if doc_id else None

    return run


def _engine_runner(index: str):
    from factcheck.engine import Engine
    from factcheck.settings import Settings

    engine = Engine.open(Settings(index_dir=Path(index), model="hash-test"))

    def run(command: str, argument: str, doc_id: str | None) -> str | None:
        try:
            if command == "ingest":
                result = engine.ingest([Path(argument)])
                return f"problems: {result.problems}" if result.problems else None
            return _found(engine.search(argument), doc_id)
        except Exception as err:  # the figure counts every kind of failure
            return f"{err.__class__.__name__}: {err}"[:300]

    return run


def _found(result: dict, doc_id: str) -> str | None:
    return None if any(m["doc_id"] == doc_id for m in result["matches"]) else NOT_FOUND


if __name__ == "__main__":
    kind, *arguments = sys.argv[1:]
    if kind == "ingest":
        sys.exit(hooked_ingest(*arguments))
    index, go, seconds, number, scratch, mode = arguments
    print(json.dumps(worker(index, go, float(seconds), int(number), scratch, mode)))
