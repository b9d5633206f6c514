"""Attribution quality and speed on PolNeAR dev: who said what.

Prints precision, recall and F1 of direct quotes and of all statements at character
overlap 0.3 and 0.8 (of the longer span), speaker accuracy on matched statements, and the
rate of `attribute_many` in sentences per second, with the machine and the command.

    .venv/bin/python benchmarks/attribution_eval.py [--split dev|train] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"


def _load(split: str, limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in (DATA / f"polnear_{split}.jsonl").open()]
    articles = sorted({r["article"] for r in rows})[:limit] if limit else None
    return [r for r in rows if articles is None or r["article"] in articles]


def _length(spans) -> int:
    return sum(e - s for s, e in spans)


def _overlap(a, b) -> float:
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    return shared / max(_length(a), _length(b), 1)


def _match(gold: list, pred: list, threshold: float) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, best overlap first."""
    pairs = sorted(
        ((_overlap(g["content"]["spans"], p.parts), i, j)
         for i, g in enumerate(gold) for j, p in enumerate(pred)),
        reverse=True,
    )
    used_g, used_p, matched = set(), set(), []
    for score, i, j in pairs:
        if score < threshold:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            matched.append((i, j))
    return matched


def _prf(n_match: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _top_level(statements) -> list:
    """Statements not nested in another one (a scare quote inside reported speech is part of
    that reported statement in PolNeAR's annotation)."""
    return [s for s in statements if not any(
        o is not s and o.start <= s.start and s.end <= o.end and o.kind == "indirect"
        for o in statements)]


def _speaker_ok(gold: dict, pred, aliases) -> bool:
    from factcheck.speakers import same_speaker

    source = gold.get("source")
    if not source:
        return pred.speaker is None
    mention = pred.speaker_mention
    if mention is not None and any(
        min(e, mention.end) > max(s, mention.start) for s, e in source["spans"]
    ):
        return True
    return same_speaker(pred.speaker, source["text"], aliases)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: PolNeAR data not found at {DATA}")
        return 0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from factcheck.attribute import _nlp, attribute_many
    from factcheck.coref import person_names
    from factcheck.quotemarks import paragraphs, sentences
    from factcheck.records import Document
    from factcheck.speakers import build_alias_table

    rows = _load(args.split, args.limit)
    texts = {r["article"]: r["text"] for r in rows}
    docs = [Document(id=a, text=t) for a, t in texts.items()]
    n_sentences = sum(len(sentences(d.text, s, e)) for d in docs for s, e in paragraphs(d.text))
    _nlp()
    began = time.perf_counter()
    results = dict(zip(texts, attribute_many([(d, ()) for d in docs])))
    seconds = time.perf_counter() - began

    keys = ("direct@0.3", "direct@0.8", "quotes@0.3", "quotes@0.8", "all@0.3", "all@0.8")
    counts = {key: [0, 0, 0] for key in keys}
    speaker = [0, 0]
    for row in rows:
        gold = [a for a in row["attributions"] if a.get("content")]
        preds = results[row["article"]]
        aliases = build_alias_table(person_names(row["text"]))
        direct_gold = [a for a in gold if a["content_is_direct_quote_heuristic"]]
        direct_pred = [s for s in preds if s.kind == "direct"]
        top = _top_level(preds)
        quote_pred = [s for s in top if s.kind != "indirect"]
        for threshold in (0.3, 0.8):
            for key, g, p in ((f"direct@{threshold}", direct_gold, direct_pred),
                              (f"quotes@{threshold}", direct_gold, quote_pred),
                              (f"all@{threshold}", gold, top)):
                matched = _match(g, p, threshold)
                counts[key][0] += len(matched)
                counts[key][1] += len(p)
                counts[key][2] += len(g)
                if key == "all@0.3":
                    speaker[0] += sum(_speaker_ok(g[i], p[j], aliases) for i, j in matched)
                    speaker[1] += len(matched)

    print(f"PolNeAR {args.split}: {len(texts)} articles, {len(rows)} annotation files, "
          f"{sum(len(r['attributions']) for r in rows)} gold attributions")
    for key, (m, p, g) in counts.items():
        pr, rc, f1 = _prf(m, p, g)
        print(f"{key:11s} P={pr:.3f} R={rc:.3f} F1={f1:.3f}  (matched {m}, pred {p}, gold {g})")
    print("direct = kind direct vs gold quotes (content_is_direct_quote_heuristic); quotes = "
          "direct + partial quotes not inside a reported statement, vs the same gold;")
    print("all = every statement not nested in a reported one vs every gold Content span.")
    print(f"speaker accuracy on matched statements (all@0.3): "
          f"{speaker[0] / max(1, speaker[1]):.3f} ({speaker[0]}/{speaker[1]})")
    print(f"speed: {n_sentences} sentences in {seconds:.2f} s = {n_sentences / seconds:.0f} "
          f"sentences/s (attribute_many, model already loaded)")
    print(f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cpus, Python {platform.python_version()}")
    print("command: " + " ".join([Path(sys.executable).name, *sys.argv]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
