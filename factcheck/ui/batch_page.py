"""Batch screen: a claims file in, a provenance report out (CSV, JSON, HTML, ClaimReview).

The claims are searched once, by `run_report` writing the JSON report; the other formats
are written from that JSON (`factcheck.report.rewrite`), so the four files always agree.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from factcheck.engine import Engine
from factcheck.errors import FactcheckError
from factcheck.report.formats import flatten_item
from factcheck.report.input import CLAIM_FORMATS
from factcheck.report.item import ReportItem
from factcheck.report.rewrite import read_json_report, rewrite_report
from factcheck.report.run import run_report
from factcheck.ui import widgets
from factcheck.ui.common import engine, store_upload

FORMATS = {  # suffix: (button label, mime type)
    ".csv": ("Download CSV", "text/csv"), ".json": ("Download JSON", "application/json"),
    ".html": ("Download HTML", "text/html"),
    ".jsonld": ("Download ClaimReview", "application/ld+json"),
}
SHOWN_COLUMNS = ["id", "claim", "claimed_speaker", "verdict", "confidence", "speaker", "via",
                 "title", "published", "earliest_published", "change_summary"]
_OUTCOME = "batch_outcome"

_CHUNK_ROWS = 256


@dataclass(frozen=True)
class BatchOutcome:
    """A finished report: its summary, its result items and each format's bytes."""

    summary: dict
    results: list[ReportItem]
    files: dict[str, bytes]


def run_batch(eng: Engine, name: str, data: bytes,
              progress: Callable[[int, int | None], None] | None = None) -> BatchOutcome:
    """Check every claim of an uploaded claims file and write the report in every format.

    Args:
        eng: the engine.
        name: the uploaded file's name (only its extension is used).
        data: the file's bytes.
        progress: called as ``progress(rows_done, rows_total)``.

    Raises:
        BadInputError: a file of the wrong kind, too big, or without a `claim` column.
    """
    with tempfile.TemporaryDirectory(prefix="factcheck-batch-") as tmp:
        folder = Path(tmp)
        claims = store_upload(name, data, CLAIM_FORMATS, eng.settings.max_upload_bytes, folder)
        # Short chunks: the bar moves every few seconds (longer chunks are ~7 % faster).
        run_report(claims, folder / "report.json", eng, k=eng.settings.k, progress=progress,
                   chunk_size=_CHUNK_ROWS)
        report = read_json_report(folder / "report.json")
        for suffix in (".csv", ".html", ".jsonld"):
            rewrite_report(report, folder / f"report{suffix}", eng.settings)
        files = {suffix: (folder / f"report{suffix}").read_bytes() for suffix in FORMATS}
    return BatchOutcome(report.summary, report.items, files)


def render() -> None:
    """Draw the Batch screen."""
    widgets.use_styles()
    st.title("Batch provenance report")
    eng = engine()
    limit = eng.settings.max_upload_bytes
    st.caption(f"A claims file ({', '.join(CLAIM_FORMATS)}): column/field `claim` required, "
               f"`speaker` and `id` optional. Up to {limit / 2**20:,.0f} MiB.")
    upload = st.file_uploader("Claims file", type=[s[1:] for s in CLAIM_FORMATS],
                              key="batch_upload", max_upload_size=math.ceil(limit / 2**20))
    if st.button("Run report", type="primary", disabled=upload is None):
        _run(eng, upload.name, upload.getvalue())
    outcome = st.session_state.get(_OUTCOME)
    if outcome is not None:
        _show(outcome)


def _run(eng: Engine, name: str, data: bytes) -> None:
    st.session_state.pop(_OUTCOME, None)
    bar = st.progress(0.0, text="Checking claims…")

    def progress(done: int, total: int | None) -> None:
        share = done / total if total else 1.0
        bar.progress(min(1.0, share), text=f"Checked {done:,} of {total or done:,} rows")

    try:
        st.session_state[_OUTCOME] = run_batch(eng, name, data, progress)
        bar.progress(1.0, text="Done")
    except FactcheckError as err:
        bar.empty()
        widgets.show_error(err)


def _show(outcome: BatchOutcome) -> None:
    summary = outcome.summary
    st.success(f"Checked {summary['claims']:,} claims in {summary['seconds']:.1f} s "
               f"({summary['claims_per_second']} claims/s).")
    left, _ = st.columns([2, 3])
    left.altair_chart(widgets.verdict_counts_chart(summary["verdicts"]), width="stretch")
    table = pd.DataFrame([flatten_item(item) for item in outcome.results])
    if not table.empty:
        shown = table[[c for c in SHOWN_COLUMNS if c in table.columns]]
        st.dataframe(shown.astype(object).where(shown.notna(), ""), hide_index=True)
    if summary.get("bad_rows"):
        st.warning(f"{len(summary['bad_rows'])} row(s) could not be checked:")
        st.dataframe(pd.DataFrame(summary["bad_rows"]), hide_index=True)
    columns = st.columns(len(FORMATS))
    for column, (suffix, (label, mime)) in zip(columns, FORMATS.items(), strict=True):
        column.download_button(label, outcome.files[suffix],
                               file_name=f"factcheck-report{suffix}", mime=mime,
                               key=f"batch_download{suffix}")
