"""The read stage: files and folders of sources -> Documents.

Formats: .txt, .md (optional front matter), .html/.htm (main text by trafilatura),
.jsonl and .csv (one document per row; `text` required).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePath

from factcheck.errors import BadInputError, bad_file, bad_row
from factcheck.records import Document
from factcheck.sources.csvlines import RecordLines
from factcheck.sources.files import read_regular_file
from factcheck.sources.frontmatter import read_front_matter
from factcheck.sources.jsonrows import field_type_problem, load_json_row

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".csv")
METADATA_FIELDS = ("title", "url", "published", "publisher", "speaker", "kind")
_STORED_FIELDS = ("id", *METADATA_FIELDS)
_EXTRACTOR_LOGGERS = ("trafilatura", "htmldate", "courlan")


@dataclass
class ReadResult:
    """Documents read from one file, and the rows of it that could not be used."""

    path: Path
    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def content_sha256(text: str) -> str:
    """Fingerprint of a text (hex sha256 of its UTF-8 bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files to read: the given files, and supported files in given folders, recursively.

    Raises:
        BadInputError: a path that does not exist, or a folder with no readable file.
    """
    files: list[Path] = []
    for path in paths:
        if not _exists(path):
            raise bad_file(path, "no such file or folder")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _is_source(p))
            if not found:
                raise bad_file(path, f"folder has no readable files ({', '.join(SUPPORTED_SUFFIXES)})")
            files.extend(found)
        else:
            files.append(path)
    return files


def read_file(path: Path, max_chars: int = 5_000_000) -> ReadResult:
    """Read one source file into Documents.

    Args:
        path: a .txt, .md, .html, .jsonl or .csv file.
        max_chars: longest document text accepted.

    Returns:
        The documents and, for row formats, the rows skipped with their reason.

    Raises:
        BadInputError: the file cannot be used at all (format, encoding, empty, too long).
    """
    _check_suffix(path)
    return _read(path, read_regular_file(path), max_chars)


def read_data(name: str, data: bytes, max_chars: int = 5_000_000) -> ReadResult:
    """Read the bytes of one source file (an upload) into Documents, as `read_file` does.

    Args:
        name: the file's name. Only its last part is used, for the format and to name the
            file in messages and in the documents' `source`; it is never opened as a path.
        data: the file's bytes.
        max_chars: longest document text accepted.

    Raises:
        BadInputError: the file cannot be used at all (format, encoding, empty, too long).
    """
    path = Path(PurePath(name.replace("\\", "/")).name)
    _check_suffix(path)
    return _read(path, data, max_chars)


def _check_suffix(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise bad_file(path, f"unsupported file type {suffix or '(none)'}; "
                             f"use one of {', '.join(SUPPORTED_SUFFIXES)}")


def _read(path: Path, data: bytes, max_chars: int) -> ReadResult:
    suffix = path.suffix.lower()
    raw = _decode(path, data)
    if not raw.strip():
        raise bad_file(path, "file is empty")
    if suffix in (".jsonl", ".csv"):
        rows = (_jsonl_rows(path, raw) if suffix == ".jsonl"
                else _csv_rows(path, raw, max_chars))
        return _documents_from_rows(path, rows, max_chars)
    reader = {".html": _html_document, ".htm": _html_document}.get(suffix, _text_document)
    fields = reader(path, raw)
    return ReadResult(path, [_make_document(path, fields, max_chars)])


def _exists(path: Path) -> bool:
    """Whether a path exists; a path the system refuses to look up (too long) is an error."""
    try:
        return path.exists()
    except OSError as err:
        raise bad_file(path, f"cannot be read ({err.strerror or err})") from None


def _is_source(path: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.parts)
    return path.is_file() and not hidden and path.suffix.lower() in SUPPORTED_SUFFIXES


def _decode(path: Path, data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise bad_file(path, f"not UTF-8 text (bad byte at offset {err.start}); "
                             "convert it to UTF-8 first") from None
    if (nul := data.find(b"\x00")) != -1:  # valid UTF-8, but no text holds NUL characters
        raise bad_file(path, f"holds NUL bytes (at offset {nul}): a binary file, not text "
                             "(UTF-16 text: convert it to UTF-8 first)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _text_document(path: Path, raw: str) -> dict:
    fields: dict = {}
    text = raw
    if raw.startswith("---\n"):
        end = raw.find("\n---", 4)
        if end != -1:
            fields = read_front_matter(path, raw[4:end])
            if problem := field_type_problem(fields, "text", _STORED_FIELDS):
                raise bad_file(path, f"front matter: {problem}")
            text = raw[end + 4:].lstrip("\n")
    fields.setdefault("title", _first_line(text) if path.suffix.lower() != ".txt" else None)
    return {**fields, "text": text}


def _first_line(text: str) -> str | None:
    line = text.strip().split("\n", 1)[0].lstrip("# ").strip()
    return line[:200] or None


def _html_document(path: Path, raw: str) -> dict:
    import trafilatura  # slow to import; only HTML needs it

    for name in _EXTRACTOR_LOGGERS:  # their parse notes name no file ("empty HTML tree: None");
        logging.getLogger(name).setLevel(logging.CRITICAL)  # a page without text is ours to say
    text = trafilatura.extract(raw, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(raw)
    fields = {"text": text}
    if meta is not None:
        fields.update(title=meta.title, url=meta.url, published=meta.date,
                      publisher=meta.sitename)
    return fields


def _jsonl_rows(path: Path, raw: str) -> Iterator[tuple[int, dict | str]]:
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = load_json_row(line)
        except json.JSONDecodeError as err:
            yield number, f"malformed JSON ({err.msg})"
            continue
        except ValueError as err:  # valid JSON that cannot be stored
            yield number, str(err)
            continue
        yield number, row if isinstance(row, dict) else "not a JSON object"


def _csv_rows(path: Path, raw: str, max_chars: int) -> Iterator[tuple[int, dict | str]]:
    # A field may be as long as a document (csv's default limit is 131,072 characters). The
    # limit is process-wide; it is only ever raised.
    csv.field_size_limit(max(csv.field_size_limit(), max_chars))
    lines = RecordLines(io.StringIO(raw))
    reader = csv.DictReader(lines)
    try:
        header = reader.fieldnames
    except csv.Error as err:
        raise bad_file(path, f"the header row is not CSV ({err})") from None
    if problem := lines.unclosed_quote():
        raise bad_file(path, f"the header row: {problem}")
    lines.next_record()
    if not header or "text" not in [f.strip().lower() for f in header]:
        raise bad_file(path, "CSV needs a header row with a 'text' column")
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            if problem := lines.unclosed_quote():
                yield number, problem
                return
            lines.next_record()
            yield number, {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    except csv.Error as err:
        yield number + 1, lines.unclosed_quote() or _csv_problem(err, max_chars)


def _csv_problem(err: csv.Error, max_chars: int) -> str:
    """Why a CSV row cannot be read; the reader cannot go on past it."""
    if "field limit" in str(err):
        problem = f"a field is over the document limit of {max_chars:,} characters"
    else:
        problem = f"broken CSV ({err})"
    return f"{problem}; the rows after it were not read"


def _documents_from_rows(path: Path, rows, max_chars: int) -> ReadResult:
    result = ReadResult(path)
    for number, row in rows:
        try:
            if isinstance(row, str):
                raise bad_row(path, number, row)
            if problem := field_type_problem(row, "text", _STORED_FIELDS):
                raise bad_row(path, number, problem)
            if not str(row.get("text") or "").strip():
                raise bad_row(path, number, "no 'text'")
            result.documents.append(_make_document(path, row, max_chars, row_number=number))
        except BadInputError as err:
            result.problems.append(str(err))
    if not result.documents:
        first = f" (first: {result.problems[0]})" if result.problems else ""
        raise bad_file(path, f"no usable rows{first}")
    return result


def _make_document(path: Path, fields: dict, max_chars: int, row_number: int | None = None
                   ) -> Document:
    where = f"row {row_number}: " if row_number else ""
    text = str(fields.get("text") or "").replace("\r\n", "\n")
    if not text.strip():
        raise bad_file(path, f"{where}no text found")
    if len(text) > max_chars:
        raise bad_file(path, f"{where}text is {len(text):,} characters; the limit is {max_chars:,}")
    sha = content_sha256(text)
    given_id = fields.get("id")
    metadata = {name: _clean(fields.get(name)) for name in METADATA_FIELDS}
    metadata["published"] = _iso_date(fields.get("published"))
    return Document(id=str(given_id).strip() if given_id not in (None, "") else sha[:16],
                    text=text, source=_path_text(path), sha256=sha, **metadata)


def _path_text(path: Path) -> str:
    """A path as storable text: bytes of a file name that are not UTF-8 become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _iso_date(value: object) -> str | None:
    """ISO form of a date or datetime; other strings are kept as given."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _clean(value)
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return text
