"""Sentence vectors on onnxruntime: the sentence-transformers model exported to ONNX.

The ONNX file is built from the installed weights at first use, never downloaded: the
transformer with the model's own mean pooling and normalisation is exported by
`torch.onnx.export`, onnxruntime's transformer fusions are applied, and for int8 the weights
of the matrix products are quantised per output channel (dynamic quantisation: activations
are scaled per batch at run time). The file is cached in `cache_folder()`, named by the model
folder, a hash of its weights, the precision and `RECIPE`; it is written under a temporary
name and renamed, with its checksum in a file beside it, so a half-written or damaged file is
rebuilt, never used (`onnx_file`).

Speed and agreement with sentence-transformers on 2,000 PolNeAR sentences are measured by
benchmarks/encoder_bench.py (results/encoder.txt).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from factcheck.errors import FactcheckError
from factcheck.index.encoders import onnx_build

log = logging.getLogger(__name__)
PRECISIONS = ("int8", "fp32")
# Bump when the export, fusion or quantisation changes: files of the old recipe are not used.
RECIPE = "1"
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
_POOLING = "sentence_transformers.models.Pooling"
_NORMALIZE = "sentence_transformers.models.Normalize"


class OnnxEncoder:
    """A mean-pooled, normalised sentence-transformers model run by onnxruntime."""

    def __init__(self, name: str, folder: Path, precision: str = "int8",
                 cache: Path | None = None, threads: int | None = None) -> None:
        """Open the model's ONNX file, building it first where it is not cached yet.

        Args:
            name: the model name (recorded in indexes and provenance).
            folder: the sentence-transformers model folder holding the weights.
            precision: "int8" (quantised) or "fp32".
            cache: where the ONNX files are kept (default: `cache_folder()`).
            threads: texts run at once, each on one thread (default: one per core).

        Raises:
            FactcheckError: onnxruntime is missing, the model is not mean-pooled and
                normalised, or the cache folder cannot be written.
        """
        if precision not in PRECISIONS:
            raise FactcheckError(f"unknown ONNX precision {precision!r}; use one of {PRECISIONS}")
        onnxruntime = _onnxruntime()
        from transformers import AutoTokenizer

        self.name, self.precision = name, precision
        self.max_length, self.dimension = _sentence_config(folder)
        self._tokenizer = AutoTokenizer.from_pretrained(str(folder))
        self._lock = threading.Lock()
        self.path = onnx_file(name, folder, precision, cache)
        try:
            self._session = _session(onnxruntime, self.path)
        except Exception:  # onnxruntime's own error types: a file it cannot run  # noqa: BLE001
            log.warning("%s: onnxruntime cannot load it; building it again", self.path)
            self.path = onnx_file(name, folder, precision, cache, rebuild=True)
            self._session = _session(onnxruntime, self.path)
        self._inputs = [i.name for i in self._session.get_inputs()]
        self._pool = ThreadPoolExecutor(threads or len(os.sched_getaffinity(0)),
                                        thread_name_prefix="onnx")

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Vectors for `texts`, normalised to unit length.

        Each text runs alone, one per thread at a time: int8 quantisation scales activations
        per run, so in a batch a text's vector would depend on the other texts (cosine down to
        0.96 between the two; benchmarks/README.md); alone, search and report agree.
        Without padding, a run per text costs no more than batches (`batch_size` is unused).
        """
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return vectors
        with self._lock:  # the tokenizer is not safe to share between threads
            tokens = self._tokenizer([str(text).strip() for text in texts],  # as in s-t
                                     truncation="longest_first", max_length=self.max_length)
        feeds = ({name: np.asarray([tokens[name][row]], dtype=np.int64) for name in self._inputs}
                 for row in range(len(texts)))
        for row, vector in enumerate(self._pool.map(self._run, feeds)):
            vectors[row] = vector
        return vectors

    def _run(self, feed: dict[str, np.ndarray]) -> np.ndarray:
        return self._session.run(None, feed)[0][0]


def cache_folder() -> Path:
    """Where built ONNX files are kept: $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck."""
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "factcheck" / "onnx"


def onnx_file(name: str, folder: Path, precision: str, cache: Path | None = None,
              rebuild: bool = False) -> Path:
    """The ONNX file of a model folder at a precision, built where missing or damaged.

    Args:
        name: the model's name (the start of the file name).
        folder: the sentence-transformers model folder.
        precision: "int8" or "fp32".
        cache: the cache folder (default: `cache_folder()`).
        rebuild: build it even where an intact file is cached.

    Returns:
        The path of an intact ONNX file whose checksum was just verified.
    """
    cache = Path(cache or cache_folder())
    try:
        cache.mkdir(parents=True, exist_ok=True)
        key = _digest(f"{Path(folder).resolve()}\n{_weights_sha256(folder, cache)}\n{RECIPE}")
        label = re.sub(r"[^\w.-]+", "-", Path(name).name)
        target = cache / f"{label}-{key[:16]}-{precision}.onnx"
        if rebuild or not _intact(target):
            _build(Path(folder), precision, target)
    except PermissionError as err:
        raise FactcheckError(
            f"cannot write the ONNX model cache {cache} ({err.strerror}); set XDG_CACHE_HOME "
            "to a writable folder or FACTCHECK_ENCODER=torch") from None
    return target


def _build(folder: Path, precision: str, target: Path) -> None:
    """Export, fuse and (for int8) quantise into `target`, atomically, with its checksum."""
    log.info("building %s from %s (once; about half a minute)", target.name, folder)
    with tempfile.TemporaryDirectory(prefix="onnx-build-", dir=target.parent) as work:
        exported, fused = Path(work) / "exported.onnx", Path(work) / "fused.onnx"
        onnx_build.export(folder, exported)
        onnx_build.fuse(folder, exported, fused)
        built = fused
        if precision == "int8":
            built = Path(work) / "int8.onnx"
            onnx_build.quantise(fused, built)
        checksum = _file_sha256(built)
        os.replace(built, target)
    _write_atomically(_checksum_file(target), checksum)


def _session(onnxruntime: object, path: Path) -> object:
    """A session whose runs take one thread each (texts run side by side, see `encode`)."""
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _sentence_config(folder: Path) -> tuple[int, int]:
    """(max_seq_length, dimension) of a mean-pooled, normalised model; else a clear error."""
    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        types = [module["type"] for module in modules]
        pooling_path = next(m["path"] for m in modules if m["type"] == _POOLING)
        pooling = json.loads((folder / pooling_path / "config.json").read_text(encoding="utf-8"))
        bert = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, StopIteration):
        types, pooling, bert = [], {}, {}
    modes = {key for key, on in pooling.items() if key.startswith("pooling_mode") and on}
    if modes != {"pooling_mode_mean_tokens"} or _NORMALIZE not in types:
        raise FactcheckError(
            f"{folder}: the ONNX encoder runs mean-pooled, normalised sentence-transformers "
            "models (like all-MiniLM-L6-v2) only; set FACTCHECK_ENCODER=torch for this one")
    return int(bert.get("max_seq_length", 512)), int(pooling["word_embedding_dimension"])


def _weights_sha256(folder: Path, cache: Path) -> str:
    """The hash of the model's weights, remembered per (path, size, mtime) of the files."""
    files = [folder / name for name in _WEIGHT_FILES if (folder / name).is_file()]
    if not files:
        raise FactcheckError(f"{folder}: no model weights ({' or '.join(_WEIGHT_FILES)})")
    stamp = [(str(p.resolve()), p.stat().st_size, p.stat().st_mtime_ns) for p in files]
    remembered = cache / f"weights-{_digest(repr(stamp))[:16]}.sha256"
    if remembered.is_file():
        return remembered.read_text(encoding="utf-8").strip()
    digest = _digest("\n".join(_file_sha256(path) for path in files))
    _write_atomically(remembered, digest)
    return digest


def _intact(path: Path) -> bool:
    """Whether the file exists and its checksum is the one written when it was built."""
    checksum = _checksum_file(path)
    if not (path.is_file() and checksum.is_file()):
        return False
    if checksum.read_text(encoding="utf-8").strip() == _file_sha256(path):
        return True
    log.warning("%s: damaged (checksum differs); building it again", path)
    return False


def _checksum_file(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_text(text + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _onnxruntime() -> object:
    try:
        import onnxruntime
    except ImportError:
        raise FactcheckError(
            "the ONNX encoder needs the onnxruntime package: pip install onnxruntime "
            "(see constraints.txt), or set FACTCHECK_ENCODER=torch") from None
    return onnxruntime
