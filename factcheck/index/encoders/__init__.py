"""Encoder backends other than sentence-transformers on torch (see `factcheck.index.embed`).

- `onnx`: the same model exported to ONNX and run with onnxruntime, int8 or float32; the
  built file's cache.
- `onnx_build`: how that file is made (export, fusions, quantisation).
"""
