"""Which order of verified claims generalises? SimBa's unsupervised recipe, configured.

Each configuration ranks every verified claim of a set for each query, at the document
level and outside the product: candidates are the union of each encoder's top
`CANDIDATES` by cosine (plus BM25's top `CANDIDATES` where `+bm25`), each scored by the
unweighted mean of its cosines and, where `+dice`, the stop-word-filtered Dice word overlap
of `factcheck.verdict.rank` (Hövelmeyer, Boland, Dietze: SimBa at CheckThat! 2022). Nothing
is fitted, so every configuration's train figure is an honest one; choosing among them is
the one choice made, and `choice, 5-fold` shows what that choice is worth on claims it has
not seen: in each of 5 folds of train grouped by claim the best configuration on the
other four folds ranks the held-out fold. Dev is only reported.

Encodings are cached in benchmarks/.cache/vectors/ (model, precision and texts hashed).

    .venv/bin/python benchmarks/checkthat_ranking.py [--sets 2020 2021-2b]
        [--models all-MiniLM-L6-v2 all-mpnet-base-v2] [--bfloat16] [--limit N]
        [--speed N] [--threads 2]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import checkthat_data as data
from common import CACHE, machine_lines

from factcheck.verdict.rank import content_words, dice

CANDIDATES = 100
MODELS = ("all-MiniLM-L6-v2", "all-mpnet-base-v2")
SHORT = {"all-MiniLM-L6-v2": "MiniLM", "all-mpnet-base-v2": "mpnet"}
DOC_FORMS = ("claim", "title+claim", "max(claim,title)")
QUERY_FORMS_2020 = ("raw", "reader", "clean", "clean+author")


@dataclass(frozen=True)
class Config:
    """One ranking: encoders, what is embedded, the query form, word overlap, BM25 pool."""

    encoders: tuple[str, ...]
    doc: str
    query: str
    dice: bool
    bm25: bool

    @property
    def name(self) -> str:
        parts = ["+".join(SHORT.get(e, e) for e in self.encoders)]
        parts += ["+dice"] * self.dice + ["+bm25"] * self.bm25
        return f"{''.join(parts)}; docs {self.doc}; query {self.query}"


# --- encodings -------------------------------------------------------------------------


class Encodings:
    """Vectors of texts per model, encoded once and cached on disk."""

    def __init__(self, bfloat16: bool, batch_size: int = 32) -> None:
        self.bfloat16, self.batch_size = bfloat16, batch_size
        self._encoders: dict[str, object] = {}

    def __call__(self, model: str, texts: Sequence[str]) -> np.ndarray:
        cached = self.cached(model, texts)
        if cached is not None:
            return cached
        path = self._path(model, texts)
        started = time.perf_counter()
        vectors = self.encoder(model).encode(list(texts), self.batch_size)
        seconds = time.perf_counter() - started
        print(f"  encoded {len(texts)} texts with {model} in {seconds:.0f} s "
              f"({len(texts) / seconds:.1f}/s)", flush=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
        return vectors

    def cached(self, model: str, texts: Sequence[str]) -> np.ndarray | None:
        """The cached vectors of `texts`, or None."""
        path = self._path(model, texts)
        return np.load(path) if path.exists() else None

    def _path(self, model: str, texts: Sequence[str]) -> Path:
        key = hashlib.sha1("\x00".join([model, str(self.bfloat16), *texts]).encode())
        return CACHE / "vectors" / f"{SHORT.get(model, 'model')}-{key.hexdigest()[:16]}.npy"

    def encoder(self, model: str):
        """The product's encoder for a model, at the chosen precision."""
        if model not in self._encoders:
            from factcheck.index.embed import SentenceTransformerEncoder

            self._encoders[model] = SentenceTransformerEncoder(model, bfloat16=self.bfloat16)
        return self._encoders[model]


# --- one set ---------------------------------------------------------------------------


@dataclass
class Prepared:
    """Everything a configuration needs for one set: ids, cosines, word sets, BM25 runs."""

    ids: list[str]
    splits: dict[str, data.Split]
    cosines: dict[tuple[str, str, str, str], np.ndarray]  # model, doc, query, split
    doc_words: dict[str, list[frozenset[str]]]  # doc form -> word sets
    query_words: dict[tuple[str, str], list[frozenset[str]]]  # query form, split
    bm25: dict[tuple[str, str, str], list[list[int]]]  # doc, query, split -> rows


def query_texts(name: str, form: str, queries: dict[str, str]) -> list[str]:
    """The queries of a split in one form; `reader`: the words the product's claim reader
    keeps (`factcheck.verdict.claims.read_claim`)."""
    if form == "reader":
        from factcheck.verdict.claims import read_claim

        return [read_claim(text).words for text in queries.values()]
    return [data.query_text(text, form) for text in queries.values()]


def doc_texts(claims: Sequence[data.VerifiedClaim], form: str) -> list[str]:
    """What is embedded for each verified claim."""
    if form == "claim":
        return [c.claim for c in claims]
    if form == "title":
        return [c.title for c in claims]
    return [f"{c.title} {c.claim}" for c in claims]


def prepare(name: str, models: Sequence[str], encode: Encodings, forms: Forms,
            limit: int | None, splits: Sequence[str] | None = None) -> Prepared:
    """Encode (or read from the cache) and score everything one set needs (all its splits,
    or those given)."""
    claims = data.verified_claims(name)
    splits = {s: data.load_split(name, s, limit) for s in splits or data.splits_of(name)}
    queries = [q for q in forms.queries if name == "2020" or q == "raw"]
    texts = {form: doc_texts(claims, form) for form in _embedded(forms.docs)}
    prepared = Prepared([c.id for c in claims], splits, {}, {}, {}, {})
    for doc in forms.docs:
        prepared.doc_words[doc] = [content_words(t) for t in texts[_worded(doc)]]
    for model in models:
        vectors = {form: encode(model, doc_texts) for form, doc_texts in texts.items()}
        for form, split in itertools.product(queries, splits):
            encoded = encode(model, query_texts(name, form, splits[split].queries))
            for doc in forms.docs:
                prepared.cosines[model, doc, form, split] = _cosines(encoded, vectors, doc)
    for form, split in itertools.product(queries, splits):
        query = query_texts(name, form, splits[split].queries)
        prepared.query_words[form, split] = [content_words(t) for t in query]
        for doc in forms.docs:
            prepared.bm25[doc, form, split] = _bm25_rows(texts[_worded(doc)], query)
    return prepared


@dataclass(frozen=True)
class Forms:
    """The document and query forms measured."""

    docs: tuple[str, ...]
    queries: tuple[str, ...]


def _embedded(docs: Sequence[str]) -> set[str]:
    """The texts to encode for the document forms."""
    return {part for doc in docs for part in
            (("claim", "title") if doc == "max(claim,title)" else (doc,))}


def _worded(doc: str) -> str:
    """The text whose words a document form compares."""
    return "title+claim" if doc == "max(claim,title)" else doc


def _cosines(queries: np.ndarray, vectors: dict[str, np.ndarray], doc: str) -> np.ndarray:
    if doc == "max(claim,title)":
        return np.maximum(queries @ vectors["claim"].T, queries @ vectors["title"].T)
    return queries @ vectors[doc].T


def _bm25_rows(corpus: list[str], queries: list[str]) -> list[list[int]]:
    from factcheck.index.backends.bm25 import Bm25Index

    return [[row for row, _ in run]
            for run in Bm25Index.build(corpus).search_many(queries, CANDIDATES)]


def rankings(prepared: Prepared, config: Config, split: str) -> dict[str, data.Ranking]:
    """The top DEPTH verified claims of every query of a split under one configuration."""
    cosines = [prepared.cosines[e, config.doc, config.query, split] for e in config.encoders]
    words = prepared.query_words[config.query, split]
    doc_words = prepared.doc_words[config.doc]
    lexical = prepared.bm25[config.doc, config.query, split]
    ranked = {}
    for n, qid in enumerate(prepared.splits[split].queries):
        pool = set()
        for scores in cosines:
            pool.update(_top(scores[n], CANDIDATES))
        if config.bm25:
            pool.update(lexical[n])
        rows = np.fromiter(pool, dtype=np.int64)
        parts = [scores[n, rows] for scores in cosines]
        if config.dice:
            parts.append(np.array([dice(words[n], doc_words[r]) for r in rows]))
        total = np.mean(parts, axis=0)
        best = rows[np.argsort(-total, kind="stable")[: data.DEPTH]]
        ranked[qid] = [prepared.ids[r] for r in best]
    return ranked


def _top(scores: np.ndarray, count: int) -> list[int]:
    """The rows of the `count` highest scores, in no order."""
    if count >= len(scores):
        return list(range(len(scores)))
    return np.argpartition(-scores, count)[:count].tolist()


def configs(name: str, models: Sequence[str], forms: Forms) -> list[Config]:
    """Every configuration measured for a set."""
    encoders = [(m,) for m in models] + ([tuple(models)] if len(models) > 1 else [])
    queries = [q for q in forms.queries if name == "2020" or q == "raw"]
    return [Config(e, doc, query, use_dice, use_bm25)
            for e, doc, query, use_dice, use_bm25 in itertools.product(
                encoders, forms.docs, queries, (False, True), (False, True))
            if use_dice or not use_bm25]  # BM25 candidates only matter when re-scored


# --- report ----------------------------------------------------------------------------


def report(name: str, prepared: Prepared, all_configs: list[Config]) -> None:
    """Train and dev figures of every configuration, and the 5-fold figure of the choice."""
    train, dev = prepared.splits["train"], prepared.splits["dev"]
    folds = data.claim_folds(train.qrels)
    per_query: dict[Config, dict[str, float]] = {}
    print(f"\n{name}: train {len(train.qrels)} queries, dev {len(dev.qrels)}; "
          f"{len(prepared.ids)} verified claims")
    print(f"  {'configuration':<58} {'train MAP@5':>11} {'dev MAP@5':>9} "
          f"{'train MRR':>9} {'dev MRR':>7}")
    for config in all_configs:
        ranked = rankings(prepared, config, "train")
        per_query[config] = {q: data.average_precision(ranked.get(q, []), g, 5)
                             for q, g in train.qrels.items()}
        on_train = data.evaluate(ranked, train.qrels)
        on_dev = data.evaluate(rankings(prepared, config, "dev"), dev.qrels)
        print(f"  {config.name:<58} {on_train['MAP@5']:>11.4f} {on_dev['MAP@5']:>9.4f} "
              f"{on_train['MRR']:>9.4f} {on_dev['MRR']:>7.4f}", flush=True)
    _choice(per_query, folds)


def _choice(per_query: dict[Config, dict[str, float]], folds: dict[str, int]) -> None:
    """MAP@5 on train of choosing the configuration on four folds and ranking the fifth."""
    total, chosen = 0.0, []
    for fold in range(data.FOLDS):
        inside = [q for q, f in folds.items() if f != fold]
        held = [q for q, f in folds.items() if f == fold]
        best = max(per_query, key=lambda c: sum(per_query[c][q] for q in inside))
        total += sum(per_query[best][q] for q in held)
        chosen.append(best.name)
    print(f"  choice, 5-fold grouped by claim: train MAP@5 {total / len(folds):.4f}; chosen: "
          + " | ".join(dict.fromkeys(chosen)))


def speed(models: Sequence[str], count: int) -> None:
    """Sentences/s of each model in float32 and bfloat16 on the same real sentences, and the
    cosine of each bfloat16 vector to its float32 one."""
    texts = [c.claim for c in data.verified_claims("2020")[:count]]
    for model in models:
        vectors = {}
        for bfloat16 in (False, True):
            encoder = Encodings(bfloat16).encoder(model)
            encoder.encode(texts[:32])  # warm up
            started = time.perf_counter()
            vectors[bfloat16] = encoder.encode(texts, 32)
            rate = len(texts) / (time.perf_counter() - started)
            print(f"  speed {model} {'bfloat16' if bfloat16 else 'float32'}: {rate:.1f} "
                  f"sentences/s ({len(texts)} verified claims, batch 32)", flush=True)
        agreement = np.sum(vectors[False] * vectors[True], axis=1)
        print(f"  {model}: cosine bfloat16 vs float32 min {agreement.min():.5f}, "
              f"mean {agreement.mean():.5f}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the configurations; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=list(data.SETS), choices=data.SETS)
    parser.add_argument("--models", nargs="+", default=list(MODELS))
    parser.add_argument("--docs", nargs="+", default=["claim", "title+claim"],
                        choices=DOC_FORMS, help="what is embedded of a verified claim")
    parser.add_argument("--queries", nargs="+", default=list(QUERY_FORMS_2020),
                        choices=QUERY_FORMS_2020, help="query forms (2020 tweets)")
    parser.add_argument("--encode-only", action="store_true", help="fill the cache, no report")
    parser.add_argument("--bfloat16", action="store_true", help="encode under bfloat16")
    parser.add_argument("--limit", type=int, default=None, help="first N queries per split")
    parser.add_argument("--speed", type=int, default=0, help="also time N sentences")
    parser.add_argument("--threads", type=int, default=2, help="torch threads")
    args = parser.parse_args(argv)
    for name in args.sets:
        if not data.folder(name).is_dir():
            print(f"CheckThat! {name} data not found at {data.folder(name)}", file=sys.stderr)
            return 2
    logging.basicConfig(level=logging.WARNING)
    import torch

    torch.set_num_threads(args.threads)
    print("\n".join(machine_lines()))
    if args.speed:
        speed(args.models, args.speed)
    encode, forms = Encodings(args.bfloat16), Forms(tuple(args.docs), tuple(args.queries))
    for name in args.sets:
        prepared = prepare(name, args.models, encode, forms, args.limit)
        if not args.encode_only:
            report(name, prepared, configs(name, args.models, forms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
