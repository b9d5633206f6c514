"""Search engines behind the index: a vector index and a word (lexical) index.

Both take units keyed by the store's unit rows (`units.row`) and answer with those rows, so
their hits map straight back to passages and statements. `Settings.vector_backend` and
`Settings.word_backend` name the engines; they are chosen here and nowhere else. The
embedded engines are FAISS (`faiss.py`) and BM25 by bm25s (`bm25.py`). A new engine is one
module with a class meeting the protocol below (with `create` and `load` class methods),
and one line in `VECTOR_BACKENDS` or `WORD_BACKENDS`.

An engine is written to a path that the index folder names per version (`save`) and opened
from it (`load`); an engine that keeps its data elsewhere (a database server) may write
there only what it needs to find its data again. A database such as Milvus (dense vectors
and BM25 full-text search in one store) fits as one module with a class per protocol, each
over a collection keyed by unit row; search filters on scalar fields (speaker, date), which
the embedded engines do not need, would be keyword-only arguments of `add` and `search`.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from factcheck.settings import Settings

Run = list[tuple[int, float]]
"""One ranked result list: (unit row, score), best first."""

VECTOR_BACKENDS = {"faiss": "factcheck.index.backends.faiss:FaissIndex"}
WORD_BACKENDS = {"bm25s": "factcheck.index.backends.bm25:Bm25Index"}


class VectorIndex(Protocol):
    """Nearest neighbours by inner product over unit-length vectors (= cosine similarity)."""

    @property
    def count(self) -> int:
        """Number of vectors held."""
        ...

    @property
    def exact(self) -> bool:
        """Whether searches are exact (brute force) rather than approximate."""
        ...

    def add(self, rows: Sequence[int], vectors: np.ndarray) -> None:
        """Add one vector per row (rows not held yet), shape (len(rows), dimension)."""
        ...

    def search(self, queries: np.ndarray, k: int) -> list[Run]:
        """The top `k` rows per query vector, best first."""
        ...

    def reconstruct(self, rows: Sequence[int]) -> np.ndarray:
        """The stored vectors of some held rows, in the order given."""
        ...

    def remove(self, rows: Sequence[int]) -> int:
        """Forget some rows (rows not held are ignored); returns how many were removed."""
        ...

    def save(self, path: Path) -> None:
        """Write the index to `path` (complete when this returns; `load` reads it back)."""
        ...


class WordIndex(Protocol):
    """Ranking by the words of a query (BM25 or the like)."""

    @property
    def count(self) -> int:
        """Number of texts held."""
        ...

    def add(self, rows: Sequence[int], texts: Sequence[str]) -> None:
        """Add one text per row (rows not held yet)."""
        ...

    def search(self, queries: Sequence[str], k: int) -> list[Run]:
        """The top `k` rows per query text, best first; rows sharing no word are left out."""
        ...

    def remove(self, rows: Sequence[int]) -> int:
        """Forget some rows (rows not held are ignored); returns how many were removed."""
        ...

    def save(self, path: Path) -> None:
        """Write the index to `path` (complete when this returns; `load` reads it back)."""
        ...


def check_backends(settings: Settings) -> None:
    """Raise ValueError, listing the valid names, if a configured backend is unknown."""
    _registered(VECTOR_BACKENDS, settings.vector_backend, "vector_backend")
    _registered(WORD_BACKENDS, settings.word_backend, "word_backend")


def new_vector_index(settings: Settings, dimension: int) -> VectorIndex:
    """An empty vector index of the configured backend for vectors of `dimension`."""
    return _vector_class(settings).create(settings, dimension)


def load_vector_index(settings: Settings, path: Path) -> VectorIndex:
    """The vector index of the configured backend saved at `path`."""
    return _vector_class(settings).load(path, settings)


def new_word_index(settings: Settings) -> WordIndex:
    """An empty word index of the configured backend."""
    return _word_class(settings).create(settings)


def load_word_index(settings: Settings, path: Path) -> WordIndex:
    """The word index of the configured backend saved at `path`."""
    return _word_class(settings).load(path, settings)


def _vector_class(settings: Settings) -> type:
    return _imported(_registered(VECTOR_BACKENDS, settings.vector_backend, "vector_backend"))


def _word_class(settings: Settings) -> type:
    return _imported(_registered(WORD_BACKENDS, settings.word_backend, "word_backend"))


def _registered(registry: dict[str, str], name: str, field: str) -> str:
    if name not in registry:
        valid = ", ".join(repr(known) for known in sorted(registry))
        raise ValueError(f"unknown {field} {name!r}; valid values: {valid}")
    return registry[name]


def _imported(location: str) -> type:
    module, _, attribute = location.partition(":")
    return getattr(import_module(module), attribute)
