"""The index stage: the index folder (SQLite store + FAISS + BM25 + manifest).

SQLite is the source of truth. The vector and BM25 files are derived from it and written
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
from factcheck.index.backends.bm25 import Bm25Index
from factcheck.index.model_identity import same_model
from factcheck.settings import Settings
from factcheck.index.store import Store
from factcheck.index.backends.faiss import FaissIndex

log = logging.getLogger(__name__)
MANIFEST = "manifest.json"


class SourceIndex:
    """An index folder opened for reading and writing."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.folder = Path(settings.index_dir)
        self.store = Store(self.folder)
        self.manifest = read_manifest(self.folder)
        self._check_model()
        self._vectors: FaissIndex | None = None
        self._lexical: Bm25Index | None = None

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

    def vectors(self) -> FaissIndex:
        """The FAISS index (loaded on first use, rebuilt if out of step with the store)."""
        self._ensure_loaded()
        return self._vectors

    def lexical(self) -> Bm25Index:
        """The BM25 index (loaded on first use)."""
        self._ensure_loaded()
        return self._lexical

    def stored_vectors(self, hashes: list[str]) -> np.ndarray:
        """Vectors of units by text fingerprint, from the embeddings table."""
        found = self.store.cached_embeddings(hashes, self.settings.model)
        dimension = int(self.manifest.get("dimension") or 0)
        if not hashes:
            return np.zeros((0, dimension), dtype=np.float32)
        return np.vstack([found[h] for h in hashes]).astype(np.float32)

    def append(self, new_vectors: np.ndarray, dimension: int) -> None:
        """Bring the derived files up to date after units were committed to the store."""
        if self._vectors is None:
            self._load_files()
        vectors, total = self._vectors, self.store.unit_count()
        self.manifest["dimension"] = dimension
        if vectors is None or vectors.count + len(new_vectors) != total or (
                vectors.exact and total > self.settings.exact_search_limit):
            self._rebuild()
            return
        vectors.add(new_vectors)
        self._write(vectors, Bm25Index.build(self.store.unit_texts()), dimension)

    def _check_model(self) -> None:
        built_with = self.manifest.get("model")
        if built_with and not same_model(built_with, self.settings.model):
            raise IndexMismatchError(
                f"{self.folder}: this index was built with the embedding model {built_with!r}, "
                f"but this run uses {self.settings.model!r}; set FACTCHECK_MODEL={built_with} "
                "or use another --index folder")
        if built_with:  # the same weights by another name: embeddings stay under the index's
            self.settings = self.settings.with_changes(model=built_with)

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
        if not files:
            return False
        units = int(self.manifest.get("counts", {}).get("units", 0))
        try:
            self._vectors = FaissIndex.load(self.folder / files["vectors"])
            self._lexical = Bm25Index.load(self.folder / files["bm25"], units)
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
        vectors = FaissIndex.build(self.stored_vectors(self.store.unit_hashes()), dimension,
                                   self.settings.exact_search_limit)
        self._write(vectors, Bm25Index.build(self.store.unit_texts()), dimension)

    def _write(self, vectors: FaissIndex, lexical: Bm25Index, dimension: int) -> None:
        version = uuid.uuid4().hex[:12]
        old_files = self.manifest.get("files", {})
        files = {"vectors": f"vectors-{version}.faiss", "bm25": f"bm25-{version}"}
        vectors.save(self.folder / files["vectors"])
        lexical.save(self.folder / files["bm25"])
        manifest = {
            "model": self.settings.model, "dimension": dimension, "version": version,
            "updated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "counts": {**self.store.counts(), "vectors": vectors.count},
            "files": files,
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


def _sha256(path: Path) -> str:
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
