"""Encoder speed and agreement: ONNX int8 / float32 against sentence-transformers on torch.

Encodes the same real PolNeAR sentences (factcheck passages, `common.polnear_sentences`)
with every encoder in one run, at the same thread count, batch 64, and prints:
1. sentences/s of each encoder, per round (the rounds interleave the encoders, so that a
   change in the shared machine's load falls on all of them) and the best round, with the
   ratio of each to torch float32 (target for the default: >= 3x); and sentences per
   CPU-second of the process, which the other jobs of a shared machine do not move;
2. the cosine of each vector to the torch float32 vector of the same sentence (min, 1st
   percentile, mean): whether an index built by one can be searched by the other;
3. for int8, the cosine of each sentence's vector encoded alone to its vector encoded in a
   batch of 64 (dynamic quantisation scales activations per batch);
4. the time to build each ONNX file from the installed weights (in a fresh cache folder).

    .venv/bin/python benchmarks/encoder_bench.py [--sentences 2000] [--threads 2]
        [--rounds 3] [--alone 200] [--out benchmarks/results/encoder.txt]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import common

from factcheck.index.embed import Encoder, SentenceTransformerEncoder, _model_location
from factcheck.index.encoders.onnx import OnnxEncoder
from factcheck.settings import DEFAULT_MODEL

BATCH = 64
REFERENCE = "torch-fp32"
RESULTS = Path(__file__).resolve().parent / "results" / "encoder.txt"


def load_encoders(threads: int, cache: Path) -> tuple[dict[str, Encoder], list[str]]:
    """The four encoders, and lines saying how long each took to load or build."""
    folder = Path(_model_location(DEFAULT_MODEL))
    makers: dict[str, Callable[[], Encoder]] = {
        "torch-fp32": lambda: SentenceTransformerEncoder(DEFAULT_MODEL, bfloat16=False),
        "torch-bf16": lambda: SentenceTransformerEncoder(DEFAULT_MODEL, bfloat16=True),
        "onnx-fp32": lambda: OnnxEncoder(DEFAULT_MODEL, folder, "fp32", cache, threads),
        "onnx-int8": lambda: OnnxEncoder(DEFAULT_MODEL, folder, "int8", cache, threads),
    }
    encoders, lines = {}, []
    for name, make in makers.items():
        started, cpu = time.perf_counter(), time.process_time()
        encoders[name] = make()
        what = "built from the weights and loaded" if name.startswith("onnx") else "loaded"
        lines.append(f"  {name:11} {what} in {time.perf_counter() - started:5.1f} s "
                     f"({time.process_time() - cpu:5.1f} CPU-s)")
    return encoders, lines


def speed(encoders: dict[str, Encoder], sentences: Sequence[str], rounds: int
          ) -> tuple[dict[str, np.ndarray], list[str]]:
    """The vectors of each encoder and the lines of its speed per round."""
    for encoder in encoders.values():
        encoder.encode(list(sentences[:BATCH]), BATCH)  # warm-up: first-call allocations
    rates: dict[str, list[float]] = {name: [] for name in encoders}
    per_cpu: dict[str, list[float]] = {name: [] for name in encoders}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(rounds):
        for name, encoder in encoders.items():
            started, cpu = time.perf_counter(), time.process_time()
            vectors[name] = encoder.encode(list(sentences), BATCH)
            rates[name].append(len(sentences) / (time.perf_counter() - started))
            per_cpu[name].append(len(sentences) / (time.process_time() - cpu))
    header = "best   x torch-fp32 (best; median of per-round ratios)"
    lines = [f"  {'encoder':11} {'sentences/s per round':>30}   {header}"]
    for name, per_round in rates.items():
        ratios = [mine / ref for mine, ref in zip(per_round, rates[REFERENCE], strict=True)]
        lines.append(
            f"  {name:11} {' '.join(f'{r:7.1f}' for r in per_round):>30} {max(per_round):6.1f}"
            f"   {max(per_round) / max(rates[REFERENCE]):4.2f}x; {np.median(ratios):4.2f}x")
    lines.append("  sentences per CPU-second of the process (all its threads; what the load of "
                 "other jobs does not change), median of rounds:")
    reference = np.median(per_cpu[REFERENCE])
    lines += [f"  {name:11} {np.median(values):7.1f}   {np.median(values) / reference:4.2f}x"
              for name, values in per_cpu.items()]
    return vectors, lines


def agreement(vectors: dict[str, np.ndarray]) -> list[str]:
    """Cosine of each encoder's vectors to torch float32's, per sentence."""
    reference = vectors[REFERENCE]
    lines = [f"  {'encoder':11} {'min':>8} {'1st pct':>8} {'mean':>8}"]
    for name, found in vectors.items():
        cosines = (found * reference).sum(axis=1)
        lines.append(f"  {name:11} {cosines.min():8.5f} {np.percentile(cosines, 1):8.5f} "
                     f"{cosines.mean():8.5f}")
    return lines


def alone_against_batched(encoder: Encoder, sentences: Sequence[str]) -> str:
    """Cosine of each sentence encoded alone to the same sentence encoded in its batch."""
    batched = encoder.encode(list(sentences), BATCH)
    alone = np.vstack([encoder.encode([text], 1) for text in sentences])
    cosines = (batched * alone).sum(axis=1)
    return (f"  {encoder.name} {getattr(encoder, 'precision', '')}: alone vs in a batch of "
            f"{BATCH}, {len(sentences)} sentences: cosine min {cosines.min():.5f}, "
            f"mean {cosines.mean():.5f}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=2, help="torch and onnxruntime threads")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--alone", type=int, default=200, help="sentences encoded one by one")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    common.require_data(common.POLNEAR)
    import onnxruntime
    import torch

    torch.set_num_threads(args.threads)
    lines = common.machine_lines()
    lines.append(f"onnxruntime {onnxruntime.__version__}, torch {torch.__version__}; "
                 f"{args.threads} threads each; batch {BATCH}")
    sentences = common.polnear_sentences(args.sentences)
    words = sum(len(s.split()) for s in sentences) / len(sentences)
    lines.append(f"{len(sentences)} PolNeAR sentences (passages), {words:.1f} words on average")
    print("\n".join(lines), flush=True)
    with tempfile.TemporaryDirectory(prefix="encoder-bench-") as cache:
        encoders, built = load_encoders(args.threads, Path(cache))
        sections = [["", "load (ONNX files built in a fresh cache folder):", *built]]
        print("\n".join(sections[-1]), flush=True)
        vectors, rates = speed(encoders, sentences, args.rounds)
        sections.append(["", f"speed ({args.rounds} rounds, encoders interleaved):", *rates])
        sections.append(["", f"cosine to {REFERENCE}, per sentence:", *agreement(vectors)])
        sections.append(["", "batch dependence:",
                         alone_against_batched(encoders["onnx-int8"], sentences[:args.alone])])
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    sections.append(["", f"load average at end (1/5/15 min): {load}"])
    for section in sections[1:]:
        print("\n".join(section), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines + [x for s in sections for x in s]) + "\n",
                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
