"""End to end: the `factcheck` command on the seed corpus with the real model and index."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import build_parser
from tests.helpers import SEEDS

pytestmark = pytest.mark.slow

SCAVINO = "The call is going well and still in progress"
TOP_KEYS = {"claim", "claimed_speaker", "verdict", "partial", "confidence", "attribution",
            "earliest", "appearances", "matches", "provenance"}
MATCH_KEYS = {"rank", "doc_id", "passage_id", "text", "start", "end", "score", "dense",
              "lexical", "speaker", "sha256", "diff"}
ATTRIBUTION_KEYS = {"speaker", "kind", "cue", "via", "doc_id", "title", "url", "published",
                    "reviewed"}


def factcheck(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcheck.cli", *args], check=False,
                          capture_output=True, text=True, timeout=300)


def test_ingest_prints_counts_and_stats_agree(tmp_path: Path):
    index = str(tmp_path / "index")
    run = factcheck("ingest", str(SEEDS), "--index", index)
    assert run.returncode == 0, run.stderr
    assert "documents: 1  passages: 31" in run.stdout
    stats = json.loads(factcheck("stats", "--json", "--index", index).stdout)
    assert stats["documents"] == 1 and stats["model"] == "all-MiniLM-L6-v2"


def test_search_json_scavino_verbatim_at_rank_one(seed_index_dir: Path):
    run = factcheck("search", SCAVINO, "--json", "--index", str(seed_index_dir))
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert set(result) >= TOP_KEYS
    assert result["verdict"] == "verbatim"
    assert set(result["attribution"]) == ATTRIBUTION_KEYS
    assert result["attribution"]["speaker"] == "Dan Scavino"
    top = result["matches"][0]
    assert set(top) == MATCH_KEYS
    assert top["doc_id"] == "trump-putin-ceasefire-call"
    assert SCAVINO in top["text"]
    assert result["earliest"] == {"doc_id": "trump-putin-ceasefire-call",
                                  "published": "2025-03-18"}
    assert result["provenance"]["model"] == "all-MiniLM-L6-v2"


def test_search_unsupported_claim(seed_index_dir: Path):
    run = factcheck("search", "Zelenskyy agreed to give up Crimea", "--json",
                    "--index", str(seed_index_dir))
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["verdict"] == "unsupported"


def test_human_output_is_a_short_block(seed_index_dir: Path):
    run = factcheck("search", SCAVINO, "--index", str(seed_index_dir))
    assert run.stdout.startswith("verdict: verbatim")
    assert "Dan Scavino" in run.stdout
    assert len(run.stdout.splitlines()) <= 8


def test_quotes_json_lists_statements_by_alias(seed_index_dir: Path):
    run = factcheck("quotes", "--speaker", "Putin", "--json", "--index", str(seed_index_dir))
    quotes = json.loads(run.stdout)
    assert quotes and {q["speaker"] for q in quotes} == {"Vladimir Putin"}
    assert {"id", "doc_id", "kind", "text", "start", "end", "speaker", "speaker_mention", "cue",
            "via", "confidence", "reviewed"} == set(quotes[0])


@pytest.mark.parametrize("claim, message", [
    ("", "empty"), ("   ", "empty"), ("x" * 100_000, "limit is 5000"),
])
def test_bad_claims_exit_2_with_one_line(seed_index_dir: Path, claim: str, message: str):
    run = factcheck("search", claim, "--index", str(seed_index_dir))
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1
    assert message in run.stderr


def test_bad_ingest_paths_exit_2_and_keep_good_files(tmp_path: Path):
    index = str(tmp_path / "index")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    run = factcheck("ingest", str(SEEDS), str(tmp_path / "bad.txt"), str(tmp_path / "nope"),
                    "--index", index)
    assert run.returncode == 2
    assert "bad.txt: not UTF-8" in run.stderr and "nope: no such file" in run.stderr
    assert "documents: 1" in run.stdout
    assert json.loads(factcheck("stats", "--json", "--index", index).stdout)["documents"] == 1


def test_every_command_has_help_with_an_example():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert set(commands) == {"ingest", "search", "quotes", "report", "stats"}
    for name, sub in commands.items():
        text = sub.format_help()
        assert "example:" in text and f"factcheck {name}" in text
