"""Cues beyond verbs of saying: nouns ("his claim that …"), adjectives after a copula
("were supportive of …"), light verbs ("made it clear that …"), and reporters that are the
via only of the cue heading what they report (the parse tests load the real spaCy model)."""

import pytest

from factcheck.attribution.parse.cues import CONTENT_DEPS, NOUN_CONTENT_DEPS
from factcheck.attribution.parse.frames import cue_positions
from factcheck.attribution.pipeline import attribute
from factcheck.attribution.resolve.coref import SpeakerResolver
from factcheck.attribution.resolve.names import after_dateline
from factcheck.records import Document, StatementKind
from tests.attribution.helpers import frame_at
from tests.attribution.written import written_parse


def _statements(text: str):
    return attribute(Document(id="d", text=text))


def _by_cue(text: str) -> dict:
    return {s.cue.text: s for s in _statements(text) if s.cue is not None}


def test_lexicon_lists_nouns_and_adjectives():
    assert "acl" in NOUN_CONTENT_DEPS["claim"] and "prep:of" in NOUN_CONTENT_DEPS["critique"]
    assert "prep:of" in CONTENT_DEPS["supportive"] and "ccomp" in CONTENT_DEPS["convinced"]
    assert {"decision", "plans", "table"}.isdisjoint(NOUN_CONTENT_DEPS)
    text = "Her assertion was clear, but the table was not."
    assert [text[at:at + 5] for at in cue_positions(text)] == ["asser", "clear"]


def test_dateline_with_horizontal_bar_is_skipped():
    text = "WASHINGTON ― The Obama administration announced plans on Tuesday."
    assert text[after_dateline(text, 0, len(text)):].startswith("The Obama")


def test_possessive_pronoun_resolves_like_its_pronoun():
    resolver = SpeakerResolver("Dan Smith spoke. His claim was odd.")
    resolver.remember("Dan Smith", 0)
    assert resolver.resolve("his", 20)[0] == "Dan Smith"
    assert resolver.resolve("their", 20)[0] is None


# (text, cue, the speaker mention, the content as written)
NOUN_CUES = [
    ("Dan Smith spoke. He repeated his claim that the election was rigged.", "claim",
     "his", "that the election was rigged"),
    ("Bolton and Gorka were both supportive of the new sanctions.", "supportive",
     "Bolton and Gorka", "the new sanctions"),
    ("Devine made it clear that the campaign would go on.", "clear", "Devine",
     "that the campaign would go on"),
    ("Francis made clear that his meeting was not political.", "clear", "Francis",
     "that his meeting was not political"),
    ("Warren's critique of the bank bill was sharp.", "critique", "Warren",
     "the bank bill"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "cue", "mention", "content"), NOUN_CUES)
def test_noun_adjective_and_light_verb_cues(text, cue, mention, content):
    statement = _by_cue(text)[cue]
    assert statement.kind is StatementKind.INDIRECT
    assert statement.speaker_mention.text == mention
    assert statement.text == content


@pytest.mark.parametrize(("text", "cue", "mention", "content"), NOUN_CUES)
def test_noun_adjective_and_light_verb_cues_on_a_written_parse(text, cue, mention, content):
    frame = frame_at(written_parse(text), cue)
    assert text[frame.mention[0] : frame.mention[1]] == mention
    assert text[frame.content[0] : frame.content[1]] == content


@pytest.mark.slow
def test_noun_without_a_holder_is_no_statement():
    assert "claim" not in _by_cue("The claim that the election was rigged spread fast.")


@pytest.mark.slow
def test_reporter_is_via_only_of_the_cue_heading_its_clause():
    putin = _statements("According to Bloomberg, Putin insisted that the talks went well.")
    assert [(s.speaker, s.via) for s in putin] == [("Putin", "Bloomberg")]
    text = "The New York Times reported the email came hours after Donald Trump proposed a ban."
    by_cue = _by_cue(text)
    assert by_cue["reported"].speaker == "the New York Times"
    assert by_cue["reported"].text.startswith("the email came")
    assert by_cue["proposed"].via is None


@pytest.mark.slow
def test_dateline_is_not_the_speaker():
    text = ("WASHINGTON ― The Obama administration announced plans on Tuesday to expand "
            "programs, acknowledging that the current system has failed.")
    speakers = {s.speaker for s in _statements(text)}
    assert speakers == {"the Obama administration"}


def test_a_participle_on_a_noun_of_saying_is_not_its_content():
    text = (
        "The agreement closely resembles a proposal first introduced by Ukrainian President "
        "Volodymyr Zelenskyy. Trump's claim that the election was rigged is false."
    )
    statements = attribute(Document(id="d", text=text))
    assert [(s.text, s.speaker) for s in statements] == [("that the election was rigged", "Trump")]
