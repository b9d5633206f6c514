"""Batch provenance reports: a claims file (csv or jsonl) → one verdict per claim.

Claims are read, searched and written one chunk at a time, so memory stays flat however long
the file is. Rows that cannot be checked (no claim, too long, broken JSON, bytes that are not
UTF-8) are logged as warnings and listed in the summary; the run goes on.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Protocol

import pandas as pd

from factcheck.errors import BadInputError, bad_file
from factcheck.records import Verdict
from factcheck.report_formats import COLUMNS, ReportWriter, flatten_item, open_writer
from factcheck.settings import Settings

logger = logging.getLogger(__name__)

CLAIM_FORMATS = (".csv", ".tsv", ".txt", ".jsonl", ".ndjson")
_JSONL = (".jsonl", ".ndjson")
_DELIMITERS = ",;\t|"
_SAMPLE_BYTES = 64 * 1024

Progress = Callable[[int, "int | None"], None]


class Searcher(Protocol):
    """What a report needs from the engine."""

    settings: Settings

    def search_many(self, claims: Sequence[tuple[str, str | None]], k: int = 5) -> list[dict]:
        """Search claims (text, claimed speaker); a bad claim gives {"error": reason}."""
        ...


@dataclass(frozen=True)
class ClaimRow:
    """One claim read from a claims file; `row` is 1-based (csv header not counted)."""

    row: int
    id: str
    claim: str
    speaker: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class BadRow:
    """A row that could not be checked, and why."""

    row: int
    reason: str
    id: str | None = None
    claim: str | None = None

    def to_dict(self) -> dict:
        """The shape listed in the summary and written to csv reports."""
        return {"row": self.row, "reason": self.reason, "id": self.id, "claim": self.claim}


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


# --- reading -------------------------------------------------------------------------------


def _check_text(path: Path) -> bytes:
    """The first bytes of a claims file, after checking it exists and is UTF-8 text."""
    if not path.is_file():
        raise bad_file(path, "no such file" if not path.exists() else "not a file")
    try:
        with path.open("rb") as f:
            sample = f.read(_SAMPLE_BYTES)
    except OSError as exc:
        raise bad_file(path, f"cannot be read ({exc.strerror or exc})") from exc
    if not sample.strip():
        raise bad_file(path, "empty file; expected a header row with a 'claim' column")
    cut = len(sample) == _SAMPLE_BYTES  # the last line may end mid-character
    lines = sample.splitlines()
    if cut and len(lines) > 1:
        lines.pop()
    whole = not (cut and len(lines) == 1)
    undecodable = sum(1 for line in lines if not _decodes(line, not whole))
    if b"\x00" in sample or undecodable * 2 > len(lines) or not _decodes(lines[0], not whole):
        raise bad_file(path, "not UTF-8 text; save it as UTF-8 (csv or jsonl)")
    return sample


def _decodes(raw: bytes, cut: bool = False) -> bool:
    """Whether bytes are UTF-8; with `cut`, a character cut off at the end is fine."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return cut and exc.reason == "unexpected end of data"
    return True


def _undecodable(values: Iterable[object]) -> bool:
    """Whether any value holds bytes that were not UTF-8 (surrogate-escaped on reading)."""
    return any(isinstance(v, str) and any("\udc80" <= ch <= "\udcff" for ch in v) for v in values)


def _claim_or_bad(row: int, claim: object, speaker: object, id_: object, extra: dict,
                  max_chars: int) -> ClaimRow | BadRow:
    claim_id = str(id_).strip() if id_ not in (None, "") else str(row)
    if not isinstance(claim, str) or not claim.strip():
        return BadRow(row, "no claim", claim_id)
    claim = claim.strip()
    if len(claim) > max_chars:
        reason = f"claim is {len(claim)} characters, over the limit of {max_chars}"
        return BadRow(row, reason, claim_id, claim[:80])
    name = speaker.strip() if isinstance(speaker, str) and speaker.strip() else None
    return ClaimRow(row, claim_id, claim, name, extra)


def _dialect(path: Path, sample: bytes) -> type[csv.Dialect] | csv.Dialect:
    """The csv dialect: sniffed, or else the delimiter that splits a 'claim' header out."""
    text = sample.decode("utf-8-sig", errors="replace")
    header = text.splitlines()[0]
    try:
        dialect = csv.Sniffer().sniff(text, delimiters=_DELIMITERS)
        if "claim" in _columns(next(csv.reader([header], dialect))):
            return dialect
    except csv.Error:
        pass
    for delimiter in _DELIMITERS:
        if "claim" in _columns(header.split(delimiter)):
            return _with_delimiter(delimiter)
    return csv.excel


def _with_delimiter(delimiter: str) -> type[csv.Dialect]:
    return type("Sniffed", (csv.excel,), {"delimiter": delimiter})


def _columns(header: Sequence[str]) -> list[str]:
    return [name.strip().strip('"').strip().lower() for name in header]


def _read_csv(path: Path, sample: bytes, max_chars: int) -> Iterator[ClaimRow | BadRow]:
    dialect = _dialect(path, sample)
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
        reader = csv.reader(f, dialect)
        header = next(reader)
        names = _columns(header)
        if "claim" not in names:
            found = ", ".join(repr(n) for n in header) or "nothing"
            raise bad_file(path, f"missing column 'claim' in the header (found {found})")
        carried = [(i, header[i].strip()) for i, n in enumerate(names)
                   if n not in ("claim", "speaker", "id")]
        yield from _csv_rows(reader, names, carried, max_chars)


def _csv_rows(reader: Iterator[list[str]], names: list[str], carried: list[tuple[int, str]],
              max_chars: int) -> Iterator[ClaimRow | BadRow]:
    row = 0
    while True:
        row += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield BadRow(row, f"broken csv: {exc}")
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if _undecodable(cells):
            yield BadRow(row, "undecodable bytes (not UTF-8)")
            continue
        values = dict(zip(names, cells, strict=False))
        extra = {name: cells[i] if i < len(cells) else "" for i, name in carried}
        yield _claim_or_bad(row, values.get("claim"), values.get("speaker"), values.get("id"),
                            extra, max_chars)


def _read_jsonl(path: Path, max_chars: int) -> Iterator[ClaimRow | BadRow]:
    with path.open("rb") as f:
        for row, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8-sig" if row == 1 else "utf-8"))
            except UnicodeDecodeError:
                yield BadRow(row, "undecodable bytes (not UTF-8)")
                continue
            except json.JSONDecodeError as exc:
                yield BadRow(row, f"broken JSON on line {row}: {exc.msg} at column {exc.colno}")
                continue
            if not isinstance(obj, dict):
                yield BadRow(row, f"line {row} is not a JSON object")
                continue
            extra = {k: v for k, v in obj.items() if k not in ("claim", "speaker", "id")}
            yield _claim_or_bad(row, obj.get("claim"), obj.get("speaker"), obj.get("id"),
                                extra, max_chars)


def read_claims(path: Path, max_claim_chars: int = 5_000) -> Iterator[ClaimRow | BadRow]:
    """Stream the claims of a csv (any of , ; TAB |) or jsonl file, with its bad rows.

    Args:
        path: the claims file; csv needs a header with a `claim` column, jsonl a `claim` field.
        max_claim_chars: longer claims become bad rows.

    Yields:
        A ClaimRow per usable row, a BadRow per row that cannot be checked.

    Raises:
        BadInputError: the file is missing, unreadable, not UTF-8, empty, of an unknown
            kind, or has no `claim` column (raised on the first `next`).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CLAIM_FORMATS:
        raise bad_file(path, f"unknown claims format {suffix!r}; use {', '.join(CLAIM_FORMATS)}")
    sample = _check_text(path)
    if suffix in _JSONL:
        return _read_jsonl(path, max_claim_chars)
    return _read_csv(path, sample, max_claim_chars)


def count_rows(path: Path) -> int:
    """How many rows (claims and bad rows) a claims file holds, for a progress bar total."""
    return sum(1 for _ in read_claims(path, max_claim_chars=2**62))


# --- running -------------------------------------------------------------------------------


def _search_chunk(chunk: Sequence[ClaimRow | BadRow], searcher: Searcher,
                  k: int) -> list[dict | BadRow]:
    """Search the claims of a chunk in one call; items keep the chunk's order."""
    claims = [r for r in chunk if isinstance(r, ClaimRow)]
    found = iter(searcher.search_many([(c.claim, c.speaker) for c in claims], k=k) if claims
                 else [])
    out: list[dict | BadRow] = []
    for row in chunk:
        if isinstance(row, BadRow):
            out.append(row)
            continue
        result = next(found)
        if "error" in result:
            out.append(BadRow(row.row, str(result["error"]), row.id, row.claim[:80]))
        else:
            out.append(_item(row, result))
    return out


def _item(row: ClaimRow, result: dict) -> dict:
    item = {"id": row.id, **result, "row": row.row}
    if row.extra:
        item["extra"] = row.extra
    return item


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
               chunk_size: int = 256, progress: Progress | None = None) -> ReportSummary:
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


def _write_chunk(writer: ReportWriter, items: list[dict | BadRow], path: Path,
                 counts: dict[str, int], bad: list[BadRow]) -> None:
    """Write a chunk's items; count verdicts, collect and log bad rows."""
    for item in items:
        if isinstance(item, BadRow):
            logger.warning("%s: row %d: %s", path, item.row, item.reason)
            bad.append(item)
            writer.write_bad(item.to_dict())
        else:
            verdict = str(item.get("verdict"))
            counts[verdict] = counts.get(verdict, 0) + 1
            writer.write_item(item)


def _prepend(first: list, rest: Iterator[list]) -> Iterator[list]:
    if first:
        yield first
    yield from rest


# --- pandas --------------------------------------------------------------------------------


def report_frame(claims: pd.DataFrame, searcher: Searcher, k: int = 5,
                 chunk_size: int = 256) -> pd.DataFrame:
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
            flat.append(flatten_item(item.to_dict() if isinstance(item, BadRow) else item))
    return pd.DataFrame(flat) if flat else pd.DataFrame(columns=list(COLUMNS))


def _frame_row(row: int, record: dict, max_chars: int) -> ClaimRow | BadRow:
    values = {k: (None if _is_missing(v) else v) for k, v in record.items()}
    extra = {str(k): v for k, v in values.items() if k not in ("claim", "speaker", "id")}
    return _claim_or_bad(row, values.get("claim"), values.get("speaker"), values.get("id"),
                         extra, max_chars)


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))

