"""The attribute stage on the seed article and on bad input (real spaCy model: slow)."""

import pytest

from factcheck.attribution.pipeline import attribute, attribute_many, document_speakers
from factcheck.attribution.tuning import CONFIDENCE
from factcheck.attribution.types import Rule
from factcheck.records import Document, StatementKind
from factcheck.sources.read import read_file
from tests.helpers import SEED_DOC

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_statements():
    return attribute(read_file(SEED_DOC).documents[0])


def _by_text(text: str) -> dict:
    """The statements of one document, by their words."""
    return {s.text: s for s in attribute(Document(id="d", text=text))}


def _find(statements, words):
    found = [s for s in statements if words in s.text]
    assert found, f"no statement with {words!r}"
    return min(found, key=lambda s: len(s.text))


@pytest.mark.parametrize(
    ("words", "kind", "speaker", "via"),
    [
        ("The call is going well and still in progress", "direct", "Dan Scavino", None),
        ("going well", "partial", "the White House", None),
        ("all arms shipments to Ukraine must stop", "indirect", "Vladimir Putin", "Bloomberg"),
        ("Russia’s priorities include halting", "indirect", "the Kremlin", None),
        ("stopping foreign military aid", "indirect", "Moscow", None),
        ("the UK and the European Union are accelerating", "indirect", "Pjotr Sauer", None),
        ("root causes", "partial", "the Kremlin", None),
        ("gesture of goodwill", "partial", "Vladimir Putin", None),
        ("enormous economic deals and geopolitical stability", "partial", "the White House", None),
        ("the call was still ongoing", "indirect", "Dan Scavino", None),
        ("the call has ended", "indirect", "the Kremlin and the White House", None),
    ],
)
def test_seed_statements(seed_statements, words, kind, speaker, via):
    statement = _find(seed_statements, words)
    assert statement.kind == StatementKind(kind)
    assert statement.speaker == speaker
    assert statement.via == via


def test_seed_direct_quote_details(seed_statements):
    text = read_file(SEED_DOC).documents[0].text
    quote = _find(seed_statements, "The call is going well")
    assert quote.text == "The call is going well and still in progress"
    assert text[quote.start : quote.end] == quote.text
    assert quote.cue.text == "wrote" and quote.speaker_mention.text == "he"
    assert text[quote.speaker_mention.start : quote.speaker_mention.end] == "he"
    assert quote.confidence >= 0.7


def test_seed_ids_in_text_order_and_no_headline_statements(seed_statements):
    assert [s.id for s in seed_statements] == [
        f"trump-putin-ceasefire-call:s{n}" for n in range(1, len(seed_statements) + 1)
    ]
    assert [s.start for s in seed_statements] == sorted(s.start for s in seed_statements)
    assert not any("Oil Prices" in s.text or "Key Conditions" in s.text for s in seed_statements)
    assert "Vladimir Putin" in document_speakers(seed_statements)


def test_split_quote_is_one_statement():
    text = "Officials met.\n“We will win,” Jane Doe said on Monday. “And we will not stop.”\n"
    statements = attribute(Document(id="d", text=text))
    direct = [s for s in statements if s.kind is StatementKind.DIRECT]
    assert len(direct) == 1
    assert direct[0].text == "We will win And we will not stop"
    assert len(direct[0].parts) == 2 and direct[0].speaker == "Jane Doe"


def test_multi_paragraph_quote_and_surname():
    text = (
        "Senator Mary Smith spoke on Monday.\n“We need more funds,” Smith said. “Our schools"
        " are failing.\n“And nobody cares.”\n"
    )
    direct = [s for s in attribute(Document(id="d", text=text)) if s.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker == "Mary Smith"
    assert direct[0].text.endswith("And nobody cares")


def test_dash_colon_and_unattributed():
    text = (
        "The vote is next week.\n“We are ready.” — Dan Scavino\nPutin: “Nothing is agreed.”\n"
        "Some said it was “a farce” in the end.\n"
    )
    statements = attribute(Document(id="d", text=text))
    by_text = {s.text: s for s in statements}
    assert by_text["We are ready"].speaker == "Dan Scavino"
    assert by_text["Nothing is agreed"].speaker == "Putin"
    assert by_text["a farce"].kind is StatementKind.PARTIAL


@pytest.mark.parametrize("dash", ["—", "–", "―", "--"])
def test_every_quotation_dash_names_the_speaker(dash):
    """The horizontal bar (―) is the typographer's quotation dash; a quote opened with a
    reversed mark (”…”) still closes and is credited."""
    text = (
        "Readers wrote in.\n\n”He shows no respect for anybody.” " + dash + "\xa0Jorge Falcon.\n\n"
        "“We can build a wall around him.” " + dash + " Steve Quinlan\n"
    )
    by_text = _by_text(text)
    assert by_text["He shows no respect for anybody"].speaker == "Jorge Falcon"
    assert by_text["We can build a wall around him"].speaker == "Steve Quinlan"
    assert by_text["We can build a wall around him"].kind is StatementKind.DIRECT


def test_a_quote_paragraph_after_reported_speech_goes_on_with_its_speaker():
    text = (
        "House Republican Thomas Massie now said Trump had “the opportunity to bring us "
        "together.”\n\n“I think he can do that, but the biggest unifier is Hillary Clinton.”\n"
    )
    by_text = _by_text(text)
    follow_on = by_text["I think he can do that, but the biggest unifier is Hillary Clinton"]
    assert follow_on.speaker == "Thomas Massie"
    assert follow_on.speaker_mention.text == "House Republican Thomas Massie"


def test_a_tagged_quote_according_to_an_outlet_gets_it_as_via():
    text = (
        "“Delegates should be able to vote the way they see fit,” Scott Walker said, according "
        "to the Associated Press.\n"
    )
    quote = _by_text(text)["Delegates should be able to vote the way they see fit"]
    assert (quote.speaker, quote.via) == ("Scott Walker", "the Associated Press")


def test_unattributable_quote_kept_with_no_speaker():
    statements = attribute(Document(id="d", text="The sign read “closed for good” all week."))
    assert len(statements) == 1
    assert statements[0].speaker is None
    assert statements[0].confidence == CONFIDENCE[Rule.NO_SPEAKER]


@pytest.mark.parametrize(
    "text",
    [
        "He said “this never closes. And ” stray ” marks “ everywhere.",
        ("word " * 40_000) + "said that “x”.",
        "",
        "   \n\n  ",
        "Der Kanzler sagte „Wir schaffen das“ und ging. Путин заявил, что «всё хорошо».",
    ],
    ids=["unbalanced", "huge-paragraph", "empty", "blank", "non-english"],
)
def test_bad_input_never_crashes(text):
    statements = attribute(Document(id="bad", text=text))
    for statement in statements:
        assert 0 <= statement.start <= statement.end <= len(text)
        assert 0.0 <= statement.confidence <= 1.0


def test_attribute_many_keeps_every_document():
    docs = [
        Document(id=f"d{n}", text=t)
        for n, t in enumerate(["", "Jane Smith said that taxes will rise.", "x"])
    ]
    results = attribute_many([(d, ()) for d in docs])
    assert len(results) == 3
    assert results[1] and results[1][0].speaker == "Jane Smith"


def test_fragment_is_partial_with_the_sentence_subject_as_speaker():
    text = "Lawmakers met.\nJane Moore thanked him for “stepping up and taking action” today.\n"
    reported, fragment = attribute(Document(id="d", text=text))
    assert fragment.kind is StatementKind.PARTIAL
    assert fragment.text == "stepping up and taking action"
    assert fragment.speaker == "Jane Moore" and fragment.cue.text == "thanked"
    assert reported.kind is StatementKind.INDIRECT  # the object with what it is thanked for
    assert reported.text == "him for “stepping up and taking action” today"
    assert reported.speaker == "Jane Moore"


def test_sentence_quote_after_colon_or_comma_is_direct():
    text = (
        "Voters waited.\nHere is Clinton in December 1992: “Our new direction must rest on "
        "the new realities.”\nHe answered, “I have no idea.”\n"
    )
    direct = [s for s in attribute(Document(id="d", text=text)) if s.kind == "direct"]
    assert [s.text for s in direct] == [
        "Our new direction must rest on the new realities",
        "I have no idea",
    ]


def test_standalone_quote_takes_the_subject_of_the_sentence_before():
    text = (
        "The ad ran on Monday.\nJohn Valastro praised the governor at length.\n"
        "“We need someone who is going to cut through the noise.”\n"
    )
    quote = next(s for s in attribute(Document(id="d", text=text)) if s.kind == "direct")
    assert quote.speaker == "John Valastro"


def test_object_and_infinitive_cues_give_reported_statements():
    text = "Senator Jane Smith criticized the new tax plan.\nShe wants to repeal the law.\n"
    statements = attribute(Document(id="d", text=text))
    by_text = {s.text: s for s in statements}
    assert by_text["the new tax plan"].speaker == "Jane Smith"
    assert by_text["to repeal the law"].kind is StatementKind.INDIRECT
    assert by_text["to repeal the law"].speaker == "Jane Smith"


def test_according_to_at_the_end_and_parenthetical_said():
    text = (
        "There are four million fewer players than a decade ago, according to the National "
        "Golf Foundation.\nIn any case, Mr. DiPietro said, the golf industry was over-supplied.\n"
    )
    by_text = _by_text(text)
    according = by_text["There are four million fewer players than a decade ago"]
    assert according.speaker == "the National Golf Foundation"
    aside = by_text["In any case the golf industry was over-supplied"]
    assert aside.speaker == "DiPietro" and len(aside.parts) == 2
    assert "said" not in aside.text


def test_second_speaker_clause_is_its_own_statement():
    text = (
        "Several supporters said the former president made a good case, while other voters "
        "said they had not heard anything new.\n"
    )
    by_text = _by_text(text)
    first = by_text["the former president made a good case"]
    assert first.speaker_mention.text == "Several supporters"
    assert by_text["they had not heard anything new"].speaker_mention.text == "other voters"


def test_dateline_is_not_a_speaker_and_appositive_before_colon_is():
    text = (
        "LONDON (Reuters) - Donald Trump said he was unlikely to get along with Cameron.\n"
        "Her senior adviser, Jake Sullivan, said: “Hillary Clinton believes in cooperation.”\n"
    )
    statements = attribute(Document(id="d", text=text))
    assert statements[0].speaker == "Donald Trump"
    quote = next(s for s in statements if s.kind == "direct")
    assert quote.speaker_mention.text == "Jake Sullivan"
