from factcheck.records import Document
from factcheck.sources.split import MAX_PASSAGE_CHARS, split


def _doc(text: str) -> Document:
    return Document(id="d", text=text)


def test_offsets_reproduce_text_and_paragraphs():
    text = "Mr. Smith went to Washington. He said “no.” Then left!\n\nNew paragraph here."
    passages = split(_doc(text))
    assert [p.text for p in passages] == [
        "Mr. Smith went to Washington.", "He said “no.”", "Then left!", "New paragraph here."]
    for p in passages:
        assert text[p.start:p.end] == p.text
        assert p.paragraph_start <= p.start and p.end <= p.paragraph_end
    assert passages[0].paragraph_end == passages[2].paragraph_end


def test_abbreviations_do_not_end_sentences():
    passages = split(_doc("Former U.S. President Donald Trump spoke. Then Sept. 11 came."))
    assert len(passages) == 2


def test_huge_paragraph_is_cut_into_bounded_passages():
    text = "word " * 60_000
    passages = split(_doc(text))
    assert len(passages) > 100
    assert max(len(p.text) for p in passages) <= MAX_PASSAGE_CHARS
    assert all(text[p.start:p.end] == p.text for p in passages)


def test_no_sentences_at_all():
    assert split(_doc("   \n\n  ")) == []
    assert [p.text for p in split(_doc("no punctuation here"))] == ["no punctuation here"]
