"""The fitted tier of the cue lexicon (factcheck/attribution/lexicon/cues_fitted.json, written by
benchmarks/fit_cues.py on PolNeAR train) and the selection rules of the fit (the parse tests
load the real spaCy model)."""

import json
from importlib import resources

import pytest

from factcheck.attribution.parse.cues import (
    BASE_CONTENT_DEPS,
    BASE_NOUN_CONTENT_DEPS,
    CONTENT_DEPS,
    LEXICON_FORMS,
    NOUN_CONTENT_DEPS,
)
from factcheck.attribution.pipeline import attribute
from factcheck.records import Document
from tests.attribution.helpers import frame_at
from tests.attribution.written import written_parse
from tests.helpers import load_script

selection = load_script("cue_selection")


def _fitted() -> dict:
    lexicon = resources.files("factcheck.attribution.lexicon")
    return json.loads(lexicon.joinpath("cues_fitted.json").read_text())


def _by_cue(text: str) -> dict:
    return {s.cue.text: s for s in attribute(Document(id="d", text=text)) if s.cue is not None}


def test_fitted_file_records_how_it_was_made():
    fitted = _fitted()
    assert fitted["split"] == "train" and "fit_cues.py" in fitted["command"]
    assert fitted["precision"] >= 0.45 and fitted["min_count"] >= 3
    assert fitted["verbs"] and fitted["nouns"]


def test_fitted_pairs_are_merged_into_the_lexicon():
    fitted = _fitted()
    for dep, forms in fitted["verbs"].items():
        assert all(dep in CONTENT_DEPS[form] and form in LEXICON_FORMS for form in forms)
    for dep, forms in fitted["nouns"].items():
        assert all(dep in NOUN_CONTENT_DEPS[form] for form in forms)
    assert "prep:against" in CONTENT_DEPS["railed"]
    assert "railed" not in BASE_CONTENT_DEPS and "details" not in BASE_NOUN_CONTENT_DEPS


def test_fitted_pairs_hold_no_action_nor_function_verb():
    fitted = _fitted()
    forms = {
        form for table in (fitted["verbs"], fitted["nouns"]) for f in table.values() for form in f
    }
    assert not forms & selection.STOPPED_FORMS
    assert not {"signed", "spent", "are", "going", "decision", "attacks"} & forms
    assert "agreed" not in fitted["verbs"].get("xcomp", [])


def test_selection_keeps_frequent_precise_pairs_with_right_speakers():
    tallies = {
        "verb prep:against railed": {"n": 10, "gain": 8, "speaker": 8, "articles": 9},
        "verb dobj lauded": {"n": 10, "gain": 4, "speaker": 4, "articles": 9},  # 40%
        "verb dobj hailing": {"n": 2, "gain": 2, "speaker": 2, "articles": 2},  # too rare
        "verb dobj extolled": {"n": 6, "gain": 6, "speaker": 6, "articles": 1},  # one article
        "verb dobj titled": {"n": 6, "gain": 5, "speaker": 0, "articles": 5},  # no speaker
        "verb dobj signed": {"n": 20, "gain": 15, "speaker": 15, "articles": 12},  # action
        "noun prep:of assessment": {"n": 30, "gain": 20, "speaker": 15, "articles": 20},
        "noun prep:of head": {"n": 7, "gain": 5, "speaker": 5, "articles": 3},  # few articles
    }
    pairs = selection.chosen(tallies, 0.45, 3, min_articles=2, min_speaker=0.6, noun_articles=5)
    assert pairs == {"verb": {"prep:against": ["railed"]}, "noun": {"prep:of": ["assessment"]}}


def _fit_script():
    return load_script("fit_cues")


def test_fit_counts_a_relative_pronoun_source_as_the_eval_does():
    fit = _fit_script()
    text = "Obama, who pressed for a deal, lost."
    gold = {"source": {"text": "who", "spans": [[7, 10]]}}
    assert fit._speaker_right(gold, (0, 5), text)  # 'Obama' right before 'who'
    assert not fit._speaker_right(gold, (23, 27), text)
    assert fit._speaker_right({"source": None}, None, text)


def test_displaced_statements_count_against_a_pair():
    counts = {"n": 10, "gain": 6, "displaced": 2}
    assert selection.precision(counts) == pytest.approx(0.4)


# (text, a cue of the fitted tier, its content, its speaker as written)
FITTED = [
    (
        "Sanders railed against the trade deal on Tuesday.",
        "railed",
        "the trade deal",
        "Sanders",
    ),
    ("Warren was critical of the merger.", "critical", "the merger", "Warren"),
    ("Clinton was confident that she would win.", "confident", "that she would win", "Clinton"),
    (
        "Smith's assessment of the economy was grim.",
        "assessment",
        "the economy",
        "Smith",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content", "speaker"), FITTED)
def test_fitted_cues_attribute_their_content(text, cue, content, speaker):
    statement = _by_cue(text)[cue]
    assert (statement.text, statement.speaker) == (content, speaker)


@pytest.mark.parametrize(("text", "cue", "content", "speaker"), FITTED)
def test_fitted_cues_on_a_written_parse(text, cue, content, speaker):
    frame = frame_at(written_parse(text), cue)
    assert frame.weak  # a cue of the data-derived lexicon
    assert text[frame.content[0] : frame.content[1]] == content
    assert text[frame.mention[0] : frame.mention[1]] == speaker


def test_plain_actions_and_joint_decisions_are_no_statements():
    assert _by_cue("Obama signed the bill on Friday.") == {}
    assert _by_cue("Both leaders agreed to pause attacks on the energy grid.") == {}
