"""The index stage: the index folder (SQLite store + vector index + word index + manifest).

SQLite is the source of truth. The vector and word index files are derived from it and
written under new names on every change; the manifest, replaced atomically last, says which
files are current. Whenever they are not in step with SQLite (a crash between the SQLite
commit and the manifest, a lost or damaged manifest, files of an older layout), opening the
folder or ingesting into it brings them in step from the stored embeddings and texts (no
re-encoding); so are files that no longer match the size and checksum the manifest records
for them. Writers take turns under the folder's lock (`files.WriterLock`); readers take
none and keep serving the version they loaded while a writer is at work.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from factcheck.errors import IndexMismatchError
from factcheck.index.backends import (
    UnitFields,
    VectorIndex,
    WordIndex,
    check_backends,
    load_vector_index,
    load_word_index,
    new_vector_index,
    new_word_index,
)
from factcheck.index.embed import interchangeable
from factcheck.index.files import (
    LOCK,
    MANIFEST,
    WriterLock,
    damage,
    fingerprint,
    read_manifest,
    sweep,
    write_manifest,
)
from factcheck.index.model_identity import same_model
from factcheck.index.store import Store
from factcheck.settings import Settings

log = logging.getLogger(__name__)
__all__ = ["MANIFEST", "SourceIndex"]
# Layout of the derived files: 2 = FAISS ids and word-index rows are unit rows, backends named.
FORMAT = 2
# Readers retry loading this often when a writer replaced the files between reads.
LOAD_ATTEMPTS = 3
Indexes = tuple[VectorIndex, WordIndex]


class SourceIndex:
    """An index folder opened for reading and writing."""

    def __init__(self, settings: Settings) -> None:
        check_backends(settings)
        self.settings = settings
        self.folder = Path(settings.index_dir)
        self.store = Store(self.folder)
        self._lock = WriterLock(self.folder / LOCK)
        self.manifest = read_manifest(self.folder)
        self._check_model()
        self._vectors: VectorIndex | None = None
        self._words: WordIndex | None = None
        self._damaged: set[str] = set()  # files found not to match their checksums
        self._catch_up(wait=False)

    @property
    def version(self) -> str:
        """Changes on every write to the index, by this process or another."""
        return self.manifest.get("version", "empty")

    def is_stale(self) -> bool:
        """Whether another process has written the index since it was loaded."""
        return read_manifest(self.folder).get("version", "empty") != self.version

    def reload(self) -> None:
        """Forget loaded files and read the current manifest."""
        self.manifest = read_manifest(self.folder)
        self._vectors = self._words = None

    def vectors(self) -> VectorIndex:
        """The vector index (loaded on first use, brought in step with the store)."""
        self._ensure_loaded()
        return self._vectors

    def lexical(self) -> WordIndex:
        """The word index (loaded on first use, brought in step with the store)."""
        self._ensure_loaded()
        return self._words

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the folder's writer lock (one writer at a time, across processes)."""
        with self._lock.hold():
            yield

    def update(self, dimension: int | None = None) -> None:
        """Bring the derived files in step with the store (waits for other writers).

        Args:
            dimension: the vectors' length, for a folder that has none stored yet.
        """
        self._catch_up(wait=True, dimension=dimension)

    # --- keeping the derived files in step -----------------------------------------
    def _catch_up(self, wait: bool, dimension: int | None = None, repair: bool = False
                  ) -> bool:
        """Under the lock: bring the files in step if they are not (or, with `repair`, if
        they cannot be loaded) and sweep superseded files. False: another writer is at
        work and `wait` is False."""
        with self._lock.hold(wait) as held:
            if held:
                self.manifest = read_manifest(self.folder)
                self._check_model()
                if repair or not self._in_step():
                    self._bring_in_step(dimension)
                sweep(self.folder, _named_files(self.manifest))
            return held

    def _in_step(self) -> bool:
        files = self.manifest.get("files")
        if not isinstance(files, dict):
            return not self.store.has_documents()
        counts = self.manifest.get("counts")
        return (self.manifest.get("format") == FORMAT
                and self.manifest.get("backends") == self._backends()
                and isinstance(counts, dict)
                and counts.get("vectors") == self.store.unit_count()
                and self.manifest.get("last_row") == self.store.last_unit_row()
                and all((self.folder / str(name)).exists() for name in files.values()))

    def _bring_in_step(self, dimension: int | None) -> None:
        dimension = dimension or self._dimension()
        if dimension is None:
            return  # no vector stored yet: nothing to index
        current, last = self._indexed()
        new = self.store.units_after(last)
        if current and not new and self._in_step():
            self._vectors, self._words = current
            return
        if current is None:
            log.info("%s: building the index files from the stored embeddings", self.folder)
            current = (new_vector_index(self.settings, dimension),
                       new_word_index(self.settings))
        self._add(current, new)
        self._write(current, dimension, new[-1][0] if new else last)

    def _indexed(self) -> tuple[Indexes | None, int]:
        """The current indexes and the manifest's last row, if they hold exactly the units
        of the store up to that row; else (None, -1)."""
        current, last = self._load(self.manifest), self.manifest.get("last_row")
        if current is None or not isinstance(last, int):
            return None, -1
        held = self.store.unit_count(through=last)
        return (current, last) if current[0].count == current[1].count == held else (None, -1)

    def _add(self, indexes: Indexes, units: list[tuple[int, str, str]]) -> None:
        rows = [row for row, _, _ in units]
        indexes[0].add(rows, self._stored_vectors([sha for _, sha, _ in units]),
                       **self._fields(indexes[0], rows))
        indexes[1].add(rows, [text for _, _, text in units], **self._fields(indexes[1], rows))

    def _fields(self, index: VectorIndex | WordIndex, rows: list[int]) -> dict:
        """`fields=` for an engine that filters on them (read from the store), else none."""
        if not rows or not getattr(index, "pushes_filters", False):
            return {}
        return {"fields": [UnitFields(*found) for found in self.store.unit_fields(rows)]}

    def _stored_vectors(self, hashes: list[str]) -> np.ndarray:
        found = self.store.cached_embeddings(hashes, self.settings.model)
        if len(found) < len(set(hashes)):
            raise IndexMismatchError(
                f"{self.folder}: {len(set(hashes)) - len(found)} stored units have no vector "
                f"of the embedding model {self.settings.model!r} (stored: "
                f"{', '.join(self.store.embedding_models()) or 'none'}); use that model or "
                "another --index folder")
        return np.array([found[h] for h in hashes], dtype=np.float32)

    def _write(self, indexes: Indexes, dimension: int, last_row: int) -> None:
        version = uuid.uuid4().hex[:12]
        backends = self._backends()
        files = {"vectors": f"vectors-{version}.{backends['vectors']}",
                 "words": f"words-{version}.{backends['words']}"}
        indexes[0].save(self.folder / files["vectors"])
        indexes[1].save(self.folder / files["words"])
        previous = self.manifest.get("files")
        manifest = {
            "format": FORMAT, "model": self.settings.model, "encoder": self.settings.encoder,
            "dimension": dimension,
            "version": version, "updated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "backends": backends, "counts": {**self.store.counts(), "vectors": indexes[0].count},
            "last_row": last_row, "files": files,
            "previous_files": previous if isinstance(previous, dict) else {},
            "checksums": {kind: fingerprint(self.folder / name) for kind, name in files.items()},
        }
        write_manifest(self.folder, manifest)
        self.manifest, (self._vectors, self._words) = manifest, indexes

    # --- loading -------------------------------------------------------------------
    def _ensure_loaded(self) -> None:
        if self._vectors is not None and self._words is not None:
            return
        loaded = self._load_current()
        if loaded and loaded[0].count == self.store.unit_count():
            self._vectors, self._words = loaded
        elif not self._catch_up(wait=loaded is None, repair=True):
            self._vectors, self._words = loaded  # a writer is at work; its last version serves

    def _load_current(self) -> Indexes | None:
        for _ in range(LOAD_ATTEMPTS):
            loaded = self._load(self.manifest)
            if loaded or not self.manifest.get("files"):
                return loaded
            self.manifest = read_manifest(self.folder)  # another process replaced the files
        log.warning("%s: index files unreadable; rebuilding them from SQLite", self.folder)
        return None

    def _load(self, manifest: dict) -> Indexes | None:
        files = manifest.get("files")
        if (manifest.get("format") != FORMAT or manifest.get("backends") != self._backends()
                or not isinstance(files, dict) or not self._intact(manifest)):
            return None
        try:
            return (load_vector_index(self.settings, self.folder / files["vectors"]),
                    load_word_index(self.settings, self.folder / files["words"]))
        except (OSError, RuntimeError, ValueError, KeyError, TypeError):
            return None

    def _intact(self, manifest: dict) -> bool:
        """Whether the files match the checksums the manifest records for them (files of a
        manifest that records none are not checked)."""
        checksums = manifest.get("checksums")
        checksums = checksums if isinstance(checksums, dict) else {}
        for kind, name in manifest["files"].items():
            path, recorded = self.folder / str(name), checksums.get(kind)
            if path.name in self._damaged:
                return False
            if not isinstance(recorded, dict) or not path.exists():
                continue  # a file gone: the caller reads the manifest again
            try:
                problems = damage(path, recorded)
            except OSError:
                return False  # removed by a writer meanwhile
            if problems:
                self._damaged.add(path.name)
                log.warning("%s: %s does not match its checksum in the manifest (%s)",
                            self.folder, path.name, "; ".join(problems))
                return False
        return True

    def _backends(self) -> dict[str, str]:
        return {"vectors": self.settings.vector_backend, "words": self.settings.word_backend}

    def _dimension(self) -> int | None:
        dimension = self.manifest.get("dimension")
        if isinstance(dimension, int) and dimension > 0:
            return dimension
        return self.store.embedding_dimension(self.settings.model)

    def _check_model(self) -> None:
        built_with = self.manifest.get("model")
        if not isinstance(built_with, str) or not built_with:
            built_with = None
        if built_with is None and self.store.unit_count():
            stored = self.store.embedding_models()
            built_with = stored[0] if stored and self.settings.model not in stored else None
        if built_with and not same_model(built_with, self.settings.model):
            raise IndexMismatchError(
                f"{self.folder}: this index was built with the embedding model {built_with!r}, "
                f"but this run uses {self.settings.model!r}; set FACTCHECK_MODEL={built_with} "
                "or use another --index folder")
        built_by = self.manifest.get("encoder", "torch")  # indexes before the field: torch
        if built_with and not interchangeable(str(built_by), self.settings.encoder):
            raise IndexMismatchError(
                f"{self.folder}: this index was built with the {built_by} encoder, whose "
                f"vectors differ from those of {self.settings.encoder}; set "
                f"FACTCHECK_ENCODER={built_by} or use another --index folder")
        if built_with:  # the same weights by another name: embeddings stay under the index's
            self.settings = self.settings.with_changes(model=built_with)


def _named_files(manifest: dict) -> set[str]:
    named = set()
    for key in ("files", "previous_files"):
        files = manifest.get(key)
        if isinstance(files, dict):
            named |= {name for name in files.values() if isinstance(name, str)}
    return named

