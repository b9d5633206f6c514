"""Claim retrieval on CLEF 2020 CheckThat! Task 2 (English): tweets -> verified claims.

The 10,375 verified claims are ingested through the library into a cached index folder
(`benchmarks/.cache/checkthat-<doc text>`, git-ignored; reruns skip the encoding), then each
tweet is searched with `Engine.search_many`, the product's own ranking (`matches`, best
document first). For comparison the same tweets are ranked by the library's fused retrieval
before judging (RRF as in `factcheck.index.retrieve`), by dense search alone and by BM25 alone, and
the fusion is measured with other candidate counts, RRF constants and BM25 weights.
Measures follow the official scorer (trectools): MAP@k and P@1 over the ranking cut at k,
AP divided by the number of relevant claims; MRR over the first 10 documents.

    .venv/bin/python benchmarks/checkthat_eval.py [--splits dev train] [--limit N]
        [--doc-text vclaim vclaim+title] [--query raw clean clean+author] [--orders]
        [--no-product] [--no-rerank] [--threads N]

`--no-rerank` runs the product with `Settings.rerank_matches` False (matches ordered by
evidence level, then fused score, as before the learned reranker of factcheck/rerank.py).
"""

from __future__ import annotations

import argparse
import csv
import logging
import os
import platform
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "checkthat2020"
CACHE = Path(__file__).resolve().parent / ".cache"
DOC_TEXTS = ("vclaim", "vclaim+title")
QUERY_FORMS = ("raw", "clean", "clean+author")
DEPTH = 10  # documents kept per ranking (MRR@10; MAP@5 needs 5)
# (candidates per retriever, RRF constant, BM25 weight); (50, 60, 1.0) is the library's.
FUSIONS = (
    (50, 60, 1.0),
    (20, 60, 1.0),
    (100, 60, 1.0),
    (200, 60, 1.0),
    (50, 10, 1.0),
    (100, 10, 1.0),
    (50, 10, 0.5),
    (50, 10, 0.2),
    (20, 10, 0.2),
)
_LEVEL = {"verbatim": 3, "altered": 2, "paraphrase": 1}

Ranking = list[str]

# --- measures (pure) -------------------------------------------------------------------


def average_precision(ranking: Sequence[str], relevant: set[str], depth: int) -> float:
    """AP of a ranking cut at `depth`, divided by the number of relevant documents.

    Args:
        ranking: document ids, best first (duplicates count once, at their first place).
        relevant: the relevant document ids.
        depth: how many ranked documents count.

    Returns:
        Average precision in [0, 1] (0 when nothing is relevant).
    """
    if not relevant:
        return 0.0
    found, total = 0, 0.0
    for rank, doc_id in enumerate(_unique(ranking)[:depth], start=1):
        if doc_id in relevant:
            found += 1
            total += found / rank
    return total / len(relevant)


def reciprocal_rank(ranking: Sequence[str], relevant: set[str], depth: int = DEPTH) -> float:
    """1 / rank of the first relevant document within `depth`, else 0."""
    for rank, doc_id in enumerate(_unique(ranking)[:depth], start=1):
        if doc_id in relevant:
            return 1.0 / rank
    return 0.0


def precision_at(ranking: Sequence[str], relevant: set[str], k: int) -> float:
    """Share of the first k ranked documents that are relevant (missing places count 0)."""
    return sum(doc_id in relevant for doc_id in _unique(ranking)[:k]) / k


def evaluate(rankings: dict[str, Ranking], qrels: dict[str, set[str]]) -> dict[str, float]:
    """MAP@1/3/5, MRR@10 and P@1 averaged over every query of `qrels` (missing = empty)."""
    queries = list(qrels)
    if not queries:
        raise ValueError("no queries to evaluate")

    def mean(measure) -> float:
        return sum(measure(rankings.get(q, []), qrels[q]) for q in queries) / len(queries)

    return {
        "MAP@1": mean(lambda r, g: average_precision(r, g, 1)),
        "MAP@3": mean(lambda r, g: average_precision(r, g, 3)),
        "MAP@5": mean(lambda r, g: average_precision(r, g, 5)),
        "MRR": mean(reciprocal_rank),
        "P@1": mean(lambda r, g: precision_at(r, g, 1)),
    }


def _unique(ranking: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(ranking))


# --- tweet cleaning (pure) -------------------------------------------------------------

# "— Name (@handle) Month D, YYYY" at the end of an embedded tweet.
_TRAILER = re.compile(
    r"\s*(?:[—–]|\s-\s)\s*(?P<name>(?:(?![—–]|\s-\s).){0,80}?)\s*"
    r"\(@\w+\)\s*[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{2,4}\s*$"
)
_URL = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)\S*")
_TAG = re.compile(r"[#@](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)")


def tweet_author(text: str) -> str | None:
    """The display name in a tweet's `— Name (@handle) Month D, YYYY` trailer, if any."""
    match = _TRAILER.search(text)
    if not match:
        return None
    name = " ".join(re.findall(r"[\w'’.-]+", match.group("name")))
    return name or None


def clean_tweet(text: str, keep_author: bool = False) -> str:
    """A tweet as a search query: trailer, URLs and #/@ marks dropped, tags split into words.

    Args:
        text: the tweet as embedded (`… pic.twitter.com/x — Name (@handle) May 1, 2020`).
        keep_author: append the author's display name (tweets often quote their author).

    Returns:
        The words of the tweet; `#DefundTheCBC` becomes `Defund The CBC`.
    """
    author = tweet_author(text) if keep_author else None
    words = _TRAILER.sub("", text)
    words = _URL.sub(" ", words)
    words = _TAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)) + " ", words)
    words = " ".join(words.replace("\xa0", " ").split()).rstrip(" —–-")
    if author:
        words = f"{words} {author}".strip()
    return words or " ".join(text.split())


def query_text(text: str, form: str) -> str:
    """The query for one tweet in one of QUERY_FORMS."""
    if form == "raw":
        return " ".join(text.split())
    if form in ("clean", "clean+author"):
        return clean_tweet(text, keep_author=form == "clean+author")
    raise ValueError(f"unknown query form {form!r}; valid: {', '.join(QUERY_FORMS)}")


# --- data ------------------------------------------------------------------------------


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return rows[1:]


def load_claims(doc_text: str):
    """The verified claims as library Documents; `doc_text` says what is indexed."""
    from factcheck.sources.read import content_sha256
    from factcheck.records import Document

    documents = []
    for vclaim_id, vclaim, title in _rows(DATA / "verified_claims.docs.tsv"):
        text = vclaim.strip() if doc_text == "vclaim" else f"{vclaim.strip()}\n{title.strip()}"
        documents.append(
            Document(
                id=vclaim_id,
                text=text,
                title=title.strip(),
                sha256=content_sha256(text),
                kind="verified claim",
            )
        )
    return documents


def load_split(split: str, limit: int | None) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Tweets (id -> text) and qrels (id -> relevant vclaim ids) of one split."""
    tweets = dict(_rows(DATA / split / "tweets.queries.tsv")[:limit])
    qrels: dict[str, set[str]] = {}
    for line in (DATA / split / "tweet-vclaim-pairs.qrels").read_text().splitlines():
        tweet_id, _, vclaim_id, relevance = line.split()
        if tweet_id in tweets and int(relevance) > 0:
            qrels.setdefault(tweet_id, set()).add(vclaim_id)
    return tweets, qrels


# --- runs ------------------------------------------------------------------------------


def open_engine(doc_text: str, **settings: object):
    """An engine on the cached index of the claims (built on first use)."""
    from factcheck.engine import Engine
    from factcheck.settings import Settings

    folder = CACHE / f"checkthat-{doc_text.replace('+', '-')}"
    folder.mkdir(parents=True, exist_ok=True)
    engine = Engine.open(Settings(index_dir=folder, **settings))
    if engine.stats().get("documents", 0) < 10_375:
        started = time.perf_counter()
        result = engine.ingest_documents(load_claims(doc_text))
        print(
            f"ingested {result.documents} claims as {result.passages} passages and "
            f"{result.statements} statements into {folder} in "
            f"{time.perf_counter() - started:.0f} s"
        )
    return engine


def product_rankings(engine, queries: dict[str, str]) -> tuple[dict[str, Ranking], float]:
    """`Engine.search_many` matches per query, and the queries per second."""
    from factcheck.verdict.result import SearchResult

    started = time.perf_counter()
    results = engine.search_many([(text, None) for text in queries.values()], k=DEPTH)
    seconds = time.perf_counter() - started
    rankings = {
        qid: [m.doc_id for m in result.matches] if isinstance(result, SearchResult) else []
        for qid, result in zip(queries, results, strict=True)
    }
    return rankings, len(queries) / seconds


def unit_runs(engine, queries: dict[str, str], depth: int):
    """Dense and BM25 unit runs [(row, score)] per query, on the words the product searches."""
    from factcheck.verdict.claims import read_claim

    words = [read_claim(text).words for text in queries.values()]
    index = engine.index
    vectors = engine.encoder.encode(words, engine.settings.batch_size)
    return index.vectors().search(vectors, depth), index.lexical().search(words, depth)


def row_documents(engine) -> dict[int, str]:
    """Document id of every vector row of the index."""
    return dict(
        engine.index.store.db.execute(
            "SELECT u.row, COALESCE(p.doc_id, s.doc_id) FROM units u"
            " LEFT JOIN passages p ON u.unit = 'passage' AND p.id = u.unit_id"
            " LEFT JOIN statements s ON u.unit = 'statement' AND s.id = u.unit_id"
        ).fetchall()
    )


def documents_of(run: Sequence[tuple[int, float]], row_doc: dict[int, str]) -> Ranking:
    """A unit run as a document ranking (each document at its best unit's place)."""
    return _unique([row_doc[row] for row, _ in run])[:DEPTH]


def fused(dense, lexical, fusion: tuple[int, int, float], row_doc) -> list[Ranking]:
    """Dense and BM25 runs cut at `candidates`, fused (RRF, BM25 weighted), as documents."""
    from factcheck.index.retrieve import reciprocal_rank_fusion

    candidates, rrf_k, bm25_weight = fusion
    return [
        documents_of(
            reciprocal_rank_fusion([d[:candidates], b[:candidates]], rrf_k, (1.0, bm25_weight)),
            row_doc,
        )
        for d, b in zip(dense, lexical, strict=True)
    ]


def judged_rankings(engine, queries: dict[str, str]) -> dict[str, dict[str, Ranking]]:
    """The product's candidates judged as `search_many` judges them, in two orders.

    `judge order` is `judge`'s own ranking (the product's before matches were reordered);
    `evidence,
    then fused score` keeps the evidence level first but breaks ties by retrieval score
    instead of statement-first and word-alignment ratio. Uses the private helper
    `factcheck.verdict.search._candidates` and `shortlist_hits`, so that both orders rank the very
    candidates that `search_many` judges.
    """
    from factcheck.verdict.claims import read_claim
    from factcheck.verdict.judge import judge
    from factcheck.index.retrieve import hybrid_search
    from factcheck.verdict.search import _candidates, load_aliases, shortlist_hits

    index, settings = engine.index, engine.settings
    claims = [read_claim(text) for text in queries.values()]
    vectors = engine.encoder.encode([c.words for c in claims], settings.batch_size)
    hits = hybrid_search(
        vectors,
        [c.words for c in claims],
        index.vectors(),
        index.lexical(),
        settings.candidates,
        settings.rrf_k,
        settings.lexical_weight,
    )
    aliases, orders = load_aliases(index), {"judge order": {}, "evidence, then fused": {}}
    for qid, claim, claim_hits in zip(queries, claims, hits, strict=True):
        candidates = _candidates(
            index, [shortlist_hits(claim_hits, settings.judge_candidates)]
        )[0]
        judged = judge(claim, candidates, aliases, settings).judged
        by_level = sorted(
            judged, key=lambda j: (-_LEVEL.get(str(j.evidence), 0), -j.candidate.score)
        )
        orders["judge order"][qid] = _unique([j.candidate.doc_id for j in judged])[:DEPTH]
        orders["evidence, then fused"][qid] = _unique([j.candidate.doc_id for j in by_level])[
            :DEPTH
        ]
    return orders


# --- report ----------------------------------------------------------------------------


def _line(name: str, scores: dict[str, float], extra: str = "") -> str:
    cells = " ".join(f"{scores[m]:.4f}" for m in ("MAP@1", "MAP@3", "MAP@5", "MRR", "P@1"))
    return f"  {name:<44} {cells} {extra}".rstrip()


def _header() -> str:
    return f"  {'ranking':<44} {'MAP@1':>6} {'MAP@3':>6} {'MAP@5':>6} {'MRR':>6} {'P@1':>6}"


def _recall(rankings: list[list[str]], qrels: list[set[str]]) -> float:
    return sum(bool(set(r) & g) for r, g in zip(rankings, qrels, strict=True)) / len(qrels)


def _product_lines(engine, queries: dict[str, str], qrels, orders: bool) -> None:
    rankings, rate = product_rankings(engine, queries)
    print(_line("product: search_many matches", evaluate(rankings, qrels), f"{rate:.1f} queries/s"))
    if orders:
        for name, ranked in judged_rankings(engine, queries).items():
            print(_line(f"  same candidates, {name}", evaluate(ranked, qrels)))


def _retrieval_lines(engine, queries: dict[str, str], qrels) -> None:
    ids = list(queries)
    started = time.perf_counter()
    dense, lexical = unit_runs(engine, queries, max(c for c, _, _ in FUSIONS))
    rate = len(ids) / (time.perf_counter() - started)
    row_doc = row_documents(engine)
    for name, run in (("dense only", dense), ("BM25 only", lexical)):
        docs = [documents_of(r, row_doc) for r in run]
        print(_line(name, evaluate(dict(zip(ids, docs, strict=True)), qrels)))
    for fusion in FUSIONS:
        candidates, rrf_k, weight = fusion
        mark = " (library)" if fusion == (50, 60, 1.0) else ""
        docs = fused(dense, lexical, fusion, row_doc)
        print(
            _line(
                f"fused c={candidates} rrf_k={rrf_k} bm25 w={weight}{mark}",
                evaluate(dict(zip(ids, docs, strict=True)), qrels),
            )
        )
    pools = [[row_doc[r] for r, _ in d[:50] + b[:50]] for d, b in zip(dense, lexical, strict=True)]
    gold = [qrels[q] for q in ids]
    print(
        f"  gold claim among the 50 + 50 candidates: {_recall(pools, gold):.4f}; retrieval "
        f"alone (encode, FAISS, BM25; depth 200): {rate:.1f} queries/s"
    )


def measure(engine, split: str, form: str, args: argparse.Namespace) -> None:
    """Print every ranking's figures for one split and query form."""
    tweets, qrels = load_split(split, args.limit)
    queries = {qid: query_text(text, form) for qid, text in tweets.items()}
    print(f"\n{split}: {len(queries)} tweets, query form {form!r}")
    print(_header())
    if not args.no_product:
        _product_lines(engine, queries, qrels, args.orders)
    _retrieval_lines(engine, queries, qrels)


def _machine() -> str:
    import torch

    return (
        f"{platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"torch {torch.__version__} ({torch.get_num_threads()} threads); load average "
        f"{' '.join(f'{n:.1f}' for n in os.getloadavg())} at start"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--splits", nargs="+", default=["dev", "train"], choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None, help="first N tweets per split")
    parser.add_argument("--doc-text", nargs="+", default=["vclaim"], choices=DOC_TEXTS)
    parser.add_argument("--query", nargs="+", default=["clean+author"], choices=QUERY_FORMS)
    parser.add_argument("--no-product", action="store_true", help="skip Engine.search_many")
    parser.add_argument(
        "--orders",
        action="store_true",
        help="also rank the product's judged candidates by evidence, then score",
    )
    parser.add_argument(
        "--no-rerank", action="store_true", help="product without the learned match order"
    )
    parser.add_argument("--candidates", type=int, help="Settings.candidates for the product")
    parser.add_argument("--rrf-k", type=int, help="Settings.rrf_k for the product")
    parser.add_argument(
        "--judge-candidates", type=int, help="Settings.judge_candidates for the product"
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="torch threads (1: the machine is shared; faster under load)",
    )
    args = parser.parse_args(argv)
    if not (DATA / "verified_claims.docs.tsv").exists():
        print(
            f"CheckThat! 2020 data not found at {DATA}; see ../shared/data/README.md",
            file=sys.stderr,
        )
        return 2
    logging.basicConfig(level=logging.WARNING)
    import torch

    torch.set_num_threads(args.threads)
    print(f"machine: {_machine()}")
    command = [".venv/bin/python", "benchmarks/checkthat_eval.py", *sys.argv[1:]]
    print(f"command: {' '.join(command)}")
    for doc_text in args.doc_text:
        changes = {
            "candidates": args.candidates,
            "rrf_k": args.rrf_k,
            "judge_candidates": args.judge_candidates,
            "rerank_matches": False if args.no_rerank else None,
        }
        engine = open_engine(doc_text, **{k: v for k, v in changes.items() if v is not None})
        print(
            f"\nindex: documents = {doc_text}; {engine.stats()['passages']} passages, "
            f"{engine.stats()['statements']} statements; model {engine.settings.model}; "
            f"product settings: candidates={engine.settings.candidates}, "
            f"rrf_k={engine.settings.rrf_k}, "
            f"judge_candidates={engine.settings.judge_candidates}, "
            f"rerank_matches={engine.settings.rerank_matches}"
        )
        for split in args.splits:
            for form in args.query:
                measure(engine, split, form, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
