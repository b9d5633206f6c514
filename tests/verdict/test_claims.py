"""Claim reading: speaker forms, brackets, ellipses and bad claims."""

from __future__ import annotations

import pytest

from factcheck.errors import BadInputError
from factcheck.verdict.claims import read_claim

QUOTE = "The call is going well and still in progress"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (f"“{QUOTE},” Dan Scavino wrote.", QUOTE, "Dan Scavino"),
        (f'"{QUOTE}," wrote Dan Scavino', QUOTE, "Dan Scavino"),
        (f"Dan Scavino wrote: “{QUOTE}”", QUOTE, "Dan Scavino"),
        ("Putin: “All arms shipments must stop”", "All arms shipments must stop", "Putin"),
        (f"{QUOTE} — Dan Scavino", QUOTE, "Dan Scavino"),
        (f"{QUOTE} - Dan Scavino", QUOTE, "Dan Scavino"),
        (f"{QUOTE} -- Dan Scavino", QUOTE, "Dan Scavino"),
        (f"“{QUOTE}” – Dan Scavino", QUOTE, "Dan Scavino"),
        ("Trump said that the call was going well", "the call was going well", "Trump"),
        ("The Kremlin stated that talks must go on", "talks must go on", "The Kremlin"),
        ("According to Bloomberg, Putin wants a deal", "Putin wants a deal", "Bloomberg"),
        (f"“{QUOTE},” he wrote", QUOTE, None),
        (f"“{QUOTE}”", QUOTE, None),
        (QUOTE, QUOTE, None),
    ],
)
def test_speaker_forms(text: str, words: str, speaker: str | None) -> None:
    claim = read_claim(text)
    assert claim.words == words
    assert claim.speaker == speaker
    assert claim.text == text


def test_explicit_speaker_wins_over_text() -> None:
    claim = read_claim(f"“{QUOTE},” Dan Scavino wrote", speaker="Donald Trump")
    assert claim.speaker == "Donald Trump"
    assert claim.words == QUOTE


def test_sentence_with_a_dash_inside_keeps_its_words() -> None:
    claim = read_claim("The call — still in progress — went well")
    assert claim.speaker is None
    assert claim.words == "The call — still in progress — went well"


def test_brackets_are_dropped() -> None:
    claim = read_claim("“[The] call is going well [for us],” Scavino wrote")
    assert claim.words == "call is going well"
    assert claim.speaker == "Scavino"


@pytest.mark.parametrize("mark", ["…", "...", ". . ."])
def test_ellipsis_splits_segments(mark: str) -> None:
    claim = read_claim(f"The call is going {mark} still in progress")
    assert claim.segments == ("The call is going", "still in progress")
    assert claim.words == "The call is going … still in progress"


def test_leading_and_trailing_ellipses_are_not_segments() -> None:
    claim = read_claim("… the call is going well …")
    assert claim.segments == ("the call is going well",)


def test_one_word_is_allowed() -> None:
    assert read_claim("well").words == "well"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("?! … “”", "only punctuation"),
        ("— Dan Scavino", "only a speaker"),
        ("Dan Scavino:", "only a speaker"),
        ("“ … ”, Dan Scavino wrote", "only"),
    ],
)
def test_bad_claims_raise(text: str, message: str) -> None:
    with pytest.raises(BadInputError, match=message):
        read_claim(text)


def test_too_long_claim_names_the_limit() -> None:
    with pytest.raises(BadInputError, match="limit is 100"):
        read_claim("word " * 30, max_chars=100)


def test_brackets_are_segment_boundaries() -> None:
    claim = read_claim("That’s tied to [our] past and to [the] future")
    assert claim.words == "That’s tied to past and to future"
    assert claim.segments == ("That’s tied to", "past and to", "future")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“We will achieve justice,” Tulsa police Chief Chuck Jordan said",
            "Tulsa police Chief Chuck Jordan",
        ),
        ("“We will achieve justice,” Scott's niece said", "Scott's niece"),
        ("As I said at the debate, the law is clear", None),
        ("People say that the law is clear", None),
        ("It says that everyone is free", None),
    ],
)
def test_speaker_phrases_and_sentence_openers(text: str, speaker: str | None) -> None:
    claim = read_claim(text)
    assert claim.speaker == speaker
    if speaker is None:
        assert claim.words == text


def test_pasted_post_gives_its_author_and_drops_links_and_date():
    claim = read_claim("The CBC deletes Trump from Home Alone 2 https://t.co/CsHG8R9cHp "
                       "— Brad Trost (@BradTrostCPC) December 26, 2019")
    assert claim.speaker == "Brad Trost"
    assert claim.words == "The CBC deletes Trump from Home Alone 2"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("CBC deletes Trump https://t.co/x — Brad Trost 🇨🇦 (@BradTrostCPC) December 26, 2019",
         "CBC deletes Trump", "Brad Trost"),
        ("Butterflies drink pic.twitter.com/0e — Center for Bio Div (@CenterForBioDiv) "
         "January 14, 2020", "Butterflies drink", "Center for Bio Div"),
        ("new look. pic.twitter.com/1Fp8 — 🎃 (@Sara_Kelhi) March 31, 2019", "new look.", None),
        ("Hes a globalist! - Patriot19 (@patirotwoman19) February 5, 2019", "Hes a globalist!",
         "Patriot19"),
        ("“The call is going well,” Dan Scavino wrote — Jo Doe (@jo) May 1, 2020",
         "The call is going well", "Dan Scavino"),
        ("A - B claim — Jo Doe (@jo) May 1, 2020", "A - B claim", "Jo Doe"),
    ],
)
def test_a_posts_whole_embed_signature_is_dropped(text: str, words: str, speaker: str | None):
    claim = read_claim(text)
    assert claim.words == words
    assert claim.speaker == speaker
