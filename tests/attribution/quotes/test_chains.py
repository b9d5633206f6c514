"""Quotes as statements: kinds, and pieces joined into one statement (no model: a plan
without parsed frames)."""

import bisect
from dataclasses import dataclass, field

import pytest

from factcheck.attribution.pipeline import attribute
from factcheck.attribution.quotes.chains import quote_chains
from factcheck.attribution.quotes.scan import find_quotes, paragraphs
from factcheck.records import Document
from factcheck.sources.split import sentences


@dataclass
class _Plan:
    text: str
    sentences: list = field(default_factory=list)
    frames: list = field(default_factory=list)
    quotes: list = field(default_factory=list)

    def __post_init__(self):
        self.sentences = [s for a, b in paragraphs(self.text) for s in sentences(self.text, a, b)]
        self.quotes = find_quotes(self.text)

    def sentence_at(self, position: int) -> int:
        return max(bisect.bisect_right([s for s, _ in self.sentences], position) - 1, 0)


def _chains(text: str) -> list[tuple[str, list[str]]]:
    return [(d.kind.value, [text[s:e] for s, e in d.parts]) for d in quote_chains(_Plan(text))]


def test_quote_and_tag_form_is_direct_whatever_the_verb():
    text = "“Go back to Univision,” Trump barked and a guard escorted Ramos out."
    assert _chains(text) == [("direct", ["Go back to Univision"])]


def test_exclamation_ending_the_sentence_is_direct_but_not_inside_prose():
    assert _chains("Then a man yelled “Stay there!”") == [("direct", ["Stay there!"])]
    assert _chains("He yelled “You lie!” at the president.") == [("partial", ["You lie!"])]


def test_quote_after_a_run_in_heading_in_capitals():
    text = "TOP STORIES\n\nOBAMA’S LAST SPEECH “The president will frame the choice.” [AP.]"
    assert _chains(text)[0][0] == "direct"


def test_a_title_outside_reported_speech_is_not_a_statement():
    text = "He was the host of the reality show “The Apprentice,” for years."
    assert _chains(text) == []


def test_next_paragraph_quote_goes_on_with_the_tagged_quote():
    text = "“We have to do something,” he said.\n\n“We are playing with other rules.”\n\nHe left."
    assert _chains(text) == [
        ("direct", ["We have to do something", "We are playing with other rules"])
    ]


def test_an_open_quote_then_one_tagged_with_another_name_stay_apart():
    text = (
        "“It’s a dog whistle,” Rep. Gwen Moore (D-Wis.) said. “If indeed he is not legitimate."
        "\n“I have been thinking about the country,” added Rep. Jim Clyburn (D-S.C.).\n"
    )
    statements = attribute(Document(id="d", text=text))
    assert [(s.speaker, s.text[:12]) for s in statements] == [
        ("Gwen Moore", "It’s a dog w"), ("Jim Clyburn", "I have been ")
    ]
    text = "“We won,” Sanders said. “And we go on.\n“Because we must,” he said.\n"
    assert [s.speaker for s in attribute(Document(id="d", text=text))] == ["Sanders"]


def test_a_quoted_transcript_line_is_credited_to_its_speaker_label():
    text = (
        "Chris Wallace asked Mike Pence. Partial transcript as follows:\n\n"
        "\"WALLACE: Will she be there tomorrow night?\n\n"
        "\"PENCE: Well, the question really should be why.\"\n\n"
        "The sign read \"UPDATE: The debate is on.\"\n"
    )
    statements = attribute(Document(id="d", text=text))
    assert [(s.speaker, s.speaker_mention and s.speaker_mention.text, s.text) for s in statements] == [
        ("Chris Wallace", "WALLACE", "Will she be there tomorrow night?"),
        ("Mike Pence", "PENCE", "Well, the question really should be why"),
        (None, None, "UPDATE: The debate is on"),
    ]


def test_a_question_and_the_quote_after_it_stay_apart():
    text = "“Who will pay for it?” he asked.\n\n“Mexico!”"
    assert [parts for _, parts in _chains(text)] == [["Who will pay for it?"], ["Mexico!"]]


def test_a_narrative_sentence_between_breaks_the_statement():
    text = "“We will build it,” he said. He then turned to the crowd.\n\n“Who will pay?”"
    assert len(_chains(text)) == 2


def test_title_quoted_in_the_tag_does_not_break_the_statement():
    text = "“I had a bad earpiece,” Trump told NBC’s “Today” on Monday. “I could hardly hear.”"
    chains = _chains(text)
    assert chains[0] == ("direct", ["I had a bad earpiece", "I could hardly hear"])
    assert chains[1] == ("partial", ["Today"])


def _tagged(text: str) -> list[tuple[str, str | None, str | None]]:
    """Each quote statement's first words, cue and mention."""
    out = []
    for draft in quote_chains(_Plan(text)):
        frame = draft.frame
        cue = text[frame.cue[0] : frame.cue[1]] if frame else None
        mention = text[frame.mention[0] : frame.mention[1]] if frame and frame.mention else None
        out.append((text[draft.parts[0][0] : draft.parts[0][1]][:12], cue, mention))
    return out


def test_a_tag_in_the_long_sentence_after_an_exclamation():
    text = (
        '"And I\'m not being paid!" LeVell declared, a point he likes to make after radio '
        'callers asked how much he was paid. "I make my own money."'
    )
    chains = _tagged(text)
    assert chains[0] == ("And I'm not ", "declared", "LeVell")
    assert len(chains) == 1  # the next quote goes on with LeVell's statement


def test_a_dash_line_under_a_quote_names_its_speaker():
    text = (
        'Other news.\n\n"Boeing and GE and other multinationals pay zero taxes."\n\n'
        "- Sanders.\n\nThis is a complex issue."
    )
    assert _tagged(text) == [("Boeing and G", "-", "Sanders")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Fiorina, speaking to Iowans, said, “Last time I looked, you hadn’t voted yet.”",
            "Fiorina",
        ),
        (
            (
                "Clinton, speaking to reporters on her plane en route to Tampa, said of the request: "
                "“The FBI resolved all of this.”"
            ),
            "Clinton",
        ),
    ],
)
def test_a_mention_after_a_preposition_gives_way_to_the_parsed_subject(text, speaker):
    from factcheck.attribution.pipeline import attribute
    from factcheck.records import Document

    quotes = [s for s in attribute(Document(id="d", text=text)) if s.kind.value == "direct"]
    assert [s.speaker for s in quotes] == [speaker]


def test_the_scanned_speaker_fills_a_parsed_frame_without_one():
    from factcheck.attribution.types import Frame

    text = "“We will win,” Beck said."
    cue = (text.index("said"), text.index("said") + 4)
    plan = _Plan(text)
    plan.frames = [Frame(cue, None, None, 0)]
    quote_chains(plan)
    mention = plan.frames[0].mention
    assert mention is not None and text[mention[0] : mention[1]] == "Beck"


def test_a_title_inside_reported_speech_stays_a_partial_quote():
    text = (
        "The office was once used for building sets for the reality TV show “The Apprentice.” "
        "Trump said the show “The Apprentice” made him famous."
    )
    statements = attribute(Document(id="d", text=text))
    titles = [s for s in statements if s.text == "The Apprentice"]
    assert [(s.kind, s.speaker, s.start) for s in titles] == [
        ("partial", "Trump", text.rindex("The Apprentice"))
    ]
