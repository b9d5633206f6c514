"""Batch provenance reports: a claims file (csv or jsonl) → one verdict per claim.

Claims are read, searched and written one chunk at a time, so memory stays flat however long
the file is. Rows that cannot be checked (no claim, too long, broken JSON, bytes that are not
UTF-8) or whose result cannot be written are logged as warnings and listed in the summary; the
run goes on.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Protocol

import pandas as pd

from factcheck.errors import BadInputError, bad_file
from factcheck.records import Verdict
from factcheck.report.formats import COLUMNS, ReportWriter, flatten_item, open_writer
from factcheck.report.input import (
    CLAIM_FORMATS,
    BadRow,
    ClaimRow,
    claim_or_bad,
    count_rows,
    read_claims,
)
from factcheck.report.item import ReportItem
from factcheck.settings import Settings
from factcheck.verdict.result import BadClaim, SearchResult

__all__ = [
    "CLAIM_FORMATS", "BadRow", "ClaimRow", "ReportSummary", "Searcher", "count_rows",
    "read_claims", "report_frame", "run_report",
]

logger = logging.getLogger(__name__)

Progress = Callable[[int, "int | None"], None]


# Claims read, searched and written at a time: memory is bounded by one chunk (~30 MiB of
# results at 2,048), and the search overlaps model and judging within a chunk, so a longer
# chunk overlaps more (10,000 claims: 77 claims/s at 512, 84 at 2,048; report_bench.py).
CHUNK_CLAIMS = 2048


class Searcher(Protocol):
    """What a report needs from the engine."""

    settings: Settings

    def search_many(self, claims: Sequence[tuple[str, str | None]], k: int = 5
                    ) -> list[SearchResult | BadClaim]:
        """Search claims (text, claimed speaker); a claim that cannot be checked gives a
        `BadClaim`."""
        ...



@dataclass(frozen=True)
class ReportSummary:
    """What one report run did."""

    claims: int
    verdicts: dict[str, int]
    bad_rows: tuple[BadRow, ...]
    seconds: float
    out_path: Path | None = None

    @property
    def claims_per_second(self) -> float:
        """Claims checked per second of wall time."""
        return round(self.claims / self.seconds, 1) if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        """The "summary" object of json and html reports."""
        return {
            "claims": self.claims,
            "verdicts": dict(self.verdicts),
            "bad_rows": [{"row": b.row, "reason": b.reason} for b in self.bad_rows],
            "seconds": round(self.seconds, 3),
            "claims_per_second": self.claims_per_second,
        }


# --- running -------------------------------------------------------------------------------


def _search_chunk(chunk: Sequence[ClaimRow | BadRow], searcher: Searcher,
                  k: int) -> list[ReportItem | BadRow]:
    """Search the claims of a chunk in one call; items keep the chunk's order."""
    claims = [r for r in chunk if isinstance(r, ClaimRow)]
    found = iter(searcher.search_many([(c.claim, c.speaker) for c in claims], k=k) if claims
                 else [])
    out: list[ReportItem | BadRow] = []
    for row in chunk:
        if isinstance(row, BadRow):
            out.append(row)
            continue
        result = next(found)
        if isinstance(result, BadClaim):
            out.append(BadRow(row.row, result.error, row.id, row.claim[:80]))
        else:
            out.append(ReportItem(row.id, row.row, result, row.extra))
    return out


def _chunks(rows: Iterable[ClaimRow | BadRow], size: int) -> Iterator[list[ClaimRow | BadRow]]:
    it = iter(rows)
    while chunk := list(islice(it, max(1, size))):
        yield chunk


def _extra_columns(chunk: Sequence[ClaimRow | BadRow]) -> list[str]:
    names: dict[str, None] = {}
    for row in chunk:
        if isinstance(row, ClaimRow):
            names.update(dict.fromkeys(row.extra))
    return list(names)


def run_report(claims_path: Path, out_path: Path, searcher: Searcher, k: int = 5,
               chunk_size: int = CHUNK_CLAIMS,
               progress: Progress | None = None) -> ReportSummary:
    """Check every claim of a claims file and write the report, streaming chunk by chunk.

    Args:
        claims_path: csv or jsonl claims file (`claim` required; `speaker`, `id` optional).
        out_path: the report to write; its extension picks the format (.csv, .json, .html,
            .jsonld). It appears only once complete.
        searcher: the engine (anything with `search_many` and `settings`).
        k: matches kept per claim.
        chunk_size: rows read and searched at a time.
        progress: called as ``progress(rows_done, rows_total)`` after each chunk.

    Returns:
        The summary: claims checked, counts per verdict, bad rows, seconds.

    Raises:
        BadInputError: the claims file or the output path cannot be used.
    """
    claims_path, out_path = Path(claims_path), Path(out_path)
    if _same_file(claims_path, out_path):
        raise bad_file(out_path, "is the claims file itself; give --out another name")
    started = time.perf_counter()
    settings = searcher.settings
    chunks = _chunks(read_claims(claims_path, settings.max_claim_chars), chunk_size)
    first = next(chunks, [])
    writer = open_writer(out_path, settings, _extra_columns(first))
    total = count_rows(claims_path) if progress else None
    counts = {str(v): 0 for v in Verdict}
    bad: list[BadRow] = []
    done = 0
    try:
        for chunk in _prepend(first, chunks):
            _write_chunk(writer, _search_chunk(chunk, searcher, k), claims_path, counts, bad)
            done += len(chunk)
            if progress:
                progress(done, total)
        seconds = time.perf_counter() - started
        summary = ReportSummary(sum(counts.values()), counts, tuple(bad), seconds, out_path)
        writer.finish(summary.to_dict())
    except BaseException:
        writer.abort()
        raise
    return summary


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one existing file (through links, `.` or `..` too)."""
    try:
        return a.samefile(b)
    except OSError:  # one of them does not exist (yet), or cannot be looked up
        return False


def _write_chunk(writer: ReportWriter, items: list[ReportItem | BadRow], path: Path,
                 counts: dict[str, int], bad: list[BadRow]) -> None:
    """Write a chunk's items; count verdicts, collect and log bad rows."""
    for item in items:
        if not isinstance(item, BadRow):
            item = _write_result(writer, item, counts)
            if item is None:
                continue
        logger.warning("%s: row %d: %s", path, item.row, item.reason)
        bad.append(item)
        writer.write_bad(item)


def _write_result(writer: ReportWriter, item: ReportItem,
                  counts: dict[str, int]) -> BadRow | None:
    """Write one result and count its verdict; a result no output can hold is a bad row.

    That is a lone surrogate or nesting past the recursion limit, from any source. Writers
    encode a whole item before writing any of it, so nothing half-written stays behind.
    """
    try:
        writer.write_item(item)
    except (UnicodeError, RecursionError) as err:
        shown_id = None if item.id is None else str(item.id).encode(
            "utf-8", "replace").decode("utf-8")
        return BadRow(int(item.row or 0),
                      f"the result cannot be written ({err.__class__.__name__})", shown_id)
    verdict = str(item.result.verdict)
    counts[verdict] = counts.get(verdict, 0) + 1
    return None


def _prepend(first: list, rest: Iterator[list]) -> Iterator[list]:
    if first:
        yield first
    yield from rest


# --- pandas --------------------------------------------------------------------------------


def report_frame(claims: pd.DataFrame, searcher: Searcher, k: int = 5,
                 chunk_size: int = CHUNK_CLAIMS) -> pd.DataFrame:
    """Check the claims of a DataFrame: one flattened row per claim (the csv report columns).

    Args:
        claims: columns `claim` (required), `speaker`, `id` (optional), others carried.
        searcher: the engine (anything with `search_many` and `settings`).
        k: matches kept per claim.
        chunk_size: claims searched at a time.

    Returns:
        One row per input row, in order; rows that could not be checked have "error" set.

    Raises:
        BadInputError: the frame has no `claim` column.
    """
    if "claim" not in claims.columns:
        found = ", ".join(map(str, claims.columns)) or "none"
        raise BadInputError(f"claims frame: missing column 'claim' (found {found})")
    limit = searcher.settings.max_claim_chars
    rows = (_frame_row(i, record, limit) for i, record in
            enumerate(claims.to_dict("records"), start=1))
    flat = []
    for chunk in _chunks(rows, chunk_size):
        for item in _search_chunk(chunk, searcher, k):
            flat.append(flatten_item(item))
    return pd.DataFrame(flat) if flat else pd.DataFrame(columns=list(COLUMNS))


def _frame_row(row: int, record: dict, max_chars: int) -> ClaimRow | BadRow:
    values = {k: (None if _is_missing(v) else v) for k, v in record.items()}
    extra = {str(k): v for k, v in values.items() if k not in ("claim", "speaker", "id")}
    return claim_or_bad(row, values.get("claim"), values.get("speaker"), values.get("id"),
                        extra, max_chars)


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))

