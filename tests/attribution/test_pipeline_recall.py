"""Attribution cases found studying PolNeAR train: the data-derived cue lexicon, passive and
"seem" cues without a speaker, relative pronouns, quantified speakers, colon lead-ins and
quotes going on after a fragment (these load the real spaCy model)."""

import pytest

from factcheck.attribution.pipeline import attribute
from factcheck.attribution.tuning import CONFIDENCE
from factcheck.attribution.types import Rule
from factcheck.records import Document, StatementKind

pytestmark = pytest.mark.slow


def _statements(text: str):
    return attribute(Document(id="d", text=text))


def _one(text: str, words: str):
    found = [s for s in _statements(text) if s.text.startswith(words)]
    assert found, [s.text for s in _statements(text)]
    return found[0]


def test_lexicon_cue_with_a_preposition_gives_a_reported_statement():
    text = "Sanders accused Republicans of placing the interests of the gun lobby first."
    statement = _one(text, "Republicans")  # the object with what it is accused of
    assert statement.kind is StatementKind.INDIRECT
    assert statement.text == "Republicans of placing the interests of the gun lobby first"
    assert statement.speaker == "Sanders" and statement.cue.text == "accused"


def test_lexicon_cue_with_an_object():
    statement = _one("Mr. Obama expressed deep concern about the talks.", "deep concern")
    assert statement.speaker_mention.text == "Mr. Obama"
    said = _one("Mr. Obama said the talks had failed.", "the talks")
    assert statement.confidence < said.confidence  # a cue of the data-derived lexicon


def test_naming_cue_reports_the_object_and_its_name():
    statement = _one("Trump has called Clinton “crooked” many times.", "Clinton")
    assert statement.kind is StatementKind.INDIRECT and statement.text == "Clinton “crooked”"
    assert statement.speaker == "Trump"


def test_passive_and_seem_cues_have_no_speaker():
    passive = _one("Trump is expected to deliver a victory speech tonight.", "Trump")
    assert passive.speaker is None and passive.confidence == CONFIDENCE[Rule.NO_SPEAKER]
    seems = _one("Mr. Trump's tone often seems to encourage aggression.", "Mr. Trump's tone")
    assert seems.speaker is None
    expletive = _one("It seems that the vote was rigged.", "that the vote")
    assert expletive.speaker is None


def test_seeming_to_say_is_a_weak_attribution_to_the_subject():
    seems = _one("Trump seemed to suggest that the vote was rigged.", "to suggest")
    said = _one("Trump said that the vote was rigged.", "that the vote")
    assert seems.speaker == "Trump" and seems.confidence < said.confidence


def test_seem_and_passive_cues_hold_their_subject_without_the_cue():
    passive = _one("Trump is expected to deliver a victory speech tonight.", "Trump")
    assert passive.parts == ((0, 5), (18, 53))
    assert passive.text == "Trump to deliver a victory speech tonight"
    seems = _one("Washington appears weak.", "Washington")
    assert seems.text == "Washington weak" and seems.speaker is None
    agent = _one("The vote is expected by analysts to favor Trump.", "to favor")
    assert agent.text == "to favor Trump"  # the agent, not the subject, is the holder


def test_passive_with_an_agent_credits_the_agent():
    text = "Rubio was asked by moderator Gerard Baker whether the plan would cost too much."
    statement = _one(text, "whether the plan")
    assert statement.speaker == "Gerard Baker"


def test_relative_pronoun_speaker_is_its_antecedent():
    text = (
        "Mr. Leenders, who estimated that a third of his union's workers were Trump "
        "supporters, voted for Mr. Obama."
    )
    statement = _one(text, "that a third")
    assert statement.speaker_mention.text == "Mr. Leenders"


def test_several_supporters_is_a_description_not_a_name():
    said = _one("Several supporters said the plan would fail.", "the plan")
    assert said.speaker == "several supporters"
    quote = _one("“We will win,” several supporters said.", "We will win")
    assert quote.kind is StatementKind.DIRECT and quote.speaker == "several supporters"
    assert len(_statements("“We will win,” several supporters said.")) == 1


def test_colon_lead_in_in_the_paragraph_before_the_quote():
    statement = _one("Stated Stone:\n\n“I think that the stakes are so high now.”", "I think")
    assert statement.speaker_mention.text == "Stone"
    text = (
        "The surge does not surprise Republican pollster Daron Shaw: “Lesser-known "
        "candidates always gain after early wins.”"
    )
    assert _one(text, "Lesser-known").speaker == "Daron Shaw"


def test_quote_after_an_attributed_fragment_goes_on_with_its_speaker():
    text = (
        "Yet Trump is also a “change agent,” Cole said. “That’s exactly what people want "
        "right now.”\n\nKasich said nothing."
    )
    statement = _one(text, "That’s exactly")
    assert statement.kind is StatementKind.DIRECT and statement.speaker == "Cole"


def test_reported_clause_stops_before_the_speaker_going_on():
    text = (
        "Rubio said the real extremist on abortion is Hillary Clinton, and he railed "
        "against the debate moderators."
    )
    statement = _one(text, "the real extremist")
    assert "railed" not in statement.text
