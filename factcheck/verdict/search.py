"""Claim search: read the claim, retrieve candidates, judge them, build the result.

The result is a `SearchResult` (`factcheck.verdict.result`); its `to_dict()` is the
`factcheck search --json` object of DESIGN.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import lru_cache

import numpy as np

from factcheck.index.embed import Encoder, encode_ahead
from factcheck.index.folder import SourceIndex
from factcheck.index.retrieve import Hit, hybrid_search
from factcheck.records import Candidate, Verdict
from factcheck.verdict.changekinds import describe_changes
from factcheck.verdict.claims import Claim
from factcheck.verdict.judge import Finding, Judged, judge
from factcheck.verdict.rank import content_words, dice, match_score
from factcheck.verdict.result import (
    Appearance,
    Attribution,
    Earliest,
    Match,
    Provenance,
    SearchResult,
)
from factcheck.verdict.review import apply_reviews


def search_claims(claims: Sequence[Claim], index: SourceIndex, encoder: Encoder, k: int
                  ) -> list[SearchResult]:
    """Check claims against the index, embedding them in batches.

    Args:
        claims: claims already read (see `factcheck.verdict.claims.read_claim`).
        index: the open index folder.
        encoder: the model the index was built with.
        k: how many documents to list under `matches`.

    Returns:
        One result object per claim, in order.
    """
    # Claims of similar length are encoded together: a batch is padded to its longest claim.
    order = sorted(range(len(claims)), key=lambda n: len(claims[n].words))
    by_length = [claims[n] for n in order]
    batches = [by_length[start:start + BATCH_CLAIMS]
               for start in range(0, len(claims), BATCH_CLAIMS)]
    aliases = load_aliases(index)
    found: list[SearchResult] = []
    for batch, vectors in encode_ahead(encoder, batches, _queries,
                                       index.settings.batch_size):
        found += _search_batch(batch, vectors, index, aliases, k)
    by_claim = dict(zip(order, found, strict=True))
    return [by_claim[n] for n in range(len(claims))]


# Claims embedded, retrieved and read from SQLite together (one IN (...) list per table).
BATCH_CLAIMS = 64


def _queries(batch: Sequence[Claim]) -> list[str]:
    return [query_text(claim) for claim in batch]


def query_text(claim: Claim) -> str:
    """What is searched for a claim: its words, then the claimed speaker's name (sources
    name who said it; CheckThat! 2020 MAP@5 with the tweet's author added: see
    benchmarks/results/checkthat.txt). The words alone are aligned and judged."""
    return f"{claim.words} {claim.speaker}" if claim.speaker else claim.words


def _search_batch(claims: Sequence[Claim], vectors: np.ndarray, index: SourceIndex,
                  aliases: dict[str, str], k: int) -> list[SearchResult]:
    settings = index.settings
    hits = hybrid_search(vectors, [query_text(claim) for claim in claims], index.vectors(),
                         index.lexical(), settings.candidates)
    texts = index.store.texts_of_rows(list({hit.row for found in hits for hit in found}))
    chosen = [shortlist_hits(scored_hits(query_text(claim), found, texts),
                             settings.judge_candidates)
              for claim, found in zip(claims, hits, strict=True)]
    results = []
    for claim, candidates in zip(claims, _candidates(index, chosen), strict=True):
        finding = judge(claim, candidates, aliases, settings)
        results.append(_result(claim, finding, index, k))
    return results


def scored_hits(words: str, hits: Sequence[Hit], texts: dict[int, str]) -> list[Hit]:
    """The hits of one claim, each scored by `factcheck.verdict.rank.match_score` (the mean
    of its cosine and its word overlap with the claim), best first.

    Args:
        words: the claim's words.
        hits: the dense and BM25 candidates (each with its cosine in `dense`).
        texts: the text of each hit's row.
    """
    claim = _words(words)
    scored = [replace(hit, score=match_score([hit.dense], dice(claim, _words(texts[hit.row]))))
              for hit in hits if texts.get(hit.row) is not None]
    return sorted(scored, key=lambda hit: -hit.score)


@lru_cache(maxsize=65_536)
def _words(text: str) -> frozenset[str]:
    return content_words(text)


def shortlist_hits(hits: Sequence[Hit], size: int) -> list[Hit]:
    """The hits worth reading and a word alignment: the best by BM25 score (a third of
    `size`) and by score (the rest), `size` in all, best score first.

    Word alignment is the costly step of judging. The score (cosine and word overlap) puts
    the closest meaning at the top, but a short quote inside a long passage overlaps
    little of the passage's words: BM25 finds it (2 of 60 sub-span quotes of the verdict set
    were missed by the score alone, benchmarks/verdict_eval.py).
    """
    by_score = sorted(hits, key=lambda hit: -hit.score)
    by_words = sorted(hits, key=lambda hit: -hit.lexical)[:max(1, size // 3)]
    chosen = {hit.row: hit for hit in by_words if hit.lexical > 0}
    for hit in by_score:
        if len(chosen) >= size:
            break
        chosen.setdefault(hit.row, hit)
    return sorted(chosen.values(), key=lambda hit: -hit.score)


def load_aliases(index: SourceIndex) -> dict[str, str]:
    """The alias table: normalised alias -> full speaker name."""
    return dict(index.store.db.execute("SELECT alias, name FROM aliases").fetchall())


def _candidates(index: SourceIndex, hits: Sequence[Sequence[Hit]]) -> list[list[Candidate]]:
    """The candidates of several claims, read from the store in one go per table."""
    units = index.store.units(list({hit.row for claim_hits in hits for hit in claim_hits}))
    passage_ids = [uid for kind, uid in units.values() if kind == "passage"]
    statement_ids = [uid for kind, uid in units.values() if kind == "statement"]
    passages = index.store.passages(passage_ids) if passage_ids else {}
    statements = {s.id: s for s in apply_reviews(
        index.store, index.store.statements(ids=statement_ids))} if statement_ids else {}
    return [_claim_candidates(claim_hits, units, passages, statements) for claim_hits in hits]


def _claim_candidates(hits: Sequence[Hit], units: dict, passages: dict, statements: dict
                      ) -> list[Candidate]:
    candidates = []
    for hit in hits:
        kind, uid = units[hit.row]
        unit = passages.get(uid) if kind == "passage" else statements.get(uid)
        if unit is None:  # a statement a reviewer rejected
            continue
        candidates.append(Candidate(
            unit_id=uid, unit=kind, doc_id=unit.doc_id, text=unit.text, start=unit.start,
            end=unit.end, score=hit.score, dense=hit.dense, lexical=hit.lexical,
            speaker=getattr(unit, "speaker", None), via=getattr(unit, "via", None),
            kind=str(unit.kind) if kind == "statement" else None,
            cue=unit.cue.text if kind == "statement" and unit.cue else None,
            reviewed=getattr(unit, "reviewed", False)))
    return candidates


def _result(claim: Claim, finding: Finding, index: SourceIndex, k: int) -> SearchResult:
    supporting = [j for j in finding.judged if j.verdict != Verdict.UNSUPPORTED]
    shown = _best_per_document(match_order(finding))[:k]
    docs = index.store.documents_meta({j.candidate.doc_id for j in [*shown, *supporting]})
    appearances = _appearances(supporting, docs)
    best = finding.best
    return SearchResult(
        claim=claim.text,
        claimed_speaker=claim.speaker,
        verdict=finding.verdict,
        partial=bool(finding.partial),
        confidence=round(float(finding.confidence), 3),
        attribution=_attribution(best, docs) if best and supporting else None,
        earliest=(Earliest(appearances[0].doc_id, appearances[0].published)
                  if appearances else None),
        appearances=appearances,
        matches=tuple(_match(rank, j) for rank, j in enumerate(shown, start=1)),
        changes=tuple(best.alignment.changes) if best and supporting else (),
        change_summary=(describe_changes(best.alignment.changes)
                        if best and finding.verdict == Verdict.ALTERED else ""),
        provenance=Provenance(index.settings.model, index.version,
                              datetime.now(UTC).isoformat(timespec="seconds")),
    )


def match_order(finding: Finding) -> list[Judged]:
    """The judged candidates in the order `matches` lists them, best first.

    A candidate supporting the verdict by its words (verbatim, altered) comes first; the
    rest follow by score, the unweighted mean of cosine and word overlap
    (`factcheck.verdict.rank`; CheckThat! figures in benchmarks/results/checkthat.txt).

    Args:
        finding: the verdict and the judged candidates of one claim.

    Returns:
        Every judged candidate of `finding`, in the order `matches` shows them.
    """
    best = finding.best
    ranked = sorted(finding.judged, key=lambda j: -j.candidate.score)
    if best is not None and best.evidence in (Verdict.VERBATIM, Verdict.ALTERED):
        return [best, *(j for j in ranked if j is not best)]
    return ranked


def _best_per_document(judged: list[Judged]) -> list[Judged]:
    best: dict[str, Judged] = {}
    for item in judged:
        best.setdefault(item.candidate.doc_id, item)
    return list(best.values())


def _appearances(supporting: list[Judged], docs: dict[str, dict]) -> tuple[Appearance, ...]:
    rows = []
    for item in _best_per_document(supporting):
        c, doc = item.candidate, docs.get(item.candidate.doc_id, {})
        rows.append(Appearance(c.doc_id, doc.get("published"), c.speaker, c.via, c.kind,
                               item.verdict))
    return tuple(sorted(rows, key=lambda row: (row.published is None, row.published or "")))


def _attribution(best: Judged, docs: dict[str, dict]) -> Attribution:
    c, doc = best.candidate, docs.get(best.candidate.doc_id, {})
    return Attribution(speaker=c.speaker, kind=c.kind, cue=c.cue, via=c.via, doc_id=c.doc_id,
                       title=doc.get("title"), url=doc.get("url"),
                       published=doc.get("published"), reviewed=bool(c.reviewed))


def _match(rank: int, item: Judged) -> Match:
    c = item.candidate
    return Match(rank=rank, doc_id=c.doc_id, passage_id=c.unit_id, text=c.text, start=c.start,
                 end=c.end, score=round(c.score, 6), dense=round(c.dense, 4),
                 lexical=round(c.lexical, 4), speaker=c.speaker,
                 sha256=hashlib.sha256(c.text.encode("utf-8")).hexdigest(),
                 diff=tuple((op, words) for op, words in item.alignment.diff))
