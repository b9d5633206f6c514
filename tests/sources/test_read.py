from pathlib import Path

import pytest

from factcheck.errors import BadInputError
from factcheck.sources.read import expand_paths, read_data, read_file
from tests.helpers import SEED_DOC


def test_markdown_front_matter_gives_id_and_metadata():
    doc = read_file(SEED_DOC).documents[0]
    assert doc.id == "trump-putin-ceasefire-call"
    assert doc.published == "2025-03-18"
    assert doc.text.startswith("A phone call between")
    assert "---" not in doc.text[:10]


def test_txt_without_id_gets_content_id(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Hello world. Second sentence.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Hello world. Second sentence.", encoding="utf-8")
    a, b = (read_file(tmp_path / n).documents[0] for n in ("a.txt", "b.txt"))
    assert a.id == b.id and len(a.id) == 16


def test_csv_rows_keep_given_ids_and_report_rows_without_text(tmp_path: Path):
    path = tmp_path / "docs.csv"
    path.write_text("id,text,published\nx1,Same text.,2024-01-02\nx2,Same text.,\nx3,,\n",
                    encoding="utf-8")
    result = read_file(path)
    assert [d.id for d in result.documents] == ["x1", "x2"]
    assert result.documents[0].published == "2024-01-02"
    assert result.problems == [f"{path}: row 3: no 'text'"]


def test_jsonl_malformed_line_is_named(tmp_path: Path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"text": "One."}\n{"text": oops}\n', encoding="utf-8")
    result = read_file(path)
    assert len(result.documents) == 1
    assert "row 2: malformed JSON" in result.problems[0]


def test_html_main_text_is_extracted(tmp_path: Path):
    body = " ".join(["The minister said the budget would rise by ten percent."] * 5)
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>Budget</title><script>var x=1;</script></head>"
                    f"<body><nav>Home | About</nav><article><p>{body}</p></article></body></html>",
                    encoding="utf-8")
    doc = read_file(path).documents[0]
    assert "budget would rise" in doc.text
    assert "var x" not in doc.text


@pytest.mark.parametrize("content, problem", [
    (b"", "file is empty"), (b"  \n\t ", "file is empty"), (b"caf\xe9 au lait", "not UTF-8"),
])
def test_bad_files_raise_one_clear_error(tmp_path: Path, content: bytes, problem: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(BadInputError, match=problem) as err:
        read_file(path)
    assert str(path) in str(err.value)


def test_missing_path_and_empty_folder(tmp_path: Path):
    with pytest.raises(BadInputError, match="no such file"):
        expand_paths([tmp_path / "nope"])
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(BadInputError, match="no readable files"):
        expand_paths([tmp_path / "empty"])


def test_csv_without_text_column(tmp_path: Path):
    path = tmp_path / "docs.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="'text' column"):
        read_file(path)


# --- read_data: an upload's bytes and name, never written to disk --------------------------

@pytest.mark.parametrize("name", ["trump-putin-ceasefire-call.md", "notes.markdown"])
def test_read_data_reads_bytes_as_read_file_reads_the_file(name: str):
    from_file = read_file(SEED_DOC).documents[0]
    from_data = read_data(name, SEED_DOC.read_bytes()).documents[0]
    assert from_data.id == from_file.id and from_data.text == from_file.text
    assert from_data.published == from_file.published and from_data.source == name


def test_read_data_uses_only_the_last_part_of_the_name(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = b"id,text\nx1,Same text.\nx2,\n"
    result = read_data("../../up\\loads/docs.CSV", data)
    assert [d.id for d in result.documents] == ["x1"]
    assert result.problems == ["docs.CSV: row 2: no 'text'"]
    assert result.path.name == "docs.CSV" and not list(tmp_path.iterdir())


@pytest.mark.parametrize("name, data, problem", [
    ("notes.exe", b"x", "notes.exe: unsupported file type .exe"),
    ("empty.txt", b"  \n", "empty.txt: file is empty"),
    ("latin.txt", b"caf\xe9", "latin.txt: not UTF-8"),
])
def test_read_data_errors_name_the_upload(name: str, data: bytes, problem: str):
    with pytest.raises(BadInputError, match=problem):
        read_data(name, data)
