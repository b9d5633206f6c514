"""Hostile source files (issue 14): values that are not text, binary files, broken CSV quoting,
special files, and warnings that name no file."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import BadInputError
from factcheck.sources.read import read_file

# --- defect 11: a `text` that is not text --------------------------------------------------------

NOT_TEXT = {
    '["a", "b"]': "field 'text' is a list, not text",
    '{"a": "b"}': "field 'text' is an object, not text",
    "12": "field 'text' is a number, not text",
    "1.5": "field 'text' is a number, not text",
    "true": "field 'text' is true or false, not text",
    "NaN": "field 'text' is not a finite number (nan)",
    "1e999": "field 'text' is not a finite number (inf)",
    '"A \\u0000 NUL"': "field 'text' holds a NUL character",
}


@pytest.mark.parametrize("value", sorted(NOT_TEXT))
def test_a_json_text_that_is_not_text_is_a_bad_row(tmp_path: Path, value: str):
    path = tmp_path / "docs.jsonl"
    path.write_text(f'{{"text": {value}, "id": "bad"}}\n{{"text": "Good.", "id": "good"}}\n',
                    encoding="utf-8")
    result = read_file(path)
    assert [d.id for d in result.documents] == ["good"]
    assert result.problems == [f"{path}: row 1: {NOT_TEXT[value]}"]


@pytest.mark.parametrize("field", ["id", "title", "url", "published", "publisher", "speaker",
                                   "kind"])
def test_metadata_that_is_a_list_or_an_object_is_a_bad_row(tmp_path: Path, field: str):
    path = tmp_path / "docs.jsonl"
    path.write_text(f'{{"text": "One.", "{field}": ["x"]}}\n'
                    f'{{"text": "Two.", "{field}": {{"x": 1}}}}\n'
                    f'{{"text": "Three.", "{field}": true}}\n', encoding="utf-8")
    with pytest.raises(BadInputError) as refused:
        read_file(path)
    assert f"row 1: field '{field}' is a list, not text" in str(refused.value)
    path.write_text(f'{{"text": "One.", "{field}": ["x"]}}\n{{"text": "Two."}}\n',
                    encoding="utf-8")
    assert [d.text for d in read_file(path).documents] == ["Two."]


def test_numbers_as_ids_and_dates_still_read(tmp_path: Path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"text": "One.", "id": 17, "published": 2024}\n', encoding="utf-8")
    doc = read_file(path).documents[0]
    assert (doc.id, doc.published) == ("17", "2024")


def refused(path: Path, content: str, match: str) -> None:
    """Write `content` to `path` and check that reading it is refused with `match`."""
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadInputError, match=match):
        read_file(path)


def test_front_matter_title_that_is_a_list_is_refused(tmp_path: Path):
    refused(tmp_path / "list-title.md", "---\ntitle: [a, b]\n---\nText.\n",
            r"list-title\.md: front matter: field 'title' is a list, not text")


@pytest.mark.parametrize("name", ["nul.txt", "nul.md", "nul.csv", "nul.jsonl", "nul.html"])
def test_a_file_of_nul_bytes_is_refused(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(b"\x00" * 4096)
    with pytest.raises(BadInputError, match=rf"{name}: holds NUL bytes \(at offset 0\): "
                                            "a binary file, not text"):
        read_file(path)


def test_utf16_text_without_a_bom_is_refused_as_binary(tmp_path: Path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("The minister said the budget would rise.".encode("utf-16-le"))
    with pytest.raises(BadInputError, match="holds NUL bytes .*UTF-16"):
        read_file(path)


# --- defect 15: a CSV quote that never closes ------------------------------------------------


def test_a_csv_quote_that_never_closes_is_a_bad_row_and_the_rows_before_it_are_kept(
        tmp_path: Path):
    path = tmp_path / "docs.csv"
    rows = "".join(f"r{n},Row number {n}.\n" for n in range(1000))
    path.write_text(f'id,text\nok,First row.\nbad,"An open quote\n{rows}', encoding="utf-8")
    result = read_file(path)
    assert [d.id for d in result.documents] == ["ok"]
    assert result.problems == [
        f'{path}: row 2: a quote (") in this row (from line 3) is never closed, so the 1,000 '
        'lines after it were read as one field; close the quote (or double it: "")']


def test_a_csv_header_quote_that_never_closes_is_refused(tmp_path: Path):
    refused(tmp_path / "docs.csv", 'text,"notes\nOne.,x\nTwo.,y\n',
            r'docs\.csv: the header row: a quote \("\) in this row \(from line 1\) is never '
            r"closed, so the 2 ")


def test_quoted_fields_over_several_lines_still_read(tmp_path: Path):
    path = tmp_path / "docs.csv"
    path.write_text('id,text\na,"Line one\nline ""two"""\nb,Plain.\n', encoding="utf-8")
    result = read_file(path)
    assert [d.text for d in result.documents] == ['Line one\nline "two"', "Plain."]
    assert result.problems == []


# --- defect 15: special files given as paths --------------------------------------------------


def test_a_fifo_is_refused_at_once(tmp_path: Path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(BadInputError, match=r"pipe\.txt: is a FIFO \(named pipe\), not a file "
                                            "to read"):
        read_file(fifo)  # no writer ever comes: opening it the usual way waits for good


def test_a_link_to_a_device_is_refused(tmp_path: Path):
    link = tmp_path / "zero.jsonl"
    link.symlink_to("/dev/zero")
    with pytest.raises(BadInputError, match=r"zero\.jsonl: is a character device, not a file"):
        read_file(link)


def test_a_file_over_the_byte_limit_is_refused_unread(tmp_path: Path):
    from factcheck.sources.files import read_regular_file

    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(2_000)  # sparse: no bytes are written
    with pytest.raises(BadInputError, match=r"big\.txt: is over 1,000 bytes, the most read "):
        read_regular_file(path, limit=1_000)
    assert read_regular_file(path, limit=2_000) == b"\0" * 2_000


# --- defect 15: extractor warnings that name no file -------------------------------------------


@pytest.mark.parametrize("page", ["   <", "plain text, no tags", "<!-- only a comment -->",
                                  '\ufeff<?xml version="1.0"?>'])
def test_html_without_text_is_one_problem_naming_the_file_and_nothing_else(
        tmp_path: Path, page: str, caplog: pytest.LogCaptureFixture):
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    with caplog.at_level("DEBUG"), pytest.raises(BadInputError, match=r"empty\.html: "):
        read_file(path)
    assert [r.getMessage() for r in caplog.records if r.levelno >= 30] == []
