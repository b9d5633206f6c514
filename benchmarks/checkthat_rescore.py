"""A second encoder that re-scores only the shortlist: is all-mpnet-base-v2 worth its cost?

The first ranking is a configuration of benchmarks/checkthat_ranking.py (default: MiniLM
cosine + Dice over MiniLM's and BM25's top 100, verified claim text, cleaned tweets). Its top
`--depth` claims per query are encoded with `--model` (and the queries with it), then
re-ordered by the unweighted mean of both cosines and Dice (SimBa with two encoders, on the
shortlist), by the second encoder's cosine and Dice, and by its cosine alone. Encoding
every verified claim with mpnet takes hours on this shared 2-core machine; the shortlist
needs a few thousand. Nothing is fitted. Encodings are cached in chunks, so an interrupted
run resumes.

    .venv/bin/python benchmarks/checkthat_rescore.py [--model all-mpnet-base-v2]
        [--depth 10] [--train-limit N] [--doc claim] [--query clean] [--threads 1]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import checkthat_data as data
import checkthat_ranking as ranking
from common import machine_lines

from factcheck.verdict.rank import dice

BASE = "all-MiniLM-L6-v2"
CHUNK = 256


def rescored(prepared: ranking.Prepared, base: ranking.Config, split: str, second: dict,
             depth: int) -> dict[str, dict[str, data.Ranking]]:
    """Orders of each query's shortlist (the base ranking's first `depth`)."""
    first = ranking.rankings(prepared, base, split)
    row_of = {doc_id: n for n, doc_id in enumerate(prepared.ids)}
    cosines = prepared.cosines[base.encoders[0], base.doc, base.query, split]
    words, doc_words = prepared.query_words[base.query, split], prepared.doc_words[base.doc]
    orders: dict[str, dict[str, data.Ranking]] = {"first ranking": {}, "both encoders + dice": {},
                                                  "second + dice": {}, "second alone": {}}
    for n, qid in enumerate(prepared.splits[split].queries):
        if qid not in second["queries"]:
            continue
        shortlist = first[qid][:depth]
        rows = [row_of[d] for d in shortlist]
        mine = np.array([cosines[n, r] for r in rows])
        other = np.array([float(second["queries"][qid] @ second["docs"][r]) for r in rows])
        overlap = np.array([dice(words[n], doc_words[r]) for r in rows])
        for label, score in (("first ranking", -np.arange(len(rows), dtype=float)),
                             ("both encoders + dice", (mine + other + overlap) / 3),
                             ("second + dice", (other + overlap) / 2),
                             ("second alone", other)):
            order = np.argsort(-score, kind="stable")
            orders[label][qid] = [shortlist[i] for i in order] + first[qid][depth:]
    return orders


def second_vectors(prepared: ranking.Prepared, base: ranking.Config, model: str,
                   queries: dict[str, list[str]], depth: int, encode: ranking.Encodings,
                   texts: list[str], name: str) -> dict:
    """The second model's vectors of the chosen queries and of their shortlisted claims."""
    rows: list[int] = []
    vectors: dict = {"queries": {}, "docs": {}}
    row_of = {doc_id: n for n, doc_id in enumerate(prepared.ids)}
    for split, chosen in queries.items():
        if not chosen:
            continue
        first = ranking.rankings(prepared, base, split)
        rows += [row_of[d] for q in chosen for d in first[q][:depth]]
        split_queries = prepared.splits[split].queries
        forms = ranking.query_texts(name, base.query, {q: split_queries[q] for q in chosen})
        vectors["queries"].update(zip(chosen, encode(model, forms), strict=True))
    wanted = list(dict.fromkeys(rows))
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        vectors["docs"].update(zip(chunk, encode(model, [texts[r] for r in chunk]), strict=True))
        print(f"  {min(start + CHUNK, len(wanted))} of {len(wanted)} shortlisted claims "
              "encoded", flush=True)
    return vectors


def main(argv: Sequence[str] | None = None) -> int:
    """Re-score the shortlists; print train and dev figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="all-mpnet-base-v2")
    parser.add_argument("--depth", type=int, default=10)
    parser.add_argument("--train-limit", type=int, default=None, help="first N train queries")
    parser.add_argument("--doc", default="claim", choices=ranking.DOC_FORMS)
    parser.add_argument("--query", default="clean", choices=ranking.QUERY_FORMS_2020)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    print("\n".join(machine_lines()))
    name, base = "2020", ranking.Config((BASE,), args.doc, args.query, True, True)
    forms = ranking.Forms((args.doc,), (args.query,))
    splits = ["dev"] + (["train"] if args.train_limit != 0 else [])
    prepared = ranking.prepare(name, [BASE], ranking.Encodings(bfloat16=True), forms, None,
                               splits)
    chosen = {"dev": list(prepared.splits["dev"].queries),
              "train": list(prepared.splits.get("train", data.Split({}, {})).queries)[
                  :args.train_limit]}
    texts = ranking.doc_texts(data.verified_claims(name), ranking._worded(args.doc))
    second = second_vectors(prepared, base, args.model, chosen, args.depth,
                            ranking.Encodings(bfloat16=False), texts, name)
    print(f"\nfirst ranking: {base.name}; its top {args.depth} re-scored with {args.model} "
          f"(float32); queries: train {len(chosen['train'])}, dev {len(chosen['dev'])}")
    print(f"  {'order of the shortlist':<28} {'train MAP@5':>11} {'dev MAP@5':>9} "
          f"{'train MRR':>9} {'dev MRR':>7}")
    figures = {}
    for split in (s for s in ("train", "dev") if chosen[s]):
        qrels = {q: prepared.splits[split].qrels[q] for q in chosen[split]}
        for label, ranked in rescored(prepared, base, split, second, args.depth).items():
            figures.setdefault(label, {})[split] = data.evaluate(ranked, qrels)
    for label, by_split in figures.items():
        cells = [f"{by_split[s][m]:.4f}" if s in by_split else "-"
                 for m, s in (("MAP@5", "train"), ("MAP@5", "dev"), ("MRR", "train"),
                              ("MRR", "dev"))]
        print(f"  {label:<28} {cells[0]:>11} {cells[1]:>9} {cells[2]:>9} {cells[3]:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
