"""Speaker resolution (`coref`) and names read from text (`names`), without a model."""

from factcheck.attribution.resolve.coref import SpeakerResolver
from factcheck.attribution.resolve.names import after_dateline, name_in, organisation, person_names
from factcheck.attribution.types import Rule


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


def test_subject_mention_opens_a_sentence():
    from factcheck.attribution.resolve.names import subject_mention

    def subject(text):
        found = subject_mention(text, 0, len(text))
        return found and text[found[0]:found[1]]

    assert subject("Moore thanked him for “stepping up”.") == "Moore"
    assert subject("But Hillary Clinton has said so.") == "Hillary Clinton"
    assert subject("She also referenced the “loophole”.") == "She"
    assert subject("MACAU (Reuters) – Sheldon Adelson said on Friday") == "Sheldon Adelson"
    assert subject("The judge then turned to me.") is None
    assert subject("In Ohio, he said") is None
    # a participle or a clause opener is no subject; a name ending in -ing is
    assert subject("Smiling broadly throughout her speech, she boomed “no”.") is None
    assert subject("What Trump said was “no”.") is None
    assert subject("Ebeling said “yes”. Then Ann Ebeling left.") == "Ebeling"
    # a subordinating word opening the sentence is not part of the mention
    assert subject("When Trump finally took the stage, he said “hello”.") == "Trump"
    assert subject("Though typically rules permit proxies, it is “prohibited”.") is None


def test_she_goes_to_the_last_woman_and_he_skips_her():
    text = "Donald Trump spoke. Carly Fiorina answered. Then she left and he stayed."
    resolver = SpeakerResolver(text)
    resolver.remember("Carly Fiorina", 20)
    resolver.remember("Donald Trump", 0)
    resolver.history.sort()
    assert resolver.resolve("she", text.index("she"))[0] == "Carly Fiorina"
    assert resolver.resolve("he", text.index("he stayed"))[0] == "Donald Trump"
    assert resolver.is_female("Mrs. Abedin") is False
    assert SpeakerResolver("Mrs. Abedin wrote.").is_female("Huma Abedin")


def test_the_newspaper_is_the_outlet_named_before():
    text = "The Washington Post reported the deal. The newspaper said it was signed."
    resolver = SpeakerResolver(text)
    assert resolver.resolve("The newspaper", text.index("The newspaper"))[0] == (
        "the Washington Post"
    )
    assert SpeakerResolver("No outlet here.").resolve("the paper", 10)[0] == "the paper"


def test_datelines_are_skipped():
    for text, words in [
        ("WASHINGTON (AP) — Donald Trump said", "Donald Trump said"),
        ("CLEVELAND, July 19 (UPI) — Former Attorney General", "Former Attorney General"),
        ("RENO, Nev. (AP) — Republican hopeful", "Republican hopeful"),
        ("NATO said it would act", "NATO said it would act"),
        ("Washington (AFP) – Democrat Hillary Clinton", "Democrat Hillary Clinton"),
        ("New York (Reuters) - The mayor said", "The mayor said"),
        ("Bernie Sanders (I-Vt.) - who", "Bernie Sanders (I-Vt.) - who"),
        ("Smith said - no", "Smith said - no"),
    ]:
        assert text[after_dateline(text, 0, len(text)):] == words


def test_name_in_skips_of_phrases_and_quantifiers():
    from factcheck.attribution.resolve.coref import SpeakerResolver
    from factcheck.attribution.resolve.names import name_in

    assert name_in("Secretary of State John Kerry") == "John Kerry"
    assert name_in("Sen. Ted Cruz of Texas") == "Ted Cruz"
    resolver = SpeakerResolver("Several supporters said so. Many Republicans agreed.")
    assert resolver.resolve("Several supporters", 0)[0] == "several supporters"
    assert resolver.resolve("Many Republicans", 30)[0] == "many Republicans"


def test_both_before_conjoined_speakers_is_dropped():
    from factcheck.attribution.resolve.coref import SpeakerResolver

    resolver = SpeakerResolver("Both Trump and Putin agreed.")
    assert resolver.resolve("Both Trump and Putin", 0)[0] == "Trump and Putin"


def test_a_group_named_after_someone_is_not_that_person():
    text = "Hillary Clinton spoke in Ohio. Clinton aides said the plan was dead."
    resolver = SpeakerResolver(text)
    resolver.remember("Hillary Clinton", 0)
    assert resolver.resolve("Clinton aides", text.index("Clinton aides"))[0] == "Clinton aides"
    assert resolver.resolve("European leaders", len(text))[0] == "European leaders"
    assert resolver.resolve("Mrs. Clinton", len(text))[0] == "Hillary Clinton"


def test_it_and_you_name_no_speaker():
    resolver = SpeakerResolver("The report came out on Monday. It said the economy was weak.")
    assert resolver.resolve("It", 31) == (None, Rule.NO_SPEAKER)
    assert resolver.resolve("you", 31)[0] is None


def test_someone_named_inside_a_phrase_is_not_the_speaker():
    resolver = SpeakerResolver("Hillary Clinton aired an ad. A narrator in the Clinton ad asks why.")
    assert resolver.resolve("a narrator in the Clinton ad", 40)[0] == "a narrator in the Clinton ad"
    assert resolver.resolve("a spokesman for Trump", 40)[0] == "a spokesman for Trump"
    assert resolver.resolve("my colleague Pjotr Sauer", 40)[0] == "Pjotr Sauer"


def test_a_pronoun_skips_descriptions_that_are_no_person():
    resolver = SpeakerResolver("Ann Lee spoke. Their candidate said. He left.")
    resolver.remember("Ann Lee", 0)
    resolver.remember("their candidate", 15)
    resolver.remember("Jean de la Fontaine", 20)
    assert resolver.is_person("Jean de la Fontaine")
    assert not resolver.is_person("varying national heritage")
    assert resolver.resolve("she", 37)[0] == "Ann Lee"


def test_a_pronoun_never_falls_back_to_an_outlet_or_organisation():
    text = (
        "Quvenzhane Wallis met reporters. The Huffington Post and the Justice Department "
        "asked about the film. "
    )
    resolver = SpeakerResolver(text)
    assert resolver.resolve("she", len(text))[0] == "Quvenzhane Wallis"


def test_she_never_falls_back_to_a_known_man_nor_he_to_a_place():
    text = "Phyllis Schlafly wrote a column. Donald Trump read it. "
    assert SpeakerResolver(text).resolve("she", len(text))[0] == "Phyllis Schlafly"
    resolver = SpeakerResolver("Rhode Island voted. Jack Reed spoke. ")
    assert not resolver.is_person("Rhode Island")
    assert not resolver.is_person("Sandy Hook Elementary School")
    assert resolver.is_person("Jack Reed")
