"""Speaker resolution rules (no model)."""

from factcheck.coref import SpeakerResolver, name_in, organisation, person_names


def test_name_in_drops_titles_and_descriptions():
    assert name_in("Russian President Vladimir Putin") == "Vladimir Putin"
    assert name_in("my colleague Pjotr Sauer") == "Pjotr Sauer"
    assert name_in("a source") is None


def test_organisations_keep_lower_case_the():
    assert organisation("The White House") == "the White House"
    assert organisation("Moscow") is None


def test_surnames_and_titles_resolve_to_full_name():
    resolver = SpeakerResolver("Russian President Vladimir Putin spoke. Later Putin left.")
    assert "Vladimir Putin" in person_names(resolver.text)
    assert resolver.resolve("Putin", 40)[0] == "Vladimir Putin"
    assert resolver.resolve("President Putin", 40)[0] == "Vladimir Putin"
    assert resolver.resolve("Mr. Putin", 40)[0] == "Vladimir Putin"


def test_pronouns_follow_the_last_fitting_speaker():
    resolver = SpeakerResolver("Dan Scavino wrote. The Kremlin said. he wrote. they said.")
    resolver.remember("Dan Scavino", 0)
    resolver.remember("the Kremlin", 19)
    assert resolver.resolve("he", 36)[0] == "Dan Scavino"
    assert resolver.resolve("they", 46)[0] == "the Kremlin"
    assert resolver.resolve("we", 46)[0] is None


def test_conjoined_and_described_speakers():
    resolver = SpeakerResolver("")
    assert resolver.resolve("The Kremlin and the White House", 0)[0] == (
        "the Kremlin and the White House"
    )
    assert resolver.resolve("A source", 0)[0] == "a source"
