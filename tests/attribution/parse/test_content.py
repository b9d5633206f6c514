"""Content spans that cover what PolNeAR's Content covers (the frame tests run on a parse
written by hand and on the real parser's; the attribute tests load the real spaCy model)."""

import pytest

from factcheck.attribution.parse.frames import frame_of


def _frames(doc) -> dict[str, tuple[str | None, str | None]]:
    """The frames of one sentence's parse: cue word -> (mention, content), as text."""
    sentence = doc.text
    found = {}
    for token in doc:
        frame = frame_of(token, 0, 0)
        if frame is not None:
            mention = sentence[frame.mention[0] : frame.mention[1]] if frame.mention else None
            content = sentence[frame.content[0] : frame.content[1]] if frame.content else None
            found[token.text] = (mention, content)
    return found


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        (  # the object with what the cue says of it
            "Trump dismissed him as the latest incarnation of Pat Buchanan.",
            "dismissed",
            "him as the latest incarnation of Pat Buchanan",
        ),
        (
            "She praised Fields for pursuing charges in the case.",
            "praised",
            "Fields for pursuing charges in the case",
        ),
        (  # the object before an infinitive or a prepositional content
            "He urged the department to process the emails by July.",
            "urged",
            "the department to process the emails by July",
        ),
        (
            "Sanders accused Clinton of ducking questions about her speeches.",
            "accused",
            "Clinton of ducking questions about her speeches",
        ),
        (  # the to-infinitive the parser hung on the cue after the object
            (
                "Trump called for a special prosecutor to oversee an investigation into the"
                " foundation."
            ),
            "called",
            "a special prosecutor to oversee an investigation into the foundation",
        ),
        (  # the content phrase parsed as the object's
            'Cruz accused the debate moderators of asking too many "please attack Ted" questions.',
            "accused",
            'the debate moderators of asking too many "please attack Ted" questions',
        ),
        (  # an apposition after the object is the writer's aside
            (
                "He cited the Head Start program, the federally funded pre-school delivered by"
                " schools."
            ),
            "cited",
            "the Head Start program",
        ),
    ],
)
def test_object_content_with_what_completes_it(parsed, sentence, cue, content):
    assert _frames(parsed(sentence))[cue][1] == content


def test_naming_verb_takes_the_object_with_its_name(parsed):
    frames = _frames(parsed(
        'He dismissed it, calling it a "paperwork error" that was reported by the Times.'
    ))
    assert frames["calling"] == ("He", 'it a "paperwork error" that was reported by the Times')
    sentence = (
        'She has called the ensuing chaos "a lesson I had to learn" about the need to manage it.'
    )
    called = _frames(parsed(sentence))["called"][1]
    assert called.startswith('the ensuing chaos "a lesson I had to learn"')


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        (  # a clause parsed without its subject
            (
                'Hemsley, the author of a book, said the days when the nation had "a somewhat'
                ' unifying story" from newspapers are gone.'
            ),
            "said",
            'the days when the nation had "a somewhat unifying story" from newspapers are gone',
        ),
        (  # no noun before a "that" is its subject
            (
                "Mr. Trump said Thursday that Those who do take on heavy debt struggle, even with a"
                ' "good" job.'
            ),
            "said",
            'that Those who do take on heavy debt struggle, even with a "good" job',
        ),
        (  # an adverbial clause hung on the cue, unless it is a cue of its own
            "He insisted it was a temporary dip, reflecting restlessness within an electorate.",
            "insisted",
            "it was a temporary dip, reflecting restlessness within an electorate",
        ),
        ("He said the plan was weak, adding that it would fail.", "said", "the plan was weak"),
        (  # a second that-clause of the cue
            (
                "He believes there are no good options, but that sometimes the lesser of two evils"
                " will have to do."
            ),
            "believes",
            "there are no good options, but that sometimes the lesser of two evils will have to do",
        ),
        (  # a that-clause read as a relative clause on the cue's adjunct
            (
                "The FBI said for the first time that “top secret” intelligence had passed through"
                " Clinton’s personal email server."
            ),
            "said",
            "that “top secret” intelligence had passed through Clinton’s personal email server",
        ),
        (
            (
                "Rubio predicted at the most recent GOP debate that Republicans will take"
                ' "every state" if Sanders wins.'
            ),
            "predicted",
            'that Republicans will take "every state" if Sanders wins',
        ),
    ],
)
def test_clause_content_as_far_as_it_goes(parsed, sentence, cue, content):
    assert _frames(parsed(sentence))[cue][1] == content


def test_relative_that_stays_a_relative_pronoun(parsed):
    assert _frames(parsed("She spoke about the man that she met in Iowa."))["spoke"][1] == (
        "the man that she met in Iowa"
    )


def test_cue_read_as_a_relative_clause_on_its_own_subject(parsed):
    sentence = (
        "Multiple outlets reported on Wednesday the Secret Service had more than one"
        " conversation with Trump."
    )
    assert _frames(parsed(sentence))["reported"] == (
        "Multiple outlets",
        "the Secret Service had more than one conversation with Trump",
    )


@pytest.mark.slow
def test_reported_speech_around_a_partial_quote_keeps_the_quote():
    from factcheck.attribution.pipeline import attribute
    from factcheck.records import Document

    text = "Clinton decried the GOP for “turning its back” on America’s working families."
    statements = attribute(Document(id="d", text=text))
    found = [(s.kind.value, s.text, s.speaker_mention.text) for s in statements]
    assert found == [
        ("indirect", "the GOP for “turning its back” on America’s working families", "Clinton"),
        ("partial", "turning its back", "Clinton"),
    ]


@pytest.mark.slow
def test_fragment_verb_reports_its_complement_around_the_fragment():
    from factcheck.attribution.pipeline import attribute
    from factcheck.records import Document

    text = (
        "Trump ripped FBI Director James Comey for acting as “the judge and the jury” in the probe."
    )
    found = [(s.kind.value, s.text, s.speaker) for s in attribute(Document(id="d", text=text))]
    assert found == [
        (
            "indirect",
            "FBI Director James Comey for acting as “the judge and the jury” in the probe",
            "Trump",
        ),
        ("partial", "the judge and the jury", "Trump"),
    ]


@pytest.mark.slow
def test_fragment_that_is_the_whole_complement_stays_one_statement():
    from factcheck.attribution.pipeline import attribute
    from factcheck.records import Document

    text = "Jane Moore welcomed “the recognition of our work” today."
    found = [(s.kind.value, s.text, s.speaker) for s in attribute(Document(id="d", text=text))]
    assert found == [("partial", "the recognition of our work", "Jane Moore")]


@pytest.mark.slow
def test_cue_object_holding_a_quote_is_what_was_said():
    from factcheck.attribution.pipeline import attribute
    from factcheck.records import Document

    text = (
        "The spokesman admitted “one or two instances” where donations may have “slipped"
        " through the cracks.”"
    )
    found = [(s.kind.value, s.text) for s in attribute(Document(id="d", text=text))]
    assert found == [
        (
            "indirect",
            "“one or two instances” where donations may have “slipped through the cracks.”",
        ),
        ("partial", "one or two instances"),
        ("partial", "slipped through the cracks"),
    ]


def test_passive_cue_keeps_out_the_subject_asked(parsed):
    sentence = "Scott was asked about the Florida Standards, which were developed later."
    frames = _frames(parsed(sentence))
    assert frames["asked"] == (None, "the Florida Standards")  # the topic, without the aside


def test_cue_joined_to_the_reported_clause_ends_it_and_keeps_the_speaker(parsed):
    sentence = "Trump said he hasn't decided yet and suggested that the party should wait."
    found = _frames(parsed(sentence))
    assert found["said"] == ("Trump", "he hasn't decided yet")
    assert found["suggested"] == ("Trump", "that the party should wait")


def test_joined_cue_speaks_for_the_cue_not_for_the_reported_subject(parsed):
    sentence = (
        "Trump said Clinton hasn't apologized for the emails and suggested that she should "
        "drop out."
    )
    found = _frames(parsed(sentence))
    assert found["said"] == ("Trump", "Clinton hasn't apologized for the emails")
    assert found["suggested"] == ("Trump", "that she should drop out")
