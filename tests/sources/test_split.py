import ast
import tomllib
from fnmatch import fnmatch
from importlib import resources
from pathlib import Path

import pytest

from factcheck.records import Document
from factcheck.sources.split import MAX_PASSAGE_CHARS, sentences, split

_ROOT = Path(__file__).resolve().parents[2]


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


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_sentences_keep_abbreviations():
    text = "Mr. Putin met U.S. officials. They talked. “Yes.” He left"
    expected = ["Mr. Putin met U.S. officials.", "They talked.", "“Yes.”", "He left"]
    assert _sentences(text) == expected


def test_sentences_split_before_doubled_apostrophes():
    text = "He left. ''We are done,'' she said."
    assert _sentences(text) == ["He left.", "''We are done,'' she said."]


def test_sentence_ends_at_an_abbreviation_before_a_quote_but_not_after_a_title():
    text = 'He spoke in Santa Monica, Calif. "It is over." Then Sen. "Bernie" Sanders left.'
    assert _sentences(text) == [
        "He spoke in Santa Monica, Calif.", '"It is over."', 'Then Sen. "Bernie" Sanders left.'
    ]


@pytest.mark.parametrize("text", [
    "U.S. officials said the talks failed.",
    "Sen. Warren spoke. ",
    "Former U.S. President George H.W. Bush and then-Sen. Barack Obama met.",
    "It was his No. 1 priority on Sept. 11 in the U.S. Senate.",
    "Rep. Robert C. “Bobby” Scott spoke at 7 p.m. Eastern.",
    "Did Mexican Troops Aid the U.S. After Hurricane Katrina?",
])
def test_abbreviations_titles_initials_and_headlines_do_not_end_sentences(text):
    assert _sentences(text) == [text.strip()]


@pytest.mark.parametrize("text, first", [
    ("Trump proposed a ban on Muslims entering the U.S. The proposal drew criticism.",
     "Trump proposed a ban on Muslims entering the U.S."),
    ("Asked if he was bullied, he said no. But he said it happens.",
     "Asked if he was bullied, he said no."),
    ("“We love the U.S.” He left.", "“We love the U.S.”"),
    ("It was like Trump's. She lost.", "It was like Trump's."),
    ("I don't. But I can.", "I don't."),
    ("So am I. I am a fair trader.", "So am I."),
    ("It went to Patty Judge (D). Grassley lost.", "It went to Patty Judge (D)."),
])
def test_a_full_stop_after_a_word_that_may_end_a_sentence_ends_it(text, first):
    assert _sentences(text) == [first, text[len(first):].strip()]


def test_passages_and_attribution_read_the_same_sentences():
    text = "Mr. Smith said ''no.'' Then he left for the U.S. He came back.\nNew line here."
    passages = split(_doc(text))
    assert [(p.start, p.end) for p in passages] == sentences(text)


def test_sentences_of_a_huge_paragraph_of_abbreviations_are_fast():
    text = "the U.S. Senate and " * 20_000
    assert sentences(text) == [(0, len(text) - 1)]


def test_abbreviation_lists_are_package_data_with_known_kinds():
    patterns = tomllib.loads((_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["factcheck.sources"]
    readme = (_ROOT / "factcheck" / "sources" / "README.md").read_text("utf-8")
    for name in ("abbreviations.txt", "sentence_openers.txt"):
        assert resources.files("factcheck.sources").joinpath(name).is_file()
        assert any(fnmatch(name, pattern) for pattern in patterns)
        assert f"`{name}`" in readme
        lines = [line.split("#")[0].split() for line in _lines(name)]
        words = [fields[0] for fields in lines if fields]
        assert len(words) == len(set(words)), name
        assert all(fields[1:] in ([], ["name"], ["number"]) for fields in lines if fields), name


def test_the_split_stage_imports_no_later_stage():
    later = ("attribution", "index", "verdict", "report", "ui", "engine", "cli")
    for path in (_ROOT / "factcheck" / "sources").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(tuple(f"factcheck.{s}" for s in later)), path
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith(tuple(f"factcheck.{s}" for s in later)), path


def _lines(name: str) -> list[str]:
    return resources.files("factcheck.sources").joinpath(name).read_text("utf-8").splitlines()
