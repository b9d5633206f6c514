"""Building the ONNX graph of a sentence-transformers model (used by `encoders.onnx`).

`export`: torch.onnx.export of the transformer with the model's mean pooling and normalisation
on top; `fuse`: onnxruntime's transformer fusions; `quantise`: dynamic int8, weights per
output channel. torch's TorchScript exporter (dynamo=False) is used: the dynamo exporter
needs onnxscript, which is not a dependency.
"""

from __future__ import annotations

import contextlib
import json
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path

_OPSET = 17


def export(folder: Path, path: Path) -> None:
    """torch.onnx.export of transformer + mean pooling + normalisation, dynamic shapes."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    # Eager attention exports the plain graph that onnxruntime's fusions recognise.
    model = AutoModel.from_pretrained(str(folder), attn_implementation="eager").eval()
    names = list(tokenizer.model_input_names)
    sample = tokenizer(["A short sentence.", "A longer sentence, so that the first is padded."],
                       padding=True, return_tensors="pt")
    axes = {name: {0: "batch", 1: "tokens"} for name in names}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the TorchScript exporter's notices about tracing
        torch.onnx.export(
            _pooled(model, names), tuple(sample[name] for name in names), str(path),
            input_names=names, output_names=["embedding"],
            dynamic_axes={**axes, "embedding": {0: "batch"}}, opset_version=_OPSET,
            dynamo=False)


def _pooled(model: object, names: list[str]) -> object:
    """The model with sentence-transformers' mean pooling and normalisation on top."""
    import torch

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *inputs: torch.Tensor) -> torch.Tensor:
            features = dict(zip(names, inputs, strict=True))
            tokens = self.model(**features).last_hidden_state
            mask = features["attention_mask"].unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    return Pooled()


def fuse(folder: Path, source: Path, target: Path) -> None:
    """onnxruntime's transformer fusions (attention, layer norm, GELU); the same maths."""
    from onnxruntime.transformers.optimizer import optimize_model

    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    with _quiet(logging.getLogger("onnxruntime")):
        fused = optimize_model(str(source), model_type="bert",
                               num_heads=int(config.get("num_attention_heads", 0)),
                               hidden_size=int(config.get("hidden_size", 0)))
    fused.save_model_to_file(str(target))


def quantise(source: Path, target: Path) -> None:
    """Dynamic int8 quantisation, weights per output channel."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with _quiet(logging.getLogger()):  # its advice to pre-process goes to the root logger
        quantize_dynamic(source, target, per_channel=True, weight_type=QuantType.QInt8,
                         op_types_to_quantize=["MatMul", "Attention"],
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})


@contextlib.contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    """Only errors from `logger` while building (the tools' notices are not the user's)."""
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
