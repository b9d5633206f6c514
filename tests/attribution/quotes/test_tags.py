"""Tag forms outside the cue lexicon and the word-list helpers of `quotes.tags` (no model)."""

import re

import pytest

from factcheck.attribution.quotes.scan import find_quotes, paragraphs
from factcheck.attribution.quotes.tags import (
    before_relative,
    name_then_verb,
    tag_sentence_end,
    verb_next_to_name,
    without_time,
)
from factcheck.sources.split import sentences

_WORD = re.compile(r"[\w’'()-]+(?:\.[\w’'()-]+)*\.?|,")


def _words(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))


def _forms(words: list[re.Match]) -> list[str]:
    return [w.group() for w in words]


@pytest.mark.parametrize(
    ("words", "verb", "name"),
    [
        ("Clinton emphatically proclaimed at a press conference", "proclaimed", "Clinton"),
        ("A flabbergasted Noah quipped", "quipped", "A flabbergasted Noah"),
        ("Hillary shot back", "shot", "Hillary"),
        ("In the spring, Sanders retorted", "retorted", "Sanders"),
    ],
)
def test_name_then_verb_reads_the_clause_before_a_comma(words, verb, name):
    found = name_then_verb(_words(words))
    assert found is not None
    at, mention = found
    assert _forms(_words(words))[at] == verb
    assert " ".join(_forms(mention)) == name


@pytest.mark.parametrize(
    "words",
    ["the report on the economy", "Clinton and the policy of the administration", "they went"],
)
def test_name_then_verb_needs_a_name_opening_its_clause_and_a_verb(words):
    assert name_then_verb(_words(words)) is None


@pytest.mark.parametrize(
    ("words", "verb"),
    [
        ("Toomey fumed on Tuesday .", "fumed"),
        ("Cruz quipped in reference to the absent Trump .", "quipped"),
        ("Trump barked and a security guard escorted Ramos out .", "barked"),
        ("Trump shot back. Let me talk.", "shot"),  # an irregular past and its particle
    ],
)
def test_verb_next_to_name_lets_a_time_or_place_phrase_follow(words, verb):
    found = verb_next_to_name(_words(words))
    assert found is not None and _forms(_words(words))[found] == verb


def test_verb_next_to_name_rejects_a_verb_with_an_object():
    assert verb_next_to_name(_words("Democrats blocked the bill")) is None


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        ("Trump on Tuesday night", "Trump"),
        ("Beck last week", "Beck"),
        ("the White House", "the White House"),
        ("Tuesday", "Tuesday"),  # nothing but a time: left alone
    ],
)
def test_without_time_drops_a_time_phrase_at_the_end(words, kept):
    assert " ".join(_forms(without_time(_words(words)))) == kept


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        ("a White House official who spoke anonymously", "a White House official"),
        ("Levine , who has given money to Marco Rubio ,", "Levine ,"),
        ("Mr. Slinker , whose start-up , Paradata , finds suppliers ,", "Mr. Slinker ,"),
        ("Bannon , who Beck on Wednesday", "Bannon , who Beck on Wednesday"),  # who: the object
        ("Asked who would win , Trump", "Asked who would win , Trump"),
    ],
)
def test_before_relative_stops_at_the_subjects_relative_clause(words, kept):
    assert " ".join(_forms(before_relative(_words(words)))) == kept


def _tag_end(text: str) -> str:
    spans = [s for a, b in paragraphs(text) for s in sentences(text, a, b)]
    quote = find_quotes(text)[0]
    sentence = max(i for i, (s, _) in enumerate(spans) if s <= quote.mark_start)
    return text[quote.mark_end:tag_sentence_end(text, spans, sentence, quote, spans[sentence][1])]


def test_tag_sentence_end_reads_the_next_sentence_after_a_question():
    text = "“Who can remember?” Clinton asks as a maintenance guy walks in. Then more."
    assert _tag_end(text) == " Clinton asks as a maintenance guy walks in."


def test_tag_sentence_end_reads_a_dash_signature_line():
    text = "“Boeing and GE pay zero taxes.”\n\n- Sanders.\n\nThis is a complex issue."
    assert _tag_end(text).strip() == "- Sanders."


def test_tag_sentence_end_stops_at_a_long_sentence_after_a_full_stop():
    text = "“We will win.” Trump then turned to the economy and spoke for an hour about jobs."
    assert _tag_end(text) == ""


def test_tag_sentence_end_keeps_a_quote_inside_the_reporters_sentence():
    text = "Axelrod told her, “you are an all-star player!” She replied that it was an honor."
    assert _tag_end(text) == ""
