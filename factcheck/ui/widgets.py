"""Rendering shared by the screens: verdict badge, highlighted passage, cards, charts.

Colours, words, escaping and the word diff come from `factcheck.presentation`. Every function
that builds HTML escapes each piece of source text, claim or name with `escape` before
wrapping it in markup; highlight offsets are computed on the raw text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import altair as alt
import pandas as pd
import streamlit as st

from factcheck.errors import EmptyIndexError, FactcheckError
from factcheck.presentation import PARTIAL, VERDICT_COLOURS, safe_url
from factcheck.presentation import escape_markdown as escape
from factcheck.verdict.result import Appearance

CONTEXT_CHARS = 400  # longest context shown either side of a highlight

_CSS = """<style>
.verdict-badge{display:inline-block;color:#fff;padding:.25em .7em;border-radius:.4em;
font-weight:700;font-size:1.15em;letter-spacing:.02em}
.fc-card{border:1px solid #ddd;border-radius:.5em;padding:.6em .9em;margin:.3em 0 .8em 0}
.fc-card dl{display:grid;grid-template-columns:max-content auto;gap:.15em 1em;margin:0}
.fc-card dt{color:#666}.fc-card dd{margin:0}
.fc-passage{line-height:1.6;border-left:3px solid #bbb;padding-left:.8em;margin:.3em 0 .8em 0}
mark.fc-quote{background:#fff176;padding:0 .1em}
mark.fc-speaker{background:#b3e5fc;padding:0 .1em;border-bottom:2px solid #0277bd}
mark.fc-cue{background:#e1bee7;padding:0 .1em}
.fc-diff del{background:#ffcdd2;color:#b71c1c}
.fc-diff ins{background:#c8e6c9;color:#1b5e20;text-decoration:none;font-weight:700}
</style>"""


def use_styles() -> None:
    """Add the screens' CSS to the page (call once per page run)."""
    st.html(_CSS)


def show_html(markup: str) -> None:
    """Render markup built by this module (its text pieces are already escaped)."""
    st.markdown(markup, unsafe_allow_html=True)


def show_error(err: FactcheckError) -> None:
    """A library error as one message: an empty index gets a hint where to add sources."""
    if isinstance(err, EmptyIndexError):
        st.info("The index is empty: add documents on the **Sources** page (or run "
                "`factcheck ingest PATH`), then try again.")
    else:
        st.error(escape(err))


def verdict_badge(verdict: str, confidence: float | None = None, partial: bool = False) -> str:
    """The verdict in words and colour, as an HTML span with class `verdict-badge`."""
    word = str(verdict)
    colour = VERDICT_COLOURS[word]
    label = escape(word.upper()) + (f" ({PARTIAL})" if partial else "")
    extra = f" · confidence {confidence:.0%}" if confidence is not None else ""
    return (f'<span class="verdict-badge" data-verdict="{escape(word)}" '
            f'style="background:{colour}">{label}{extra}</span>')


def paragraph_bounds(text: str, start: int, end: int,
                     context: int = CONTEXT_CHARS) -> tuple[int, int]:
    """The paragraph (newline to newline) around text[start:end], at most `context` chars
    either side of it."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last == -1 else last
    return max(first, start - context), min(last, end + context)


def highlight_html(text: str, spans: Iterable[tuple[int, int, str]],
                   window: tuple[int, int]) -> str:
    """text[window] as HTML with each (start, end, css_class) span wrapped in `<mark>`.

    Spans are document offsets; overlapping ones are clipped so no markup nests. Each piece
    of text is escaped on its own.
    """
    low, high = window
    cut = low
    out = ["…"] if low > 0 and text[low - 1] != "\n" else []
    for start, end, css in sorted(spans):
        start, end = max(start, cut), min(end, high)
        if start >= end:
            continue
        out.append(escape(text[cut:start]))
        out.append(f'<mark class="{css}">{escape(text[start:end])}</mark>')
        cut = end
    out.append(escape(text[cut:high]))
    if high < len(text) and text[high] != "\n":
        out.append("…")
    return '<div class="fc-passage">' + "".join(out) + "</div>"


def passage_html(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """The paragraph around the first span, with every span highlighted."""
    first = min(s for s, _, _ in spans)
    last = max(e for _, e, _ in spans)
    return highlight_html(text, spans, paragraph_bounds(text, first, last))


def card_html(rows: Mapping[str, object], links: Mapping[str, object] | None = None) -> str:
    """A small definition list; values are escaped, empty ones left out; `links` become
    anchors when they are http(s) urls."""
    items = []
    for label, value in rows.items():
        if value in (None, ""):
            continue
        shown = escape(value)
        url = safe_url((links or {}).get(label))
        if url:
            shown = f'<a href="{url}" target="_blank" rel="noopener noreferrer">{shown}</a>'
        items.append(f"<dt>{escape(label)}</dt><dd>{shown}</dd>")
    return '<div class="fc-card"><dl>' + "".join(items) + "</dl></div>"


def timeline_chart(appearances: Sequence[Appearance], titles: Mapping[str, str]
                   ) -> alt.Chart | None:
    """Appearances of a claim over time (one dot per document), or None with no dates."""
    rows = [{"published": a.published, "document": titles.get(a.doc_id, a.doc_id),
             "speaker": a.speaker or "(nobody)", "verdict": str(a.verdict)}
            for a in appearances if a.published]
    frame = pd.DataFrame(rows)
    if frame.empty:
        return None
    frame["published"] = pd.to_datetime(frame["published"], errors="coerce")
    frame = frame.dropna(subset=["published"])
    if frame.empty:
        return None
    return alt.Chart(frame).mark_circle(size=160).encode(
        x=alt.X("published:T", title="published", axis=alt.Axis(format="%Y-%m-%d")),
        y=alt.Y("document:N", title=None, sort=alt.EncodingSortField("published"),
                axis=alt.Axis(labelLimit=320)),
        color=_verdict_colour(),
        tooltip=["document", "published:T", "speaker", "verdict"],
    ).properties(height=alt.Step(40))


def verdict_counts_chart(counts: Mapping[str, int]) -> alt.Chart:
    """A bar per verdict, in the verdict colours."""
    frame = pd.DataFrame({"verdict": list(VERDICT_COLOURS),
                          "claims": [int(counts.get(v, 0)) for v in VERDICT_COLOURS]})
    return alt.Chart(frame).mark_bar().encode(
        y=alt.Y("verdict:N", sort=list(VERDICT_COLOURS), title=None),
        x=alt.X("claims:Q", title="claims", axis=alt.Axis(format="d", tickMinStep=1)),
        color=_verdict_colour(legend=None),
        tooltip=["verdict", "claims"],
    ).properties(height=alt.Step(28))


def _verdict_colour(legend: alt.Legend | None | str = "default") -> alt.Color:
    scale = alt.Scale(domain=list(VERDICT_COLOURS), range=list(VERDICT_COLOURS.values()))
    if legend == "default":
        return alt.Color("verdict:N", scale=scale)
    return alt.Color("verdict:N", scale=scale, legend=legend)
