"""Hostile inputs (issue 14): files and rows built to hang, crash or smuggle script are refused
with exit 2 and one line naming the file or row, or listed as bad rows while the run goes on.

The command-line tests run `python -m factcheck.cli` with the fake encoder (`hash-test`), so
they need no model; the timeouts turn a hang into a failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from factcheck.errors import BadInputError
from factcheck.settings import Settings
from factcheck.sources.read import read_file

# Nine levels of nine aliases: 9**9 (387 million) strings from 386 bytes.
BILLION_LAUGHS = "---\na: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
    f"{b}: &{b} [" + ",".join([f"*{a}"] * 9) + "]\n" for a, b in zip("abcdefgh", "bcdefghi")
) + "title: *i\n---\nThe minister said the budget would rise.\n"
# The same shape at a harmless size, for tests that run in this process.
SMALL_LAUGHS = '---\na: &a ["lol", "lol"]\ntitle: [*a, *a]\n---\nText.\n'
GOOD_TEXT = "The minister said the budget would rise by ten percent.\n"


def factcheck(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """The command line as a subprocess, with the fake encoder."""
    env = {**os.environ, "FACTCHECK_MODEL": "hash-test"}
    return subprocess.run([sys.executable, "-m", "factcheck.cli", *args], check=False,
                          capture_output=True, text=True, timeout=timeout, env=env)


def one_error_line(run: subprocess.CompletedProcess) -> str:
    """The stderr line of a refusal (progress bars aside), checked to be exit 2 and alone."""
    lines = [line for line in run.stderr.splitlines() if line.startswith("factcheck:")]
    assert run.returncode == 2, run.stderr
    assert len(lines) == 1, run.stderr
    assert "internal error" not in lines[0]
    return lines[0]


# --- defect 5: YAML aliases ("billion laughs") ------------------------------------------------


def test_front_matter_aliases_are_refused_naming_file_and_line(tmp_path: Path):
    path = tmp_path / "small-laughs.md"
    path.write_text(SMALL_LAUGHS, encoding="utf-8")
    with pytest.raises(BadInputError, match=r"small-laughs\.md: front matter, line 3 "
                                             r"\(title: \[\*a, \*a\]\): aliases"):
        read_file(path)


def test_front_matter_anchors_without_aliases_still_read(tmp_path: Path):
    path = tmp_path / "anchor.md"
    path.write_text("---\ntitle: &t Budget\npublished: 2024-01-02\n---\nText.\n",
                    encoding="utf-8")
    doc = read_file(path).documents[0]
    assert (doc.title, doc.published) == ("Budget", "2024-01-02")


@pytest.mark.slow
def test_billion_laughs_ingest_exits_2_fast_and_keeps_the_good_file(tmp_path: Path):
    (tmp_path / "laughs.md").write_text(BILLION_LAUGHS, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    index = str(tmp_path / "index")
    run = factcheck("ingest", str(tmp_path / "laughs.md"), str(tmp_path / "good.txt"),
                    "--index", index, timeout=30)
    line = one_error_line(run)
    assert "laughs.md: front matter, line 3 (b: &b" in line and "aliases" in line
    assert "documents: 1" in run.stdout


def test_aliases_in_an_upload_are_a_problem_naming_the_upload():
    from factcheck.ui.sources_page import read_uploads

    engine = SimpleNamespace(settings=Settings())
    documents, problems = read_uploads(engine, [("laughs.md", SMALL_LAUGHS.encode())], {})
    assert documents == []
    assert len(problems) == 1 and problems[0].startswith("laughs.md: front matter, line 3")


# --- defect 6: one bad JSONL row must not kill a report ----------------------------------------

BAD_CLAIM_ROWS = {
    2: (r'{"claim": "Hello \udfff there"}', r"field 'claim' holds a lone surrogate (\udfff)"),
    3: (r'{"claim": "Hello", "speaker": "\ud800"}', "field 'speaker' holds a lone surrogate"),
    4: ('{"claim": "Hello", "n": ' + "9" * 5000 + "}",
        "field 'n' is an integer of 5,000 digits"),
    5: ('{"claim": "Hello", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "the row is nested more than 64 levels deep"),
    6: ('{"claim": "Hello", "x": ' + "[" * 900 + "]" * 900 + "}",
        "field 'x' is nested more than 64 levels deep"),
}


class EchoSearcher:
    """A searcher that finds every claim `unsupported` (or echoes `text` into a match)."""

    def __init__(self, match_text: str | None = None) -> None:
        self.settings = Settings(model="hash-test")
        self.match_text = match_text

    def search_many(self, claims, k=5):
        matches = [{"rank": 1, "doc_id": "d", "text": self.match_text}] if self.match_text else []
        return [{"claim": c, "claimed_speaker": s, "verdict": "unsupported", "partial": False,
                 "confidence": 0.0, "attribution": None, "earliest": None, "appearances": [],
                 "matches": matches, "provenance": {}} for c, s in claims]


def claims_file(tmp_path: Path) -> Path:
    lines = ['{"claim": "First claim", "id": "a"}',
             *(line for line, _ in BAD_CLAIM_ROWS.values()),
             '{"claim": "Last claim", "id": "z"}']
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_unusable_json_rows_are_bad_rows_naming_row_and_field(tmp_path: Path):
    from factcheck.report.input import BadRow, read_claims

    rows = list(read_claims(claims_file(tmp_path)))
    bad = {r.row: r.reason for r in rows if isinstance(r, BadRow)}
    assert set(bad) == set(BAD_CLAIM_ROWS)
    for row, (_, reason) in BAD_CLAIM_ROWS.items():
        assert bad[row].startswith(reason), bad[row]
    assert [r.claim for r in rows if not isinstance(r, BadRow)] == ["First claim", "Last claim"]


@pytest.mark.parametrize("suffix", [".json", ".csv", ".html", ".jsonld"])
def test_report_goes_on_past_unusable_rows(tmp_path: Path, suffix: str):
    from factcheck.report.run import run_report

    out = tmp_path / f"out{suffix}"
    summary = run_report(claims_file(tmp_path), out, EchoSearcher())
    assert summary.claims == 2
    assert [b.row for b in summary.bad_rows] == sorted(BAD_CLAIM_ROWS)
    assert out.exists() and "Last claim" in out.read_text(encoding="utf-8")


def test_a_result_no_output_can_hold_is_a_bad_row(tmp_path: Path):
    from factcheck.report.run import run_report

    claims = tmp_path / "claims.jsonl"
    claims.write_text('{"claim": "One", "id": "a"}\n', encoding="utf-8")
    summary = run_report(claims, tmp_path / "out.json", EchoSearcher("bad \udfff text"))
    assert summary.claims == 0
    assert [(b.row, b.id, b.reason) for b in summary.bad_rows] == [
        (1, "a", "the result cannot be written (UnicodeEncodeError)")]
    assert (tmp_path / "out.json").exists()


@pytest.mark.slow
def test_report_command_lists_unusable_rows_and_exits_0(tmp_path: Path):
    index = str(tmp_path / "index")
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    assert factcheck("ingest", str(tmp_path / "good.txt"), "--index", index).returncode == 0
    out = tmp_path / "report.json"
    run = factcheck("report", str(claims_file(tmp_path)), "--out", str(out), "--index", index)
    assert run.returncode == 0, run.stderr
    assert "claims: 2" in run.stdout and f"bad rows: {len(BAD_CLAIM_ROWS)}" in run.stdout
    assert "row 2: field 'claim' holds a lone surrogate" in run.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in report["results"]] == ["a", "z"]
