"""Quote scanner and quote frames (no model; the sentence splitter is tested in tests/sources)."""

from factcheck.attribution.quotes.adjacent import frame_after, frame_before
from factcheck.attribution.quotes.scan import find_quotes, is_sentence_quote


def _texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_curly_straight_and_doubled_apostrophes():
    text = "“One,” he said. \"Two\" and ''Three'' were said."
    assert _texts(text) == ["One", "Two", "Three"]


def test_national_marks_and_nested_quotes():
    assert _texts("Er sagte „Wir kommen“ heute.") == ["Wir kommen"]
    assert _texts("Il a dit « nous venons » hier.") == ["nous venons"]
    assert _texts("He said “she told me ‘no’ twice” today.") == ["she told me ‘no’ twice"]


def test_top_level_single_quotes_but_not_apostrophes():
    assert _texts("Putin’s aide called it ‘a gesture’ of goodwill.") == ["a gesture"]


def test_multi_paragraph_quote_continues():
    text = "“First part, he said.\n“Second part.”\nAfter."
    quotes = find_quotes(text)
    assert len(quotes) == 2
    assert not quotes[0].closed and quotes[1].continues


def test_unbalanced_marks_do_not_raise():
    text = "He said “never closed.\nA stray ” here. And “another"
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["never closed", "another"]


def test_frames_after_and_before():
    text = "“The call is going well,” he wrote. Putin: “We agree.”"
    first, second = find_quotes(text)
    after = frame_after(text, first, text.index("Putin"))
    assert text[after.cue[0]:after.cue[1]] == "wrote"
    assert text[after.mention[0]:after.mention[1]] == "he"
    before = frame_before(text, second, first.mark_end + 11)
    assert text[before.mention[0]:before.mention[1]] == "Putin"


def test_sentence_quotes_and_fragments():
    from factcheck.attribution.quotes.scan import is_sentence_quote

    text = "“We will win,” he said. He blasted Disney for its “outrageous practices” today."
    whole, fragment = find_quotes(text)
    assert is_sentence_quote(text, whole)
    assert not is_sentence_quote(text, fragment)


def test_inside_finds_the_enclosing_quote():
    from factcheck.attribution.quotes.scan import inside

    text = "A “b” c “d e” f"
    quotes = find_quotes(text)
    assert inside(quotes, text.index("d")) is quotes[1]
    assert inside(quotes, text.index("c")) is None
    assert inside([], 3) is None


def test_headings_and_link_lines():
    from factcheck.attribution.quotes.scan import is_heading

    assert is_heading("Trump Calls Putin")
    assert is_heading("Read more: the full story.")
    assert not is_heading("Putin said the call went well.")


def test_titles_are_not_sentence_quotes():
    text = "He starred in “Mercy Street,” and wrote “America's Unwritten Constitution.” “We will win,” he said."
    kinds = [is_sentence_quote(text, q) for q in find_quotes(text)]
    assert kinds == [False, False, True]


def test_capitalised_name_is_not_a_cue_before_a_colon():
    text = "Luis Osuna told The Huffington Post: “It is a lie.”"
    found = frame_before(text, find_quotes(text)[0], 0)
    assert text[found.cue[0]:found.cue[1]] == "told"
    assert text[found.mention[0]:found.mention[1]] == "Luis Osuna"


def test_triple_apostrophes_close_a_nested_quote_and_the_quote():
    text = "''Barbara Bush said, 'You weren't in line,''' Ms. Compton recalled. Then ''no.''"
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == [
        "Barbara Bush said, 'You weren't in line,'", "no"
    ]
    assert text[quotes[0].mark_end:].startswith(" Ms. Compton")


def test_straight_quote_right_after_a_colon_opens():
    text = 'Rep. Trey Gowdy (R-S.C.):"I have not heard that figure." He sat down.'
    assert _texts(text) == ["I have not heard that figure"]


def test_one_word_titles_and_headline_quotes():
    text = "He hosted “The Apprentice,” for years. Kasich: ‘We Are Going To Go All The Way.’"
    show, headline = find_quotes(text)
    assert not is_sentence_quote(text, show)
    assert is_sentence_quote(text, headline)  # a colon introduces it: a sentence, not a title
