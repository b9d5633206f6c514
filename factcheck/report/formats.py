"""Report writers (csv, json, html, jsonld) and the flattening shared by csv and pandas.

Every writer streams: items are written (or spooled to a temporary file) as they come, the
summary is added by `finish`, and the output appears under its name only then (write to
``NAME.part``, then rename), so memory stays flat and a failed run leaves no half file.

An *item* is a `ReportItem` (a search result with the claim's "id", "row" and, when the input
carried other columns, "extra"); a *bad row* is a `BadRow`.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO, Protocol

from factcheck.errors import BadInputError, bad_file
from factcheck.presentation import diff_text
from factcheck.report.claimreview import claim_review, script_safe
from factcheck.report.html import HTML_TAIL, html_head, html_item
from factcheck.report.input import BadRow
from factcheck.report.item import ReportItem
from factcheck.settings import Settings
from factcheck.verdict.result import Attribution

FORMATS = (".csv", ".json", ".html", ".jsonld")
COLUMNS = (
    "id", "claim", "claimed_speaker", "verdict", "partial", "confidence", "speaker", "via",
    "doc_id", "title", "url", "published", "earliest_doc_id", "earliest_published",
    "top_passage", "diff", "changes", "change_summary", "row", "error",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def flatten_item(item: ReportItem | BadRow) -> dict[str, object]:
    """One flat row (the csv and `report_frame` columns) for an item or a bad row.

    Args:
        item: a report item, or a row that could not be checked.

    Returns:
        A dict with every name of `COLUMNS`, then the item's extra columns.
    """
    row: dict[str, object] = dict.fromkeys(COLUMNS)
    if isinstance(item, BadRow):
        row.update(id=item.id, claim=item.claim, row=item.row, error=item.reason)
        return row
    result, top = item.result, item.result.top
    row.update(
        id=item.id, claim=result.claim, claimed_speaker=result.claimed_speaker,
        verdict=str(result.verdict), partial=result.partial, confidence=result.confidence,
        **_attribution_columns(result.attribution),
        top_passage=top.text if top else None, diff=diff_text(top.diff) if top else None,
        changes="; ".join(result.changes) or None, change_summary=result.change_summary,
        row=item.row)
    if not row["doc_id"] and top:
        row["doc_id"] = top.doc_id
    if result.earliest:
        row.update(earliest_doc_id=result.earliest.doc_id,
                   earliest_published=result.earliest.published)
    row.update({f"extra_{k}" if k in row else k: v for k, v in item.extra.items()})
    return row


def _attribution_columns(attribution: Attribution | None) -> dict[str, object]:
    if attribution is None:
        return {}
    return {"speaker": attribution.speaker, "via": attribution.via, "doc_id": attribution.doc_id,
            "title": attribution.title, "url": attribution.url,
            "published": attribution.published}


def neutralise(value: object) -> object:
    """A csv cell that a spreadsheet will not run as a formula (prefix ``'``)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


class ReportWriter(Protocol):
    """What `run_report` writes through."""

    def write_item(self, item: ReportItem) -> None: ...
    def write_bad(self, bad: BadRow) -> None: ...
    def finish(self, summary: dict) -> None: ...
    def abort(self) -> None: ...


class _Output:
    """The output file, written as ``NAME.part`` and renamed into place by `commit`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.part = path.with_name(path.name + ".part")
        try:
            self.file: IO[str] = self.part.open("w", encoding="utf-8", newline="")
        except OSError as err:
            raise _cannot_write(path, err) from None

    def commit(self) -> None:
        self.file.close()
        try:
            self.part.replace(self.path)
        except OSError as err:
            self.part.unlink(missing_ok=True)
            raise _cannot_write(self.path, err) from None

    def abort(self) -> None:
        self.file.close()
        self.part.unlink(missing_ok=True)


def _cannot_write(path: Path, err: OSError) -> BadInputError:
    return bad_file(path, f"the report cannot be written there ({err.strerror or err})")


class CsvWriter:
    """One row per input row: the flattened item, or the bad row with its "error"."""

    def __init__(self, path: Path, extra_columns: Sequence[str]) -> None:
        self._out = _Output(path)
        names = [f"extra_{c}" if c in COLUMNS else c for c in extra_columns]
        self._csv = csv.DictWriter(self._out.file, [*COLUMNS, *names], extrasaction="ignore")
        # Column names come from the input too: a header cell is a cell a spreadsheet runs.
        self._csv.writer.writerow([neutralise(name) for name in self._csv.fieldnames])

    def write_item(self, item: ReportItem | BadRow) -> None:
        self._csv.writerow({k: neutralise(v) for k, v in flatten_item(item).items()})

    def write_bad(self, bad: BadRow) -> None:
        self.write_item(bad)

    def finish(self, summary: dict) -> None:
        self._out.commit()

    def abort(self) -> None:
        self._out.abort()


class _SpooledWriter:
    """Items spooled to a temporary file; `finish` writes head + spool + tail, then renames."""

    def __init__(self, path: Path) -> None:
        self._out = _Output(path)  # opened now: a path that cannot be written fails at once
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self._count = 0

    def write_bad(self, bad: BadRow) -> None:
        """Bad rows are listed in the summary, not among the results."""

    def _render(self, item: ReportItem) -> str:
        raise NotImplementedError

    def _head(self, summary: dict) -> str:
        raise NotImplementedError

    def _tail(self) -> str:
        raise NotImplementedError

    def write_item(self, item: ReportItem) -> None:
        self._spool.write(self._render(item))
        self._count += 1

    def finish(self, summary: dict) -> None:
        out = self._out
        try:
            out.file.write(self._head(summary))
            self._spool.seek(0)
            shutil.copyfileobj(self._spool, out.file)
            out.file.write(self._tail())
        except BaseException:
            out.abort()
            raise
        finally:
            self._spool.close()
        out.commit()

    def abort(self) -> None:
        self._spool.close()
        self._out.abort()


class JsonWriter(_SpooledWriter):
    """``{"summary": {...}, "results": [item, ...]}``."""

    def _render(self, item: ReportItem) -> str:
        return self._entry(item.to_dict())

    def _entry(self, obj: dict) -> str:
        sep = ",\n" if self._count else "\n"
        return sep + json.dumps(obj, ensure_ascii=False)

    def _head(self, summary: dict) -> str:
        return '{"summary": ' + json.dumps(summary, ensure_ascii=False) + ', "results": ['

    def _tail(self) -> str:
        return "\n]}\n"


class JsonLdWriter(JsonWriter):
    """A JSON array of schema.org ClaimReview objects, one per claim."""

    def __init__(self, path: Path, settings: Settings) -> None:
        super().__init__(path)
        self._settings = settings
        self._today = date.today()

    def _render(self, item: ReportItem) -> str:
        return script_safe(self._entry(claim_review(item.result, self._settings, self._today,
                                                    item.id)))

    def _head(self, summary: dict) -> str:
        return "["

    def _tail(self) -> str:
        return "\n]\n"


class HtmlWriter(_SpooledWriter):
    """One self-contained page: summary, verdict chart, sortable table with evidence."""

    def _render(self, item: ReportItem) -> str:
        return html_item(item)

    def _head(self, summary: dict) -> str:
        return html_head(summary)

    def _tail(self) -> str:
        return HTML_TAIL


def open_writer(path: Path, settings: Settings, extra_columns: Sequence[str]) -> ReportWriter:
    """The writer for an output path, chosen by its extension.

    Args:
        path: the report file to write (.csv, .json, .html or .jsonld).
        settings: gives the organisation for ClaimReview.
        extra_columns: input columns carried through to the csv.

    Returns:
        A writer; call `finish` (or `abort`) once done.

    Raises:
        BadInputError: for any other extension, a folder that does not exist, a path that is
            a folder or cannot be written.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise bad_file(path, f"unknown report format {suffix!r}; use one of {', '.join(FORMATS)}")
    try:
        if not path.parent.is_dir():
            raise bad_file(path, "the folder to write the report into does not exist")
        if path.is_dir():
            raise bad_file(path, "is a folder; give --out a file name (.csv .json .html .jsonld)")
    except OSError as err:  # a name too long to look up
        raise _cannot_write(path, err) from None
    if suffix == ".csv":
        return CsvWriter(path, extra_columns)
    if suffix == ".jsonld":
        return JsonLdWriter(path, settings)
    return JsonWriter(path) if suffix == ".json" else HtmlWriter(path)

