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
        assert result.verdict == "verbatim", claim
        assert result.attribution.speaker == "Dan Scavino"
        assert result.attribution.kind == "direct"
        assert result.attribution.cue == "wrote"


def test_credited_to_someone_else_is_misattributed(engine):
    result = engine.search(SCAVINO, "Donald Trump")
    assert result.verdict == "misattributed"
    assert result.attribution.speaker == "Dan Scavino"
    assert result.claimed_speaker == "Donald Trump"


def test_one_word_changed_is_altered_with_its_diff(engine):
    result = engine.search("The call is going badly and still in progress")
    assert result.verdict == "altered"
    assert ("-", "well") in result.matches[0].diff
    assert ("+", "badly") in result.matches[0].diff


def test_changed_number_is_altered_never_verbatim(engine):
    result = engine.search("Russia and Ukraine will swap 170 prisoners of war")
    assert result.verdict == "altered"
    assert "number" in result.changes
    assert "number" in result.change_summary


def test_paraphrase_of_putins_demand(engine):
    result = engine.search("Putin demanded a stop to weapons deliveries to Ukraine before any "
                           "ceasefire", "Vladimir Putin")
    assert result.verdict == "paraphrase"
    assert result.attribution.speaker == "Vladimir Putin"
    assert result.attribution.via == "Bloomberg"


def test_nothing_supports_it(engine):
    result = engine.search("Zelenskyy agreed to give up Crimea")
    assert result.verdict == "unsupported"
    assert result.attribution is None and result.appearances == ()


def test_partial_quote_is_verbatim_and_partial(engine):
    result = engine.search("The call is going well", "Dan Scavino")
    assert result.verdict == "verbatim"
    assert result.partial is True


def test_provenance_trail(engine):
    result = engine.search(SCAVINO)
    assert result.appearances[0].doc_id == "trump-putin-ceasefire-call"
    assert result.appearances[0].verdict == "verbatim"
    assert len(result.matches[0].sha256) == 64


@pytest.mark.parametrize("claim", ["Crimea", "Путин заявил, что звонок прошёл хорошо",
                                   " ".join(["ceasefire talks"] * 150)])
def test_odd_claims_get_a_clear_answer_never_false_verbatim(engine, claim):
    assert engine.search(claim).verdict in {"unsupported", "paraphrase"}


@pytest.mark.parametrize("claim", ["?!…", "— Dan Scavino", "", "word " * 10_000])
def test_unusable_claims_are_refused(engine, claim):
    with pytest.raises(BadInputError):
        engine.search(claim)


def _judged_for(claim, text: str, doc_id: str, dense: float, score: float):
    from factcheck.verdict.judge import judge_candidate
    from factcheck.records import Candidate
    from factcheck.settings import Settings

    candidate = Candidate(unit_id=f"{doc_id}-p", unit="passage", doc_id=doc_id, text=text,
                          start=0, end=len(text), score=score, dense=dense, lexical=1.0)
    return judge_candidate(claim, candidate, {}, Settings())


def test_match_order_keeps_word_evidence_first_and_learns_the_rest():
    from factcheck.verdict.claims import read_claim
    from factcheck.verdict.judge import Finding
    from factcheck.records import Verdict
    from factcheck.verdict.search import match_order

    claim = read_claim("The call is going badly and still in progress")
    altered = _judged_for(claim, "The call is going well and still in progress", "a", 0.7, 0.01)
    near = _judged_for(claim, "The phone call with the president is still going on", "b",
                       0.6, 0.09)
    far = _judged_for(claim, "Prisoner exchange of 175 soldiers", "c", 0.1, 0.1)
    assert altered.evidence is Verdict.ALTERED
    assert near.evidence is far.evidence is Verdict.UNSUPPORTED
    finding = Finding(Verdict.ALTERED, False, 0.8, altered, (altered, near, far))
    assert match_order(finding, claim.words)[0] is altered
    assert match_order(finding, claim.words, learned=False) == [altered, far, near]
    # With no word evidence the learned order decides: the close meaning before the far one.
    weak = Finding(Verdict.UNSUPPORTED, False, 0.9, None, (far, near))
    assert match_order(weak, claim.words) == [near, far]
    assert match_order(weak, claim.words, learned=False) == [far, near]  # fused score


def test_matches_follow_the_settings_switch(seed_index_dir):
    from factcheck.engine import Engine
    from factcheck.settings import Settings

    claim = "Putin wants weapons deliveries to Kyiv to end"
    learned = Engine.open(Settings(index_dir=seed_index_dir)).search(claim)
    plain = Engine.open(Settings(index_dir=seed_index_dir, rerank_matches=False)).search(claim)
    assert learned.verdict == plain.verdict
    assert learned.attribution == plain.attribution
    assert learned.appearances == plain.appearances
    assert [m.doc_id for m in learned.matches] == [m.doc_id for m in plain.matches]


def test_shortlist_hits_keeps_the_best_by_fused_rank_shared_words_and_meaning():
    from factcheck.index.retrieve import Hit
    from factcheck.verdict.search import shortlist_hits

    # Fused order 0..19; row 18 has the top BM25 score, row 19 the top cosine.
    hits = [Hit(row=n, score=1.0 - n / 100, dense=0.1, lexical=1.0) for n in range(18)]
    hits += [Hit(row=18, score=0.5, dense=0.1, lexical=9.0),
             Hit(row=19, score=0.4, dense=0.9, lexical=0.0)]
    chosen = shortlist_hits(hits, 6)
    rows = [hit.row for hit in chosen]
    assert len(rows) == 6 and {18, 19} <= set(rows)
    assert rows[:4] == [0, 1, 2, 3]  # the rest by fused rank, all in fused order
    assert [h.score for h in chosen] == sorted((h.score for h in chosen), reverse=True)
    assert shortlist_hits(hits[:3], 6) == hits[:3]
