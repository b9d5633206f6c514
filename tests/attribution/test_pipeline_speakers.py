"""Speaker finding, second round: tags after a question, verbs outside the cue lexicon,
split quotes, fragments in sentences without a cue, misparsed subjects, "Asked …," and
titled names (the attribute tests load the real spaCy model: slow)."""

import pytest

from factcheck.attribution.quotes.adjacent import frame_after, frame_before
from factcheck.attribution.quotes.scan import find_quotes
from factcheck.attribution.resolve.coref import SpeakerResolver
from factcheck.attribution.tuning import CONFIDENCE
from factcheck.attribution.types import Rule
from factcheck.records import Document, StatementKind


def _frame_after(text: str):
    quote = find_quotes(text)[0]
    found = frame_after(text, quote, len(text))
    return None if found is None else (text[found.cue[0]:found.cue[1]],
                                       found.mention and text[found.mention[0]:found.mention[1]])


def test_verb_outside_the_lexicon_next_to_a_name_is_a_cue():
    assert _frame_after("“It is over,” reacted Trump.") == ("reacted", "Trump")
    assert _frame_after("“The facts are clear,” Hannity started.") == ("started", "Hannity")
    assert _frame_after("“People are afraid,” he surmised.") == ("surmised", "he")
    assert _frame_after("“It is over,” said Trump.") == ("said", "Trump")
    assert _frame_after("“People are afraid.” The crowd cheered loudly tonight.") is None
    assert _frame_after("“It is over,” the man with the hat opened the door.") is None


def test_former_title_before_a_name_is_a_plausible_mention():
    assert _frame_after("“Retract it,” former Gov. Jeb Bush of Florida said on Twitter.") == (
        "said", "former Gov. Jeb Bush of Florida")


def test_words_leading_into_the_next_quote_are_not_this_quotes_attribution():
    text = "“No.” Mr. Clinton said, “I agree.”"
    first, second = find_quotes(text)
    assert frame_after(text, first, second.mark_start) is None
    assert frame_before("… he asked. “Yes.”", find_quotes("… he asked. “Yes.”")[0], 0) is None


def test_titled_surname_goes_to_the_full_name_of_that_gender():
    resolver = SpeakerResolver("Hillary Clinton and Bill Clinton came. Mrs. Clinton spoke.")
    assert resolver.resolve("Mrs. Clinton", 40)[0] == "Hillary Clinton"
    assert resolver.resolve("Mr. Clinton", 40)[0] == "Bill Clinton"


def _statements(text: str):
    from factcheck.attribution.pipeline import attribute

    return attribute(Document(id="d", text=text))


def _by_words(statements, words: str):
    return next(s for s in statements if words in s.text)


@pytest.mark.slow
def test_tag_sentence_after_a_question_quote_belongs_to_it():
    statements = _statements(
        '"It says the other candidate is ready," Sanders remarked.\n\n'
        '"That would be you?" Borger asked.\n\n"That would be me, yes."'
    )
    asked = _by_words(statements, "That would be you")
    assert asked.speaker == "Borger" and asked.cue.text == "asked"
    answer = _by_words(statements, "That would be me")
    assert answer.speaker is None  # the answer to Borger's question is not Borger's
    assert answer.speaker_mention is None


@pytest.mark.slow
def test_split_quote_with_a_verb_outside_the_lexicon_is_one_statement():
    statements = _statements(
        "Jane Woods spoke. “The way I see it,” she elaborated, “no one questioned his service.”"
    )
    quotes = [s for s in statements if s.kind is StatementKind.DIRECT]
    assert len(quotes) == 1 and len(quotes[0].parts) == 2
    assert quotes[0].speaker == "Jane Woods" and quotes[0].cue.text == "elaborated"


@pytest.mark.slow
def test_fragment_in_a_sentence_without_a_cue_takes_the_main_subject():
    statements = _statements(
        'Ted Nordhaus welcomed "the recognition that we need more technology" on Monday.'
    )
    assert _by_words(statements, "the recognition").speaker == "Ted Nordhaus"
    sign = _statements("The sign read “closed for good” all week.")
    assert sign[0].speaker is None


@pytest.mark.slow
def test_participle_cue_before_a_colon_takes_the_clause_subject():
    statements = _statements(
        "Rep. Hakeem Jeffries reacted to the news, saying: “The killer should be in prison.”"
    )
    assert _by_words(statements, "The killer").speaker == "Hakeem Jeffries"


@pytest.mark.slow
def test_misparsed_subjects_and_active_referred():
    about = _statements("About 4 in 10 say they want the next president to be more liberal.")
    assert about[0].speaker_mention is not None and "10" in about[0].speaker_mention.text
    bush = _statements("Jeb Bush spoke. Bush referred to Rubio as “a boy in the bubble.”")
    assert _by_words(bush, "a boy").speaker == "Jeb Bush"


@pytest.mark.slow
def test_asked_opening_a_sentence_has_no_speaker():
    statements = _statements(
        "Asked why he had yet to endorse Clinton, Bernie Sanders said that he was still running."
    )
    asked = _by_words(statements, "why he had yet")
    assert asked.speaker is None and asked.confidence == CONFIDENCE[Rule.NO_SPEAKER]
    assert _by_words(statements, "he was still running").speaker == "Bernie Sanders"


@pytest.mark.slow
def test_statement_saying_is_credited_to_its_issuer_and_when_asked_to_no_one():
    issued = _statements("His office put out a statement saying the U.S. cannot vet refugees.")
    assert _by_words(issued, "cannot vet").speaker_mention.text == "His office"
    asked = _statements("Ramos appears uneasy when asked about his daughter’s work for Clinton.")
    assert all(s.speaker is None for s in asked if "daughter" in s.text)


@pytest.mark.slow
def test_according_to_evidence_credits_the_person_behind_it():
    statements = _statements(
        "A living wage is about $12 an hour, according to calculations by Amy Glasmeier of MIT."
    )
    assert _by_words(statements, "living wage").speaker == "Amy Glasmeier"
    reuters = _statements("The deal is off, according to Reuters.")
    assert _by_words(reuters, "The deal").speaker == "Reuters"
