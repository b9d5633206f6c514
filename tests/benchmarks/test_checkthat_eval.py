"""The pure parts of benchmarks/checkthat_eval.py: MAP@k, MRR, P@1, tweet cleaning, folds."""

from __future__ import annotations

import pytest

from tests.helpers import load_script


@pytest.fixture(scope="module")
def ce():
    return load_script("checkthat_eval")


def test_average_precision_cut_at_depth_and_divided_by_relevant_count(ce):
    ranking = ["a", "x", "b", "y", "z", "c"]
    relevant = {"a", "b", "c"}
    # hits at ranks 1 and 3 within depth 5: (1/1 + 2/3) / 3 relevant
    assert ce.average_precision(ranking, relevant, 5) == pytest.approx((1 + 2 / 3) / 3)
    assert ce.average_precision(ranking, relevant, 1) == pytest.approx(1 / 3)
    assert ce.average_precision(ranking, relevant, 2) == pytest.approx(1 / 3)
    assert ce.average_precision(["x", "a"], {"a"}, 5) == pytest.approx(0.5)
    assert ce.average_precision(["x", "y"], {"a"}, 5) == 0.0
    assert ce.average_precision(["a"], set(), 5) == 0.0


def test_duplicates_count_once_at_their_first_place(ce):
    assert ce.average_precision(["x", "x", "a"], {"a"}, 2) == pytest.approx(0.5)
    assert ce.reciprocal_rank(["x", "x", "x", "a"], {"a"}) == pytest.approx(0.5)


def test_reciprocal_rank_and_precision_at_one(ce):
    assert ce.reciprocal_rank(["x", "y", "a"], {"a"}) == pytest.approx(1 / 3)
    assert ce.reciprocal_rank(["x", "y", "a"], {"a"}, depth=2) == 0.0
    assert ce.precision_at(["a", "x"], {"a"}, 1) == 1.0
    assert ce.precision_at(["x", "a"], {"a"}, 1) == 0.0
    assert ce.precision_at([], {"a"}, 1) == 0.0


def test_evaluate_averages_over_every_judged_query(ce):
    qrels = {"q1": {"a"}, "q2": {"b"}, "q3": {"c"}}
    rankings = {"q1": ["a", "x"], "q2": ["x", "y", "b"]}  # q3 has no ranking: scores 0
    scores = ce.evaluate(rankings, qrels)
    assert scores["P@1"] == pytest.approx(1 / 3)
    assert scores["MAP@1"] == pytest.approx(1 / 3)
    assert scores["MAP@3"] == pytest.approx((1 + 1 / 3) / 3)
    assert scores["MAP@5"] == pytest.approx((1 + 1 / 3) / 3)
    assert scores["MRR"] == pytest.approx((1 + 1 / 3) / 3)
    with pytest.raises(ValueError):
        ce.evaluate({}, {})


def test_clean_tweet_drops_trailer_urls_and_tag_marks(ce):
    tweet = (
        'Bias! "CBC deletes Trump from\xa0Home Alone\xa02" #DefundTheCBChttps://t.co/CsHG8R '
        "pic.twitter.com/0eJtwJyS1J via @realDonaldTrump "
        "— Brad Trost 🇨🇦 (@BradTrostCPC) December 26, 2019"
    )
    cleaned = ce.clean_tweet(tweet)
    assert cleaned == (
        'Bias! "CBC deletes Trump from Home Alone 2" Defund The CBC via real Donald Trump'
    )
    assert ce.tweet_author(tweet) == "Brad Trost"
    assert ce.clean_tweet(tweet, keep_author=True).endswith("real Donald Trump Brad Trost")


def test_clean_tweet_keeps_text_without_trailer(ce):
    assert ce.tweet_author("no trailer here") is None
    assert ce.clean_tweet("  no   trailer here ") == "no trailer here"
    assert ce.clean_tweet("https://t.co/x") == "https://t.co/x"  # nothing left: keep the text
    assert ce.query_text("a  b — X (@x) May 1, 2020", "raw") == "a b — X (@x) May 1, 2020"
    with pytest.raises(ValueError, match="valid"):
        ce.query_text("a", "bogus")


def test_trailer_forms_seen_in_the_data(ce):
    hyphen = "Hes a globalist! - Patriot19 (@patirotwoman19) February 5, 2019"
    assert ce.tweet_author(hyphen) == "Patriot19"
    assert ce.clean_tweet(hyphen) == "Hes a globalist!"
    short_year = "ask Ukraine — Barack Obama (@BarackObama) October 04, 19"
    assert ce.tweet_author(short_year) == "Barack Obama"
    emoji_only = "new look. pic.twitter.com/1Fp8 — 🎃 (@Sara_Kelhi) March 31, 2019"
    assert ce.tweet_author(emoji_only) is None
    assert ce.clean_tweet(emoji_only, keep_author=True) == "new look."
    # a hyphen earlier in the text is not taken for the trailer's dash
    dashed = "A - B claim — Jo Doe (@jo) May 1, 2020"
    assert ce.tweet_author(dashed) == "Jo Doe"
    assert ce.clean_tweet(dashed) == "A - B claim"


def test_missing_data_exits_with_a_clear_message(ce, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(ce, "folder", lambda name: tmp_path / "absent")
    assert ce.main(["--sets", "2020"]) == 2
    assert "CheckThat! 2020 data not found" in capsys.readouterr().err


def test_folds_keep_queries_that_share_a_claim_together(ce):  # ce: benchmarks on sys.path
    from checkthat_data import claim_folds

    qrels = {"a": {"c1"}, "b": {"c1", "c2"}, "c": {"c2"}, "d": {"c3"}, "e": {"c4"}}
    folds = claim_folds(qrels, folds=3)
    assert folds["a"] == folds["b"] == folds["c"]  # joined through c1 and c2
    assert set(folds) == set(qrels) and set(folds.values()) <= {0, 1, 2}
    assert claim_folds(dict(reversed(qrels.items())), folds=3) == folds  # order-free


def test_ranking_configuration_scores_the_mean_of_cosine_and_word_overlap(ce):
    import checkthat_data
    import checkthat_ranking as ranking
    import numpy as np

    from factcheck.verdict.rank import content_words

    texts = ["Trump deleted from Home Alone 2", "Home prices fell", "A dragon over a stadium"]
    split = checkthat_data.Split({"q": "CBC deletes Trump from Home Alone 2"}, {"q": {"a"}})
    prepared = ranking.Prepared(
        ids=["a", "b", "c"], splits={"dev": split},
        cosines={("m", "claim", "raw", "dev"): np.array([[0.5, 0.7, 0.1]])},
        doc_words={"claim": [content_words(t) for t in texts]},
        query_words={("raw", "dev"): [content_words(split.queries["q"])]},
        bm25={("claim", "raw", "dev"): [[0]]})
    dense = ranking.Config(("m",), "claim", "raw", dice=False, bm25=False)
    assert ranking.rankings(prepared, dense, "dev") == {"q": ["b", "a", "c"]}
    mixed = ranking.Config(("m",), "claim", "raw", dice=True, bm25=True)
    # a: (0.5 + 2*4/(6+5)) / 2 = 0.61; b: (0.7 + 2*1/(6+3)) / 2 = 0.46
    assert ranking.rankings(prepared, mixed, "dev") == {"q": ["a", "b", "c"]}
    assert mixed.name == "m+dice+bm25; docs claim; query raw"
