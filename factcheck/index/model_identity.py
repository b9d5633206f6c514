"""Which weights a model name loads: two names are the same model when their files are.

An index records the model name it was built with, and a run with another model is refused
(its vectors would not be comparable). But one set of weights has several names:
``all-MiniLM-L6-v2``, ``sentence-transformers/all-MiniLM-L6-v2`` and the path of the folder
they load from all give the same vectors. `same_model` compares the names first and, where
they differ, the files the names load: the model's configuration and weights, by path within
the folder, size and sha256. Documentation (``*.md``), hidden files and exports for other
runtimes (``onnx/``, ``openvino/``) do not count: they do not change the vectors.
"""

from __future__ import annotations

import hashlib
import logging
import os
from functools import lru_cache
from pathlib import Path

from factcheck.index.embed import HASH_MODEL, _model_location

log = logging.getLogger(__name__)

_NOT_WEIGHTS_FOLDERS = frozenset({"onnx", "openvino"})
_BLOCK = 1 << 20


def same_model(a: str, b: str) -> bool:
    """Whether two model names (or paths) load the same weights.

    Args:
        a: a model name or folder, e.g. the one an index was built with.
        b: another, e.g. the one this run is configured with.

    Returns:
        True for equal names, or names whose model files are found on disk and are the same;
        False otherwise (a name that cannot be found on disk is only the same as itself).
    """
    if a == b:
        return True
    first, second = model_identity(a), model_identity(b)
    return first is not None and first == second


def model_identity(name: str) -> str | None:
    """A fingerprint of the weights a model name loads (hex sha256), or None when the name
    is not a model found on disk.

    Computed once per process for a folder whose files have not changed (the weights are
    read in full: ~0.2 s for all-MiniLM-L6-v2's 87 MiB).
    """
    folder = _model_folder(name)
    if folder is None:
        return None
    files = _model_files(folder)
    if not files:
        return None
    signature = tuple((str(rel), os.stat(path).st_size, os.stat(path).st_mtime_ns)
                      for rel, path in files)
    return _fingerprint(str(folder), signature)


def _model_folder(name: str) -> Path | None:
    """The folder a model name loads from: the packaged default, a path, or the local
    Hugging Face cache (never the network)."""
    if name == HASH_MODEL:
        return None
    location = Path(_model_location(name)).expanduser()
    if location.is_dir():
        return location.resolve()
    try:
        from huggingface_hub import snapshot_download
    except ImportError:
        return None
    for repo in (name, f"sentence-transformers/{name}") if "/" not in name else (name,):
        try:
            return Path(snapshot_download(repo, local_files_only=True)).resolve()
        except Exception:  # noqa: BLE001 - not in the cache, or not a repository name
            continue
    return None


def _model_files(folder: Path) -> list[tuple[Path, Path]]:
    """(path within the folder, path) of every file that makes the vectors, in a fixed order."""
    found = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if (any(part.startswith(".") for part in rel.parts) or path.suffix.lower() == ".md"
                or rel.parts[0] in _NOT_WEIGHTS_FOLDERS or not path.is_file()):
            continue
        found.append((rel, path))
    return found


@lru_cache(maxsize=16)
def _fingerprint(folder: str, signature: tuple[tuple[str, int, int], ...]) -> str:
    """sha256 over each file's path within the folder, size and content sha256.

    `signature` (path, size, mtime of each file) is the cache key: a changed file is read
    again.
    """
    digest = hashlib.sha256()
    for rel, size, _ in signature:
        digest.update(f"{rel}\0{size}\0{_file_sha256(Path(folder) / rel)}\n".encode())
    log.debug("%s: model fingerprint %s", folder, digest.hexdigest())
    return digest.hexdigest()


def _file_sha256(path: Path) -> str:
    content = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            content.update(block)
    return content.hexdigest()
