"""Claim retrieval of the product on CheckThat! (2020 Task 2 tweets, 2021 Task 2B debates).

The verified claims of a set are ingested through the library into a cached index folder
(`benchmarks/.cache/checkthat-<set>-<doc text>-<model>`, git-ignored; reruns skip the
encoding), then each query is searched as pasted (the raw tweet: the claim reader drops its
links and embed signature) with `Engine.search_many`, the product's own ranking (`matches`,
best document first). For comparison the product's two retrievers are shown alone (dense:
documents by their best unit's cosine; BM25). The product fits nothing on these sets, so
train and dev are both held-out figures; they are printed side by side.

    .venv/bin/python benchmarks/checkthat_eval.py [--sets 2020 2021-2b] [--limit N]
        [--doc-text claim title+claim] [--query raw clean clean+author]
        [--model NAME] [--encoder NAME] [--threads N]
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checkthat_data import (  # noqa: F401  (the measures are re-exported for the tests)
    DEPTH,
    QUERY_FORMS,
    SETS,
    Ranking,
    average_precision,
    clean_tweet,
    evaluate,
    folder,
    load_split,
    precision_at,
    query_text,
    reciprocal_rank,
    splits_of,
    tweet_author,
    verified_claims,
)
from common import CACHE, machine_lines

DOC_TEXTS = ("claim", "title+claim")
MEASURES = ("MAP@1", "MAP@5", "MRR", "P@1")


def load_claims(name: str, doc_text: str):
    """The verified claims of a set as library Documents; `doc_text` says what is indexed
    (`title+claim`: the title as its own paragraph before the claim)."""
    from factcheck.records import Document
    from factcheck.sources.read import content_sha256

    documents = []
    for claim in verified_claims(name):
        text = claim.claim if doc_text == "claim" else f"{claim.title}\n{claim.claim}"
        documents.append(Document(id=claim.id, text=text, title=claim.title,
                                  sha256=content_sha256(text), kind="verified claim"))
    return documents


class KnownVectors:
    """An encoder that reuses vectors cached by benchmarks/checkthat_ranking.py for the
    same texts and model (same encoder class and precision), and encodes the rest."""

    def __init__(self, encoder, known: dict[str, np.ndarray]) -> None:
        self._encoder, self._known = encoder, known
        self.name, self.dimension = encoder.name, encoder.dimension

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Vectors for `texts`: the cached ones where known."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        if missing:
            self._known.update(zip(missing, self._encoder.encode(missing, batch_size),
                                   strict=True))
        return np.stack([self._known[t] for t in texts]) if texts else \
            self._encoder.encode([], batch_size)


def open_engine(name: str, doc_text: str, model: str | None = None,
                encoder: str | None = None):
    """An engine on the cached index of a set's verified claims (built on first use)."""
    from factcheck.engine import Engine
    from factcheck.index.embed import load_encoder
    from factcheck.settings import Settings

    settings = Settings(index_dir=Path()).with_changes(model=model, encoder=encoder)
    short = settings.model.removeprefix("sentence-transformers/").split("/")[-1]
    index_dir = CACHE / f"checkthat-{name}-{doc_text.replace('+', '-')}-{short}-{settings.encoder}"
    claims = load_claims(name, doc_text)
    engine = Engine.open(settings.with_changes(index_dir=index_dir))
    if engine.stats().get("documents", 0) < len(claims):
        started = time.perf_counter()
        encoder = load_encoder(settings.model)
        known = _cached_vectors(name, settings.model, bool(getattr(encoder, "bfloat16", False)))
        engine = Engine.open(engine.settings, KnownVectors(encoder, known))
        result = engine.ingest_documents(claims)
        print(f"ingested {result.documents} claims as {result.passages} passages and "
              f"{result.statements} statements into {index_dir} in "
              f"{time.perf_counter() - started:.0f} s")
    return engine


def _cached_vectors(name: str, model: str, bfloat16: bool) -> dict[str, np.ndarray]:
    """Vectors benchmarks/checkthat_ranking.py cached for the claims, titles and both."""
    import checkthat_ranking as ranking

    known: dict[str, np.ndarray] = {}
    for form in ("claim", "title", "title+claim"):
        texts = ranking.doc_texts(verified_claims(name), form)
        vectors = ranking.Encodings(bfloat16).cached(model, texts)
        if vectors is not None:
            known.update(zip(texts, vectors, strict=True))
    return known


# --- rankings --------------------------------------------------------------------------


def product_rankings(engine, queries: dict[str, str]) -> tuple[dict[str, Ranking], float]:
    """`Engine.search_many` matches per query, and the queries per second."""
    started = time.perf_counter()
    results = engine.search_many([(text, None) for text in queries.values()], k=DEPTH)
    seconds = time.perf_counter() - started
    rankings = {qid: [m.doc_id for m in getattr(result, "matches", ())]
                for qid, result in zip(queries, results, strict=True)}
    return rankings, len(queries) / seconds


def retriever_rankings(engine, queries: dict[str, str]) -> dict[str, dict[str, Ranking]]:
    """The product's dense and BM25 runs alone, on the words the claim reader keeps."""
    from factcheck.verdict.claims import read_claim

    words = [read_claim(text).words for text in queries.values()]
    index, settings = engine.index, engine.settings
    vectors = engine.encoder.encode(words, settings.batch_size)
    dense = [[r for r, _ in run] for run in index.vectors().search(vectors, settings.candidates)]
    lexical = [[r for r, _ in run] for run in index.lexical().search(words, settings.candidates)]
    row_doc = row_documents(engine)
    return {label: {q: list(dict.fromkeys(row_doc[r] for r in run))[:DEPTH]
                    for q, run in zip(queries, runs, strict=True)}
            for label, runs in (("dense only (cosine)", dense), ("BM25 only", lexical))}


def row_documents(engine) -> dict[int, str]:
    """Document id of every vector row of the index."""
    return dict(engine.index.store.db.execute(
        "SELECT u.row, COALESCE(p.doc_id, s.doc_id) FROM units u"
        " LEFT JOIN passages p ON u.unit = 'passage' AND p.id = u.unit_id"
        " LEFT JOIN statements s ON u.unit = 'statement' AND s.id = u.unit_id").fetchall())


# --- report ----------------------------------------------------------------------------


def measure(engine, name: str, form: str, limit: int | None) -> None:
    """Print the product's and each retriever's figures on train and dev, side by side."""
    figures: dict[str, dict[str, dict[str, float]]] = {}
    rates = []
    for split in splits_of(name):
        data = load_split(name, split, limit)
        queries = {q: query_text(t, form) if name == "2020" else t
                   for q, t in data.queries.items()}
        product, rate = product_rankings(engine, queries)
        rates.append(f"{split} {rate:.1f}")
        runs = {"product: search_many matches": product, **retriever_rankings(engine, queries)}
        for label, ranked in runs.items():
            figures.setdefault(label, {})[split] = evaluate(ranked, data.qrels)
        counts = f"{split} {len(data.qrels)}"
        rates[-1] += f" ({counts} queries)"
    print(f"\n{name}: query form {form!r}; product speed, queries/s: {', '.join(rates)}")
    cells = "".join(f" {s + ' ' + m:>11}" for m in MEASURES for s in splits_of(name))
    print(f"  {'ranking':<30}{cells}")
    for label, by_split in figures.items():
        values = "".join(f" {by_split[s][m]:>11.4f}" for m in MEASURES for s in splits_of(name))
        print(f"  {label:<30}{values}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    parser.add_argument("--limit", type=int, default=None, help="first N queries per split")
    parser.add_argument("--doc-text", nargs="+", default=["claim"], choices=DOC_TEXTS)
    parser.add_argument("--query", nargs="+", default=["raw"], choices=QUERY_FORMS,
                        help="2020 tweets: as pasted (raw) or cleaned by the benchmark")
    parser.add_argument("--model", help="Settings.model (default: the product's)")
    parser.add_argument("--encoder", help="Settings.encoder: torch, onnx-int8 or onnx-fp32")
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads (1: the machine is shared; faster under load)")
    args = parser.parse_args(argv)
    for name in args.sets:
        if not folder(name).is_dir():
            print(f"CheckThat! {name} data not found at {folder(name)}; see "
                  "../shared/data/README.md", file=sys.stderr)
            return 2
    logging.basicConfig(level=logging.WARNING)
    import torch

    torch.set_num_threads(args.threads)
    print("\n".join(machine_lines()))
    for name in args.sets:
        for doc_text in args.doc_text:
            engine = open_engine(name, doc_text, args.model, args.encoder)
            stats = engine.stats()
            print(f"\nindex: {name}, documents = {doc_text}; {stats['passages']} passages, "
                  f"{stats['statements']} statements; model {engine.settings.model}; "
                  f"candidates={engine.settings.candidates}, "
                  f"judge_candidates={engine.settings.judge_candidates}")
            for form in args.query if name == "2020" else ["raw"]:
                measure(engine, name, form, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
