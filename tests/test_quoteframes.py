"""Attribution frames written next to a quote (no model)."""

import pytest

from factcheck.quoteframes import frame_after, frame_before
from factcheck.quotemarks import find_quotes


def _after(text: str) -> tuple[str, str | None] | None:
    quote = find_quotes(text)[0]
    found = frame_after(text, quote, len(text))
    if found is None:
        return None
    mention = text[found.mention[0]:found.mention[1]] if found.mention else None
    return text[found.cue[0]:found.cue[1]], mention


def _before(text: str) -> tuple[str, str | None] | None:
    quote = find_quotes(text)[-1]
    found = frame_before(text, quote, 0)
    if found is None:
        return None
    mention = text[found.mention[0]:found.mention[1]] if found.mention else None
    return text[found.cue[0]:found.cue[1]], mention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“It overlapped,” the judge exclaimed, “totally.”", ("exclaimed", "the judge")),
        ("“Nooooo!” the crowd cried out, booing.", ("cried", "the crowd")),
        ("“I just tried you on the phone,” it reads.", ("reads", "it")),
        ("“Come to Louisiana,” the editorial read.", ("read", "the editorial")),
        ("“Just saw the tweet,” screenwriter Cole Haddon wrote.", ("wrote", "screenwriter Cole Haddon")),
        ("“But why?” reporter Jackie Nespral asked him.", ("asked", "reporter Jackie Nespral")),
    ],
)
def test_tags_after_a_quote_with_verbs_outside_the_lexicon(text, expected):
    assert _after(text) == expected


def test_a_quote_inside_prose_has_no_tag_after_it():
    assert _after("They chanted “Lock her up” in the hall and left.") is None


def test_name_and_verb_before_a_comma_and_a_quote():
    text = "After Jerry Brown criticized him, Hillary shot back, “I could have baked cookies.”"
    assert _before(text) == ("shot", "Hillary")
    assert _before("Sanders retorted, “No one is tearing this up.”") == ("retorted", "Sanders")


def test_a_question_word_before_a_colon_is_no_speaker():
    assert _before("Why not just say: “They’ll go home.”") == ("say", None)
    assert _before("But Trump said: “We agree.”") == ("said", "Trump")
    assert _before("Putin: “We agree.”") == (":", "Putin")
