"""Verdicts on the seed article with the real model and index (issue 4's seed cases)."""

import pytest

from factcheck.errors import BadInputError

pytestmark = pytest.mark.slow

SCAVINO = "The call is going well and still in progress"


@pytest.fixture(scope="module", params=["embedded", "milvus"])
def engine(request, seed_index_dir, tmp_path_factory):
    """The seed index on the embedded engines, and the same folder's copy on milvus-lite
    (its collections built from the stored embeddings): every seed case holds on both."""
    import shutil

    from factcheck.engine import Engine
    from factcheck.settings import Settings, with_milvus

    if request.param == "embedded":
        return Engine.open(Settings(index_dir=seed_index_dir))
    folder = tmp_path_factory.mktemp("milvus-seed")
    shutil.copytree(seed_index_dir, folder / "index")
    return Engine.open(with_milvus(Settings(index_dir=folder / "index",
                                            milvus_uri=str(folder / "milvus.db"))))


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
    from factcheck.records import Candidate
    from factcheck.settings import Settings
    from factcheck.verdict.judge import judge_candidate

    candidate = Candidate(unit_id=f"{doc_id}-p", unit="passage", doc_id=doc_id, text=text,
                          start=0, end=len(text), score=score, dense=dense, lexical=1.0)
    return judge_candidate(claim, candidate, {}, Settings())


def test_match_order_keeps_word_evidence_first_then_follows_the_score():
    from factcheck.records import Verdict
    from factcheck.verdict.claims import read_claim
    from factcheck.verdict.judge import Finding
    from factcheck.verdict.search import match_order

    claim = read_claim("The call is going badly and still in progress")
    altered = _judged_for(claim, "The call is going well and still in progress", "a", 0.7, 0.3)
    near = _judged_for(claim, "The phone call with the president is still going on", "b",
                       0.6, 0.5)
    far = _judged_for(claim, "Prisoner exchange of 175 soldiers", "c", 0.1, 0.1)
    assert altered.evidence is Verdict.ALTERED
    assert near.evidence is far.evidence is Verdict.UNSUPPORTED
    finding = Finding(Verdict.ALTERED, False, 0.8, altered, (altered, far, near))
    assert match_order(finding) == [altered, near, far]
    # With no word evidence the score alone decides.
    weak = Finding(Verdict.UNSUPPORTED, False, 0.9, None, (far, altered, near))
    assert match_order(weak) == [near, altered, far]


def test_hits_are_scored_by_the_mean_of_cosine_and_word_overlap():
    from factcheck.index.retrieve import Hit
    from factcheck.verdict.search import scored_hits, shortlist_hits

    texts = {0: "The call is going well", 1: "Prisoners were exchanged", 2: "unrelated"}
    hits = [Hit(row=1, score=0.9, dense=0.5, lexical=2.0),
            Hit(row=0, score=0.1, dense=0.4, lexical=1.0),
            Hit(row=3, score=0.5, dense=0.9, lexical=0.0)]  # no text: a row gone from the store
    scored = scored_hits("the call is going well", hits, texts)
    # row 0: (0.4 + 1.0) / 2 above row 1: (0.5 + 0.0) / 2; the retrieval score is replaced
    assert [(h.row, round(h.score, 6)) for h in scored] == [(0, 0.7), (1, 0.25)]
    assert shortlist_hits(scored[::-1], 5) == scored


def test_shortlist_keeps_the_best_by_score_and_a_third_by_shared_words():
    from factcheck.index.retrieve import Hit
    from factcheck.verdict.search import shortlist_hits

    # Scores fall with the row number; rows 18 and 19 have the top BM25 scores.
    hits = [Hit(row=n, score=1.0 - n / 100, dense=0.5, lexical=1.0) for n in range(18)]
    hits += [Hit(row=18, score=0.2, dense=0.1, lexical=9.0),
             Hit(row=19, score=0.1, dense=0.1, lexical=8.0)]
    rows = [hit.row for hit in shortlist_hits(hits[::-1], 6)]
    assert rows == [0, 1, 2, 3, 18, 19]  # 6 // 3 by words, the rest by score; score order
    assert [h.row for h in shortlist_hits(hits[:3], 6)] == [0, 1, 2]
    no_words = [Hit(row=n, score=n / 10, dense=0.5, lexical=0.0) for n in range(3)]
    assert [h.row for h in shortlist_hits(no_words, 2)] == [2, 1]


def test_seed_matches_show_the_unit_closest_in_words_and_meaning(engine):
    # The learned reranker listed "READ ALSO: Oil Prices Surge …" (cosine 0.21) for this
    # claim; by cosine and word overlap the headline that says it comes first.
    result = engine.search("energy infrastructure")
    assert result.verdict == "paraphrase"
    assert result.matches[0].passage_id == "trump-putin-ceasefire-call:p14"
    assert result.matches[0].text == "Limited Agreement on Energy Infrastructure"


def test_the_claimed_speaker_is_searched_with_the_words():
    from factcheck.verdict.claims import read_claim
    from factcheck.verdict.search import query_text

    assert query_text(read_claim("The call is going well — Dan Scavino")) == (
        "The call is going well Dan Scavino")
    assert query_text(read_claim("The call is going well", "Donald Trump")) == (
        "The call is going well Donald Trump")
    assert query_text(read_claim("The call is going well")) == "The call is going well"
