"""Constructions whose speaker is not the cue's plain subject (`resolve.forms`, `subjectless`,
through `resolve.subjects.subject_of` and `attribute`): subjects written after the cue, passive
cues, objects that go on to act, light verbs, subjects the parser hung elsewhere; and the
contents cut around an attribution phrase. These load the real spaCy model."""

import pytest

from factcheck.attribution.pipeline import attribute
from factcheck.attribution.resolve.forms import infinitive, light_noun, object_control
from factcheck.records import Document
from tests.attribution.helpers import frame_mention, mention_by_cue, statement_by_cue
from tests.attribution.written import written_parse

# (text, cue, the speaker mention as written): one sentence each
MENTIONS = [
    # a subject after the cue, which the parser gave the reported clause or a 2nd subject
    (("The contrast with Trump, said Doyle and others, would be clear since Trump has no "
      "former presidents by his side."), "said", "Doyle and others"),
    (("Couple global exposure with a \"candidate who is a lightning rod\" and "
      "Clevelanders get nervous, said Christine Link, executive director of the ACLU."),
     "said", "Christine Link"),
    # a subject after the cue, the subject before it set off by a comma only
    (("Any cleareyed interpretation of the actions, said Michael Kofman, an expert on "
      "Russia, would read this as a public admission that the United States is bowing "
      "out."), "said", "Michael Kofman"),
    # a name after the cue the parser took for an adverb, reached from a participle
    (("“Having access to the file is valuable,” said Skelly, explaining he worked more "
      "closely with Chrabaszcz."), "explaining", "Skelly"),
    # an age in apposition is not the speaker; nor an object pronoun in an aside
    (("As a part of his plea, Marcel Lehel Lazar, 44, said that he victimized nearly 100 "
      "Americans."), "said", "Marcel Lehel Lazar"),
    (("Speaking in Harlem, Clinton, without naming him, also accused Sanders of being a "
      "latecomer to racial justice issues."), "accused", "Clinton"),
    # the subject a noun's for-phrase gives a to-clause; the object of 'require'
    (("The focus on national security following the Paris terrorist attacks has created a "
      "natural opening for Clinton to highlight her experience as secretary of State."),
     "highlight", "Clinton"),
    (("That, however, would require Republicans in Washington to recognize that the "
      "threat of climate change is not simply a left-wing fantasy."), "recognize",
     "Republicans"),
    # the one given what a to-clause says
    (("The rise of Bannon gave Beck new impetus to oppose Trump and to reach out to "
      "conservatives."), "oppose", "Beck"),
    # the first verb of a series the parser took for a reported clause
    (("On Sunday, Pastor Bradley Cranston stood at his pulpit in Burlington, Iowa, and, "
      "citing Exodus 18:21 (''select out of all the people able men who fear God ... as "
      "leaders''), endorsed Senator Ted Cruz of Texas, urging him on."), "endorsed",
     "Pastor Bradley Cranston"),
    # a passive subject speaks for the verbs conjoined to its verb
    (("Sanders is appealing to voters such as Borders, who are drawn to his message of "
      "economic justice and feel that many of the crime policies have done harm."),
     "feel", "Borders"),
    # the predicate of a copula
    (("At the same time, Trump has been the most aggressive in the Republican field in "
      "denouncing the mainstream media."), "denouncing", "Trump"),
    # the object of a light verb
    (("In responding Friday, Clinton's campaign took the unusual step of criticizing the "
      "intelligence community."), "criticizing", "Clinton's campaign"),
    # an object that goes on to act; not one that is only asked to
    (("The decisive victory led Republican National Committee Chairman Reince Priebus to "
      "declare that Trump was the presumptive nominee."), "declare",
     "Republican National Committee Chairman Reince Priebus"),
    ("Trump urged voters to reject the claim that he lied.", "reject", "Trump"),
    # the subject of a series the parser split into clauses
    (("Trump further summed up Clinton as “terrible,” denounced her record as secretary "
      "of state and said she should not even be allowed to run for office."), "said",
     "Trump"),
    # a name the parser took for an interjection, before a progressive verb
    (("Trump, meanwhile, was making a fresh pitch to Sanders voters, refusing to concede "
      "that the Vermont senator’s backers were unlikely to vote for him."), "refusing",
     "Trump"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "cue", "mention"), MENTIONS)
def test_speaker_mention(text, cue, mention):
    assert mention_by_cue(text, cue) == mention


@pytest.mark.parametrize(("text", "cue", "mention"), MENTIONS)
def test_speaker_mention_on_a_written_parse(text, cue, mention):
    assert frame_mention(written_parse(text), cue) == mention


# (text, a cue without a speaker)
NO_SPEAKER = [
    # passive cues: what is said is the subject, nobody in particular says it
    (("Kyle, referred to as the deadliest sniper in US military history, has been seen as "
      "a conservative icon."), "seen"),
    (("Kyle, referred to as the deadliest sniper in US military history, has been seen as "
      "a conservative icon."), "referred"),
    ("Low oil prices, seen as a boon for drivers, have hurt the economy.", "seen"),
    # a means, not a speaker: 'justified by arguing'
    (("Their hostility is often justified by arguing that Islam is incompatible with "
      "liberal democracy."), "arguing"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "cue"), NO_SPEAKER)
def test_no_speaker(text, cue):
    statement = statement_by_cue(text, cue)
    assert statement.speaker is None and statement.speaker_mention is None


@pytest.mark.parametrize(("text", "cue"), NO_SPEAKER)
def test_no_speaker_on_a_written_parse(text, cue):
    assert frame_mention(written_parse(text), cue) is None


@pytest.mark.slow
def test_interrupting_cue_is_cut_out_of_the_content():
    text = "The contrast with Trump, said Doyle and others, would be clear to voters."
    said = statement_by_cue(text, "said")
    assert said.text == "The contrast with Trump would be clear to voters"
    assert said.speaker == "Doyle and others"


@pytest.mark.slow
def test_according_phrase_is_cut_whole():
    text = ("The AP found that, according to an analysis of her calendar, most of her meetings "
            "were with donors.")
    assert statement_by_cue(text, "according to").text == "most of her meetings were with donors"
    text = ("Most of her meetings, according to an analysis of her calendar by the AP, were "
            "with donors.")
    according = statement_by_cue(text, "according to")
    assert according.text == "Most of her meetings were with donors"
    assert according.speaker == "the AP"


@pytest.mark.slow
def test_a_request_answered_is_no_statement():
    text = ("The Trump campaign did not respond to requests for an interview with Manafort. "
            "Love did not respond to a request for comment.")
    statements = attribute(Document(id="d", text=text))
    assert not any(s.cue is not None and s.cue.text == "respond" for s in statements)


def test_helpers_on_a_parse(parsed):
    doc = parsed("The victory led Priebus to declare that he won.")
    declare = next(t for t in doc if t.text == "declare")
    assert infinitive(declare)
    assert object_control(declare).text == "Priebus"
    doc = parsed("Clinton's campaign took the unusual step of criticizing the agencies.")
    assert light_noun(next(t for t in doc if t.text == "step"))
    assert not light_noun(next(t for t in doc if t.text == "agencies"))


@pytest.mark.parametrize(
    "text",
    [
        "The Vermont senator emailed supporters saying: “The struggle continues.”",
        ("The Vermont senator sent out a text message to supporters saying: “The struggle "
         "continues.”"),
    ],
)
def test_the_sender_speaks_not_the_addressees(text):
    statements = attribute(Document(id="d", text=text))
    assert [(s.text, s.speaker) for s in statements] == [
        ("The struggle continues", "the Vermont senator")
    ]
