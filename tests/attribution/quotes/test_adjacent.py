"""Attribution frames written next to a quote (no model)."""

import pytest

from factcheck.attribution.quotes.adjacent import frame_after, frame_before
from factcheck.attribution.quotes.scan import find_quotes


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
        ("“This is fantastic!” beamed Donald Hartley of Madison, Alabama, who snuck in.",
         ("beamed", "Donald Hartley")),
        ("“The answer is no,” the Republican vice-presidential nominee riffed.",
         ("riffed", "the Republican vice-presidential nominee")),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“I am calling. How are you today?” Miller, a retired worker, said pleasantly.",
         ("said", "Miller")),
        ("“Should he resign?” the presumptive nominee, Donald Trump, tweeted Sunday.",
         ("tweeted", "Donald Trump")),
        ("“If they were serious, they would act,” Toomey fumed on Tuesday.",
         ("fumed", "Toomey")),
        ("“Go back to Univision,” Trump barked and a guard escorted Ramos out.",
         ("barked", "Trump")),
        ("“So why didn’t he pay his?” a narrator in the Clinton ad asks. The spot ends.",
         ("asks", "a narrator in the Clinton ad")),
    ],
)
def test_tags_after_a_quote_with_an_apposition_or_a_time(text, expected):
    assert _after(text) == expected


def test_a_new_sentence_with_an_object_is_no_tag():
    text = "“Mr. Gorbachev, tear down this wall!” Conservatives still praise his refusal."
    assert _after(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clinton emphatically proclaimed at a press conference, “I did not.”",
         ("proclaimed", "Clinton")),
        ("A flabbergasted Noah quipped, “It’s like a lawyer.”",
         ("quipped", "A flabbergasted Noah")),
        ("Bannon, who Beck on Wednesday called “a horrible human being.”", ("called", "Beck")),
        ("Trump on Tuesday night said: “We will win.”", ("said", "Trump")),
        ("A White House official who spoke anonymously said Wednesday, “Certainly.”",
         ("said", "A White House official")),
        ("Of Carson, Levine, who has given money to Marco Rubio, said, “He’s scary.”",
         ("said", "Levine")),
        ("Bill Clinton: Hillary ‘Better Qualified to Be President Than I Was.’",
         (":", "Bill Clinton")),
        ("Later, Jared Potts echoed: “He speaks his mind.”", ("echoed", "Jared Potts")),
    ],
)
def test_tags_before_a_quote_past_adjuncts_and_relative_clauses(text, expected):
    assert _before(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Update: The campaign called it “very pleasing.”", "Why not: “Dump Trump.”"],
)
def test_a_label_and_a_colon_name_no_speaker(text):
    assert _before(text) is None


def test_a_mention_after_a_preposition_is_marked_embedded():
    text = "Fiorina, speaking to Iowans, said, “Last time I looked, you hadn’t voted.”"
    found = frame_before(text, find_quotes(text)[-1], 0)
    assert found is not None and found.embedded
    assert text[found.mention[0]:found.mention[1]] == "Iowans"
    plain = "Fiorina said, “Last time I looked, you hadn’t voted.”"
    assert not frame_before(plain, find_quotes(plain)[-1], 0).embedded
