"""The fuzz set's generator and judge (benchmarks/fuzz_cli.py, fuzz_cases.py)."""

from collections import Counter

from tests.helpers import load_script

fuzz = load_script("fuzz_cli")
cases = load_script("fuzz_cases")


def test_the_cases_are_the_same_for_a_seed_and_mix_every_family():
    first, again = cases.generate(14, 300), cases.generate(14, 300)
    assert [(c.args, c.files) for c in first] == [(c.args, c.files) for c in again]
    assert [c.args for c in cases.generate(15, 300)] != [c.args for c in first]
    families = Counter(c.family for c in cases.generate(14, 1000))
    assert len(families) == 12 and min(families.values()) >= 15
    assert all(c.subprocess for c in first if c.family == "special")


def judged(status: int | None, stderr: str) -> list[str]:
    case = cases.Case("ingest", "json", ["ingest", "{case}/rows.jsonl"])
    outcome = fuzz.Outcome(case, status, stderr, 0.1)
    fuzz._judge(outcome, ["/tmp/case-0001", "/tmp/index", "claim", "-k"])
    return outcome.problems


def test_a_refusal_naming_its_file_passes_and_progress_bars_are_ignored():
    stderr = ("ingest: 0doc [00:00, ?doc/s]\ringest: 100%|###| 1/1\r\n"
              "factcheck: /tmp/case-0001/rows.jsonl: row 1: field 'text' is a list, not text\n")
    assert judged(2, stderr) == []
    assert judged(2, "usage: factcheck search [-h]\nfactcheck search: error: argument -k\n") == []


def test_internal_errors_unnamed_lines_and_stray_output_are_problems():
    assert judged(1, "factcheck: internal error: ValueError: x\n")[0].startswith("exit 1")
    assert judged(2, "factcheck: empty HTML tree: None\n") == [
        "names nothing: factcheck: empty HTML tree: None"]
    assert judged(0, "RuntimeWarning: invalid value\n") == [
        "stray output: RuntimeWarning: invalid value"]
    assert judged(2, "") == ["exit 2 with no factcheck: line"]
    assert "traceback" in judged(1, "Traceback (most recent call last):\n  File x\n")
