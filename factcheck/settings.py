"""Settings: one frozen dataclass, filled from CLI flags and the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_MODEL = "all-MiniLM-L6-v2"
# ONNX int8: about 3x the sentences per second of torch float32 and 1.7x bfloat16 autocast
# per CPU-second (benchmarks/encoder_bench.py), with CheckThat! 2020 dev MAP@5 and the
# verdict set's macro-F1 within 0.005 of torch (benchmarks/README.md, "encoder_bench.py").
DEFAULT_ENCODER = "onnx-int8"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with.

    The verdict thresholds were chosen on the verdict evaluation set built from PolNeAR
    train/dev (`benchmarks/verdict_eval.py`); change them only together with that figure.
    """

    index_dir: Path = Path("index")
    model: str = DEFAULT_MODEL
    # How the model is run: "torch" (sentence-transformers), "onnx-int8" or "onnx-fp32"
    # (onnxruntime; factcheck/index/encoders/onnx.py). An index is searched only by an
    # encoder whose vectors match those it was built with (embed.VECTOR_KINDS).
    encoder: str = DEFAULT_ENCODER
    batch_size: int = 64
    k: int = 5
    # Candidates taken from each retriever (dense and BM25), all scored by the mean of
    # cosine and word overlap (factcheck.verdict.rank): SimBa's top 100.
    candidates: int = 100
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
    # Milvus (factcheck/index/backends/milvus.py): a milvus-lite file or http://host:19530.
    # Given, it is the engine of both vectors and words unless the backends are set apart.
    milvus_uri: str | None = None
    milvus_token: str | None = None
    # How batch work runs (factcheck/runners): "local" in this process, or "ray" (Ray Data);
    # ray_address None starts Ray on this machine, else joins that cluster ("auto", ray://…).
    runner: str = "local"
    ray_address: str | None = None
    ray_workers: int = 1
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
    if os.environ.get("FACTCHECK_ENCODER"):
        env["encoder"] = os.environ["FACTCHECK_ENCODER"]
    if os.environ.get("FACTCHECK_ORG"):
        env["organisation"] = os.environ["FACTCHECK_ORG"]
    if os.environ.get("FACTCHECK_ORG_URL"):
        env["organisation_url"] = os.environ["FACTCHECK_ORG_URL"]
    for field, name in _MORE_ENV:
        if os.environ.get(name):
            env[field] = os.environ[name]
    settings = Settings().with_changes(**env)
    if overrides.get("index_dir") is not None:
        overrides["index_dir"] = Path(str(overrides["index_dir"]))
    return with_milvus(settings.with_changes(**overrides))


_MORE_ENV = (("milvus_uri", "FACTCHECK_MILVUS_URI"), ("milvus_token", "FACTCHECK_MILVUS_TOKEN"),
             ("ray_address", "FACTCHECK_RAY_ADDRESS"))


def with_milvus(settings: Settings) -> Settings:
    """Settings whose Milvus URI, where given, makes Milvus the engine of the default backends."""
    if not settings.milvus_uri:
        return settings
    defaults = Settings()
    return replace(
        settings,
        vector_backend="milvus" if settings.vector_backend == defaults.vector_backend
        else settings.vector_backend,
        word_backend="milvus" if settings.word_backend == defaults.word_backend
        else settings.word_backend)
