"""Speakers read from the dependency parse (`resolve.subjects`, through `attribute`): the parser's
usual slips and the constructions whose speaker is not the cue verb's own subject. These
load the real spaCy model."""

import pytest

from factcheck.attribution.pipeline import attribute
from factcheck.records import Document
from tests.attribution.helpers import frame_mention, mention_by_cue, statement_by_cue
from tests.attribution.written import written_parse

# (text, cue, the speaker mention as written): one sentence each
MENTIONS = [
    # two subjects on one verb: the pronoun, not the relative before it
    (("The emails went to the State Department, which she said represented all her "
     "work emails."), "said", "she"),
    # a participle after a comma belongs to the main clause's subject
    (("Rubio had a strong moment that could play big in his home state, forcefully "
     "denouncing the Castro regime."), "denouncing", "Rubio"),
    # the passive subject of a verb controlling a to-clause says it
    ("Mr. Trump was prompted to say that he cannot believe how civil it is.", "say",
     "Mr. Trump"),
    ("Advisers to Mr. Rubio are quick to point out that he has placed second.", "point",
     "Advisers"),
    # a name the parser took for an adverb
    ("Jolly said he has worked with Republicans and Democrats on legislation.", "said",
     "Jolly"),
    # a time the parser took for the subject is never the speaker
    (("Sunday on CNN's show, when asked about Donald Trump, President Barack Obama said "
     "he expected that Americans will reject his policy."), "said",
     "President Barack Obama"),
    # the agent of a by-phrase
    ("When asked by a reporter whether this differed from Nazi Germany, Trump said no.",
     "asked", "a reporter"),
    (("The super PAC started reserving ad time in swing states this week, as first "
     "reported by the New York Times on Tuesday."), "reported", "the New York Times"),
    # the noun an object participle modifies, and the subject of 'the first … to'
    ("Many carried placards supporting Sanders.", "supporting", "placards"),
    ("Grijalva was the first Democrat in Congress to endorse Sanders in the primary.",
     "endorse", "Grijalva"),
    # a verb the parser attached loosely ('dep') shares its head's subject
    (("Mr. Bush, channeling his respectful roots, responded by first saying that Mr. "
      "Trump had some good ideas."), "saying", "Mr. Bush"),
    # the noun whose clause ends right before a subjectless verb
    (("In her New Year speech, Merkel, who has adopted one of the most open policies in "
      "Europe toward asylum seekers fleeing war in the Middle East, warned against the "
      "forces of hate once again."), "warned", "Merkel"),
    (("Trump, speaking later at a rally in Charleston, West Virginia, did not mention Ryan "
      "directly."), "mention", "Trump"),
    # a document speaks for whoever issued it, or whose it is
    (("Sanders supporters have launched petitions calling on superdelegates to back the "
      "will of voters at the convention."), "calling", "Sanders supporters"),
    ("Trump responded to Hillary Clinton's speech denouncing his plan.", "denouncing",
     "Hillary Clinton"),
    # a subject the parser hung on the auxiliary
    (("Well, if you read between the lines, Trump wasn't so much saying that easy money "
      "wouldn't work but that he was afraid it would."), "saying", "Trump"),
    # 's before a participle with an object is 'has', not a passive
    (("Ever since Bernie Sanders announced his candidacy, he's said that it is not about "
      "him."), "said", "he"),
    # a floating quantifier is not the subject when the group is written
    (("Republican establishment figures — whose party was once respected for its "
      "discipline — both suggested the speechwriter be fired."), "suggested",
     "Republican establishment figures"),
    # a participle after 'the proportion of voters' describes the voters
    (("The proportion of GOP primary voters saying they want a ban on Muslims entering "
      "the country is as high as three-quarters."), "saying", "GOP primary voters"),
    # 'of' inside a name belongs to the mention
    (("The gains were held back by news from the Bank of Japan, which did not announce "
      "as much stimulus as many had hoped."), "announce", "the Bank of Japan"),
    # a participle or to-clause on a phrase of circumstance is the clause subject's
    (("He has battled with the mayor over the city's finances, at one point calling the "
      "mayor a liar."), "calling", "He"),
    (("They will also be under pressure to pledge that their choices would roll back "
      "court decisions."), "pledge", "They"),
    # the author of a document cited with 'according to'
    (("However, that news will come with a strong bias, according to a post from "
      "Arianna Huffington."), "according to", "Arianna Huffington"),
    # 'called for' is a verb of its own, though the parser hung it on its subject
    (("In the days before the appearance at AIPAC, a group of rabbis called for a boycott "
      "of his speech, and the league denounced it."), "called", "a group"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "cue", "mention"), MENTIONS)
def test_speaker_mention(text, cue, mention):
    assert mention_by_cue(text, cue) == mention


@pytest.mark.parametrize(("text", "cue", "mention"), MENTIONS)
def test_speaker_mention_on_a_written_parse(text, cue, mention):
    assert frame_mention(written_parse(text), cue) == mention


@pytest.mark.slow
def test_a_verb_of_naming_that_only_gives_a_name_says_nothing():
    text = "An anti-Trump super PAC called Our Principles is ramping up its operations."
    assert attribute(Document(id="d", text=text)) == []
    said = attribute(Document(id="d", text="Trump called him a “pathological liar” on Friday."))
    assert [s.text for s in said] == ["him a “pathological liar” on Friday", "pathological liar"]


@pytest.mark.slow
def test_expletive_it_is_nobody():
    text = "It's easy to criticize the length of American campaigns."
    statement = statement_by_cue(text, "criticize")
    assert statement.speaker is None and statement.speaker_mention is None


@pytest.mark.parametrize(
    ("text", "cue", "mention"),
    [
        # expletive 'it' is nobody
        ("It's easy to criticize the length of American campaigns.", "criticize", None),
        # a verb after an aside is the noun's own verb
        (("De Blasio, speaking on WOR710, called Trump a “blowhard,” and said his remarks "
          "were priceless."), "called", "De Blasio"),
        (("De Blasio, speaking on WOR710, called Trump a “blowhard,” and said his remarks "
          "were priceless."), "said", "De Blasio"),
        # the mention stops before a modifier past a comma
        ("Beruff, a Scott ally, called Florida’s standards “strong.”", "called", "Beruff"),
        ("Trump dropped it, according to two senators present who requested anonymity.",
         "according to", "two senators present"),
    ],
)
def test_asides_and_expletives_on_a_written_parse(text, cue, mention):
    assert frame_mention(written_parse(text), cue) == mention


@pytest.mark.slow
def test_question_without_asker_reports_the_question_not_the_answer():
    text = ("Asked about that vote specifically, Mark-Viverito pointed to Clinton's current "
            "support for licenses.")
    asked = statement_by_cue(text, "Asked")
    assert asked.speaker is None
    assert asked.text == "that vote specifically"


@pytest.mark.slow
def test_subordinate_clause_cue_is_not_parenthetical():
    text = ("A year after it was announced, no one had come to the U.S. under the program, and "
            "some families said they were forced to pay smugglers.")
    statements = attribute(Document(id="d", text=text))
    assert not any(s.cue is not None and s.cue.text == "announced" for s in statements)
    said = statement_by_cue(text, "said")
    assert said.speaker == "some families"
    assert said.text == "they were forced to pay smugglers"


@pytest.mark.slow
def test_verb_after_an_aside_is_the_nouns_own_verb():
    text = ("De Blasio, speaking on WOR710, called Trump a “blowhard,” and said his remarks "
            "were priceless.")
    assert mention_by_cue(text, "called") == "De Blasio"
    assert mention_by_cue(text, "said") == "De Blasio"


@pytest.mark.slow
def test_mention_stops_before_a_modifier_past_a_comma():
    text = "Beruff, a Scott ally, called Florida’s standards “strong.”"
    assert mention_by_cue(text, "called") == "Beruff"
    text = "Trump dropped it, according to two senators present who requested anonymity."
    assert mention_by_cue(text, "according to") == "two senators present"
