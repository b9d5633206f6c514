"""Vector index backend: FAISS, inner product on unit-length vectors (= cosine similarity).

Exact search (IndexFlatIP) up to `exact_limit` vectors; HNSW above it. A new backend
(a distributed vector database) is a new class with the same four methods.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

import faiss
import numpy as np

HNSW_NEIGHBOURS = 32
HNSW_EF_SEARCH = 128


class VectorIndex(Protocol):
    """Search over vectors whose position is their unit row."""

    def add(self, vectors: np.ndarray) -> None: ...
    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]: ...
    def save(self, path: Path) -> None: ...
    @property
    def count(self) -> int: ...


class FaissIndex:
    """A FAISS index held in memory and saved to one file."""

    def __init__(self, index: faiss.Index) -> None:
        self._index = index

    @classmethod
    def build(cls, vectors: np.ndarray, dimension: int, exact_limit: int) -> FaissIndex:
        """A new index over `vectors`: exact when small, HNSW when over `exact_limit`."""
        if len(vectors) > exact_limit:
            index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efSearch = HNSW_EF_SEARCH
        else:
            index = faiss.IndexFlatIP(dimension)
        built = cls(index)
        built.add(vectors)
        return built

    @classmethod
    def load(cls, path: Path) -> FaissIndex:
        """Read an index written by `save`."""
        return cls(faiss.read_index(str(path)))

    @property
    def count(self) -> int:
        """Number of vectors."""
        return int(self._index.ntotal)

    @property
    def exact(self) -> bool:
        """Whether searches are exact (brute force)."""
        return isinstance(self._index, faiss.IndexFlat)

    def add(self, vectors: np.ndarray) -> None:
        """Append vectors; their rows follow the existing ones."""
        if len(vectors):
            self._index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, rows) per query; rows are -1 where fewer than k exist."""
        k = max(1, min(k, self.count))
        if self.count == 0:
            empty = np.zeros((len(queries), 0))
            return empty.astype(np.float32), empty.astype(np.int64)
        return self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)

    def reconstruct(self, rows: list[int]) -> np.ndarray:
        """The stored vectors of some rows."""
        return _reconstruct(self._index, rows)

    def save(self, path: Path) -> None:
        """Write atomically: to a temporary file, then rename over `path`."""
        temporary = path.with_name(path.name + ".tmp")
        faiss.write_index(self._index, str(temporary))
        os.replace(temporary, path)


def _reconstruct(index: faiss.Index, rows: list[int]) -> np.ndarray:
    return np.vstack([index.reconstruct(int(row)) for row in rows]).astype(np.float32)
