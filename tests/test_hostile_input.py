"""Hostile inputs (issue 14): files and rows built to hang, crash or smuggle script are refused
with exit 2 and one line naming the file or row, or listed as bad rows while the run goes on.

The command-line tests run `python -m factcheck.cli` with the fake encoder (`hash-test`), so
they need no model; the timeouts turn a hang into a failure.
"""

from __future__ import annotations

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
