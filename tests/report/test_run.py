"""Batch reports: reading claims files, bad rows, streaming writers, pandas, end to end."""

from __future__ import annotations

import csv
import json
import logging
import re
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pytest

from factcheck.errors import BadInputError
from factcheck.report.formats import COLUMNS, FORMATS, flatten_item, neutralise
from factcheck.report.input import BadRow
from factcheck.report.item import ReportItem
from factcheck.report.rewrite import read_json_report, rewrite_report
from factcheck.report.run import count_rows, read_claims, report_frame, run_report
from factcheck.settings import Settings
from factcheck.verdict.result import BadClaim, SearchResult
from tests.helpers import SEEDS

VERDICTS = ("verbatim", "altered", "paraphrase", "misattributed", "unsupported")


def fake_result(claim: str, speaker: str | None) -> dict:
    """A deterministic result of the `search --json` shape; the verdict is picked by the claim."""
    verdict = next((v for v in VERDICTS if v in claim.lower()), "verbatim")
    if verdict == "unsupported":
        return {"claim": claim, "claimed_speaker": speaker, "verdict": verdict, "partial": False,
                "confidence": 0.1, "attribution": None, "earliest": None, "appearances": [],
                "matches": [], "provenance": {"model": "fake", "index_version": "1",
                                              "checked_at": "2025-03-19T00:00:00Z"}}
    credited = "Yuri Ushakov" if verdict == "misattributed" else (speaker or "Dan Scavino")
    return {
        "claim": claim, "claimed_speaker": speaker, "verdict": verdict, "partial": False,
        "confidence": 0.9,
        "attribution": {"speaker": credited, "kind": "direct", "cue": "wrote", "via": None,
                        "doc_id": "seed", "title": "Source <b>title</b>",
                        "url": "https://example.org/a", "published": "2025-03-18",
                        "reviewed": False},
        "earliest": {"doc_id": "seed", "published": "2025-03-18"},
        "appearances": [{"doc_id": "seed", "published": "2025-03-18", "speaker": credited,
                         "via": None, "kind": "direct", "verdict": verdict}],
        "matches": [{"rank": 1, "doc_id": "seed", "passage_id": "seed:p1",
                     "text": f"Source says <script>alert(1)</script> {claim}", "start": 0,
                     "end": 10, "score": 0.5, "dense": 0.8, "lexical": 3.0, "speaker": credited,
                     "sha256": "ab" * 32,
                     "diff": [["=", "The call is going"], ["-", "well"], ["+", "badly"]]}],
        "provenance": {"model": "fake", "index_version": "1", "checked_at": "2025-03-19T00:00:00Z"},
        **({"changes": ["substitution"], "change_summary": "a word was changed"}
           if verdict == "altered" else {}),
    }


class FakeSearcher:
    """Answers `search_many` from `fake_result`; a claim containing 'boom' gives an error."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings(max_claim_chars=200)
        self.calls: list[int] = []

    def search_many(self, claims: Sequence[tuple[str, str | None]], k: int = 5
                    ) -> list[SearchResult | BadClaim]:
        self.calls.append(len(claims))
        return [BadClaim(c, s, "claim could not be parsed") if "boom" in c
                else SearchResult.from_dict(fake_result(c, s)) for c, s in claims]


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiters_are_sniffed(tmp_path: Path, delimiter: str) -> None:
    d = delimiter
    text = (f"id{d}claim{d}speaker{d}desk\n"
            f"a1{d}The call is going well{d}Dan Scavino{d}US\n"
            f"a2{d}\"Quoted, with; all | delimiters\"{d}{d}EU\n")
    rows = list(read_claims(write(tmp_path / "c.csv", text)))
    assert [(r.id, r.claim, r.speaker, r.extra) for r in rows] == [
        ("a1", "The call is going well", "Dan Scavino", {"desk": "US"}),
        ("a2", "Quoted, with; all | delimiters", None, {"desk": "EU"}),
    ]


def test_single_column_csv_and_default_ids(tmp_path: Path) -> None:
    rows = list(read_claims(write(tmp_path / "c.csv", "claim\nfirst claim\n\nsecond claim\n")))
    assert [(r.row, r.id, r.claim) for r in rows] == [(1, "1", "first claim"),
                                                       (3, "3", "second claim")]


def test_missing_claim_column_names_file_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", "text,speaker\nhello,Putin\n")
    with pytest.raises(BadInputError, match=r"c\.csv: missing column 'claim'"):
        list(read_claims(path))


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("missing.csv", None, "no such file"),
    ("empty.csv", b"", "empty file"),
    ("latin.csv", "claim\nCafé crème élevé\nNaïve résumé\n".encode("latin-1") * 3, "not UTF-8"),
    ("utf16.csv", "claim\nhello\n".encode("utf-16"), "not UTF-8"),
    ("claims.xlsx", b"PK", "unknown claims format"),
])
def test_unusable_files_raise_bad_input(tmp_path: Path, name: str, content: bytes | None,
                                        problem: str) -> None:
    path = tmp_path / name
    if content is not None:
        write(path, content)
    with pytest.raises(BadInputError, match=re.escape(f"{path}: ") + ".*" + problem):
        list(read_claims(path))


def test_bad_rows_are_reported_and_the_run_goes_on(tmp_path: Path,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    long_claim = "x" * 201
    data = ("claim,speaker\nfine claim,Putin\n,Trump\n" + long_claim + ",\n").encode()
    data += b"bad \xff\xfe bytes,Trump\nboom claim,\nlast claim,\n"
    claims = write(tmp_path / "c.csv", data)
    with caplog.at_level(logging.WARNING):
        summary = run_report(claims, tmp_path / "out.json", FakeSearcher())
    assert summary.claims == 2
    assert [(b.row, b.reason) for b in summary.bad_rows] == [
        (2, "no claim"), (3, "claim is 201 characters, over the limit of 200"),
        (4, "undecodable bytes (not UTF-8)"), (5, "claim could not be parsed")]
    assert "row 4: undecodable bytes" in caplog.text
    report = json.loads((tmp_path / "out.json").read_text())
    assert report["summary"]["bad_rows"][0] == {"row": 2, "reason": "no claim"}
    assert [r["id"] for r in report["results"]] == ["1", "6"]


def test_jsonl_claims_and_broken_lines(tmp_path: Path) -> None:
    lines = ['{"claim": "one", "speaker": "Putin", "id": 7, "topic": "war"}', "{broken",
             "", '["not", "an object"]', '{"speaker": "Trump"}']
    path = write(tmp_path / "c.jsonl", "\n".join(lines).encode() + b"\n\xff\n")
    rows = list(read_claims(path))
    assert (rows[0].id, rows[0].claim, rows[0].speaker, rows[0].extra) == (
        "7", "one", "Putin", {"topic": "war"})
    assert [(r.row, r.reason.split(":")[0]) for r in rows[1:]] == [
        (2, "broken JSON on line 2"), (4, "line 4 is not a JSON object"), (5, "no claim"),
        (6, "undecodable bytes (not UTF-8)")]
    assert count_rows(path) == 5


def test_csv_report_flattens_and_neutralises(tmp_path: Path) -> None:
    claims = write(tmp_path / "c.csv", "claim;speaker;desk\n=HYPERLINK(1) altered;Putin;x\n"
                                       "@unsupported claim;;y\n")
    summary = run_report(claims, tmp_path / "out.csv", FakeSearcher())
    assert summary.verdicts["altered"] == 1 and summary.verdicts["unsupported"] == 1
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[: len(COLUMNS)] == list(COLUMNS) and list(rows[0])[-1] == "desk"
    first = rows[0]
    assert first["claim"] == "'=HYPERLINK(1) altered"
    assert first["diff"] == "The call is going [-well-] {+badly+}"
    assert (first["verdict"], first["speaker"], first["doc_id"], first["desk"]) == (
        "altered", "Putin", "seed", "x")
    assert first["changes"] == "substitution" and first["earliest_doc_id"] == "seed"
    assert rows[1]["claim"] == "'@unsupported claim" and rows[1]["doc_id"] == ""
    assert not (tmp_path / "out.csv.part").exists()


def test_csv_report_lists_bad_rows_with_error(tmp_path: Path) -> None:
    claims = write(tmp_path / "c.csv", "claim,speaker\nok,\n,Putin\n")
    run_report(claims, tmp_path / "out.csv", FakeSearcher())
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8")))
    assert [(r["row"], r["error"]) for r in rows] == [("1", ""), ("2", "no claim")]


def test_json_report_shape(tmp_path: Path) -> None:
    claims = write(tmp_path / "c.csv", "id,claim,speaker,note\nq1,verbatim words,Dan Scavino,n\n"
                                       "q2,misattributed words,Putin,m\n")
    summary = run_report(claims, tmp_path / "out.json", FakeSearcher(), chunk_size=1)
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert list(report) == ["summary", "results"]
    assert report["summary"]["claims"] == 2 == summary.claims
    assert report["summary"]["verdicts"] == {"verbatim": 1, "altered": 0, "paraphrase": 0,
                                             "misattributed": 1, "unsupported": 0}
    assert isinstance(report["summary"]["seconds"], float)
    assert "claims_per_second" in report["summary"]
    first = report["results"][0]
    assert first["id"] == "q1" and first["extra"] == {"note": "n"}
    assert first["attribution"]["speaker"] == "Dan Scavino"
    assert report["results"][1]["attribution"]["speaker"] == "Yuri Ushakov"


def test_chunks_and_progress(tmp_path: Path) -> None:
    claims = write(tmp_path / "c.jsonl", "".join(f'{{"claim": "c{i}"}}\n' for i in range(10)))
    seen: list[tuple[int, int | None]] = []
    searcher = FakeSearcher()
    run_report(claims, tmp_path / "o.jsonld", searcher, chunk_size=4,
               progress=lambda done, total: seen.append((done, total)))
    assert searcher.calls == [4, 4, 2]
    assert seen == [(4, 10), (8, 10), (10, 10)]
    assert len(json.loads((tmp_path / "o.jsonld").read_text())) == 10


def test_empty_report_files_are_valid(tmp_path: Path) -> None:
    claims = write(tmp_path / "c.csv", "claim,speaker\n")
    for suffix in (".json", ".jsonld", ".csv", ".html"):
        summary = run_report(claims, tmp_path / f"o{suffix}", FakeSearcher())
        assert summary.claims == 0
    assert json.loads((tmp_path / "o.json").read_text())["results"] == []
    assert json.loads((tmp_path / "o.jsonld").read_text()) == []


def test_unknown_output_format_lists_valid_ones(tmp_path: Path) -> None:
    claims = write(tmp_path / "c.csv", "claim\nx\n")
    with pytest.raises(BadInputError, match=r"\.csv, \.json, \.html, \.jsonld"):
        run_report(claims, tmp_path / "out.xlsx", FakeSearcher())
    assert not list(tmp_path.glob("out.*"))


def test_failed_run_leaves_no_output(tmp_path: Path) -> None:
    class Broken(FakeSearcher):
        def search_many(self, claims, k=5):  # type: ignore[override]
            raise RuntimeError("index gone")

    claims = write(tmp_path / "c.csv", "claim\nx\n")
    for suffix in (".json", ".csv"):
        with pytest.raises(RuntimeError):
            run_report(claims, tmp_path / f"out{suffix}", Broken())
    assert [p.name for p in tmp_path.iterdir()] == ["c.csv"]


def test_html_report_escapes_everything(tmp_path: Path) -> None:
    claims = write(tmp_path / "c.csv",
                   'claim,speaker\n"<script>alert(\'x\')</script> altered",<img src=x>\n'
                   "unsupported <b>bold</b>,\n")
    run_report(claims, tmp_path / "r.html", FakeSearcher())
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.count("<script>") == 1  # only the page's own sorting script
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x&gt;" in page and "<b>bold</b>" not in page
    assert "Source &lt;b&gt;title&lt;/b&gt;" in page
    assert "<del>well</del>" in page and "<ins>badly</ins>" in page
    assert "<svg" in page and 'data-col="3"' in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//(?!example\.org)""", page)
    assert "a word was changed" in page and "2025-03-19T00:00:00Z" in page


def test_flattening_is_shared_by_frame_and_csv(tmp_path: Path) -> None:
    frame = pd.DataFrame({"claim": ["altered claim", None, "verbatim claim"],
                          "speaker": ["Putin", None, None], "id": [10, 11, 12],
                          "desk": ["a", "b", "c"]})
    out = report_frame(frame, FakeSearcher())
    assert list(out["id"]) == ["10", "11", "12"]
    assert list(out["verdict"][[0, 2]]) == ["altered", "verbatim"]
    assert out.loc[1, "error"] == "no claim" and out.loc[0, "desk"] == "a"
    result = SearchResult.from_dict(fake_result("altered claim", "Putin"))
    flat = flatten_item(ReportItem("10", 1, result, {"desk": "a"}))
    assert flat == {k: (None if pd.isna(v) else v) for k, v in out.iloc[0].items()}
    with pytest.raises(BadInputError, match="missing column 'claim'"):
        report_frame(pd.DataFrame({"text": ["x"]}), FakeSearcher())


def test_neutralise() -> None:
    assert [neutralise(v) for v in ("=1", "+1", "-1", "@x", "\tx", "\rx", "ok", 0.5)] == [
        "'=1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "ok", 0.5]


def test_memory_stays_flat_with_many_claims(tmp_path: Path) -> None:
    def peak(n: int) -> int:
        claims = write(tmp_path / f"c{n}.jsonl",
                       "".join(f'{{"claim": "claim number {i}"}}\n' for i in range(n)))
        tracemalloc.start()
        run_report(claims, tmp_path / f"o{n}.json", FakeSearcher(), chunk_size=100)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(500), peak(5000)
    assert large < small * 1.5, (small, large)


def test_a_json_report_rewritten_matches_the_formats_written_directly(tmp_path: Path) -> None:
    claims = write(tmp_path / "c.csv", "id,claim,speaker,desk\nq1,verbatim words,,a\n"
                                       "q2,altered <b>words</b>,Putin,b\nq3,unsupported,,c\n")
    for suffix in FORMATS:
        run_report(claims, tmp_path / f"direct{suffix}", FakeSearcher())
    report = read_json_report(tmp_path / "direct.json")
    assert [item.id for item in report.items] == ["q1", "q2", "q3"]
    assert report.items[1].extra == {"desk": "b"} and report.bad_rows == []
    for suffix in FORMATS:
        rewrite_report(report, tmp_path / f"again{suffix}", Settings())
        direct, again = ((tmp_path / f"{n}{suffix}").read_text(encoding="utf-8")
                         for n in ("direct", "again"))
        if suffix == ".html":  # the summary at the top gives each run's own time
            direct, again = direct.split("<tbody>")[1], again.split("<tbody>")[1]
        assert again == direct, suffix


def test_rewritten_csv_lists_bad_rows_after_the_results(tmp_path: Path) -> None:
    claims = write(tmp_path / "c.csv", "claim,speaker\n,Putin\nverbatim words,\n")
    run_report(claims, tmp_path / "r.json", FakeSearcher())
    report = read_json_report(tmp_path / "r.json")
    assert report.bad_rows == [BadRow(1, "no claim")]
    rewrite_report(report, tmp_path / "r.csv", Settings())
    rows = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert [(r["row"], r["verdict"], r["error"]) for r in rows] == [
        ("2", "verbatim", ""), ("1", "", "no claim")]


def test_only_a_json_report_can_be_rewritten(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="not a factcheck JSON report"):
        read_json_report(write(tmp_path / "r.json", '{"results": []}'))
    with pytest.raises(BadInputError, match="not a factcheck JSON report"):
        read_json_report(tmp_path / "missing.json")


SEED = Path("/work/shared/seeds/trump-putin-ceasefire-call.txt")


@pytest.mark.slow
def test_real_report_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.engine import Engine

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    seed = SEED if SEED.exists() else next(SEEDS.glob("*"))
    engine = Engine.open(Settings(index_dir=tmp_path / "idx", organisation="Test desk"))
    assert engine.ingest([seed]).documents == 1
    claims = write(tmp_path / "claims.csv", (
        "id;claim;speaker\n"
        "s1;The call is going well and still in progress;Dan Scavino\n"
        "s2;The call is going badly and still in progress;Dan Scavino\n"
        "s3;Penguins have opened a bakery on the moon;\n"
        "s4;;Nobody\n"))
    summary = run_report(claims, tmp_path / "r.json", engine, k=3)
    assert summary.claims == 3 and [b.row for b in summary.bad_rows] == [4]
    results = {r["id"]: r for r in json.loads((tmp_path / "r.json").read_text())["results"]}
    assert results["s1"]["verdict"] == "verbatim"
    assert results["s1"]["attribution"]["speaker"] == "Dan Scavino"
    assert results["s2"]["verdict"] == "altered"
    assert results["s3"]["verdict"] == "unsupported"
    for suffix in (".csv", ".html", ".jsonld"):
        run_report(claims, tmp_path / f"r{suffix}", engine, k=3)
    rows = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert rows[1]["diff"].count("[-well-]") == 1 and "{+badly+}" in rows[1]["diff"]
    reviews = json.loads((tmp_path / "r.jsonld").read_text())
    assert [r["reviewRating"]["alternateName"] for r in reviews] == [
        "verbatim", "altered", "unsupported"]
    assert reviews[0]["author"]["name"] == "Test desk"
    assert "<del>well</del>" in (tmp_path / "r.html").read_text(encoding="utf-8")
