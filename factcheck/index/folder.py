"""The index stage: the index folder (SQLite store + vector index + word index + manifest).

SQLite is the source of truth. The vector and word index files are derived from it (the
engines are chosen by the settings, see `backends`) and written
under new names on every change; the manifest, replaced atomically last, says which files
are current. A crash between the SQLite commit and the manifest leaves the old manifest,
and the next open rebuilds the derived files from stored embeddings (no re-encoding).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from factcheck.errors import IndexMismatchError
from factcheck.index.backends import (
    VectorIndex, WordIndex, check_backends, load_vector_index, load_word_index,
    new_vector_index, new_word_index)
from factcheck.index.store import Store
from factcheck.settings import Settings

log = logging.getLogger(__name__)
MANIFEST = "manifest.json"
# Layout of the derived files: 2 = FAISS ids and word-index rows are unit rows, backends named.
FORMAT = 2


class SourceIndex:
    """An index folder opened for reading and writing."""

    def __init__(self, settings: Settings) -> None:
        check_backends(settings)
        self.settings = settings
        self.folder = Path(settings.index_dir)
        self.store = Store(self.folder)
        self.manifest = read_manifest(self.folder)
        self._check_model()
        self._vectors: VectorIndex | None = None
        self._lexical: WordIndex | None = None

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
        self._vectors = self._lexical = None

    def vectors(self) -> VectorIndex:
        """The vector index (loaded on first use, rebuilt if out of step with the store)."""
        self._ensure_loaded()
        return self._vectors

    def lexical(self) -> WordIndex:
        """The word index (loaded on first use)."""
        self._ensure_loaded()
        return self._lexical

    def append(self, new_vectors: np.ndarray, dimension: int) -> None:
        """Bring the derived files up to date after units were committed to the store."""
        if self._vectors is None:
            self._load_files()
        vectors, total = self._vectors, self.store.unit_count()
        self.manifest["dimension"] = dimension
        new = self.store.units_after(self.manifest.get("last_row", -1))
        if vectors is None or vectors.count + len(new_vectors) != total or (
                len(new) != len(new_vectors)):
            self._rebuild()
            return
        rows = [row for row, _, _ in new]
        vectors.add(rows, new_vectors)
        self._lexical.add(rows, [text for _, _, text in new])
        self._write(vectors, self._lexical, dimension, self.store.last_unit_row())

    def _check_model(self) -> None:
        built_with = self.manifest.get("model")
        if built_with and built_with != self.settings.model:
            raise IndexMismatchError(
                f"{self.folder}: this index was built with the embedding model {built_with!r}, "
                f"but this run uses {self.settings.model!r}; set FACTCHECK_MODEL={built_with} "
                "or use another --index folder")

    def _ensure_loaded(self) -> None:
        if self._vectors is not None and self._lexical is not None:
            return
        if not self._load_files():  # another process may have just replaced the files
            self.manifest = read_manifest(self.folder)
            self._load_files()
        if self._vectors is None or self._vectors.count != self.store.unit_count():
            self._rebuild()

    def _load_files(self) -> bool:
        files = self.manifest.get("files")
        if not files or self.manifest.get("format") != FORMAT or (
                self.manifest.get("backends") != self._backends()):
            return False
        try:
            self._vectors = load_vector_index(self.settings, self.folder / files["vectors"])
            self._lexical = load_word_index(self.settings, self.folder / files["words"])
        except (OSError, RuntimeError, ValueError):
            log.warning("%s: index files unreadable", self.folder)
            self._vectors = self._lexical = None
            return False
        return True

    def _rebuild(self) -> None:
        dimension = int(self.manifest.get("dimension") or 0)
        if self.store.unit_count() and not dimension:
            raise IndexMismatchError(f"{self.folder}: manifest is missing; ingest again")
        log.info("%s: rebuilding index files from the stored embeddings", self.folder)
        units = self.store.units_after(-1)
        rows = [row for row, _, _ in units]
        vectors = new_vector_index(self.settings, dimension)
        vectors.add(rows, self._stored_vectors([sha for _, sha, _ in units], dimension))
        lexical = new_word_index(self.settings)
        lexical.add(rows, [text for _, _, text in units])
        self._write(vectors, lexical, dimension, rows[-1] if rows else -1)

    def _stored_vectors(self, hashes: list[str], dimension: int) -> np.ndarray:
        found = self.store.cached_embeddings(hashes, self.settings.model)
        if not hashes:
            return np.zeros((0, dimension), dtype=np.float32)
        return np.vstack([found[h] for h in hashes]).astype(np.float32)

    def _backends(self) -> dict[str, str]:
        return {"vectors": self.settings.vector_backend, "words": self.settings.word_backend}

    def _write(self, vectors: VectorIndex, lexical: WordIndex, dimension: int,
               last_row: int) -> None:
        version = uuid.uuid4().hex[:12]
        old_files = self.manifest.get("files", {})
        backends = self._backends()
        files = {"vectors": f"vectors-{version}.{backends['vectors']}",
                 "words": f"words-{version}.{backends['words']}"}
        vectors.save(self.folder / files["vectors"])
        lexical.save(self.folder / files["words"])
        manifest = {
            "format": FORMAT, "model": self.settings.model, "dimension": dimension,
            "version": version, "updated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "backends": backends, "counts": {**self.store.counts(), "vectors": vectors.count},
            "last_row": last_row, "files": files,
            "checksums": {"vectors": _sha256(self.folder / files["vectors"])},
        }
        write_manifest(self.folder, manifest)
        self.manifest, self._vectors, self._lexical = manifest, vectors, lexical
        _remove_old(self.folder, old_files, files)


def read_manifest(folder: Path) -> dict:
    """The manifest of an index folder ({} when there is none yet)."""
    path = folder / MANIFEST
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def write_manifest(folder: Path, manifest: dict) -> None:
    """Replace the manifest atomically."""
    temporary = folder / (MANIFEST + ".tmp")
    temporary.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    os.replace(temporary, folder / MANIFEST)


def _sha256(path: Path) -> str | None:
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _remove_old(folder: Path, old: dict, current: dict) -> None:
    for key, name in old.items():
        if name and name != current.get(key):
            target = folder / name
            if target.is_dir():
                shutil.rmtree(target, ignore_errors=True)
            else:
                target.unlink(missing_ok=True)
