"""The typed search result: `to_dict` is the `search --json` object, `from_dict` reads it back."""

from __future__ import annotations

import json

import pytest

from factcheck.records import Verdict
from factcheck.verdict.result import BadClaim, SearchResult

# The `search --json` object of DESIGN.md, keys in order, with `changes` and `change_summary`.
SEARCH_JSON = {
    "claim": "The call is going badly", "claimed_speaker": "Dan Scavino",
    "verdict": "altered", "partial": False, "confidence": 0.81,
    "attribution": {"speaker": "Dan Scavino", "kind": "direct", "cue": "wrote", "via": None,
                    "doc_id": "seed", "title": "Call", "url": None, "published": "2025-03-18",
                    "reviewed": False},
    "earliest": {"doc_id": "seed", "published": "2025-03-18"},
    "appearances": [{"doc_id": "seed", "published": "2025-03-18", "speaker": "Dan Scavino",
                     "via": None, "kind": "direct", "verdict": "altered"}],
    "matches": [
        {"rank": 1, "doc_id": "seed", "passage_id": "seed:s1", "text": "The call is going well",
         "start": 0, "end": 22, "score": 0.016393, "dense": 0.8123, "lexical": 3.1,
         "speaker": "Dan Scavino", "sha256": "ab" * 32,
         "diff": [["=", "The call is going"], ["-", "well"], ["+", "badly"]]}],
    "changes": ["substitution"], "change_summary": "words were substituted",
    "provenance": {"model": "all-MiniLM-L6-v2", "index_version": "v1",
                   "checked_at": "2025-03-19T10:00:00+00:00"},
}


def test_round_trip_gives_the_same_json_key_for_key_and_in_order() -> None:
    result = SearchResult.from_dict(json.loads(json.dumps(SEARCH_JSON)))
    assert result.to_dict() == SEARCH_JSON
    assert json.dumps(result.to_dict()) == json.dumps(SEARCH_JSON)
    assert list(result.to_dict()["attribution"]) == list(SEARCH_JSON["attribution"])


def test_fields_are_typed() -> None:
    result = SearchResult.from_dict(SEARCH_JSON)
    assert result.verdict is Verdict.ALTERED and result.appearances[0].verdict is Verdict.ALTERED
    assert result.top is result.matches[0] and result.top.diff[1] == ("-", "well")
    assert result.attribution.cue == "wrote" and result.earliest.published == "2025-03-18"
    assert type(result.to_dict()["verdict"]) is str


def test_nothing_found_and_keys_a_report_adds() -> None:
    empty = {**SEARCH_JSON, "verdict": "unsupported", "attribution": None, "earliest": None,
             "appearances": [], "matches": [], "changes": [], "change_summary": ""}
    result = SearchResult.from_dict({**empty, "id": "c1", "row": 3})
    assert result.top is None and result.attribution is None
    assert result.to_dict() == empty


def test_a_missing_key_is_an_error() -> None:
    with pytest.raises(KeyError):
        SearchResult.from_dict({k: v for k, v in SEARCH_JSON.items() if k != "matches"})


def test_bad_claim_as_json() -> None:
    assert BadClaim("?!", None, "no words").to_dict() == {
        "claim": "?!", "claimed_speaker": None, "error": "no words"}
