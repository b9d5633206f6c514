"""A JSON report read back and written again in another format, without searching again.

The UI checks a claims file once, into a JSON report, and offers every format from it, so
the four files always agree. Bad rows come from the JSON's summary, which keeps only their
row and reason; in a csv they follow the results.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import bad_file
from factcheck.report.formats import open_writer
from factcheck.report.input import BadRow
from factcheck.report.item import ReportItem
from factcheck.settings import Settings


@dataclass(frozen=True)
class JsonReport:
    """A JSON report as read back: its summary and its items."""

    summary: dict
    items: list[ReportItem]

    @property
    def bad_rows(self) -> list[BadRow]:
        """The rows that could not be checked (row and reason only)."""
        return [BadRow(bad["row"], bad["reason"]) for bad in self.summary.get("bad_rows", [])]


def read_json_report(path: Path) -> JsonReport:
    """Read a report written by `run_report` to a .json file.

    Raises:
        BadInputError: the file is not a JSON report.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return JsonReport(data["summary"], [ReportItem.from_dict(i) for i in data["results"]])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise bad_file(path, f"not a factcheck JSON report ({exc.__class__.__name__})") from exc


def rewrite_report(report: JsonReport, out_path: Path, settings: Settings) -> None:
    """Write a report read back from JSON in the format of `out_path` (.csv .json .html
    .jsonld).

    Args:
        report: the report read by `read_json_report`.
        out_path: the file to write; its extension picks the format.
        settings: gives the organisation for ClaimReview.

    Raises:
        BadInputError: an unknown extension, or a folder that does not exist.
    """
    extra = list(dict.fromkeys(k for item in report.items for k in item.extra))
    writer = open_writer(Path(out_path), settings, extra)
    try:
        for item in report.items:
            writer.write_item(item)
        for bad in report.bad_rows:
            writer.write_bad(bad)
        writer.finish(report.summary)
    except BaseException:
        writer.abort()
        raise
