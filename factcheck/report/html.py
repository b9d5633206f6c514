"""The self-contained HTML report page: inline CSS, sorting JS and an SVG verdict chart.

`html_head` opens the page (summary, chart, bad rows, table header), `html_item` renders one
table row per item, and `HTML_TAIL` closes the table and adds the sorting script. Every string
from a claim or a source goes through `_e` (`factcheck.presentation.escape_html`).
"""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.presentation import VERDICT_COLOURS, diff_html, escape_html, has_changes, safe_url
from factcheck.report.claimreview import RATINGS
from factcheck.report.item import ReportItem
from factcheck.verdict.result import Attribution, SearchResult

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
HTML_TAIL = """</tbody></table>
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


_e = escape_html


def _link(text: object, url: object) -> str:
    href = safe_url(url)
    return f'<a href="{href}">{_e(text)}</a>' if href else _e(text)


def _verdict_chart(counts: Mapping[str, int]) -> str:
    top = max([1, *counts.values()])
    bars = []
    for i, verdict in enumerate(RATINGS):
        count, y = counts.get(verdict, 0), i * 26
        width = round(300 * count / top)
        bars.append(
            f'<text x="0" y="{y + 17}">{_e(verdict)}</text>'
            f'<rect x="110" y="{y + 4}" width="{width}" height="18" '
            f'fill="{VERDICT_COLOURS[verdict]}"/>'
            f'<text x="{width + 116}" y="{y + 17}">{count}</text>'
        )
    return (f'<svg role="img" aria-label="claims per verdict" width="480" '
            f'height="{26 * len(RATINGS)}" font-size="13">{"".join(bars)}</svg>')


def html_head(summary: Mapping) -> str:
    """The page up to the table body: title, summary, verdict chart, rows not checked."""
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


def _evidence_html(result: SearchResult) -> str:
    parts = []
    matches = result.matches
    if matches and matches[0].diff:
        parts.append(f"<p><b>diff:</b> {diff_html(matches[0].diff)}</p>")
    for m in matches:
        parts.append(
            f"<blockquote>{_e(m.text)}<br><small>#{_e(m.rank)} "
            f"{_e(m.doc_id)} · {_e(m.speaker)} · score {_e(m.score)} · "
            f"sha256 {_e(m.sha256[:12])}</small></blockquote>"
        )
    trail = "".join(
        f"<li>{_e(a.published)} {_e(a.doc_id)}: {_e(a.speaker)} "
        f"({_e(a.kind)}, {_e(a.verdict)}"
        f"{', via ' + _e(a.via) if a.via else ''})</li>"
        for a in result.appearances
    )
    if trail:
        parts.append(f"<p><b>appearances</b></p><ol>{trail}</ol>")
    prov = result.provenance
    parts.append(f"<small>model {_e(prov.model)}, index {_e(prov.index_version)}"
                 f", checked {_e(prov.checked_at)}</small>")
    return f"<details><summary>evidence ({len(matches)})</summary>{''.join(parts)}</details>"


def _credit_cells(attribution: Attribution | None) -> tuple[str, str, str]:
    """The "credited to", "source" and "published" cells."""
    if attribution is None:
        return "", "", ""
    via = f"<br><small>via {_e(attribution.via)}</small>" if attribution.via else ""
    return (_e(attribution.speaker) + via,
            _link(attribution.title or attribution.doc_id, attribution.url),
            _e(attribution.published))


def html_item(item: ReportItem) -> str:
    """One table row for a report item, with its evidence folded in a <details>."""
    result, earliest = item.result, item.result.earliest
    verdict = str(result.verdict)
    change = f"<br><small>{_e(result.change_summary)}</small>" if result.change_summary else ""
    diff = result.top.diff if result.top else ()
    shown = f"<br><small>{diff_html(diff)}</small>" if has_changes(diff) else ""
    first = f"{_e(earliest.published)} {_e(earliest.doc_id)}" if earliest else " "
    cells = (
        _e(item.id), _e(result.claim) + shown, _e(result.claimed_speaker),
        (f'<span class="v" style="background:{VERDICT_COLOURS[verdict]}">{_e(verdict)}</span>'
         f"{' (partial)' if result.partial else ''}{change}"),
        _e(result.confidence), *_credit_cells(result.attribution), first,
        _evidence_html(result),
    )
    sort_keys = {1: _e(result.claim), 3: RATINGS.get(verdict, 0)}
    tds = "".join(
        f'<td data-v="{sort_keys[i]}">{c}</td>' if i in sort_keys else f"<td>{c}</td>"
        for i, c in enumerate(cells)
    )
    return f"<tr>{tds}</tr>\n"
