"""The index folder under faults: crashed and unfinished ingests, a lost or damaged manifest,
concurrent writers and readers, files left behind. Real SQLite, FAISS and bm25s; real
processes killed with SIGKILL; the fake encoder keeps it fast."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
import time
import zlib
from pathlib import Path

import pytest

from factcheck.engine import Engine
from factcheck.index import files as index_files
from factcheck.index.folder import MANIFEST
from factcheck.settings import Settings
from tests.helpers import ROOT, SEED_DOC

CLAIM = "The call is going well and still in progress"
# A child ingest that kills itself (SIGKILL) after its documents were committed to SQLite:
# when the vector index has written its temporary file ("vectors"), or when the word index
# is half written ("words": after the vector file, inside the word index's temporary folder).
_KILLED_INGEST = """
import os, signal, sys
from pathlib import Path
from factcheck.engine import Engine
from factcheck.settings import Settings
from factcheck.index.backends import bm25, faiss

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

engine = Engine.open(Settings(index_dir=Path(sys.argv[1]), model="hash-test"))
if sys.argv[3] == "vectors":
    write_index = faiss.faiss.write_index
    def die(index, path):  # the temporary file is written, never renamed
        write_index(index, path)
        os.kill(os.getpid(), signal.SIGKILL)
    faiss.faiss.write_index = die
else:
    bm25.bm25s.BM25.save = die
engine.ingest([Path(sys.argv[2])])
"""


def _python(code: str, *args: object, **popen: object) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *map(str, args)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **popen)


def _killed_ingest(settings: Settings, path: Path, moment: str = "vectors") -> None:
    child = _python(_KILLED_INGEST, settings.index_dir, path, moment)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == -9, stderr


def _searchable(settings: Settings) -> None:
    engine = Engine.open(settings)
    assert engine.search(CLAIM).matches, "the committed document is not searched"
    manifest = json.loads((settings.index_dir / MANIFEST).read_text())
    assert manifest["counts"]["vectors"] == engine.index.store.unit_count()


# --- defect 1: an index whose first ingest did not finish --------------------------------
@pytest.mark.slow  # real processes
def test_first_ingest_killed_after_commit_is_searchable_and_rerun_skips(hash_settings):
    _killed_ingest(hash_settings, SEED_DOC)
    assert Engine.open(hash_settings).stats()["documents"] == 1
    _searchable(hash_settings)
    again = Engine.open(hash_settings).ingest([SEED_DOC])
    assert (again.documents, again.skipped) == (0, 1)
    _searchable(hash_settings)


@pytest.mark.slow  # real processes
def test_rerun_after_killed_first_ingest_brings_index_in_step(hash_settings):
    _killed_ingest(hash_settings, SEED_DOC)
    engine = Engine.open(hash_settings)
    assert engine.ingest([SEED_DOC]).skipped == 1
    assert engine.search(CLAIM).matches


def test_document_without_words_is_ingested_and_index_stays_usable(hash_settings, tmp_path):
    (tmp_path / "p.txt").write_text("!!! ???\n", encoding="utf-8")
    engine = Engine.open(hash_settings)
    assert engine.ingest([tmp_path / "p.txt"]).documents == 1
    assert engine.search("!!! ??? and more words").verdict
    assert engine.ingest([SEED_DOC]).documents == 1
    _searchable(hash_settings)


def test_deleted_manifest_is_rebuilt_from_sqlite(hash_settings):
    Engine.open(hash_settings).ingest([SEED_DOC])
    (hash_settings.index_dir / MANIFEST).unlink()
    _searchable(hash_settings)


@pytest.mark.slow  # real processes
def test_cli_ingest_of_a_file_without_words_exits_0(hash_settings, tmp_path):
    (tmp_path / "p.txt").write_text("!!! ???\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FACTCHECK_MODEL": "hash-test"}
    done = subprocess.run([sys.executable, "-m", "factcheck.cli", "ingest", str(tmp_path / "p.txt"),
                           "--index", str(hash_settings.index_dir)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


# --- defect 2: a damaged or empty manifest ----------------------------------------------
@pytest.mark.parametrize("damage", [b"", b'{"model": "hash-te', b"[]", b"\xff\xfe\x00garbage"])
def test_damaged_manifest_is_rebuilt_from_sqlite_with_a_warning(hash_settings, damage, caplog):
    Engine.open(hash_settings).ingest([SEED_DOC])
    manifest = hash_settings.index_dir / MANIFEST
    manifest.write_bytes(damage)
    with caplog.at_level(logging.WARNING):
        _searchable(hash_settings)
    assert any("manifest.json is damaged" in r.getMessage() and "rebuilt from SQLite"
               in r.getMessage() for r in caplog.records)
    assert json.loads(manifest.read_text())["model"] == "hash-test"


def test_manifest_with_fields_of_the_wrong_type_is_rebuilt(hash_settings):
    Engine.open(hash_settings).ingest([SEED_DOC])
    manifest = hash_settings.index_dir / MANIFEST
    fields = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**fields, "files": {"vectors": 5, "words": None},
                                    "counts": [], "last_row": "x", "dimension": "8"}))
    _searchable(hash_settings)


@pytest.mark.slow  # real processes
def test_cli_with_a_damaged_manifest_exits_0_and_says_so(hash_settings):
    Engine.open(hash_settings).ingest([SEED_DOC])
    (hash_settings.index_dir / MANIFEST).write_text('{"files": ', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FACTCHECK_MODEL": "hash-test"}
    done = subprocess.run([sys.executable, "-m", "factcheck.cli", "search", CLAIM, "--json",
                           "--index", str(hash_settings.index_dir)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["matches"]
    assert "manifest.json is damaged" in done.stderr


def test_manifest_is_flushed_to_disk_before_its_rename(tmp_path, monkeypatch):
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append(
        ("fsync", os.readlink(f"/proc/self/fd/{fd}"))), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append(
        ("replace", str(a))), real_replace(a, b))[1])
    index_files.write_manifest(tmp_path, {"version": "x"})
    replaced = next(path for kind, path in events if kind == "replace")
    assert events.index(("fsync", replaced)) < events.index(("replace", replaced))
    assert json.loads((tmp_path / MANIFEST).read_text()) == {"version": "x"}


# --- defect 3: concurrent writers and readers -------------------------------------------
_INGESTER = """
import sys, time
from pathlib import Path
from factcheck.engine import Engine
from factcheck.settings import Settings
index, go, *paths = sys.argv[1:]
engine = Engine.open(Settings(index_dir=Path(index), model="hash-test"))
while not Path(go).exists():
    time.sleep(0.005)
for path in paths:
    engine.ingest([Path(path)])
"""
_SEARCHER = """
import json, sys, time
from pathlib import Path
from factcheck.engine import Engine
from factcheck.settings import Settings
index, go, stop = sys.argv[1:]
engine = Engine.open(Settings(index_dir=Path(index), model="hash-test"))
while not Path(go).exists():
    time.sleep(0.005)
errors, searches = [], 0
while not Path(stop).exists() or not searches:
    try:
        engine.search("The call is going well and still in progress")
    except Exception as err:
        errors.append(repr(err))
    searches += 1
    time.sleep(0.05)  # leave the writers some of the two cores
print(json.dumps({"searches": searches, "errors": errors}))
"""


def test_writer_lock_is_exclusive_across_holders_and_reentrant(tmp_path):
    first, second = (index_files.WriterLock(tmp_path / "write.lock") for _ in range(2))
    with first.hold() as held:
        assert held
        with first.hold(wait=False) as again:
            assert again  # re-entrant for its holder
        with second.hold(wait=False) as other:
            assert not other  # a second holder (as another process) is refused
    with second.hold(wait=False) as other:
        assert other


def _articles(folder: Path, count: int, name: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{name}-{n}.txt"
        path.write_text(f"Report {name} {n}. The minister of {name} said that talks went "
                        f"well on day {n}. \"We are close,\" she said.", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.slow  # real processes
def test_concurrent_ingests_and_searches_all_succeed(hash_settings, tmp_path):
    Engine.open(hash_settings).ingest([SEED_DOC])
    go, stop = tmp_path / "go", tmp_path / "stop"
    same = _articles(tmp_path / "docs", 1, "same")
    ingesters = [_python(_INGESTER, hash_settings.index_dir, go, *same,
                         *_articles(tmp_path / "docs", 2, f"writer{n}")) for n in range(4)]
    searchers = [_python(_SEARCHER, hash_settings.index_dir, go, stop) for _ in range(2)]
    time.sleep(1.0)  # let every process import and open the index
    go.touch()
    failed = [err for child in ingesters for err in [child.communicate(timeout=300)[1]]
              if child.returncode != 0]
    stop.touch()
    reports = [json.loads(child.communicate(timeout=300)[0]) for child in searchers]
    assert not failed, failed[0]
    assert [error for report in reports for error in report["errors"]] == []
    assert all(report["searches"] for report in reports)
    engine = Engine.open(hash_settings)
    assert engine.stats()["documents"] == 1 + 1 + 4 * 2  # the shared article stored once
    _searchable(hash_settings)


# --- defect 4: superseded and half-written files ----------------------------------------
def _derived_files(settings: Settings) -> set[str]:
    return {p.name for p in settings.index_dir.iterdir()
            if p.name.startswith(("vectors-", "words-", "bm25-")) or p.name.endswith(".tmp")}


def _named_by_manifest(settings: Settings) -> set[str]:
    manifest = json.loads((settings.index_dir / MANIFEST).read_text())
    return {*manifest["files"].values(), *manifest.get("previous_files", {}).values()}


@pytest.mark.slow  # real processes
@pytest.mark.parametrize("moment", ["vectors", "words"])
def test_files_left_by_killed_ingests_are_removed_by_the_next_command(hash_settings, tmp_path,
                                                                      moment):
    Engine.open(hash_settings).ingest([SEED_DOC])
    for path in _articles(tmp_path / "docs", 2, "late"):
        _killed_ingest(hash_settings, path, moment)
    assert any(name.endswith(".tmp") for name in _derived_files(hash_settings))
    assert Engine.open(hash_settings).stats()["documents"] == 3
    assert _derived_files(hash_settings) == _named_by_manifest(hash_settings)
    _searchable(hash_settings)


def test_only_the_current_and_previous_versions_are_kept(hash_settings, tmp_path):
    engine = Engine.open(hash_settings)
    for path in _articles(tmp_path / "docs", 4, "daily"):
        engine.ingest([path])
    (hash_settings.index_dir / "vectors-0123456789ab.faiss").write_bytes(b"orphan")
    (hash_settings.index_dir / "manifest.json.77-deadbeef.tmp").write_text("{}")
    engine.ingest(_articles(tmp_path / "docs", 5, "daily")[4:])
    names = _derived_files(hash_settings)
    assert names == _named_by_manifest(hash_settings) and len(names) <= 4


# --- defect 12: index files damaged in place --------------------------------------------
def _flip_bytes(path: Path, start: float = 0.25, end: float = 0.75) -> None:
    """XOR a span of a file (as fractions of its length) with 0xFF: its size stays."""
    data = bytearray(path.read_bytes())
    lo, hi = int(len(data) * start), int(len(data) * end)
    data[lo:hi] = bytes(b ^ 0xFF for b in data[lo:hi])
    path.write_bytes(bytes(data))


def _current_file(settings: Settings, kind: str) -> Path:
    manifest = json.loads((settings.index_dir / MANIFEST).read_text())
    return settings.index_dir / manifest["files"][kind]


def _answer(settings: Settings) -> list[tuple]:
    matches = Engine.open(settings).search(CLAIM).matches
    return [(match.passage_id, match.dense, match.lexical) for match in matches]


@pytest.mark.parametrize("kind, damaged", [("vectors", None), ("words", "texts.jsonl"),
                                           ("words", "rows.npy")])
def test_damaged_index_file_is_rebuilt_from_sqlite_with_a_warning(hash_settings, tmp_path,
                                                                 kind, damaged, caplog):
    Engine.open(hash_settings).ingest([SEED_DOC, *_articles(tmp_path / "docs", 3, "flip")])
    expected = _answer(hash_settings)
    path = _current_file(hash_settings, kind)
    _flip_bytes(path / damaged if damaged else path, 0.5 if damaged else 0.25, 0.75)
    with caplog.at_level(logging.WARNING):
        assert _answer(hash_settings) == expected
    assert any(path.name in r.getMessage() and "checksum" in r.getMessage()
               for r in caplog.records)
    assert _current_file(hash_settings, kind) != path  # rebuilt under a new name
    _searchable(hash_settings)


def test_damaged_vector_file_is_rebuilt_by_the_next_ingest(hash_settings, tmp_path):
    Engine.open(hash_settings).ingest([SEED_DOC])
    _flip_bytes(_current_file(hash_settings, "vectors"))
    Engine.open(hash_settings).ingest(_articles(tmp_path / "docs", 1, "after"))
    expected = Engine.open(Settings(index_dir=tmp_path / "clean", model="hash-test"))
    expected.ingest([SEED_DOC, *_articles(tmp_path / "docs", 1, "after")])
    assert _answer(hash_settings) == _answer(expected.settings)


def test_checksums_of_large_files_cover_size_edges_and_a_spread_sample(tmp_path, monkeypatch):
    monkeypatch.setattr(index_files, "WHOLE_FILE_LIMIT", 1 << 20)
    path = tmp_path / "big.bin"
    path.write_bytes(os.urandom(8 << 20))
    recorded = index_files.fingerprint(path)
    assert "crc32_sample" in recorded["."] and index_files.damage(path, recorded) == []
    for start, end in [(0.0, 0.001), (0.5, 0.51), (0.999, 1.0)]:  # head, sample, tail
        original = path.read_bytes()
        _flip_bytes(path, start, end)
        assert index_files.damage(path, recorded), (start, end)
        path.write_bytes(original)
    with path.open("ab") as handle:
        handle.write(b"\0")
    assert "8388609 bytes" in index_files.damage(path, recorded)[0]


def test_checksums_of_a_folder_name_files_missing_added_and_changed(tmp_path):
    folder = tmp_path / "words"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.npy").write_bytes(b"abc")
    (folder / "sub" / "b.json").write_text("{}")
    recorded = index_files.fingerprint(folder)
    (folder / "a.npy").write_bytes(b"abd")
    (folder / "sub" / "b.json").unlink()
    (folder / "c.txt").write_text("new")
    assert index_files.damage(folder, recorded) == [
        "sub/b.json is missing", "c.txt is not in the manifest",
        f"a.npy: 3 bytes, crc32 {zlib.crc32(b'abd'):08x}; expected 3 bytes, "
        f"{zlib.crc32(b'abc'):08x}"]
