"""Lexical index backend: BM25 (bm25s) over unit texts, row n = unit row n."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

import bm25s
import numpy as np

logging.getLogger("bm25s").setLevel(logging.WARNING)


def _tokens(texts: list[str]) -> list[list[str]]:
    return bm25s.tokenize(texts, stopwords="en", return_ids=False, show_progress=False)


class Bm25Index:
    """A BM25 index; rebuilt whole on every ingest (seconds even at 100k passages)."""

    def __init__(self, retriever: bm25s.BM25 | None, count: int) -> None:
        self._retriever = retriever
        self.count = count

    @classmethod
    def build(cls, texts: Iterable[str]) -> Bm25Index:
        """Index `texts` in order."""
        corpus = list(texts)
        if not corpus:
            return cls(None, 0)
        retriever = bm25s.BM25()
        retriever.index(bm25s.tokenize(corpus, stopwords="en", show_progress=False),
                        show_progress=False)
        return cls(retriever, len(corpus))

    @classmethod
    def load(cls, folder: Path, count: int) -> Bm25Index:
        """Read an index written by `save` (numpy arrays and JSON; never pickle)."""
        if count == 0:
            return cls(None, 0)
        return cls(bm25s.BM25.load(str(folder), mmap=False, load_corpus=False), count)

    def save(self, folder: Path) -> None:
        """Write to a temporary folder, then rename it to `folder`."""
        temporary = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir(parents=True)
        if self._retriever is not None:
            self._retriever.save(str(temporary), allow_pickle=False)
        shutil.rmtree(folder, ignore_errors=True)
        temporary.rename(folder)

    def search_many(self, queries: list[str], k: int) -> list[list[tuple[int, float]]]:
        """Top-k (row, score) per query, best first, zero scores dropped."""
        if self._retriever is None or not queries:
            return [[] for _ in queries]
        vocab = self._retriever.vocab_dict
        return [_top(self._retriever.get_scores(known), k) if known else []
                for known in ([t for t in query if t in vocab] for query in _tokens(queries))]


def _top(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    # Scoring each query and keeping the top k with argpartition is ~12x faster than
    # bm25s.retrieve's per-query thread pool (benchmarks/engine_bench.py, 54k passages).
    k = min(k, len(scores))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(int(row), float(scores[row])) for row in top if scores[row] > 0]
