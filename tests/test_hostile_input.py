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
from factcheck.records import Verdict
from factcheck.settings import Settings
from factcheck.sources.read import read_file
from factcheck.verdict.result import (
    Appearance,
    Attribution,
    Earliest,
    Match,
    Provenance,
    SearchResult,
)
from tests.helpers import run_main

# Nine levels of nine aliases: 9**9 (387 million) strings from 386 bytes.
BILLION_LAUGHS = "---\na: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
    f"{b}: &{b} [" + ",".join([f"*{a}"] * 9) + "]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
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


PROVENANCE = Provenance("hash-test", "v", "2025-01-01T00:00:00+00:00")


def fake_match(doc_id: str, text: str, diff: tuple = ()) -> Match:
    """A match as a searcher gives it (scores and offsets that no test here reads)."""
    return Match(1, doc_id, f"{doc_id}:p0", text, 0, len(text), 0.5, 0.5, 0.0, None, "0" * 64,
                 diff)


class EchoSearcher:
    """A searcher that finds every claim `unsupported` (or echoes `text` into a match)."""

    def __init__(self, match_text: str | None = None) -> None:
        self.settings = Settings(model="hash-test")
        self.match_text = match_text

    def search_many(self, claims, k=5):
        matches = (fake_match("d", self.match_text),) if self.match_text else ()
        return [SearchResult(claim=c, claimed_speaker=s, verdict=Verdict.UNSUPPORTED,
                             partial=False, confidence=0.0, attribution=None, earliest=None,
                             appearances=(), matches=matches, changes=(), change_summary="",
                             provenance=PROVENANCE)
                for c, s in claims]


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


# --- defect 7: exit 1 where it must be exit 2 (reading sources) ---------------------------------

HOSTILE_SOURCES = {
    "surrogate.jsonl": ('{"text": "Hello \\ud800 world"}\n',
                        "row 1: field 'text' holds a lone surrogate (\\ud800)"),
    "long-int.jsonl": ('{"text": "Hello world", "id": ' + "9" * 5000 + "}\n",
                       "row 1: field 'id' is an integer of 5,000 digits"),
    "deep.jsonl": ('{"text": "Hello world", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
                   "row 1: the row is nested more than 64 levels deep"),
    "bad-date.md": ("---\npublished: 2020-02-30\n---\nText.\n",
                    "front matter, line 2 (published: 2020-02-30): not a real date"),
    "deep.md": ("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nText.\n",
                "nested more than 20 levels deep"),
    "long-int.md": ("---\nn: " + "9" * 5000 + "\n---\nText.\n",
                    "not an integer that can be read"),
    "surrogate.md": ('---\ntitle: "A \\ud800 title"\n---\nText.\n',
                     "front matter: field 'title' holds a lone surrogate"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_SOURCES))
def test_hostile_sources_are_refused_naming_file_and_field(tmp_path: Path, name: str):
    content, problem = HOSTILE_SOURCES[name]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadInputError) as refused:
        read_file(path)
    message = str(refused.value)
    assert message.startswith(str(path)) and problem in message and "\n" not in message


def test_a_bad_json_row_does_not_cost_the_good_ones(tmp_path: Path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"text": "Bad \\udfff row"}\n{"text": "Good row.", "id": "g"}\n',
                    encoding="utf-8")
    result = read_file(path)
    assert [d.id for d in result.documents] == ["g"]
    assert result.problems == [(f"{path}: row 1: field 'text' holds a lone surrogate (\\udfff), "
                                "which is not a Unicode character")]


def test_csv_fields_as_long_as_a_document_are_read(tmp_path: Path):
    path = tmp_path / "long.csv"
    path.write_text("id,text\nlong," + "word " * 40_000 + "\nshort,Short text.\n",
                    encoding="utf-8")
    assert [d.id for d in read_file(path).documents] == ["long", "short"]
    result = read_file(path, max_chars=100_000)  # the csv limit stays raised: the text check
    assert [d.id for d in result.documents] == ["short"]
    assert len(result.problems) == 1 and result.problems[0].startswith(f"{path}: row 1: ")
    assert "limit is 100,000" in result.problems[0]


def test_a_csv_field_over_the_csv_limit_is_a_bad_row(tmp_path: Path):
    import csv

    path = tmp_path / "long.csv"
    path.write_text("text\nShort text.\n" + "a" * 300_000 + "\nAfter.\n", encoding="utf-8")
    limit = csv.field_size_limit(200_000)
    try:
        result = read_file(path, max_chars=100_000)
    finally:
        csv.field_size_limit(limit)
    assert [d.text for d in result.documents] == ["Short text."]
    assert result.problems == [(f"{path}: row 2: a field is over the document limit of 100,000 "
                                "characters; the rows after it were not read")]


def test_yaml_dates_and_times_still_read(tmp_path: Path):
    path = tmp_path / "dated.md"
    path.write_text("---\npublished: 2001-12-14 21:59:43.10 -5\nn: 0x1f\n---\nText.\n",
                    encoding="utf-8")
    assert read_file(path).documents[0].published == "2001-12-14"


def test_a_file_name_that_is_not_utf8_is_stored_readably(tmp_path: Path):
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.txt"))
    path.write_text("Hello world.", encoding="utf-8")
    assert read_file(path).documents[0].source.endswith("caf\ufffd.txt")


def test_a_file_name_too_long_is_a_bad_file(tmp_path: Path):
    from factcheck.sources.read import expand_paths

    path = tmp_path / ("a" * 300 + ".txt")
    with pytest.raises(BadInputError, match=r"a\.txt: cannot be read \(File name too long\)"):
        expand_paths([path])
    with pytest.raises(BadInputError, match=r"a\.txt: cannot be read \(File name too long\)"):
        read_file(path)


@pytest.mark.slow
def test_hostile_sources_exit_2_with_a_line_each_and_good_files_are_kept(tmp_path: Path):
    for name, (content, _) in HOSTILE_SOURCES.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "huge-field.csv").write_text("text\n" + "a" * 200_000 + "\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    paths = [str(tmp_path / name) for name in sorted(HOSTILE_SOURCES)]
    run = factcheck("ingest", *paths, str(tmp_path / "huge-field.csv"),
                    str(tmp_path / "good.txt"), str(tmp_path / ("a" * 300 + ".txt")),
                    "--index", str(tmp_path / "index"))
    assert run.returncode == 2, run.stderr
    assert "internal error" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith("factcheck:")]
    assert len(lines) == len(HOSTILE_SOURCES) + 1
    for name in [*HOSTILE_SOURCES, "a" * 300 + ".txt"]:
        assert sum(f"{tmp_path / name}:" in line for line in lines) == 1, name
    assert "documents: 2" in run.stdout  # the long CSV field and the good file


# --- defect 7: exit 1 where it must be exit 2 (paths given to the command line) -----------------

LONG_NAME = "a" * 300


def test_index_that_is_a_file_is_refused(tmp_path: Path, claims_csv: Path, capsys):
    status, line = run_main(capsys, "stats", "--index", str(claims_csv))
    assert status == 2 and line.startswith(f"factcheck: {claims_csv}: the index must be a folder")
    status, line = run_main(capsys, "search", "x y z", "--index", str(claims_csv / "sub"))
    assert status == 2 and "cannot be used as the index folder (Not a directory)" in line


def test_index_name_too_long_is_refused(tmp_path: Path, claims_csv: Path, capsys):
    status, line = run_main(capsys, "stats", "--index", str(tmp_path / LONG_NAME))
    assert status == 2 and line.endswith("cannot be used as the index folder (File name too long)")


def test_out_that_is_a_folder_is_refused_and_leaves_no_part_file(tmp_path: Path,
                                                                  claims_csv: Path, capsys):
    out = tmp_path / "report.json"
    out.mkdir()
    status, line = run_main(capsys, "report", str(claims_csv), "--out", str(out),
                            "--index", str(tmp_path / "index"))
    assert status == 2 and line == f"factcheck: {out}: is a folder; give --out a file name " \
                                   "(.csv .json .html .jsonld)"
    assert not (tmp_path / "report.json.part").exists()


@pytest.mark.parametrize("name", [LONG_NAME + ".json", "b" * 250 + ".html",
                                  LONG_NAME + "/report.csv"])
def test_out_name_too_long_is_refused_before_any_claim_is_checked(tmp_path: Path,
                                                                   claims_csv: Path, capsys,
                                                                   name: str):
    status, line = run_main(capsys, "report", str(claims_csv), "--out", str(tmp_path / name),
                            "--index", str(tmp_path / "index"))
    assert status == 2
    assert line.endswith(": the report cannot be written there (File name too long)")
    assert list(tmp_path.glob("*.part")) == []


def test_claims_name_too_long_is_refused(tmp_path: Path, claims_csv: Path, capsys):
    status, line = run_main(capsys, "report", str(tmp_path / (LONG_NAME + ".csv")), "--out",
                            str(tmp_path / "out.csv"), "--index", str(tmp_path / "index"))
    assert status == 2 and line.endswith(".csv: cannot be read (File name too long)")


@pytest.mark.slow
def test_bad_paths_exit_2_from_the_command(tmp_path: Path):
    claims = tmp_path / "claims.csv"
    claims.write_text("claim\nThe budget will rise\n", encoding="utf-8")
    (tmp_path / "folder.json").mkdir()
    for args in (["stats", "--index", str(claims)],
                 ["ingest", str(claims), "--index", str(tmp_path / LONG_NAME)],
                 ["report", str(claims), "--out", str(tmp_path / "folder.json"),
                  "--index", str(tmp_path / "index")],
                 ["report", str(claims), "--out", str(tmp_path / (LONG_NAME + ".csv")),
                  "--index", str(tmp_path / "index")]):
        line = one_error_line(factcheck(*args))
        assert str(tmp_path) in line
    assert list(tmp_path.glob("*.part")) == []


# --- defect 8: ClaimReview JSON-LD, HTML report and UI links safe to publish --------------------

SCRIPT = "</script><script>alert(1)</script>"
BAD_URLS = ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>x</script>",
            "vbscript:msgbox(1)", "//evil.example/x", "java\tscript:alert(1)")


class HostileSearcher(EchoSearcher):
    """Every claim `verbatim`, credited from sources whose url and title are hostile."""

    def __init__(self, url: str, organisation_url: str | None = None) -> None:
        super().__init__()
        self.settings = Settings(model="hash-test", organisation_url=organisation_url)
        self.url = url

    def search_many(self, claims, k=5):
        speaker = f"Dan {SCRIPT}"
        appearance = Appearance("d1", "2025-03-18", speaker, None, "direct", Verdict.VERBATIM)
        attribution = Attribution(speaker, "direct", "said", None, "d1", f"T {SCRIPT} & co",
                                  self.url, "2025-03-18", False)
        return [SearchResult(claim=claim, claimed_speaker=claimed, verdict=Verdict.VERBATIM,
                             partial=False, confidence=0.9, attribution=attribution,
                             earliest=Earliest("d1", "2025-03-18"), appearances=(appearance,),
                             matches=(fake_match("d1", f"{SCRIPT} {claim}", (("=", claim),)),),
                             changes=(), change_summary="", provenance=PROVENANCE)
                for claim, claimed in claims]


def urls_in(value: object) -> list[object]:
    """Every value of a "url" key, at any depth."""
    if isinstance(value, dict):
        return [v for k, inner in value.items() for v in ([inner] if k == "url" else [])
                + urls_in(inner)]
    return [v for inner in value for v in urls_in(inner)] if isinstance(value, list) else []


def hostile_claims(tmp_path: Path) -> Path:
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps({"claim": f"The call {SCRIPT} & more", "id": "c1",
                                "speaker": f"Dan {SCRIPT}"}) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("url", BAD_URLS)
def test_claimreview_writes_only_http_urls(url: str):
    from factcheck.report.claimreview import claim_review

    searcher = HostileSearcher(url, organisation_url="javascript:alert(2)")
    review = claim_review(searcher.search_many([("A claim", None)])[0], searcher.settings)
    assert urls_in(review) == []
    good = HostileSearcher("https://example.org/a", organisation_url="https://desk.example")
    review = claim_review(good.search_many([("A claim", None)])[0], good.settings)
    assert set(urls_in(review)) == {"https://example.org/a", "https://desk.example"}


@pytest.mark.parametrize("url", BAD_URLS)
def test_jsonld_report_cannot_close_its_script_element(tmp_path: Path, url: str):
    from factcheck.report.run import run_report

    out = tmp_path / "out.jsonld"
    run_report(hostile_claims(tmp_path), out, HostileSearcher(url, "vbscript:x"))
    text = out.read_text(encoding="utf-8")
    assert not {"<", ">", "&"} & set(text)
    reviews = json.loads(text)
    assert reviews[0]["claimReviewed"] == f"The call {SCRIPT} & more"
    assert urls_in(reviews) == []


@pytest.mark.parametrize("url", BAD_URLS)
def test_html_report_never_links_a_script_url(tmp_path: Path, url: str):
    from factcheck.report.run import run_report

    out = tmp_path / "out.html"
    run_report(hostile_claims(tmp_path), out, HostileSearcher(url))
    page = out.read_text(encoding="utf-8")
    assert "href=" not in page.split("<tbody>", 1)[1]
    assert SCRIPT not in page and "&lt;/script&gt;" in page


@pytest.mark.parametrize("url", BAD_URLS)
def test_ui_cards_never_link_a_script_url(url: str):
    from factcheck.ui.widgets import card_html

    html_text = card_html({"Document": "A title", "Link": url},
                          links={"Document": url, "Link": url})
    assert "<a " not in html_text and "href" not in html_text
    assert "<a href=\"https://example.org/a\"" in card_html(
        {"Document": "A title"}, links={"Document": "https://example.org/a"})


# --- found by benchmarks/fuzz_cli.py: bytes that are not UTF-8 in an argument ------------------


@pytest.mark.parametrize(("flag", "args"), [
    ("claim", ["search", "claim \udcc3\udca9", "--json"]),
    ("--speaker", ["search", "A claim", "--speaker", "\udcff"]),
    ("--doc", ["quotes", "--doc", "\udcff"])])
def test_an_argument_that_is_not_utf8_is_refused_naming_it(tmp_path: Path, claims_csv: Path,
                                                           capsys, flag: str, args: list[str]):
    status, line = run_main(capsys, *args, "--index", str(tmp_path / "index"))
    assert status == 2 and line.startswith(f"factcheck: {flag} '")
    assert line.endswith("holds bytes that are not UTF-8 text; give it as UTF-8")
