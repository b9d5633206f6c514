"""Fit the candidate reranker (factcheck/rerank.py) on CheckThat! 2020 train; report dev.

Each train tweet is searched as the product searches it (read, retrieve, shortlist, judge);
every judged candidate is a row of `factcheck.verdict.rerank.features`, labelled 1 when its document
is a gold verified claim. A linear model (numpy, L2, Newton steps; listwise softmax or
pointwise logistic loss) is fitted on the rows of train only; its MAP@5 is shown with 5-fold
cross-validation by tweet on train and on dev, next to the product's earlier order. Choose
by the train figure; dev is only reported. `--write` stores the fit of the first --loss and
--l2 on all of train in factcheck/verdict/rerank.json.

    .venv/bin/python benchmarks/fit_rerank.py [--limit N] [--loss listwise pointwise]
        [--l2 10 3 1] [--judge-candidates 12] [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checkthat_eval import (
    DATA,
    average_precision,
    load_split,
    open_engine,
    query_text,
)

from factcheck.verdict.rerank import FEATURES, Model, features, model_from_json

MODEL_PATH = Path(__file__).resolve().parents[1] / "factcheck" / "verdict" / "rerank.json"
FOLDS = 5


def collect(engine, split: str, limit: int | None) -> list[dict]:
    """Per tweet: claim words, judged candidates, best, gold ids and the fused candidates.

    Judged afresh on every run (about a minute for train): nothing is cached, so changes to
    retrieval or judging are always seen, and nothing is ever unpickled.
    """
    from factcheck.verdict.claims import read_claim
    from factcheck.verdict.judge import judge
    from factcheck.index.retrieve import hybrid_search
    from factcheck.verdict.search import _candidates, load_aliases, shortlist_hits

    tweets, qrels = load_split(split, limit)
    index, settings = engine.index, engine.settings
    claims = [read_claim(query_text(text, "clean+author")) for text in tweets.values()]
    vectors = engine.encoder.encode([c.words for c in claims], settings.batch_size)
    hits = hybrid_search(vectors, [c.words for c in claims], index.vectors(), index.lexical(),
                         settings.candidates, settings.rrf_k, settings.lexical_weight)
    aliases, rows = load_aliases(index), []
    for qid, claim, claim_hits in zip(tweets, claims, hits, strict=True):
        pool = _candidates(index, [claim_hits])[0]
        chosen = _candidates(index, [shortlist_hits(claim_hits, settings.judge_candidates)])[0]
        finding = judge(claim, chosen, aliases, settings)
        rows.append({"qid": qid, "words": claim.words, "judged": finding.judged,
                     "best": finding.best, "gold": qrels[qid],
                     "pool": pool})
    return rows


def design(rows: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature matrix, labels and the tweet number of every judged candidate."""
    x, y, group = [], [], []
    for n, row in enumerate(rows):
        for feats, item in zip(features(row["words"], row["judged"]), row["judged"], strict=True):
            x.append(feats)
            y.append(float(item.candidate.doc_id in row["gold"]))
            group.append(n)
    return np.array(x), np.array(y), np.array(group)


LOSSES = ("listwise", "pointwise")


def fit(x: np.ndarray, y: np.ndarray, group: np.ndarray, l2: float, loss: str) -> Model:
    """A linear model on standardised features, L2-penalised, fitted by Newton's method.

    `listwise`: softmax cross-entropy over each tweet's candidates (the gold share of the
    probability mass is maximised; tweets without a gold candidate teach nothing);
    `pointwise`: logistic regression on every candidate alone.
    """
    means, scales = x.mean(axis=0), x.std(axis=0)
    scales[scales == 0] = 1.0
    z = (x - means) / scales
    if loss == "pointwise":
        z = np.hstack([z, np.ones((len(x), 1))])
    penalty = np.full(z.shape[1], l2)
    if loss == "pointwise":
        penalty[-1] = 0.0
    objective = _pointwise if loss == "pointwise" else _listwise
    w = np.zeros(z.shape[1])
    value, grad, hess = objective(z, y, group, w, penalty)
    for _ in range(100):
        step, shrink = np.linalg.solve(hess, grad), 1.0
        while shrink > 1e-6:  # damped Newton: halve the step until the loss falls
            trial = objective(z, y, group, w - shrink * step, penalty)
            if trial[0] <= value:
                break
            shrink /= 2
        w = w - shrink * step
        done = value - trial[0] < 1e-10
        value, grad, hess = trial
        if done:
            break
    bias = float(w[-1]) if loss == "pointwise" else 0.0
    weights = w[:-1] if loss == "pointwise" else w
    return Model(tuple(weights.tolist()), tuple(means.tolist()), tuple(scales.tolist()), bias)


def _pointwise(z, y, group, w, penalty) -> tuple[float, np.ndarray, np.ndarray]:
    """Logistic loss, its gradient and Hessian (plus the L2 penalty)."""
    s = z @ w
    p = 1.0 / (1.0 + np.exp(-s))
    value = float(np.sum(np.logaddexp(0, s) - y * s) + 0.5 * penalty @ (w * w))
    grad = z.T @ (p - y) + penalty * w
    hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
    return value, grad, hess


def _listwise(z, y, group, w, penalty) -> tuple[float, np.ndarray, np.ndarray]:
    """Softmax cross-entropy per tweet, its gradient and Hessian (plus the L2 penalty)."""
    value, grad, hess = 0.5 * float(penalty @ (w * w)), penalty * w, np.diag(penalty + 1e-9)
    for g in np.unique(group):
        rows = group == g
        if not y[rows].any():
            continue
        zg, target = z[rows], y[rows] / y[rows].sum()
        s = zg @ w
        log_p = s - s.max() - np.log(np.exp(s - s.max()).sum())
        p = np.exp(log_p)
        value -= float(target @ log_p)
        grad = grad + zg.T @ (p - target)
        hess = hess + zg.T @ (np.diag(p) - np.outer(p, p)) @ zg
    return value, grad, hess


def map5(rows: list[dict], order) -> float:
    """MAP@5 of the documents of each tweet's candidates in `order(row)`."""
    total = 0.0
    for row in rows:
        docs = [j.candidate.doc_id for j in order(row)]
        total += average_precision(docs, row["gold"], 5)
    return total / len(rows)


def product_order(row: dict) -> list:
    """The product's order before the reranker: best, then evidence level and fused score."""
    from factcheck.verdict.judge import EVIDENCE_LEVEL

    rest = sorted((j for j in row["judged"] if j is not row["best"]), reverse=True,
                  key=lambda j: (EVIDENCE_LEVEL[j.evidence], j.candidate.score))
    return [row["best"], *rest] if row["best"] else rest


FIRST = ("always", "words", "never")


def model_order(model: Model, best_first: str):
    """Order by the model's score; the verdict's candidate stays first `always`, only when
    its evidence is `words` (verbatim, altered), or `never`."""
    from factcheck.records import Verdict

    def order(row: dict) -> list:
        judged = row["judged"]
        scores = [model.score(f) for f in features(row["words"], judged)]
        ranked = [judged[n] for n in sorted(range(len(judged)), key=lambda n: -scores[n])]
        best = row["best"]
        keep = best is not None and (best_first == "always" or (
            best_first == "words" and best.evidence in (Verdict.VERBATIM, Verdict.ALTERED)))
        if keep:
            ranked = [row["best"], *(j for j in ranked if j is not row["best"])]
        return ranked

    return order


def cross_validated(rows: list[dict], l2: float, loss: str, best_first: str) -> float:
    """MAP@5 on train with FOLDS folds by tweet."""
    x, y, group = design(rows)
    total = 0.0
    for fold in range(FOLDS):
        held = [n for n in range(len(rows)) if n % FOLDS == fold]
        kept = group % FOLDS != fold
        model = fit(x[kept], y[kept], group[kept], l2, loss)
        total += map5([rows[n] for n in held], model_order(model, best_first)) * len(held)
    return total / len(rows)


def _ceiling(rows: list[dict]) -> tuple[float, float]:
    judged = sum(any(j.candidate.doc_id in r["gold"] for j in r["judged"]) for r in rows)
    pool = sum(bool({c.doc_id for c in r["pool"]} & r["gold"]) for r in rows)
    return judged / len(rows), pool / len(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Fit, report and (with --write) store the model."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--l2", type=float, nargs="+", default=[10.0, 3.0, 1.0],
                        help="L2 penalties to compare; the first is written")
    parser.add_argument("--loss", nargs="+", default=list(LOSSES), choices=LOSSES,
                        help="losses to compare; the first is written")
    parser.add_argument("--judge-candidates", type=int, default=None,
                        help="shortlist size (Settings.judge_candidates) to measure")
    parser.add_argument("--write", action="store_true", help="store the fit on all of train")
    args = parser.parse_args(argv)
    if not (DATA / "verified_claims.docs.tsv").exists():
        print(f"CheckThat! 2020 data not found at {DATA}", file=sys.stderr)
        return 2
    sizes = {"judge_candidates": args.judge_candidates} if args.judge_candidates else {}
    engine = open_engine("vclaim", **sizes)
    data = {split: collect(engine, split, args.limit) for split in ("train", "dev")}
    for split, rows in data.items():
        judged, pool = _ceiling(rows)
        print(f"{split}: {len(rows)} tweets; gold among judged {judged:.4f}, among fused "
              f"candidates {pool:.4f}; product order MAP@5 {map5(rows, product_order):.4f}")
    x, y, group = design(data["train"])
    for loss in args.loss:
        for l2 in args.l2:
            model = fit(x, y, group, l2, loss)
            for best_first in FIRST:
                print(f"{loss} l2={l2} best first: {best_first:<6}: train {FOLDS}-fold MAP@5 "
                      f"{cross_validated(data['train'], l2, loss, best_first):.4f}; fit on "
                      f"train, dev MAP@5 {map5(data['dev'], model_order(model, best_first)):.4f}")
    model = fit(x, y, group, args.l2[0], args.loss[0])
    print("weights (standardised):", ", ".join(
        f"{name} {w:+.2f}" for name, w in zip(FEATURES, model.weights, strict=True)))
    if args.write:
        options = f"--loss {args.loss[0]} --l2 {args.l2[0]}" + "".join(
            f" --judge-candidates {n}" for n in sizes.values())
        _write(model, options, len(data["train"]))
    return 0


def _write(model: Model, options: str, tweets: int) -> None:
    data = {"features": list(FEATURES), "weights": list(model.weights),
            "means": list(model.means), "scales": list(model.scales), "bias": model.bias,
            "fitted": f"benchmarks/fit_rerank.py {options} --write; CheckThat! 2020 train, "
                      f"{tweets} tweets; {time.strftime('%Y-%m-%d')}"}
    model_from_json(data)
    MODEL_PATH.parent.mkdir(exist_ok=True)
    MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    sys.exit(main())
