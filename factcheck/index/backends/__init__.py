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
the embedded engines do not need, are keyword-only arguments of `add` (`fields`) and
`search` (`where`). Milvus (`milvus.py`) is such a database: `Settings.milvus_uri` (a local
milvus-lite file or a server) chooses it for both. An engine whose `pushes_filters` is False
ignores `fields` and `where`; its caller filters the rows it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from factcheck.settings import Settings

Run = list[tuple[int, float]]
"""One ranked result list: (unit row, score), best first."""

VECTOR_BACKENDS = {"faiss": "factcheck.index.backends.faiss:FaissIndex",
                   "milvus": "factcheck.index.backends.milvus:MilvusVectorIndex"}
WORD_BACKENDS = {"bm25s": "factcheck.index.backends.bm25:Bm25Index",
                 "milvus": "factcheck.index.backends.milvus:MilvusWordIndex"}


@dataclass(frozen=True)
class UnitFields:
    """What a search can be filtered on, per unit: its document, speaker, kind and date."""

    doc_id: str
    speaker: str | None = None
    kind: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Where:
    """A filter on unit fields; every condition given must hold (empty ones are not applied).

    `published_from` and `published_to` are ISO dates (inclusive); a unit without a date
    fails a date condition.
    """

    speakers: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    published_from: str | None = None
    published_to: str | None = None

    def admits(self, fields: UnitFields) -> bool:
        """Whether a unit with these fields passes the filter (for post-filtering)."""
        published = fields.published or ""
        return ((not self.speakers or fields.speaker in self.speakers)
                and (not self.doc_ids or fields.doc_id in self.doc_ids)
                and (not self.kinds or fields.kind in self.kinds)
                and (not self.published_from or (bool(published)
                                                 and published >= self.published_from))
                and (not self.published_to or (bool(published)
                                               and published <= self.published_to)))


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

    pushes_filters: bool
    """Whether `where` is applied inside the engine (else it is ignored)."""

    def add(self, rows: Sequence[int], vectors: np.ndarray, *,
            fields: Sequence[UnitFields] | None = None) -> None:
        """Add one vector per row (rows not held yet), shape (len(rows), dimension), with
        one `UnitFields` per row for engines that filter."""
        ...

    def search(self, queries: np.ndarray, k: int, *, where: Where | None = None
               ) -> list[Run]:
        """The top `k` rows per query vector (passing `where`, if it pushes filters), best
        first."""
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

    pushes_filters: bool
    """Whether `where` is applied inside the engine (else it is ignored)."""

    def add(self, rows: Sequence[int], texts: Sequence[str], *,
            fields: Sequence[UnitFields] | None = None) -> None:
        """Add one text per row (rows not held yet), with fields as for vectors."""
        ...

    def search(self, queries: Sequence[str], k: int, *, where: Where | None = None
               ) -> list[Run]:
        """The top `k` rows per query text (passing `where`, if it pushes filters), best
        first; rows sharing no word are left out."""
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
