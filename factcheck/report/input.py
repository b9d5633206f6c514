"""Reading claims files (csv or jsonl) into claims and the rows that cannot be checked.

Claims are streamed row by row. Rows that cannot be checked (no claim, too long, broken JSON,
JSON that cannot be written back, bytes that are not UTF-8) come out as `BadRow`s; a file that
cannot be read at all raises.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import bad_file
from factcheck.sources.csvlines import RecordLines
from factcheck.sources.jsonrows import field_type_problem, load_json_row

CLAIM_FORMATS = (".csv", ".tsv", ".txt", ".jsonl", ".ndjson")
_JSONL = (".jsonl", ".ndjson")
_DELIMITERS = ",;\t|"
_SAMPLE_BYTES = 64 * 1024
CsvDialect = type[csv.Dialect] | csv.Dialect


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


def _check_text(path: Path) -> bytes:
    """The first bytes of a claims file, after checking it exists and is UTF-8 text."""
    try:
        if not path.is_file():
            raise bad_file(path, "no such file" if not path.exists() else "not a file")
        with path.open("rb") as f:
            sample = f.read(_SAMPLE_BYTES)
    except OSError as exc:
        raise bad_file(path, f"cannot be read ({exc.strerror or exc})") from None
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


def claim_or_bad(row: int, claim: object, speaker: object, id_: object, extra: dict,
                 max_chars: int) -> ClaimRow | BadRow:
    """A ClaimRow, or a BadRow when the claim is missing, not text or over `max_chars`
    characters."""
    fields = {"claim": claim, "speaker": speaker, "id": id_}
    if problem := field_type_problem(fields, "claim", ("speaker", "id")):
        return BadRow(row, problem)
    claim_id = str(id_).strip() if id_ not in (None, "") else str(row)
    if not isinstance(claim, str) or not claim.strip():
        return BadRow(row, "no claim", claim_id)
    claim = claim.strip()
    if len(claim) > max_chars:
        reason = f"claim is {len(claim)} characters, over the limit of {max_chars}"
        return BadRow(row, reason, claim_id, claim[:80])
    name = speaker.strip() if isinstance(speaker, str) and speaker.strip() else None
    return ClaimRow(row, claim_id, claim, name, extra)


def _dialect(path: Path, sample: bytes) -> CsvDialect:
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
        lines = RecordLines(f)
        reader = csv.reader(lines, dialect)
        try:
            header = next(reader)
        except csv.Error as exc:
            raise bad_file(path, f"the header row is not CSV ({exc})") from None
        if problem := lines.unclosed_quote(dialect):
            raise bad_file(path, f"the header row: {problem}")
        lines.next_record()
        names = _columns(header)
        if "claim" not in names:
            found = ", ".join(repr(n) for n in header) or "nothing"
            raise bad_file(path, f"missing column 'claim' in the header (found {found})")
        carried = [(i, header[i].strip()) for i, n in enumerate(names)
                   if n not in ("claim", "speaker", "id")]
        yield from _csv_rows(reader, lines, dialect, names, carried, max_chars)


def _csv_rows(reader: Iterator[list[str]], lines: RecordLines, dialect: CsvDialect,
              names: list[str], carried: list[tuple[int, str]], max_chars: int
              ) -> Iterator[ClaimRow | BadRow]:
    row = 0
    while True:
        row += 1
        lines.next_record()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield BadRow(row, lines.unclosed_quote(dialect) or f"broken csv: {exc}")
            continue
        if problem := lines.unclosed_quote(dialect):  # it took every line after it
            yield BadRow(row, problem)
            return
        if not any(cell.strip() for cell in cells):
            continue
        if _undecodable(cells):
            yield BadRow(row, "undecodable bytes (not UTF-8)")
            continue
        values = dict(zip(names, cells, strict=False))
        extra = {name: cells[i] if i < len(cells) else "" for i, name in carried}
        yield claim_or_bad(row, values.get("claim"), values.get("speaker"), values.get("id"),
                           extra, max_chars)


def _read_jsonl(path: Path, max_chars: int) -> Iterator[ClaimRow | BadRow]:
    with path.open("rb") as f:
        for row, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            try:
                obj = load_json_row(raw.decode("utf-8-sig" if row == 1 else "utf-8"))
            except UnicodeDecodeError:
                yield BadRow(row, "undecodable bytes (not UTF-8)")
                continue
            except json.JSONDecodeError as exc:
                yield BadRow(row, f"broken JSON on line {row}: {exc.msg} at column {exc.colno}")
                continue
            except ValueError as exc:  # valid JSON that cannot be checked or written back
                yield BadRow(row, str(exc))
                continue
            if not isinstance(obj, dict):
                yield BadRow(row, f"line {row} is not a JSON object")
                continue
            extra = {k: v for k, v in obj.items() if k not in ("claim", "speaker", "id")}
            yield claim_or_bad(row, obj.get("claim"), obj.get("speaker"), obj.get("id"),
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
