"""The Batch screen: AppTest with an uploaded claims file, and `run_batch` directly."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from factcheck.engine import Engine
from factcheck.errors import BadInputError
from factcheck.report.input import CLAIM_FORMATS
from factcheck.settings import Settings
from factcheck.ui.batch_page import run_batch
from tests.ui.helpers import page_app, seed_copy

pytestmark = pytest.mark.slow
CLAIMS = (
    b"id,claim,speaker,desk\n"
    b"c1,The call is going well and still in progress,Dan Scavino,politics\n"
    b"c2,The call is going badly and still in progress,Dan Scavino,politics\n"
    b"c3,,,politics\n"
    b"c4,Bananas are purple and sing opera at midnight,,food\n"
)


def test_upload_runs_the_report_and_offers_four_downloads(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = page_app("batch_page", seed_copy(seed_index_dir, tmp_path), monkeypatch)
    assert "50 MiB" in at.caption[0].value, "the size limit is shown"
    assert at.file_uploader(key="batch_upload").allowed_type == list(CLAIM_FORMATS)
    assert ", ".join(CLAIM_FORMATS) in at.caption[0].value, "the accepted files are named"
    at.file_uploader(key="batch_upload").set_value(("claims.csv", CLAIMS, "text/csv"))
    at.run()
    next(b for b in at.button if b.label == "Run report").click()
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert dict(zip(table["id"], table["verdict"], strict=True)) == {
        "c1": "verbatim", "c2": "altered", "c4": "unsupported"}
    assert "Checked 3 claims" in at.success[0].value
    assert at.get("vega_lite_chart"), "verdict counts are charted"
    assert "1 row(s) could not be checked" in at.warning[0].value
    assert [b.label for b in at.get("download_button")] == [
        "Download CSV", "Download JSON", "Download HTML", "Download ClaimReview"]


def test_run_batch_writes_every_format_from_one_search(seed_engine: Engine) -> None:
    calls = []
    outcome = run_batch(seed_engine, "../../claims.csv", CLAIMS,
                        progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (4, 4)
    assert outcome.summary["verdicts"]["verbatim"] == 1
    assert outcome.summary["bad_rows"] == [{"row": 3, "reason": "no claim"}]
    report = json.loads(outcome.files[".json"])
    assert [r["id"] for r in report["results"]] == ["c1", "c2", "c4"]
    rows = list(csv.DictReader(io.StringIO(outcome.files[".csv"].decode())))
    assert [r["verdict"] for r in rows] == ["verbatim", "altered", "unsupported", ""]
    assert rows[0]["desk"] == "politics" and rows[3]["error"] == "no claim"
    assert [r.id for r in outcome.results] == ["c1", "c2", "c4"]
    assert outcome.results[1].result.verdict == "altered"
    reviews = json.loads(outcome.files[".jsonld"])
    assert [r["@type"] for r in reviews] == ["ClaimReview"] * 3
    assert reviews[1]["reviewRating"]["alternateName"] == "altered"
    page = outcome.files[".html"].decode()
    assert "<table" in page and "<del>well</del>" in page


def test_run_batch_refuses_bad_uploads(seed_index_dir: Path, tmp_path: Path) -> None:
    copy = seed_copy(seed_index_dir, tmp_path)
    small = Engine.open(Settings(index_dir=copy, max_upload_bytes=100))
    with pytest.raises(BadInputError, match="over the upload limit of 100 bytes"):
        run_batch(small, "claims.csv", CLAIMS)
    with pytest.raises(BadInputError, match="unsupported file type .exe"):
        run_batch(small, "claims.exe", b"claim\nx\n")
    with pytest.raises(BadInputError, match="claim"):
        run_batch(Engine.open(Settings(index_dir=copy)), "c.csv", b"text\nhello there\n")


def test_empty_index_gives_a_hint_not_a_trace(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = page_app("batch_page", tmp_path / "empty", monkeypatch)
    at.file_uploader(key="batch_upload").set_value(("claims.csv", CLAIMS, "text/csv"))
    at.run()
    next(b for b in at.button if b.label == "Run report").click()
    at.run()
    assert not at.exception and any("index is empty" in i.value for i in at.info)
