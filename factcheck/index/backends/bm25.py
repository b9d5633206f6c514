"""Word index backend: BM25 (bm25s) over unit texts, keyed by unit rows.

bm25s cannot add to or remove from an index, so every change rebuilds it from the texts it
holds (seconds even at 100k passages). The texts are saved with the index (JSON lines, read
only when the index is changed); searching needs only the score arrays and the rows.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import bm25s
import numpy as np

from factcheck.index.backends import Run, UnitFields, Where
from factcheck.index.files import replace_atomically

if TYPE_CHECKING:
    from factcheck.settings import Settings

logging.getLogger("bm25s").setLevel(logging.WARNING)
ROWS, TEXTS, SCORES = "rows.npy", "texts.jsonl", "bm25s"


def _tokens(texts: Sequence[str]) -> list[list[str]]:
    return bm25s.tokenize(list(texts), stopwords="en", return_ids=False, show_progress=False)


class Bm25Index:
    """A BM25 index; position n of bm25s holds unit row `rows[n]`."""

    pushes_filters = False  # no unit fields are held: `fields` and `where` are ignored

    def __init__(self, rows: np.ndarray, retriever: bm25s.BM25 | None,
                 texts: list[str] | None = None, path: Path | None = None) -> None:
        self._rows = rows
        self._retriever = retriever
        self._texts = texts
        self._path = path

    @classmethod
    def create(cls, settings: Settings | None = None) -> Bm25Index:
        """An empty index."""
        return cls(np.zeros(0, dtype=np.int64), None, [])

    @classmethod
    def load(cls, path: Path, settings: Settings | None = None) -> Bm25Index:
        """Read an index written by `save` (numpy arrays and JSON; never pickle)."""
        rows = np.load(path / ROWS, allow_pickle=False)
        scores = path / SCORES
        retriever = (bm25s.BM25.load(str(scores), mmap=False, load_corpus=False)
                     if scores.exists() else None)
        return cls(rows, retriever, path=path)

    @property
    def count(self) -> int:
        """Number of texts."""
        return len(self._rows)

    def add(self, rows: Sequence[int], texts: Sequence[str], *,
            fields: Sequence[UnitFields] | None = None) -> None:
        """Add texts under their unit rows (the index is rebuilt)."""
        if len(rows) != len(texts):
            raise ValueError(f"{len(rows)} rows but {len(texts)} texts")
        if len(rows):
            self._rebuild(np.concatenate([self._rows, np.asarray(rows, dtype=np.int64)]),
                          self._held_texts() + list(texts))

    def remove(self, rows: Sequence[int]) -> int:
        """Forget some rows (the index is rebuilt without them)."""
        gone = np.isin(self._rows, np.asarray(rows, dtype=np.int64))
        if gone.any():
            texts = self._held_texts()
            self._rebuild(self._rows[~gone], [t for t, g in zip(texts, gone, strict=True) if not g])
        return int(gone.sum())

    def search(self, queries: Sequence[str], k: int, *, where: Where | None = None
               ) -> list[Run]:
        """Top-k (row, score) per query, best first, zero scores dropped."""
        if self._retriever is None or not queries:
            return [[] for _ in queries]
        vocab = self._retriever.vocab_dict
        return [self._top(self._retriever.get_scores(known), k) if known else []
                for known in ([t for t in query if t in vocab] for query in _tokens(queries))]

    def save(self, path: Path) -> None:
        """Write to a temporary folder, flush it to disk, then rename it to `path`."""
        texts = self._held_texts()
        with replace_atomically(path) as temporary:
            temporary.mkdir(parents=True)
            np.save(temporary / ROWS, self._rows, allow_pickle=False)
            with (temporary / TEXTS).open("w", encoding="utf-8") as handle:
                handle.writelines(json.dumps(text) + "\n" for text in texts)
            if self._retriever is not None:
                self._retriever.save(str(temporary / SCORES), allow_pickle=False)
        self._texts, self._path = None, path  # read again only if this index changes

    def _held_texts(self) -> list[str]:
        if self._texts is None:
            with (self._path / TEXTS).open(encoding="utf-8") as handle:
                self._texts = [json.loads(line) for line in handle]
        return self._texts

    def _rebuild(self, rows: np.ndarray, texts: list[str]) -> None:
        tokens = bm25s.tokenize(texts, stopwords="en", show_progress=False)
        retriever = None
        if tokens.vocab:  # bm25s cannot index a corpus without a single word
            retriever = bm25s.BM25()
            retriever.index(tokens, show_progress=False)
        self._rows, self._texts, self._retriever = rows, texts, retriever

    def _top(self, scores: np.ndarray, k: int) -> Run:
        # Scoring each query and keeping the top k with argpartition is ~12x faster than
        # bm25s.retrieve's per-query thread pool (benchmarks/engine_bench.py, 54k passages).
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self._rows[n]), float(scores[n])) for n in top if scores[n] > 0]
