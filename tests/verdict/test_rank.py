"""The order of candidates: content words, the Dice overlap and the unweighted mean."""

import pytest

from factcheck.verdict.rank import content_words, dice, match_score, stop_words


def test_content_words_are_lower_case_runs_of_letters_and_digits_without_stop_words():
    assert content_words("The CBC deletes Trump from Home Alone 2!") == {
        "cbc", "deletes", "trump", "home", "alone", "2"}
    assert content_words("COVID-19 isn't over, don't you think?") == {"covid", "19", "think"}
    assert content_words("l'été à Zürich_2020") == {"l", "été", "à", "zürich", "2020"}
    assert content_words("the of and") == frozenset()
    assert content_words("The call", stop=()) == {"the", "call"}


def test_stop_words_are_nltks_english_list():
    words = stop_words()
    assert len(words) == 179
    assert {"the", "not", "no", "nor", "don", "t", "wouldn't"} <= words
    assert not {"call", "trump", "said"} & words


def test_dice_is_twice_the_shared_words_over_both_sizes():
    claim = content_words("The call is going well and still in progress")  # call going well still progress
    source = content_words("The call is going badly")  # call going badly
    assert dice(claim, source) == pytest.approx(2 * 2 / (5 + 3))
    assert dice(claim, claim) == 1.0
    assert dice(claim, frozenset()) == 0.0
    assert dice(frozenset(), frozenset()) == 0.0
    assert dice(source, claim) == dice(claim, source)


def test_match_score_is_the_unweighted_mean_of_cosines_and_overlap():
    assert match_score([0.8], 0.4) == pytest.approx(0.6)
    assert match_score([0.8, 0.6], 0.4) == pytest.approx(0.6)
    assert match_score([], 0.4) == pytest.approx(0.4)
