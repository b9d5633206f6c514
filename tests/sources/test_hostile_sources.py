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


def test_front_matter_title_that_is_a_list_is_refused(tmp_path: Path):
    path = tmp_path / "list-title.md"
    path.write_text("---\ntitle: [a, b]\n---\nText.\n", encoding="utf-8")
    with pytest.raises(BadInputError, match=r"list-title\.md: front matter: field 'title' is a "
                                            r"list, not text"):
        read_file(path)


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
