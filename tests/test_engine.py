"""The engine as the UI and notebooks use it: timeline, reviews overriding the machine."""

from dataclasses import replace

import pytest

from factcheck.engine import Engine
from factcheck.errors import BadInputError
from factcheck.records import Document
from factcheck.sources.read import content_sha256
from factcheck.verdict.result import BadClaim, Earliest

pytestmark = pytest.mark.slow  # the attribution stage loads spaCy

QUOTE = "We will rebuild every bridge in the valley before winter"
LATER = f'Governor Ann Marsh spoke on Monday. "{QUOTE}," Marsh said at the press conference.'
EARLIER = f'Ann Marsh addressed the council. "{QUOTE}," she told reporters in the morning.'


def _doc(doc_id: str, text: str, published: str) -> Document:
    return Document(id=doc_id, text=text, sha256=content_sha256(text), published=published,
                    title=f"Story {doc_id}")


@pytest.fixture
def engine(hash_settings) -> Engine:
    engine = Engine.open(hash_settings)
    engine.ingest_documents([_doc("later", LATER, "2024-05-02"),
                             _doc("earlier", EARLIER, "2024-05-01")])
    return engine


def test_appearances_are_oldest_first_and_earliest_is_named(engine):
    result = engine.search(QUOTE)
    assert result.verdict == "verbatim"
    assert [a.doc_id for a in result.appearances] == ["earlier", "later"]
    assert result.earliest == Earliest("earlier", "2024-05-01")
    assert {a.speaker for a in result.appearances} == {"Ann Marsh"}


def test_correction_overrides_search_and_quotes_and_can_be_undone(engine):
    statement = next(s for s in engine.quotes(doc_id="later") if QUOTE in s.text)
    engine.review(statement.id, "editor-1", "correct", "Bob Stone")
    assert engine.search(QUOTE, "Bob Stone", k=5).appearances[-1].speaker == "Bob Stone"
    reviewed = next(s for s in engine.quotes(doc_id="later") if s.id == statement.id)
    assert (reviewed.speaker, reviewed.reviewed) == ("Bob Stone", True)
    assert engine.quotes(speaker="Stone")[0].id == statement.id
    engine.undo_review(statement.id, "editor-2")
    restored = next(s for s in engine.quotes(doc_id="later") if s.id == statement.id)
    assert (restored.speaker, restored.reviewed) == ("Ann Marsh", False)
    actions = [row["action"] for row in engine.review_history(statement.id)]
    assert actions == ["correct", "undo"]


def test_rejected_statement_leaves_search_but_stays_in_history(engine):
    for statement in engine.quotes():
        engine.review(statement.id, "editor-1", "reject")
    assert engine.quotes() == []
    assert len(engine.quotes(include_rejected=True)) >= 2
    result = engine.search(QUOTE)
    assert all(m.passage_id.split(":")[-1].startswith("p") for m in result.matches)


def test_review_needs_a_reviewer_and_a_known_statement(engine):
    statement = engine.quotes()[0]
    with pytest.raises(BadInputError, match="reviewer is required"):
        engine.review(statement.id, " ", "confirm")
    with pytest.raises(BadInputError, match="no statement"):
        engine.review("nope:s1", "editor", "confirm")
    with pytest.raises(BadInputError, match="not one of"):
        engine.review(statement.id, "editor", "delete")
    with pytest.raises(BadInputError, match="speaker is required"):
        engine.review(statement.id, "editor", "correct", "")


def test_two_reviewers_on_separate_connections_both_kept(engine, hash_settings):
    other = Engine.open(hash_settings)
    first, second = engine.quotes()[:2]
    engine.review(first.id, "ann", "confirm")
    other.review(second.id, "bob", "correct", "Someone Else")
    states = engine.review_states([first.id, second.id])
    assert states == {first.id: "confirm", second.id: "correct"}


def test_search_many_over_several_batches_keeps_claim_order(engine):
    # More claims than one encoding batch: the next batch is encoded while this one is judged.
    claims = [(f"{QUOTE} number {n}" if n % 3 else QUOTE, None) for n in range(150)]
    results = engine.search_many(claims)
    assert [r.claim for r in results] == [text for text, _ in claims]
    assert [r.verdict for r in results[:3]] == ["verbatim", "altered", "altered"]
    assert results[149] == replace(engine.search(claims[149][0]),
                                   provenance=results[149].provenance)


def test_search_many_gives_a_bad_claim_for_each_unusable_claim(engine):
    results = engine.search_many([("?!", "Ann Marsh"), (QUOTE, None)])
    assert results[0] == BadClaim("?!", "Ann Marsh", results[0].error)
    assert "punctuation" in results[0].error and results[1].verdict == "verbatim"
