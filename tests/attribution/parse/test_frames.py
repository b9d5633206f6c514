"""Cue lexicon and frames read from a parse (written by hand, and the real parser's)."""

import pytest

from factcheck.attribution.parse.frames import (
    CUE_FORMS,
    INFINITIVE_FORMS,
    OBJECT_FORMS,
    cue_positions,
    frame_of,
)
from factcheck.attribution.pipeline import attribute
from factcheck.records import Document


def test_cue_lexicon_has_all_forms():
    for form in ("said", "says", "insisted", "criticized", "wants", "found", "according"):
        assert form in CUE_FORMS or form == "according"
    assert "criticized" in OBJECT_FORMS and "wants" in INFINITIVE_FORMS
    assert "table" not in CUE_FORMS


def test_cue_positions_finds_words_and_according_to():
    text = "He Said so. According to Reuters, she wanted more. Sayings are not cues."
    found = [text[at:at + 4] for at in cue_positions(text)]
    assert found == ["Said", "Acco", "want"]
    assert cue_positions(text, 12) == [12, text.index("wanted")]


@pytest.mark.parametrize(
    ("sentence", "mention", "content"),
    [
        ("Jane Smith criticized the new tax plan on Monday.", "Jane Smith", "the new tax plan"),
        ("The senator wants to repeal the law.", "The senator", "to repeal the law"),
        ("Polls show that the race is close.", "Polls", "that the race is close"),
    ],
)
def test_object_infinitive_and_clause_content(parsed, sentence, mention, content):
    doc = parsed(sentence)
    frames = [f for t in doc if (f := frame_of(t, 0, 0)) is not None]
    assert len(frames) == 1
    frame = frames[0]
    assert sentence[frame.mention[0]:frame.mention[1]] == mention
    assert sentence[frame.content[0]:frame.content[1]] == content


def test_data_derived_lexicon_names_content_dependents():
    from factcheck.attribution.parse.cues import CONTENT_DEPS, LEXICON_FORMS

    assert "prep:of" in CONTENT_DEPS["accused"] and "dobj" in CONTENT_DEPS["expressed"]
    assert "xcomp" in CONTENT_DEPS["seemed"] and "prep:for" in CONTENT_DEPS["called"]
    assert {"sit", "spend", "table"}.isdisjoint(LEXICON_FORMS)
    text = "They expressed doubts on the table."
    assert [text[at:at + 4] for at in cue_positions(text)] == ["expr", "doub"]


def test_of_two_clauses_the_cue_reports_the_one_after_it():
    text = (
        "In a statement released shortly after the Florida senator suspended his presidential "
        "campaign, Cruz said he’s certain Rubio will continue to be a champion."
    )
    statements = attribute(Document(id="d", text=text))
    said = [s for s in statements if s.cue is not None and s.cue.text == "said"]
    assert [(s.text, s.speaker) for s in said] == [
        ("he’s certain Rubio will continue to be a champion", "Cruz")
    ]


def test_as_expected_is_the_writer_not_a_source():
    text = (
        "However, as expected, Russia presented strict demands. "
        "As the Times reported, the talks failed."
    )
    statements = attribute(Document(id="d", text=text))
    assert [(s.text, s.speaker) for s in statements if s.kind == "indirect"] == [
        ("strict demands", "Russia"),
        ("the talks failed", "the Times"),
    ]
