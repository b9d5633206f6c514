"""Settings: one frozen dataclass, filled from CLI flags and the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_MODEL = "all-MiniLM-L6-v2"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with.

    The verdict thresholds were chosen on the verdict evaluation set built from PolNeAR
    train/dev (`benchmarks/verdict_eval.py`); change them only together with that figure.
    """

    index_dir: Path = Path("index")
    model: str = DEFAULT_MODEL
    batch_size: int = 64
    k: int = 5
    # Candidates taken from each retriever before fusion, and the RRF constant (Cormack 2009).
    candidates: int = 50
    # Fusion: rrf_k 10 and BM25 at half the weight of dense retrieval were best on
    # CheckThat! 2020 train and confirmed on dev (benchmarks/checkthat_eval.py).
    rrf_k: int = 10
    lexical_weight: float = 0.5
    # Candidates given a word alignment per claim (see search.shortlist_hits): alignment is the
    # costly step; 12 keeps every verdict of the seed tests and the verdict set unchanged.
    judge_candidates: int = 12
    # Exact FAISS search up to this many vectors; HNSW above it. Exact search of 100k
    # vectors costs ~15-70 ms a query on 2 cores, HNSW ~1 ms at recall >= 0.9
    # (benchmarks/engine_bench.py; tests/test_retrieve.py checks recall against brute force).
    exact_search_limit: int = 50_000
    # The engines behind the index (factcheck/index/backends: VECTOR_BACKENDS, WORD_BACKENDS).
    vector_backend: str = "faiss"
    word_backend: str = "bm25s"
    # Inputs are bounded so that one paste cannot stall the machine.
    max_claim_chars: int = 5_000
    max_document_chars: int = 5_000_000
    max_upload_bytes: int = 50 * 1024 * 1024
    # Verdict thresholds (see benchmarks/verdict_eval.py for how they were chosen).
    verbatim_ratio: float = 1.0
    altered_ratio: float = 0.6
    # 0.66: best macro-F1 of 0.62/0.66/0.70/0.72 on benchmarks/verdict_eval.py (MiniLM
    # cosines of hand-written paraphrases spread 0.50-0.95; same-topic news sentences reach 0.77).
    paraphrase_similarity: float = 0.66
    # A claim is `verbatim` of part of a longer unit, or `altered`, only when at least this many
    # of its words match in order: short claims ("well", "the call") occur everywhere by luck.
    # 4 words: the shortest partial quotes of the seed article ("going well", "root causes")
    # are whole statements (allowed at any length); 4 keeps common 3-word phrases out.
    min_words_matched: int = 4
    # A statement credited to the claimed speaker is a paraphrase at a lower similarity: the
    # speaker agreeing is evidence too (chosen with paraphrase_similarity on the same set).
    paraphrase_similarity_same_speaker: float = 0.5
    # Publisher of batch reports, for ClaimReview `author` and `url`.
    organisation: str = "factcheck desk"
    organisation_url: str | None = None
    # Order `matches` by the learned reranker (factcheck/rerank.py; weights in
    # factcheck/verdict/rerank.json, fitted by benchmarks/fit_rerank.py on CheckThat! 2020 train):
    # MAP@5 0.845 -> 0.877 on train (5-fold cross-validation), 0.811 -> 0.842 on dev. The
    # verdict's candidate stays first when its evidence is words (verbatim, altered); verdicts
    # never depend on this order. False: evidence level, then fused retrieval score.
    rerank_matches: bool = True

    def with_changes(self, **changes: object) -> Settings:
        """A copy with some fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def settings_from_env(**overrides: object) -> Settings:
    """Settings from `FACTCHECK_*` environment variables, then explicit overrides.

    Args:
        **overrides: field values that win over the environment (None means "not given").

    Returns:
        The settings for this run.
    """
    env: dict[str, object] = {}
    if os.environ.get("FACTCHECK_INDEX"):
        env["index_dir"] = Path(os.environ["FACTCHECK_INDEX"])
    if os.environ.get("FACTCHECK_MODEL"):
        env["model"] = os.environ["FACTCHECK_MODEL"]
    if os.environ.get("FACTCHECK_ORG"):
        env["organisation"] = os.environ["FACTCHECK_ORG"]
    if os.environ.get("FACTCHECK_ORG_URL"):
        env["organisation_url"] = os.environ["FACTCHECK_ORG_URL"]
    settings = Settings().with_changes(**env)
    if overrides.get("index_dir") is not None:
        overrides["index_dir"] = Path(str(overrides["index_dir"]))
    return settings.with_changes(**overrides)
