"""The Sources screen: uploads into the index (AppTest and helpers) and safe upload names."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from factcheck.engine import Engine
from factcheck.errors import BadInputError
from factcheck.settings import Settings
from factcheck.sources.read import SUPPORTED_SUFFIXES
from factcheck.ui.common import store_upload
from factcheck.ui.sources_page import read_uploads
from tests.ui.helpers import page_app, seed_copy

ARTICLE = ("Mayor Jane Roe opened the bridge on Monday.\n"
           "“We kept our promise,” Roe said. The council said that costs rose by a third.\n")


# --- store_upload (fast) -------------------------------------------------------------------

def test_upload_names_never_become_paths(tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    folder.mkdir()
    for number, name in enumerate(["../../etc/evil.csv", "..\\..\\evil.CSV", "/abs/x.csv"]):
        path = store_upload(name, b"claim\nx\n", (".csv",), 1000, folder, number)
        assert path == folder / f"upload-{number}.csv" and path.read_bytes() == b"claim\nx\n"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [
        "upload-0.csv", "upload-1.csv", "upload-2.csv"]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("notes.exe", b"x", "unsupported file type .exe"),
    ("noext", b"x", r"unsupported file type \(none\)"),
    ("claims.csv", b"", "the file is empty"),
    ("claims.csv", b"x" * 11, "11 bytes is over the upload limit of 10 bytes"),
])
def test_bad_uploads_are_refused(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(BadInputError, match=message):
        store_upload(name, data, (".csv",), 10, tmp_path)
    assert not list(tmp_path.iterdir())


# --- the screen (real model, real index) ---------------------------------------------------

@pytest.mark.slow
def test_upload_adds_a_document_with_form_defaults(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = seed_copy(seed_index_dir, tmp_path)
    at = page_app("sources_page", index, monkeypatch)
    assert not at.exception and len(at.dataframe[0].value) == 1
    uploader = at.file_uploader(key="sources_upload")
    assert uploader.allowed_type == list(SUPPORTED_SUFFIXES) and ".markdown" in SUPPORTED_SUFFIXES
    assert "txt, md, markdown, html, htm, jsonl, csv" in uploader.label
    at.file_uploader(key="sources_upload").set_value(
        [("../bridge.txt", ARTICLE.encode(), "text/plain")])
    at.text_input(key="sources_title").input("Bridge opens")
    at.date_input(key="sources_published").set_value(date(2025, 5, 2))
    at.text_input(key="sources_publisher").input("City Gazette")
    next(b for b in at.button if b.label == "Add to index").click()
    at.run()
    assert not at.exception
    assert at.success and "Added 1 document(s)" in at.success[0].value
    table = at.dataframe[0].value
    assert len(table) == 2 and "Bridge opens" in set(table["title"])
    documents = Engine.open(Settings(index_dir=index)).documents()
    added = next(d for d in documents if d["title"] == "Bridge opens")
    assert added["published"] == "2025-05-02" and added["publisher"] == "City Gazette"
    assert added["source"] == "upload: bridge.txt" and added["statements"] >= 1
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Documents"] == "2"


@pytest.mark.slow
def test_defaults_fill_only_blanks_and_problems_name_the_upload(seed_engine: Engine) -> None:
    rows = [{"id": "r1", "text": "Roe said the bridge is open.", "title": "Own title"},
            {"id": "r2", "text": "Lee said the road is shut."},
            {"id": "r3"}]
    data = "\n".join(json.dumps(r) for r in rows).encode()
    defaults = {"title": "Form title", "published": "2025-01-02", "publisher": None}
    documents, problems = read_uploads(seed_engine, [("batch.jsonl", data),
                                                     ("empty.txt", b"  \n"),
                                                     ("../notes.markdown", b"# Notes\nHi.")],
                                       defaults)
    by_id = {d.id: d for d in documents}
    assert documents[-1].title == "Notes" and documents[-1].source == "upload: notes.markdown"
    assert by_id["r1"].title == "Own title" and by_id["r2"].title == "Form title"
    assert by_id["r1"].published == "2025-01-02" and by_id["r1"].publisher is None
    assert problems == ["batch.jsonl: row 3: no 'text'", "empty.txt: file is empty"]


@pytest.mark.slow
def test_empty_index_lists_nothing_and_says_how_to_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = page_app("sources_page", tmp_path / "empty", monkeypatch)
    assert not at.exception
    assert any("index is empty" in i.value for i in at.info)
    next(b for b in at.button if b.label == "Add to index").click()
    at.run()
    assert any("Choose one or more files" in w.value for w in at.warning)
