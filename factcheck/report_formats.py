"""Report writers (csv, json, html, jsonld) and the flattening shared by csv and pandas.

Every writer streams: items are written (or spooled to a temporary file) as they come, the
summary is added by `finish`, and the output appears under its name only then (write to
``NAME.part``, then rename), so memory stays flat and a failed run leaves no half file.

An *item* is one search result dict (the `search --json` shape) plus "id", "row" and, when
the input carried other columns, "extra". A *bad row* is ``{"row", "reason", "id", "claim"}``.
"""

from __future__ import annotations

import csv
import html
import json
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Protocol

from factcheck.claimreview import RATINGS, claim_review
from factcheck.errors import bad_file
from factcheck.settings import Settings

FORMATS = (".csv", ".json", ".html", ".jsonld")
COLUMNS = (
    "id", "claim", "claimed_speaker", "verdict", "partial", "confidence", "speaker", "via",
    "doc_id", "title", "url", "published", "earliest_doc_id", "earliest_published",
    "top_passage", "diff", "changes", "change_summary", "row", "error",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def diff_text(diff: Sequence[Sequence[str]] | None) -> str:
    """A diff as plain text: kept words as they are, ``[-deleted-]`` and ``{+inserted+}``.

    Args:
        diff: ``[[op, text], ...]`` with op "=", "-" or "+".

    Returns:
        e.g. ``The call is going [-well-] {+badly+}``.
    """
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(marks.get(op, "{}").format(text) for op, text in diff or ())


def flatten_item(item: Mapping) -> dict[str, object]:
    """One flat row (the csv and `report_frame` columns) for an item or a bad row.

    Args:
        item: a report item, or a bad row dict (it has "reason").

    Returns:
        A dict with every name of `COLUMNS`, then the item's extra columns.
    """
    attribution = item.get("attribution") or {}
    earliest = item.get("earliest") or {}
    matches = item.get("matches") or []
    top = matches[0] if matches else {}
    row: dict[str, object] = {
        "id": item.get("id"),
        "claim": item.get("claim"),
        "claimed_speaker": item.get("claimed_speaker"),
        "verdict": item.get("verdict"),
        "partial": item.get("partial"),
        "confidence": item.get("confidence"),
        "speaker": attribution.get("speaker"),
        "via": attribution.get("via"),
        "doc_id": attribution.get("doc_id") or top.get("doc_id"),
        "title": attribution.get("title"),
        "url": attribution.get("url"),
        "published": attribution.get("published"),
        "earliest_doc_id": earliest.get("doc_id"),
        "earliest_published": earliest.get("published"),
        "top_passage": top.get("text"),
        "diff": diff_text(top.get("diff")) if top else None,
        "changes": "; ".join(item.get("changes") or ()) or None,
        "change_summary": item.get("change_summary"),
        "row": item.get("row"),
        "error": item.get("reason"),
    }
    row.update({f"extra_{k}" if k in row else k: v for k, v in (item.get("extra") or {}).items()})
    return row


def neutralise(value: object) -> object:
    """A csv cell that a spreadsheet will not run as a formula (prefix ``'``)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


class ReportWriter(Protocol):
    """What `run_report` writes through."""

    def write_item(self, item: dict) -> None: ...
    def write_bad(self, bad: dict) -> None: ...
    def finish(self, summary: dict) -> None: ...
    def abort(self) -> None: ...


class _Output:
    """The output file, written as ``NAME.part`` and renamed into place by `commit`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.part = path.with_name(path.name + ".part")
        self.file: IO[str] = self.part.open("w", encoding="utf-8", newline="")

    def commit(self) -> None:
        self.file.close()
        self.part.replace(self.path)

    def abort(self) -> None:
        self.file.close()
        self.part.unlink(missing_ok=True)


class CsvWriter:
    """One row per input row: the flattened item, or the bad row with its "error"."""

    def __init__(self, path: Path, extra_columns: Sequence[str]) -> None:
        self._out = _Output(path)
        names = [f"extra_{c}" if c in COLUMNS else c for c in extra_columns]
        self._csv = csv.DictWriter(self._out.file, [*COLUMNS, *names], extrasaction="ignore")
        self._csv.writeheader()

    def write_item(self, item: dict) -> None:
        self._csv.writerow({k: neutralise(v) for k, v in flatten_item(item).items()})

    def write_bad(self, bad: dict) -> None:
        self.write_item(bad)

    def finish(self, summary: dict) -> None:
        self._out.commit()

    def abort(self) -> None:
        self._out.abort()


class _SpooledWriter:
    """Items spooled to a temporary file; `finish` writes head + spool + tail, then renames."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self._count = 0

    def write_bad(self, bad: dict) -> None:
        """Bad rows are listed in the summary, not among the results."""

    def _render(self, item: dict) -> str:
        raise NotImplementedError

    def _head(self, summary: dict) -> str:
        raise NotImplementedError

    def _tail(self) -> str:
        raise NotImplementedError

    def write_item(self, item: dict) -> None:
        self._spool.write(self._render(item))
        self._count += 1

    def finish(self, summary: dict) -> None:
        out = _Output(self._path)
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


class JsonWriter(_SpooledWriter):
    """``{"summary": {...}, "results": [item, ...]}``."""

    def _render(self, item: dict) -> str:
        sep = ",\n" if self._count else "\n"
        return sep + json.dumps(item, ensure_ascii=False)

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

    def _render(self, item: dict) -> str:
        return super()._render(claim_review(item, self._settings, self._today))

    def _head(self, summary: dict) -> str:
        return "["

    def _tail(self) -> str:
        return "\n]\n"


class HtmlWriter(_SpooledWriter):
    """One self-contained page: summary, verdict chart, sortable table with evidence."""

    def _render(self, item: dict) -> str:
        return _html_item(item)

    def _head(self, summary: dict) -> str:
        return _html_head(summary)

    def _tail(self) -> str:
        return _HTML_TAIL


def open_writer(path: Path, settings: Settings, extra_columns: Sequence[str]) -> ReportWriter:
    """The writer for an output path, chosen by its extension.

    Args:
        path: the report file to write (.csv, .json, .html or .jsonld).
        settings: gives the organisation for ClaimReview.
        extra_columns: input columns carried through to the csv.

    Returns:
        A writer; call `finish` (or `abort`) once done.

    Raises:
        BadInputError: for any other extension, or a folder that does not exist.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise bad_file(path, f"unknown report format {suffix!r}; use one of {', '.join(FORMATS)}")
    if not path.parent.is_dir():
        raise bad_file(path, "the folder to write the report into does not exist")
    if suffix == ".csv":
        return CsvWriter(path, extra_columns)
    if suffix == ".jsonld":
        return JsonLdWriter(path, settings)
    return JsonWriter(path) if suffix == ".json" else HtmlWriter(path)


# --- HTML: every string from a claim or a source goes through _e (html.escape). ---
_VERDICT_COLOURS = {
    "verbatim": "#2e7d32", "paraphrase": "#558b2f", "altered": "#ef6c00",
    "misattributed": "#c62828", "unsupported": "#616161",
}
_STYLE = (
    "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}"
    "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:4px 6px;"
    "vertical-align:top;text-align:left}th[data-col]{cursor:pointer;background:#eee}"
    ".v{color:#fff;padding:1px 6px;border-radius:3px;white-space:nowrap}"
    "del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none;"
    "font-weight:bold}blockquote{margin:4px 0;padding-left:8px;border-left:3px solid #ccc}"
    "small{color:#666}"
)
_HEADERS = (
    "id", "claim", "claimed speaker", "verdict", "confidence", "credited to", "source",
    "published", "earliest", "evidence",
)
_HTML_TAIL = """</tbody></table>
<script>
document.querySelectorAll("th[data-col]").forEach(function (th) {
  th.addEventListener("click", function () {
    var body = th.closest("table").tBodies[0], i = th.cellIndex;
    var asc = th.dataset.asc !== "1"; th.dataset.asc = asc ? "1" : "0";
    var key = function (row) { var c = row.cells[i]; return c.dataset.v || c.textContent; };
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (x, y) {
      var a = key(x), b = key(y), na = parseFloat(a), nb = parseFloat(b);
      var r = (!isNaN(na) && !isNaN(nb)) ? na - nb : a.localeCompare(b);
      return asc ? r : -r;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
</script>
</body></html>
"""


def _e(value: object) -> str:
    return "" if value is None else html.escape(str(value), quote=True)


def _link(text: object, url: object) -> str:
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return f'<a href="{_e(url)}">{_e(text)}</a>'
    return _e(text)


def _verdict_chart(counts: Mapping[str, int]) -> str:
    top = max([1, *counts.values()])
    bars = []
    for i, verdict in enumerate(RATINGS):
        count, y = counts.get(verdict, 0), i * 26
        width = round(300 * count / top)
        bars.append(
            f'<text x="0" y="{y + 17}">{_e(verdict)}</text>'
            f'<rect x="110" y="{y + 4}" width="{width}" height="18" '
            f'fill="{_VERDICT_COLOURS[verdict]}"/>'
            f'<text x="{width + 116}" y="{y + 17}">{count}</text>'
        )
    return (f'<svg role="img" aria-label="claims per verdict" width="480" '
            f'height="{26 * len(RATINGS)}" font-size="13">{"".join(bars)}</svg>')


def _html_head(summary: Mapping) -> str:
    bad = "".join(f"<li>row {_e(b.get('row'))}: {_e(b.get('reason'))}</li>"
                  for b in summary.get("bad_rows", ()))
    bad_html = f"<h2>Rows not checked</h2><ul>{bad}</ul>" if bad else ""
    headers = "".join(f'<th data-col="{i}">{_e(h)}</th>' for i, h in enumerate(_HEADERS))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Provenance report</title><style>{_STYLE}</style></head><body>"
        f"<h1>Provenance report</h1><p>{_e(summary.get('claims'))} claims checked in "
        f"{_e(summary.get('seconds'))} s ({_e(summary.get('claims_per_second'))} claims/s); "
        f"{len(summary.get('bad_rows', ()))} rows not checked.</p>"
        f"{_verdict_chart(summary.get('verdicts', {}))}{bad_html}"
        f"<table><thead><tr>{headers}</tr></thead><tbody>\n"
    )


def _diff_html(diff: Sequence[Sequence[str]] | None) -> str:
    tags = {"-": "<del>{}</del>", "+": "<ins>{}</ins>"}
    return " ".join(tags.get(op, "{}").format(_e(text)) for op, text in diff or ())


def _evidence_html(item: Mapping) -> str:
    parts = []
    matches = item.get("matches") or []
    if matches and matches[0].get("diff"):
        parts.append(f"<p><b>diff:</b> {_diff_html(matches[0]['diff'])}</p>")
    for m in matches:
        parts.append(
            f"<blockquote>{_e(m.get('text'))}<br><small>#{_e(m.get('rank'))} "
            f"{_e(m.get('doc_id'))} · {_e(m.get('speaker'))} · score {_e(m.get('score'))} · "
            f"sha256 {_e(str(m.get('sha256') or '')[:12])}</small></blockquote>"
        )
    trail = "".join(
        f"<li>{_e(a.get('published'))} {_e(a.get('doc_id'))}: {_e(a.get('speaker'))} "
        f"({_e(a.get('kind'))}, {_e(a.get('verdict'))}"
        f"{', via ' + _e(a['via']) if a.get('via') else ''})</li>"
        for a in item.get("appearances") or ()
    )
    if trail:
        parts.append(f"<p><b>appearances</b></p><ol>{trail}</ol>")
    prov = item.get("provenance") or {}
    parts.append(f"<small>model {_e(prov.get('model'))}, index {_e(prov.get('index_version'))}"
                 f", checked {_e(prov.get('checked_at'))}</small>")
    return f"<details><summary>evidence ({len(matches)})</summary>{''.join(parts)}</details>"


def _html_item(item: Mapping) -> str:
    a = item.get("attribution") or {}
    earliest = item.get("earliest") or {}
    verdict = str(item.get("verdict") or "")
    colour = _VERDICT_COLOURS.get(verdict, "#000")
    via = f"<br><small>via {_e(a['via'])}</small>" if a.get("via") else ""
    summary = item.get("change_summary")
    change = f"<br><small>{_e(summary)}</small>" if summary else ""
    diff = (item.get("matches") or [{}])[0].get("diff") or ()
    shown = f"<br><small>{_diff_html(diff)}</small>" if any(op != "=" for op, _ in diff) else ""
    cells = (
        _e(item.get("id")), _e(item.get("claim")) + shown, _e(item.get("claimed_speaker")),
        (f'<span class="v" style="background:{colour}">{_e(verdict)}</span>'
         f"{' (partial)' if item.get('partial') else ''}{change}"),
        _e(item.get("confidence")), _e(a.get("speaker")) + via,
        _link(a.get("title") or a.get("doc_id"), a.get("url")), _e(a.get("published")),
        f"{_e(earliest.get('published'))} {_e(earliest.get('doc_id'))}", _evidence_html(item),
    )
    sort_keys = {1: _e(item.get("claim")), 3: RATINGS.get(verdict, 0)}
    tds = "".join(
        f'<td data-v="{sort_keys[i]}">{c}</td>' if i in sort_keys else f"<td>{c}</td>"
        for i, c in enumerate(cells)
    )
    return f"<tr>{tds}</tr>\n"
