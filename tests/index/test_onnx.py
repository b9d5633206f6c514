"""The ONNX encoder (factcheck/index/encoders/onnx.py): agreement, the cached file, errors."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

import factcheck.index.encoders.onnx as onnx_module
from factcheck.engine import Engine
from factcheck.errors import FactcheckError, IndexMismatchError
from factcheck.index.embed import SentenceTransformerEncoder, _model_location, load_encoder
from factcheck.index.encoders.onnx import OnnxEncoder
from factcheck.settings import settings_from_env
from tests.helpers import SEED_DOC, SEEDS

MODEL = "all-MiniLM-L6-v2"
# Thresholds from benchmarks/encoder_bench.py on 2,000 PolNeAR sentences (results/encoder.txt):
# ONNX float32 is torch float32 (min cosine 0.99999); int8 min 0.97, mean 0.99.
FP32_MIN_COSINE = 0.9999
INT8_MIN_COSINE = 0.95
INT8_MEAN_COSINE = 0.985


@pytest.fixture(scope="module")
def model_folder() -> Path:
    return Path(_model_location(MODEL))


@pytest.fixture(scope="module")
def built_cache(tmp_path_factory: pytest.TempPathFactory, model_folder: Path) -> Path:
    """A cache folder with the int8 file built once for this module."""
    cache = tmp_path_factory.mktemp("onnx-cache")
    OnnxEncoder(MODEL, model_folder, "int8", cache)
    return cache


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    """Real sentences: the seed article's passages, and texts at the edges."""
    text = SEED_DOC.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.split("\n") if len(line.split()) > 3]
    return [*lines[:40], "", "Der Anruf läuft gut.", "word " * 400]


@pytest.fixture(scope="module")
def torch_vectors(sentences: list[str]) -> np.ndarray:
    return SentenceTransformerEncoder(MODEL, bfloat16=False).encode(sentences)


@pytest.mark.slow
def test_int8_vectors_agree_with_sentence_transformers(built_cache, model_folder, sentences,
                                                       torch_vectors):
    vectors = OnnxEncoder(MODEL, model_folder, "int8", built_cache).encode(sentences)
    assert vectors.shape == torch_vectors.shape and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    cosines = (vectors * torch_vectors).sum(axis=1)
    assert cosines.min() > INT8_MIN_COSINE and cosines.mean() > INT8_MEAN_COSINE


@pytest.mark.slow
def test_fp32_vectors_are_the_sentence_transformers_vectors(tmp_path, model_folder, sentences,
                                                            torch_vectors):
    vectors = OnnxEncoder(MODEL, model_folder, "fp32", tmp_path).encode(sentences, batch_size=8)
    assert (vectors * torch_vectors).sum(axis=1).min() > FP32_MIN_COSINE


@pytest.mark.slow
def test_the_built_file_is_reused(built_cache, model_folder, monkeypatch):
    files = sorted(built_cache.glob("*.onnx"))
    stamps = [p.stat().st_mtime_ns for p in files]
    monkeypatch.setattr(onnx_module, "_build", _must_not_build)
    encoder = OnnxEncoder(MODEL, model_folder, "int8", built_cache)
    assert [encoder.path] == files and [p.stat().st_mtime_ns for p in files] == stamps
    assert encoder.encode([]).shape == (0, 384)


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["flipped bytes", "truncated", "no checksum"])
def test_a_damaged_cached_file_is_rebuilt(built_cache, model_folder, tmp_path, damage):
    cache = tmp_path / "cache"
    shutil.copytree(built_cache, cache)
    (path,) = cache.glob("*.onnx")
    data = bytearray(path.read_bytes())
    if damage == "flipped bytes":  # still loads, but the weights are wrong
        data[len(data) // 2:len(data) // 2 + 64] = bytes(64)
        path.write_bytes(bytes(data))
    elif damage == "truncated":
        path.write_bytes(bytes(data[:1000]))
    else:
        path.with_name(path.name + ".sha256").unlink()
    encoder = OnnxEncoder(MODEL, model_folder, "int8", cache)
    assert encoder.path == path and path.read_bytes() == (built_cache / path.name).read_bytes()
    vector = encoder.encode(["The call is going well and still in progress."])
    assert np.isclose(np.linalg.norm(vector), 1.0)


def test_missing_onnxruntime_is_a_clear_error(monkeypatch, model_folder, tmp_path):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(FactcheckError, match="needs the onnxruntime package.*FACTCHECK_ENCODER"):
        OnnxEncoder(MODEL, model_folder, "int8", tmp_path)


def test_a_model_without_mean_pooling_is_refused(model_folder, tmp_path):
    folder = tmp_path / "cls-model"
    shutil.copytree(model_folder, folder, ignore=shutil.ignore_patterns("*.safetensors"))
    pooling = folder / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    pooling.write_text(json.dumps({**config, "pooling_mode_mean_tokens": False,
                                   "pooling_mode_cls_token": True}))
    with pytest.raises(FactcheckError, match="mean-pooled, normalised.*FACTCHECK_ENCODER=torch"):
        OnnxEncoder("cls-model", folder, "int8", tmp_path / "cache")


def test_unknown_encoder_names_the_valid_ones(monkeypatch):
    monkeypatch.setenv("FACTCHECK_ENCODER", "onnx-int4")
    settings = settings_from_env()
    assert settings.encoder == "onnx-int4"
    with pytest.raises(FactcheckError, match="one of torch, onnx-fp32, onnx-int8"):
        load_encoder(settings.model, settings.encoder)


def test_an_index_is_refused_by_an_encoder_with_other_vectors(hash_settings):
    Engine.open(hash_settings.with_changes(encoder="onnx-int8")).ingest([SEEDS])
    manifest = json.loads((hash_settings.index_dir / "manifest.json").read_text())
    assert manifest["encoder"] == "onnx-int8"
    with pytest.raises(IndexMismatchError, match="built with the onnx-int8 encoder.*"
                       "FACTCHECK_ENCODER=onnx-int8"):
        Engine.open(hash_settings.with_changes(encoder="torch"))


def test_float_encoders_share_an_index_and_old_indexes_count_as_torch(hash_settings):
    Engine.open(hash_settings.with_changes(encoder="torch")).ingest([SEEDS])
    Engine.open(hash_settings.with_changes(encoder="onnx-fp32"))  # same vectors: accepted
    manifest_path = hash_settings.index_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    del manifest["encoder"]  # an index built before the field existed
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match="built with the torch encoder"):
        Engine.open(hash_settings.with_changes(encoder="onnx-int8"))


def _must_not_build(*args: object) -> None:
    raise AssertionError("the cached ONNX file was built again")
