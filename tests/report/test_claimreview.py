"""schema.org ClaimReview JSON-LD: field names, types and the rating scale."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from factcheck.presentation import explain
from factcheck.records import Verdict
from factcheck.report.claimreview import RATINGS, claim_review, is_organisation
from factcheck.settings import Settings
from factcheck.verdict.result import SearchResult

RESULT = SearchResult.from_dict({
    "claim": "The call is going well and still in progress",
    "claimed_speaker": "Dan Scavino", "verdict": "verbatim", "partial": True, "confidence": 0.97,
    "attribution": {"speaker": "Dan Scavino", "kind": "direct", "cue": "wrote", "via": None,
                    "doc_id": "seed", "title": "Trump and Putin talk",
                    "url": "https://example.org/seed", "published": "2025-03-18",
                    "reviewed": False},
    "earliest": {"doc_id": "seed", "published": "2025-03-18"},
    "appearances": [
        {"doc_id": "seed", "published": "2025-03-18", "speaker": "Dan Scavino", "via": None,
         "kind": "direct", "verdict": "verbatim"},
        {"doc_id": "later", "published": "2025-03-19", "speaker": "the White House",
         "via": None, "kind": "indirect", "verdict": "paraphrase"},
    ],
    "matches": [],
    "provenance": {"model": "m", "index_version": "1", "checked_at": "2025-03-19T10:00:00Z"},
})
SETTINGS = Settings(organisation="Desk", organisation_url="https://desk.example.org")


def test_claim_review_fields_and_types() -> None:
    review = claim_review(RESULT, SETTINGS, today=date(2025, 3, 20), claim_id="c1")
    json.dumps(review)  # serialisable
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == RESULT.claim and review["identifier"] == "c1"
    assert review["datePublished"] == "2025-03-20" and review["url"] == SETTINGS.organisation_url
    assert review["author"] == {"@type": "Organization", "name": "Desk",
                                "url": "https://desk.example.org"}
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"] == "verbatim"
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (5, 5, 1)
    assert all(isinstance(rating[k], int) for k in ("ratingValue", "bestRating", "worstRating"))
    assert rating["reviewAspect"] == "attribution"
    assert "part of a longer quote" in rating["ratingExplanation"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["datePublished"] == "2025-03-18"
    assert item["author"] == {"@type": "Person", "name": "Dan Scavino"}
    assert [a["identifier"] for a in item["appearance"]] == ["seed", "later"]
    assert item["appearance"][0]["@type"] == "CreativeWork"
    assert item["appearance"][0]["url"] == "https://example.org/seed"
    assert "url" not in item["appearance"][1]
    assert item["appearance"][1]["author"]["@type"] == "Organization"
    assert item["firstAppearance"]["identifier"] == "seed"
    assert item["firstAppearance"]["datePublished"] == "2025-03-18"


def test_unsupported_without_speaker_or_organisation_url() -> None:
    result = SearchResult.from_dict({
        "claim": "Nothing like it", "claimed_speaker": None, "verdict": "unsupported",
        "partial": False, "confidence": 0.0, "attribution": None, "earliest": None,
        "appearances": [], "matches": [],
        "provenance": {"model": "m", "index_version": "1", "checked_at": "x"}})
    review = claim_review(result, Settings())
    assert "identifier" not in review
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["reviewRating"]["ratingExplanation"].startswith("Nothing")
    assert "url" not in review and "url" not in review["author"]
    assert review["author"]["name"] == Settings().organisation
    assert review["itemReviewed"] == {"@type": "Claim", "appearance": []}
    assert review["datePublished"] == date.today().isoformat()


@pytest.mark.parametrize(("verdict", "words"), [
    ("altered", "a word was changed"), ("paraphrase", "other words"),
    ("misattributed", "not Vladimir Putin"),
])
def test_explanations_name_what_happened(verdict: str, words: str) -> None:
    result = replace(RESULT, verdict=Verdict(verdict), claimed_speaker="Vladimir Putin",
                     change_summary="a word was changed")
    assert words in explain(result)
    assert claim_review(result, SETTINGS)["reviewRating"]["ratingValue"] == RATINGS[verdict]


def test_scale_is_ordered_and_complete() -> None:
    assert list(RATINGS) == ["verbatim", "paraphrase", "altered", "misattributed", "unsupported"]
    assert sorted(RATINGS.values(), reverse=True) == list(RATINGS.values()) == [5, 4, 3, 2, 1]


@pytest.mark.parametrize(("name", "org"), [
    ("the Kremlin", True), ("Kremlin", True), ("White House", True), ("Bloomberg", True),
    ("Russian Foreign Ministry", True), ("Dan Scavino", False), ("Vladimir Putin", False),
    ("Kim Jong Un", False),
])
def test_person_or_organisation(name: str, org: bool) -> None:
    assert is_organisation(name) is org
