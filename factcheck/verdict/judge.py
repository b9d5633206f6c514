"""Verdict rules: word evidence first, then meaning, then the speaker.

Pure functions over retrieved candidates; the engine calls them. Each candidate is judged
alone (`judge_candidate`), then `judge` picks the finding:

1. word evidence: `verbatim` when the claim's words occur exactly (a short claim only as a
   whole unit), `altered` when the alignment ratio reaches ``settings.altered_ratio`` with at
   least ``settings.min_words_matched`` words matched; meaning: `paraphrase` when the dense
   similarity reaches ``settings.paraphrase_similarity``; else `unsupported`;
2. word evidence beats meaning; within the stronger kind of evidence a candidate credited to
   the claimed speaker wins (unless an unattributed passage has stronger words: then that
   passage's verdict), else one credited to someone else at the strongest level makes the
   claim `misattributed` (by meaning: only the closest candidate counts); a candidate without
   a speaker supports words but proves no misattribution;
3. statements are preferred over passages at the same level of evidence.

A claim joining words from two candidates (two quotes spliced) is `altered` with the change
``splice``. A changed number or negation is never `verbatim`: verbatim needs exact words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from factcheck.attribution import lexicon
from factcheck.attribution.resolve.aliases import core_name, normalise_speaker, same_speaker
from factcheck.records import Candidate, Verdict
from factcheck.settings import Settings
from factcheck.verdict.align import align
from factcheck.verdict.claims import Claim
from factcheck.verdict.types import Alignment

EVIDENCE_LEVEL = {Verdict.VERBATIM: 3, Verdict.ALTERED: 2, Verdict.PARAPHRASE: 1, Verdict.UNSUPPORTED: 0}
_WORDS = (Verdict.VERBATIM, Verdict.ALTERED)
# Speakers that name nobody (an attribution left unresolved): they cannot prove misattribution.
_UNNAMED = lexicon.pronouns("subject") | {"who", "which", "that", "this"}
_PARTY_TAG = re.compile(r"[dri]-[a-z]{2,4}|\d+")
# Candidates tried in pairs for a splice, and the run of words in order each half must match.
_SPLICE_CANDIDATES = 5
_SPLICE_HALF = 3
# Two texts joined must hold this share of the claim's words (quotes spliced are whole pieces).
_SPLICE_COVER = 0.8


@dataclass(frozen=True)
class Judged:
    """One candidate judged alone against the claim.

    ``evidence`` is the verdict from words and meaning only (speaker aside); ``verdict`` adds
    the speaker: supporting evidence credited to another speaker is `misattributed`.
    """

    candidate: Candidate
    alignment: Alignment
    verdict: Verdict
    confidence: float
    speaker_matches: bool | None
    evidence: Verdict = Verdict.UNSUPPORTED


@dataclass(frozen=True)
class Finding:
    """The verdict on a claim, with the candidate that supports it and all judged candidates."""

    verdict: Verdict
    partial: bool
    confidence: float
    best: Judged | None
    judged: tuple[Judged, ...]


def judge_candidate(
    claim: Claim, candidate: Candidate, aliases: Mapping[str, str], settings: Settings
) -> Judged:
    """Judge one candidate alone: word alignment, meaning similarity and speaker.

    Args:
        claim: the read claim.
        candidate: a retrieved passage or statement; ``candidate.dense`` is the cosine
            similarity between claim and candidate text.
        aliases: speaker alias table (see `factcheck.attribution.resolve.aliases.build_alias_table`).
        settings: the verdict thresholds.

    Returns:
        The candidate's verdict, confidence and alignment.
    """
    return _judged(claim, candidate, align(claim, candidate.text), aliases, settings)


def judge(
    claim: Claim, candidates: Sequence[Candidate], aliases: Mapping[str, str], settings: Settings
) -> Finding:
    """The verdict on a claim given the retrieved candidates.

    Args:
        claim: the read claim.
        candidates: retrieved passages and statements, each with its dense similarity.
        aliases: speaker alias table.
        settings: the verdict thresholds.

    Returns:
        The finding: verdict, partial flag, confidence, best candidate, all judged (best first).
    """
    judged = [judge_candidate(claim, c, aliases, settings) for c in candidates]
    if not any(j.evidence is Verdict.VERBATIM for j in judged):
        judged.extend(_splices(claim, judged, aliases, settings))
    ranked = sorted(judged, key=_rank, reverse=True)
    best, verdict = _choose(claim, ranked)
    if best is None:
        confidence = ranked[0].confidence if ranked else 0.95
        return Finding(Verdict.UNSUPPORTED, False, confidence, None, tuple(ranked))
    ordered = (best, *(j for j in ranked if j is not best))
    partial = best.alignment.partial and best.evidence is Verdict.VERBATIM
    confidence = best.confidence
    return Finding(verdict, partial, confidence, best, ordered)


def _judged(
    claim: Claim,
    candidate: Candidate,
    alignment: Alignment,
    aliases: Mapping[str, str],
    settings: Settings,
) -> Judged:
    """A Judged from an alignment (shared by single candidates and splices)."""
    matches = _speaker_matches(claim.speaker, candidate.speaker, aliases)
    evidence = _evidence(alignment, candidate.dense, matches, settings)
    verdict = evidence
    if evidence is not Verdict.UNSUPPORTED and matches is False:
        verdict = Verdict.MISATTRIBUTED
    confidence = _confidence(evidence, alignment, candidate.dense, settings)
    if verdict is Verdict.MISATTRIBUTED and not candidate.reviewed:
        confidence *= 0.9  # the speaker comes from automatic attribution
    return Judged(candidate, alignment, verdict, round(confidence, 4), matches, evidence)


def _speaker_matches(
    claimed: str | None, actual: str | None, aliases: Mapping[str, str]
) -> bool | None:
    """Whether the candidate's speaker is the claimed one (None when either is unknown).

    Besides `same_speaker`, a name whose words are all in the other name matches ("Cruz" and
    "Ted Cruz" even when the alias table maps "cruz" to another Cruz; "House Speaker Paul
    Ryan" and "Paul Ryan"): misattribution is only claimed when the names truly differ.
    """
    if not claimed or not actual or _unnamed(actual):
        return None
    if same_speaker(claimed, actual, aliases):
        return True
    a, b = _name_words(claimed), _name_words(actual)
    return bool(a and b and (a <= b or b <= a))


def _unnamed(speaker: str) -> bool:
    """A speaker that names nobody: a pronoun, a description ('a chorus'), a bare title."""
    words = speaker.split()
    if normalise_speaker(speaker) in _UNNAMED or not any(w[:1].isupper() for w in words):
        return True
    return len(words) == 1 and speaker.endswith(".")


def _name_words(name: str) -> set[str]:
    """The words of a name without titles and party tags ('D-Mo.')."""
    return {w for w in core_name(name).split() if not _PARTY_TAG.fullmatch(w)}


def _evidence(
    alignment: Alignment, dense: float, matches: bool | None, settings: Settings
) -> Verdict:
    """The verdict from words, then meaning; a statement of the claimed speaker needs less."""
    enough = alignment.matched >= settings.min_words_matched
    if alignment.exact and (enough or not alignment.partial):
        return Verdict.VERBATIM
    if enough and alignment.ratio >= settings.altered_ratio:
        return Verdict.ALTERED
    if dense >= settings.paraphrase_similarity:
        return Verdict.PARAPHRASE
    if matches and dense >= settings.paraphrase_similarity_same_speaker:
        return Verdict.PARAPHRASE
    return Verdict.UNSUPPORTED


def _confidence(evidence: Verdict, alignment: Alignment, dense: float, settings: Settings) -> float:
    """How sure the evidence verdict is: grows with the words matched, the ratio, the similarity.

    Verdicts from words sit above 0.55, from meaning between 0.5 and 0.9; `unsupported` is
    surest when neither words nor meaning come near their thresholds.
    """
    if evidence is Verdict.VERBATIM:
        return 0.9 + 0.1 * min(1.0, alignment.matched / 12)
    if evidence is Verdict.ALTERED:
        return 0.55 + 0.4 * _scale(alignment.ratio, settings.altered_ratio)
    if evidence is Verdict.PARAPHRASE:
        return 0.5 + 0.4 * _scale(dense, settings.paraphrase_similarity)
    near = max(
        max(dense, 0.0) / settings.paraphrase_similarity,
        alignment.ratio / settings.altered_ratio if alignment.matched else 0.0,
    )
    return 0.5 + 0.45 * (1.0 - min(1.0, near))


def _scale(value: float, threshold: float) -> float:
    """Where value sits between threshold (0) and 1 (1)."""
    if threshold >= 1.0:
        return 1.0
    return max(0.0, min(1.0, (value - threshold) / (1.0 - threshold)))


def _rank(judged: Judged) -> tuple:
    """Sort key, best first.

    Evidence level, claimed speaker, word ratio (in steps of 0.05), statements before
    passages, then scores.
    """
    return (
        EVIDENCE_LEVEL[judged.evidence],
        judged.speaker_matches is True,
        round(judged.alignment.ratio * 20) if judged.evidence in _WORDS else 0,
        judged.candidate.unit == "statement",
        judged.candidate.reviewed,
        judged.alignment.ratio,
        judged.candidate.dense,
        judged.candidate.score,
    )


def _choose(claim: Claim, ranked: list[Judged]) -> tuple[Judged | None, Verdict]:
    """The supporting candidate and the claim's verdict (rules in the module docstring)."""
    support = [j for j in ranked if j.evidence is not Verdict.UNSUPPORTED]
    if not support:
        return None, Verdict.UNSUPPORTED
    words = support[0].evidence in _WORDS
    group = [j for j in support if (j.evidence in _WORDS) == words]
    if not claim.speaker:
        return group[0], group[0].evidence
    top = [j for j in group if j.evidence is group[0].evidence]
    matching = [j for j in group if j.speaker_matches]
    if matching:
        # The claimed speaker's statement, unless an unattributed passage has stronger words
        # (a statement cut short by the attribution stage, the whole quote in its passage).
        stronger = [j for j in top if j.speaker_matches is None and words]
        best = matching[0] if matching[0] in top or not stronger else stronger[0]
        return best, best.evidence
    if not words:  # by meaning, only the closest statement can show who said it
        top = sorted(group, key=lambda j: j.candidate.dense, reverse=True)[:1]
    for j in top:
        if j.speaker_matches is False:
            return j, Verdict.MISATTRIBUTED
    return top[0], top[0].evidence


def _splices(
    claim: Claim, judged: list[Judged], aliases: Mapping[str, str], settings: Settings
) -> list[Judged]:
    """Judged pairs of candidates whose texts together hold the claim's words (a splice)."""
    halves = sorted(judged, key=lambda j: j.alignment.matched, reverse=True)
    halves = [j for j in halves[:_SPLICE_CANDIDATES] if _longest_run(j.alignment) >= _SPLICE_HALF]
    found = []
    for one, two in combinations(halves, 2):
        together = one.alignment.matched + two.alignment.matched
        if together < settings.altered_ratio * one.alignment.claim_words:
            continue  # even joined, these two cannot hold enough of the claim's words
        first, second = sorted((one.candidate, two.candidate), key=lambda c: (c.doc_id, c.start))
        if first.doc_id == second.doc_id and first.end >= second.start:
            continue  # overlapping units (a statement inside its passage): not two places
        joined = align(claim, f"{first.text}\n{second.text}")
        if joined.matched <= max(one.alignment.matched, two.alignment.matched) or (
            joined.ratio < max(settings.altered_ratio, _SPLICE_COVER)
        ):
            continue  # joining adds nothing, or words scattered over two texts by chance
        cut = len(first.text)
        alignment = replace(joined, start=min(joined.start, cut), end=min(joined.end, cut))
        if not _adjacent(first, second):
            changes = tuple(dict.fromkeys(("splice", *joined.changes)))
            alignment = replace(alignment, changes=changes, exact=False, partial=False)
        dense = max(one.candidate.dense, two.candidate.dense)
        judged_pair = _judged(claim, replace(first, dense=dense), alignment, aliases, settings)
        if judged_pair.evidence in _WORDS:
            found.append(judged_pair)
    return found


def _longest_run(alignment: Alignment) -> int:
    """The longest run of claim words found in order in the source."""
    return max((len(words.split()) for op, words in alignment.diff if op == "="), default=0)


def _adjacent(first: Candidate, second: Candidate) -> bool:
    """Whether two units of one document follow each other (consecutive sentences)."""
    return first.doc_id == second.doc_id and 0 <= second.start - first.end <= 3
