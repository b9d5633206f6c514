"""Verdicts on the seed article with the real model and index (issue 4's seed cases)."""

import pytest

from factcheck.errors import BadInputError

pytestmark = pytest.mark.slow

SCAVINO = "The call is going well and still in progress"


@pytest.fixture(scope="module")
def engine(seed_index_dir):
    from factcheck.engine import Engine
    from factcheck.settings import Settings

    return Engine.open(Settings(index_dir=seed_index_dir))


def test_verbatim_without_and_with_the_speaker(engine):
    for claim, speaker in ((SCAVINO, None), (SCAVINO, "Dan Scavino"),
                           (f"“{SCAVINO},” Dan Scavino wrote", None), (f"{SCAVINO} — Scavino", None)):
        result = engine.search(claim, speaker)
        assert result["verdict"] == "verbatim", claim
        assert result["attribution"]["speaker"] == "Dan Scavino"
        assert result["attribution"]["kind"] == "direct"
        assert result["attribution"]["cue"] == "wrote"


def test_credited_to_someone_else_is_misattributed(engine):
    result = engine.search(SCAVINO, "Donald Trump")
    assert result["verdict"] == "misattributed"
    assert result["attribution"]["speaker"] == "Dan Scavino"
    assert result["claimed_speaker"] == "Donald Trump"


def test_one_word_changed_is_altered_with_its_diff(engine):
    result = engine.search("The call is going badly and still in progress")
    assert result["verdict"] == "altered"
    assert ["-", "well"] in result["matches"][0]["diff"]
    assert ["+", "badly"] in result["matches"][0]["diff"]


def test_changed_number_is_altered_never_verbatim(engine):
    result = engine.search("Russia and Ukraine will swap 170 prisoners of war")
    assert result["verdict"] == "altered"
    assert "number" in result["changes"]
    assert "number" in result["change_summary"]


def test_paraphrase_of_putins_demand(engine):
    result = engine.search("Putin demanded a stop to weapons deliveries to Ukraine before any "
                           "ceasefire", "Vladimir Putin")
    assert result["verdict"] == "paraphrase"
    assert result["attribution"]["speaker"] == "Vladimir Putin"
    assert result["attribution"]["via"] == "Bloomberg"


def test_nothing_supports_it(engine):
    result = engine.search("Zelenskyy agreed to give up Crimea")
    assert result["verdict"] == "unsupported"
    assert result["attribution"] is None and result["appearances"] == []


def test_partial_quote_is_verbatim_and_partial(engine):
    result = engine.search("The call is going well", "Dan Scavino")
    assert result["verdict"] == "verbatim"
    assert result["partial"] is True


def test_provenance_trail(engine):
    result = engine.search(SCAVINO)
    assert result["appearances"][0]["doc_id"] == "trump-putin-ceasefire-call"
    assert result["appearances"][0]["verdict"] == "verbatim"
    assert len(result["matches"][0]["sha256"]) == 64


@pytest.mark.parametrize("claim", ["Crimea", "Путин заявил, что звонок прошёл хорошо",
                                   " ".join(["ceasefire talks"] * 150)])
def test_odd_claims_get_a_clear_answer_never_false_verbatim(engine, claim):
    assert engine.search(claim)["verdict"] in {"unsupported", "paraphrase"}


@pytest.mark.parametrize("claim", ["?!…", "— Dan Scavino", "", "word " * 10_000])
def test_unusable_claims_are_refused(engine, claim):
    with pytest.raises(BadInputError):
        engine.search(claim)
