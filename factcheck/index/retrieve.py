"""The retrieve stage: hybrid search, dense and lexical (word) runs fused by RRF."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from factcheck.index.backends import Run, VectorIndex, WordIndex


@dataclass(frozen=True)
class Hit:
    """One fused result: a unit row with its fused, dense (cosine) and BM25 scores."""

    row: int
    score: float
    dense: float
    lexical: float


def reciprocal_rank_fusion(runs: Sequence[Sequence[tuple[Hashable, float]]], rrf_k: int = 60,
                           weights: Sequence[float] | None = None
                           ) -> list[tuple[Hashable, float]]:
    """Fuse ranked runs: score(d) = sum over runs of w / (rrf_k + rank of d), rank from 1.

    Args:
        runs: each a list of (id, score), best first.
        rrf_k: the RRF constant (60 in Cormack et al. 2009).
        weights: one weight per run (default 1 each).

    Returns:
        (id, fused score), best first; ties keep the order of first appearance.
    """
    fused: dict[Hashable, float] = {}
    for run, weight in zip(runs, weights or [1.0] * len(runs), strict=True):
        for rank, (key, _) in enumerate(run, start=1):
            fused[key] = fused.get(key, 0.0) + weight / (rrf_k + rank)
    return sorted(fused.items(), key=lambda item: -item[1])


def hybrid_search(query_vectors: np.ndarray, query_texts: Sequence[str], vectors: VectorIndex,
                  lexical: WordIndex, candidates: int, rrf_k: int = 60,
                  lexical_weight: float = 1.0) -> list[list[Hit]]:
    """Top fused candidates per query.

    Args:
        query_vectors: unit-length query embeddings, one row per query.
        query_texts: the same queries as text, for BM25.
        vectors: the vector index.
        lexical: the word index (same rows).
        candidates: how many to take from each retriever before fusing.
        rrf_k: the RRF constant.
        lexical_weight: weight of the BM25 run against the dense run's 1.

    Returns:
        Per query, fused hits best first, each with its cosine similarity and BM25 score.
    """
    if vectors.count == 0:
        return [[] for _ in query_texts]
    dense_runs = vectors.search(query_vectors, candidates)
    lexical_runs = lexical.search(list(query_texts), candidates)
    return [_fused(query_vectors[n], dense_run, lexical_run, vectors, rrf_k, lexical_weight)
            for n, (dense_run, lexical_run) in enumerate(zip(dense_runs, lexical_runs,
                                                             strict=True))]


def _fused(query: np.ndarray, dense_run: Run, lexical_run: Run, vectors: VectorIndex,
           rrf_k: int, lexical_weight: float) -> list[Hit]:
    dense = dict(dense_run)
    missing = [row for row, _ in lexical_run if row not in dense]
    if missing:
        dense.update(zip(missing, (vectors.reconstruct(missing) @ query).tolist(), strict=True))
    bm25 = dict(lexical_run)
    return [Hit(int(row), score, float(dense[row]), bm25.get(row, 0.0))
            for row, score in reciprocal_rank_fusion([dense_run, lexical_run], rrf_k,
                                                     [1.0, lexical_weight])]
