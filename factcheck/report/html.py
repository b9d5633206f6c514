"""The self-contained HTML report page: inline CSS, sorting JS and an SVG verdict chart.

`html_head` opens the page (summary, chart, bad rows, table header), `html_item` renders one
table row per item, and `HTML_TAIL` closes the table and adds the sorting script. Every string
from a claim or a source goes through `_e` (html.escape).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from factcheck.report.claimreview import RATINGS

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


def html_item(item: Mapping) -> str:
    """One table row for a report item, with its evidence folded in a <details>."""
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
