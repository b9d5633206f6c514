"""Vector index backend: FAISS, inner product on unit-length vectors (= cosine similarity).

Exact search (IndexFlatIP) up to `Settings.exact_search_limit` vectors; HNSW above it. The
index is wrapped in an IndexIDMap2, so FAISS ids are the store's unit rows. The flat index
removes in place; HNSW cannot, so removing from it rebuilds it from the remaining vectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import faiss
import numpy as np

from factcheck.index.backends import Run, UnitFields, Where
from factcheck.index.files import replace_atomically

if TYPE_CHECKING:
    from factcheck.settings import Settings

HNSW_NEIGHBOURS = 32
HNSW_EF_SEARCH = 128


class FaissIndex:
    """A FAISS index held in memory and saved to one file; ids are unit rows."""

    pushes_filters = False  # no unit fields are held: `fields` and `where` are ignored

    def __init__(self, index: faiss.IndexIDMap2, exact_limit: int) -> None:
        self._index = index
        self._exact_limit = exact_limit

    @classmethod
    def create(cls, settings: Settings, dimension: int) -> FaissIndex:
        """An empty exact index (it turns into HNSW once it holds more than the limit)."""
        return cls(_wrapped(faiss.IndexFlatIP(dimension)), settings.exact_search_limit)

    @classmethod
    def load(cls, path: Path, settings: Settings) -> FaissIndex:
        """Read an index written by `save`.

        Raises:
            ValueError: the file is not an index of this backend (e.g. an older layout).
        """
        index = faiss.read_index(str(path))
        if not isinstance(index, faiss.IndexIDMap2):
            raise ValueError(f"{path}: not a FAISS index with unit-row ids")
        return cls(index, settings.exact_search_limit)

    @property
    def count(self) -> int:
        """Number of vectors."""
        return int(self._index.ntotal)

    @property
    def exact(self) -> bool:
        """Whether searches are exact (brute force)."""
        return isinstance(faiss.downcast_index(self._index.index), faiss.IndexFlat)

    def add(self, rows: Sequence[int], vectors: np.ndarray, *,
            fields: Sequence[UnitFields] | None = None) -> None:
        """Add vectors under their unit rows; past the exact limit the index becomes HNSW."""
        if not len(rows):
            return
        if self.exact and self.count + len(rows) > self._exact_limit:
            old_rows = self._rows()
            vectors = np.vstack([self.reconstruct(old_rows), vectors]) if self.count else vectors
            rows = np.concatenate([old_rows, np.asarray(rows, dtype=np.int64)])
            self._index = _wrapped(_hnsw(self._index.d))
        self._index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32),
                                 np.asarray(rows, dtype=np.int64))

    def search(self, queries: np.ndarray, k: int, *, where: Where | None = None
               ) -> list[Run]:
        """Top-k (row, score) per query, best first."""
        if self.count == 0:
            return [[] for _ in queries]
        scores, rows = self._index.search(np.ascontiguousarray(queries, dtype=np.float32),
                                          max(1, min(k, self.count)))
        return [[(int(r), float(s)) for r, s in zip(row_list, score_list, strict=True) if r >= 0]
                for row_list, score_list in zip(rows, scores, strict=True)]

    def reconstruct(self, rows: Sequence[int]) -> np.ndarray:
        """The stored vectors of some rows."""
        if not len(rows):
            return np.zeros((0, self._index.d), dtype=np.float32)
        return np.vstack([self._index.reconstruct(int(row)) for row in rows]).astype(np.float32)

    def remove(self, rows: Sequence[int]) -> int:
        """Remove rows: in place from the flat index, by a rebuild from HNSW."""
        held = self._rows()
        gone = np.isin(held, np.asarray(rows, dtype=np.int64))
        if not gone.any():
            return 0
        if self.exact:
            return int(self._index.remove_ids(faiss.IDSelectorBatch(held[gone])))
        kept = held[~gone]
        vectors = self.reconstruct(kept)
        self._index = _wrapped(_hnsw(self._index.d))
        self._index.add_with_ids(vectors, kept)
        return int(gone.sum())

    def save(self, path: Path) -> None:
        """Write to a temporary file, flush it to disk, then rename it to `path`."""
        with replace_atomically(path) as temporary:
            faiss.write_index(self._index, str(temporary))

    def _rows(self) -> np.ndarray:
        return faiss.vector_to_array(self._index.id_map).astype(np.int64)


def _wrapped(index: faiss.Index) -> faiss.IndexIDMap2:
    return faiss.IndexIDMap2(index)  # the wrapper keeps `index` alive


def _hnsw(dimension: int) -> faiss.Index:
    index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efSearch = HNSW_EF_SEARCH
    return index
