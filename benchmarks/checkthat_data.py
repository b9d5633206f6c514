"""The CheckThat! claim-retrieval sets, their measures and folds grouped by claim (pure parts).

Two sets (see ../shared/data/README.md; the sealed test splits are never read):

- `2020`: CLEF 2020 CheckThat! Task 2, tweets -> 10,375 Snopes claims (vclaim, title);
- `2021-2b`: CLEF 2021 Task 2B, sentences of US debates -> 19,250 PolitiFact checks.

Measures follow the official scorer (trectools): MAP@k and P@1 over the ranking cut at k,
AP divided by the number of relevant claims; MRR over the first 10 documents.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = ("2020", "2021-2b")
_FOLDERS = {"2020": DATA / "checkthat2020", "2021-2b": DATA / "checkthat2021-2b"}
DEPTH = 10  # documents kept per ranking (MRR@10; MAP@5 needs 5)
FOLDS = 5
QUERY_FORMS = ("raw", "clean", "clean+author")

Ranking = list[str]


@dataclass(frozen=True)
class VerifiedClaim:
    """One fact-checked claim: its id, its words and the title of the check."""

    id: str
    claim: str
    title: str


@dataclass(frozen=True)
class Split:
    """Queries (id -> text) and their relevant verified claims (id -> claim ids)."""

    queries: dict[str, str]
    qrels: dict[str, set[str]]


# --- measures --------------------------------------------------------------------------


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


# --- folds grouped by claim ------------------------------------------------------------


def claim_folds(qrels: dict[str, set[str]], folds: int = FOLDS) -> dict[str, int]:
    """A fold number per query; queries sharing a relevant claim are always in one fold.

    Queries are joined into groups through the claims they share (connected components);
    each group goes to the fold given by a hash of its smallest claim id, so the folds do
    not depend on the order of the file.
    """
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for qid, claims in qrels.items():
        for claim in claims:
            parent[root(f"q:{qid}")] = root(f"c:{claim}")
    groups: dict[str, list[str]] = {}
    for qid in qrels:
        groups.setdefault(root(f"q:{qid}"), []).append(qid)
    fold_of = {}
    for members in groups.values():
        key = min(min(qrels[q]) if qrels[q] else q for q in members)
        fold = int(hashlib.sha1(key.encode()).hexdigest(), 16) % folds
        fold_of.update(dict.fromkeys(members, fold))
    return fold_of


# --- tweet cleaning (the benchmark's query forms) --------------------------------------

_TAG = re.compile(r"[#@](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)")


def tweet_author(text: str) -> str | None:
    """The display name in a tweet's `— Name (@handle) Month D, YYYY` signature, if any
    (as the product's claim reader finds it)."""
    from factcheck.verdict.claims import split_post_signature

    return split_post_signature(text)[1]


def clean_tweet(text: str, keep_author: bool = False) -> str:
    """A tweet as a search query: the claim reader's words (signature and links dropped),
    and #/@ marks dropped, tags split into words.

    Args:
        text: the tweet as embedded (`… pic.twitter.com/x — Name (@handle) May 1, 2020`).
        keep_author: append the author's display name (tweets often quote their author).

    Returns:
        The words of the tweet; `#DefundTheCBC` becomes `Defund The CBC`.
    """
    from factcheck.verdict.claims import split_post_signature

    words, author = split_post_signature(text)
    author = author if keep_author else None
    words = _TAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)) + " ", words)
    words = " ".join(words.replace("\xa0", " ").split()).rstrip(" —–-")
    if author:
        words = f"{words} {author}".strip()
    return words or " ".join(text.split())


def query_text(text: str, form: str) -> str:
    """The query for one tweet in one of QUERY_FORMS (`raw`: as pasted, white space tidied)."""
    if form == "raw":
        return " ".join(text.split())
    if form in ("clean", "clean+author"):
        return clean_tweet(text, keep_author=form == "clean+author")
    raise ValueError(f"unknown query form {form!r}; valid: {', '.join(QUERY_FORMS)}")


# --- reading the sets ------------------------------------------------------------------


def folder(name: str) -> Path:
    """The data folder of a set."""
    if name not in _FOLDERS:
        raise ValueError(f"unknown CheckThat! set {name!r}; valid: {', '.join(SETS)}")
    return _FOLDERS[name]


def splits_of(name: str) -> tuple[str, ...]:
    """The splits a set has here (never its test split)."""
    folder(name)
    return ("train", "dev")


def verified_claims(name: str) -> list[VerifiedClaim]:
    """The verified claims of a set, in file order."""
    if name == "2020":
        rows = _tsv(folder(name) / "verified_claims.docs.tsv")[1:]
        return [VerifiedClaim(row[0], row[1].strip(), row[2].strip()) for row in rows]
    claims = []
    with (folder(name) / "politifact-vclaims.meta.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            claims.append(VerifiedClaim(row["vclaim_id"], row["vclaim"].strip(),
                                        row["title"].strip()))
    return claims


def load_split(name: str, split: str, limit: int | None = None) -> Split:
    """The queries and qrels of one split of a set (the first `limit` queries)."""
    if split not in splits_of(name):
        raise ValueError(f"unknown split {split!r}; valid: {', '.join(splits_of(name))}")
    if name == "2020":
        queries = dict(row[:2] for row in _tsv(folder(name) / split / "tweets.queries.tsv")[1:])
        qrels_path = folder(name) / split / "tweet-vclaim-pairs.qrels"
    else:
        qrels_path = folder(name) / "train-dev" / f"{split}.tsv"
        wanted = {line.split()[0] for line in qrels_path.read_text().splitlines() if line}
        queries = {row[0]: row[1].strip()
                   for row in _tsv(folder(name) / "train-dev" / "iclaims.queries")
                   if row[0] in wanted}
    queries = dict(list(queries.items())[:limit])
    qrels: dict[str, set[str]] = {}
    for line in qrels_path.read_text().splitlines():
        if not line.strip():
            continue
        query_id, _, claim_id, relevance = line.split()
        if query_id in queries and int(relevance) > 0:
            qrels.setdefault(query_id, set()).add(claim_id)
    return Split({q: t for q, t in queries.items() if q in qrels}, qrels)


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t"))
