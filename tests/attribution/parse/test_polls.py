"""Frames outside the cue lexicon: a poll as the source of the clause it sits in, and a
one-word answer of a cue of saying (the attribute tests load the real spaCy model; the frame
tests read a parse written by hand)."""

import pytest

from factcheck.attribution.parse.content import content_parts
from factcheck.attribution.parse.cues import LEXICON_FORMS, POLL_NOUNS
from factcheck.attribution.parse.frames import cue_positions
from factcheck.attribution.pipeline import attribute
from factcheck.records import Document
from tests.attribution.helpers import frame_at
from tests.attribution.written import written_parse


def _statements(text: str):
    return attribute(Document(id="d", text=text))


def _by_cue(text: str) -> dict:
    return {s.cue.text.lower(): s for s in _statements(text) if s.cue is not None}


def test_poll_sentences_are_parsed():
    assert POLL_NOUNS <= LEXICON_FORMS
    text = "Trump leads in the poll."
    assert [text[at : at + 4] for at in cue_positions(text)] == ["poll"]


# (text, what the poll reports, the poll as written)
POLLS = [
    (
        (
            "In an NBC News/Wall Street Journal poll released Monday, 50 percent of "
            "respondents chose Clinton while 40 percent chose Trump."
        ),
        "50 percent of respondents chose Clinton while 40 percent chose Trump",
        "an NBC News/Wall Street Journal poll",
    ),
    (
        "Trump leads by 57 percent to 33 percent in the 50-state poll.",
        "Trump leads by 57 percent to 33 percent",
        "the 50-state poll",
    ),
    (
        "Trump has a decisive lead in the polls ahead of the state primary.",
        "Trump has a decisive lead ahead of the state primary",
        "the polls",
    ),
]


@pytest.mark.parametrize(("text", "content", "mention"), POLLS)
def test_poll_is_the_source_of_its_clause(text, content, mention):
    statement = _by_cue(text)["in"]
    assert statement.text == content
    assert statement.speaker_mention.text == mention


@pytest.mark.parametrize(("text", "content", "mention"), POLLS)
def test_poll_frame_on_a_written_parse(text, content, mention):
    doc = written_parse(text)
    frame = frame_at(doc, "In" if text.startswith("In ") else "in")
    assert " ".join(text[s:e] for s, e in content_parts(frame, text)) == content
    assert text[frame.mention[0] : frame.mention[1]] == mention


def test_poll_content_stops_before_another_speakers_clause():
    text = (
        "Sanders and Trump have double-digit leads in statewide polls, although history says "
        "there can be major upheavals."
    )
    found = _by_cue(text)
    assert found["in"].text == "Sanders and Trump have double-digit leads"
    assert found["says"].speaker == "history"


@pytest.mark.parametrize(
    "text",
    [
        # the poll phrase deep in a noun phrase, or in the content of another cue
        "His standing in the polls worries the party.",
        "Pundits are shocked that Trump is leading in the polls.",
        # the main verb is a cue of its own, or has "according to"
        "In a CNN poll, 73 percent of Americans said the plan was right.",
        "Clinton leads in national polls, according to the average of recent polls.",
    ],
)
def test_poll_is_no_source_of_a_clause_with_its_own(text):
    assert not any(s.cue and s.cue.text.lower() == "in" for s in _statements(text))


def test_a_poll_around_a_cue_of_saying_is_its_via():
    text = "In a CNN poll, 38 percent of voters said the plan was right."
    [said] = _statements(text)
    assert (said.speaker, said.via, said.cue.text) == ("38 percent", "CNN", "said")


def test_said_yes_reports_the_answer():
    text = "Asked if her email practices were illegal, 46 percent of voters said yes."
    statement = _by_cue(text)["said"]
    assert statement.text == "yes"
    assert statement.speaker_mention.text == "46 percent"


def test_said_yes_on_a_written_parse():
    text = "Asked if her email practices were illegal, 46 percent of voters said yes."
    frame = frame_at(written_parse(text), "said")
    assert text[frame.content[0] : frame.content[1]] == "yes"
    assert text[frame.mention[0] : frame.mention[1]] == "46 percent"


def test_answer_needs_a_subject_of_the_cue():
    text = "Six in 10 say he is decisive, after half said so in the earlier poll."
    assert all(s.text != "so" for s in _statements(text))
