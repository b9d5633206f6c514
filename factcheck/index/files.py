"""The files of an index folder: atomic writes, the manifest, checksums, the writer lock,
the sweep.

Every file is written under a unique temporary name (process id and a random part, ending
in `.tmp`), flushed to disk and renamed into place. Writers take turns by a lock file;
under it, files the manifest names neither as current nor as previous (versions
superseded, temporaries left by a crash) are removed. Readers take no lock: the files of
the manifest they read stay until two more versions have been written. The manifest keeps
the size and CRC-32 of every derived file (a folder: of each file in it), checked before a
file is loaded.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import threading
import uuid
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)
MANIFEST = "manifest.json"
LOCK = "write.lock"
TEMPORARY_SUFFIX = ".tmp"
# Names of the derived files of every layout so far ("bm25-" was the word index's before
# the backends were named).
DERIVED_PREFIXES = ("vectors-", "words-", "bm25-")
# Files up to this size are checksummed whole on every load: CRC-32 of the 173 MiB FAISS
# file of 100k 384-d vectors (HNSW) took 0.16 s, a third of the 0.52 s FAISS takes to read
# it (2 cores, load average 18; benchmarks/fault_bench.py). Larger files: their size, first
# and last MiB and an evenly spread sample (SAMPLE_BLOCKS of SAMPLE_BYTES; ~2 ms).
WHOLE_FILE_LIMIT = 256 << 20
EDGE_BYTES, SAMPLE_BLOCKS, SAMPLE_BYTES = 1 << 20, 64, 16 << 10


def temporary_name(path: Path) -> Path:
    """A fresh temporary path beside `path`, unique to this process and call."""
    return path.with_name(f"{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}{TEMPORARY_SUFFIX}")


@contextmanager
def replace_atomically(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write (a file, or a folder made by the caller), then
    flush it to disk and rename it to `path`; on an error the temporary is removed."""
    temporary = temporary_name(path)
    try:
        yield temporary
        fsync_tree(temporary)
        if path.is_dir() and temporary.is_dir():
            remove_path(path)
        os.replace(temporary, path)
        fsync_tree(path.parent, recurse=False)
    finally:
        remove_path(temporary)


def fsync_tree(path: Path, recurse: bool = True) -> None:
    """Flush a file, or a folder and (with `recurse`) the files in it, to disk."""
    if path.is_dir() and recurse:
        for child in path.iterdir():
            fsync_tree(child)
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
    descriptor = os.open(path, flags)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_path(path: Path) -> None:
    """Remove a file or a folder if it exists."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


# --- the manifest ---------------------------------------------------------------------
def read_manifest(folder: Path) -> dict:
    """The manifest of an index folder ({} when there is none yet, or it is damaged)."""
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as err:
        log.warning("%s is damaged (%s); the index files are rebuilt from SQLite", path, err)
        return {}
    if not isinstance(manifest, dict):
        log.warning("%s is damaged (not an object); the index files are rebuilt from SQLite",
                    path)
        return {}
    return manifest


def write_manifest(folder: Path, manifest: dict) -> None:
    """Replace the manifest atomically (flushed to disk before the rename)."""
    with replace_atomically(folder / MANIFEST) as temporary:
        temporary.write_text(json.dumps(manifest, indent=2), encoding="utf-8")


# --- checksums --------------------------------------------------------------------------
def fingerprint(path: Path) -> dict[str, dict]:
    """Size and CRC-32 of a file, or of each file in a folder, keyed by path inside `path`
    ("." for a file)."""
    return {name: _checksum(file) for name, file in _files(path).items()}


def damage(path: Path, recorded: dict) -> list[str]:
    """How the files at `path` differ from the `fingerprint` recorded for them: one line
    per file missing, added or changed ([] when they match)."""
    present = _files(path)
    problems = [f"{name} is missing" for name in recorded if name not in present]
    problems += [f"{name} is not in the manifest" for name in present if name not in recorded]
    for name in sorted(recorded.keys() & present.keys()):
        expected = recorded[name] if isinstance(recorded[name], dict) else {}
        method = "crc32_sample" if "crc32_sample" in expected else "crc32"
        found = _checksum(present[name], method)
        if found != expected:
            where = "" if name == "." else f"{name}: "
            problems.append(f"{where}{found['size']} bytes, {method} {found[method]}; expected "
                            f"{expected.get('size')} bytes, {expected.get(method)}")
    return problems


def _files(path: Path) -> dict[str, Path]:
    if not path.is_dir():
        return {".": path} if path.exists() else {}
    return {file.relative_to(path).as_posix(): file
            for file in sorted(path.rglob("*")) if file.is_file()}


def _checksum(path: Path, method: str | None = None) -> dict:
    """{"size": bytes, method: CRC-32 in hex}; the method is "crc32" (the whole file) or
    "crc32_sample" (first and last MiB and a spread sample), by default chosen by size."""
    size = path.stat().st_size
    method = method or ("crc32" if size <= WHOLE_FILE_LIMIT else "crc32_sample")
    crc = 0
    with path.open("rb") as handle:
        for offset, length in _spans(size, whole=method == "crc32"):
            handle.seek(offset)
            while length > 0 and (block := handle.read(min(length, 1 << 20))):
                crc, length = zlib.crc32(block, crc), length - len(block)
    return {"size": size, method: f"{crc:08x}"}


def _spans(size: int, whole: bool) -> list[tuple[int, int]]:
    """(offset, length) of the parts of a file of `size` bytes that are checksummed."""
    if whole or size <= 2 * EDGE_BYTES:
        return [(0, size)]
    step = (size - 2 * EDGE_BYTES) // SAMPLE_BLOCKS
    sample = [(EDGE_BYTES + n * step, min(SAMPLE_BYTES, step)) for n in range(SAMPLE_BLOCKS)]
    return [(0, EDGE_BYTES), *sample, (size - EDGE_BYTES, EDGE_BYTES)]


# --- one writer at a time, and the sweep of superseded files --------------------------
class WriterLock:
    """The index folder's writer lock: `fcntl.flock` on a lock file, so one process at a
    time writes; re-entrant for the thread that holds it."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._threads = threading.RLock()
        self._handle: BinaryIO | None = None
        self._depth = 0

    @contextmanager
    def hold(self, wait: bool = True) -> Iterator[bool]:
        """Hold the lock inside the block; yields False (not held) when `wait` is False
        and another process or thread holds it."""
        if not self._threads.acquire(blocking=wait):
            yield False
            return
        try:
            held = self._depth > 0 or self._take(wait)
            self._depth += held
            try:
                yield held
            finally:
                self._depth -= held
                if held and self._depth == 0:
                    self._handle.close()  # closing the file releases the lock
                    self._handle = None
        finally:
            self._threads.release()

    def _take(self, wait: bool) -> bool:
        handle = self._path.open("a+b")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.close()
            return False
        self._handle = handle
        return True


def sweep(folder: Path, keep: Iterable[str]) -> None:
    """Remove derived files and temporaries not named in `keep` (call under the lock)."""
    kept = set(keep)
    for entry in folder.iterdir():
        derived = entry.name.startswith(DERIVED_PREFIXES) or entry.name.endswith(TEMPORARY_SUFFIX)
        if derived and entry.name not in kept:
            log.debug("%s: removing superseded %s", folder, entry.name)
            remove_path(entry)
