"""Sources screen: upload documents into the index; list what it holds."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from factcheck.engine import Engine
from factcheck.errors import BadInputError, FactcheckError
from factcheck.index.ingest import Progress
from factcheck.presentation import escape_markdown as escape
from factcheck.records import Document, IngestResult
from factcheck.sources.read import SUPPORTED_SUFFIXES, read_data
from factcheck.ui import widgets
from factcheck.ui.common import check_upload, engine

_LAST = "sources_last_ingest"


def read_uploads(eng: Engine, uploads: Sequence[tuple[str, bytes]],
                 defaults: dict[str, str | None]) -> tuple[list[Document], list[str]]:
    """Read uploaded files into Documents; `defaults` fill their blank metadata fields.

    Args:
        eng: the engine (for its size limits).
        uploads: (uploaded name, bytes) pairs; names are used only for their extension and
            as the documents' `source` label, never as paths.
        defaults: "title", "published", "publisher" values for documents without them.

    Returns:
        The documents read, and one message per file or row that could not be used.
    """
    documents: list[Document] = []
    problems: list[str] = []
    for name, data in uploads:
        try:
            check_upload(name, data, SUPPORTED_SUFFIXES, eng.settings.max_upload_bytes)
            result = read_data(name, data, eng.settings.max_document_chars)
        except BadInputError as err:
            problems.append(str(err))
            continue
        label = f"upload: {result.path.name}"
        documents += [_filled(doc, defaults, label) for doc in result.documents]
        problems += result.problems
    return documents, problems


def _filled(doc: Document, defaults: dict[str, str | None], label: str) -> Document:
    blanks = {field: value for field, value in defaults.items()
              if value and not getattr(doc, field)}
    return dataclasses.replace(doc, source=label, **blanks)


def ingest_uploads(eng: Engine, uploads: Sequence[tuple[str, bytes]],
                   defaults: dict[str, str | None], progress: Progress | None = None
                   ) -> tuple[IngestResult, list[str]]:
    """Read uploaded files and add their documents to the index (see `read_uploads`)."""
    documents, problems = read_uploads(eng, uploads, defaults)
    result = eng.ingest_documents(documents, progress) if documents else IngestResult()
    return result, problems


def render() -> None:
    """Draw the Sources screen."""
    widgets.use_styles()
    st.title("Sources")
    eng = engine()
    limit = eng.settings.max_upload_bytes
    with st.form("sources_form", clear_on_submit=True):
        files = st.file_uploader(
            f"Documents ({', '.join(s[1:] for s in SUPPORTED_SUFFIXES)}; up to "
            f"{limit / 2**20:,.0f} MiB each)",
            type=[s[1:] for s in SUPPORTED_SUFFIXES], accept_multiple_files=True,
            key="sources_upload", max_upload_size=math.ceil(limit / 2**20))
        st.caption("Optional: fill these where a document does not say itself.")
        title, published, publisher = st.columns(3)
        defaults = {"title": title.text_input("Title", key="sources_title"),
                    "published": published.date_input("Published", value=None,
                                                      key="sources_published"),
                    "publisher": publisher.text_input("Publisher", key="sources_publisher")}
        submitted = st.form_submit_button("Add to index", type="primary")
    if submitted:
        _ingest(eng, [(f.name, f.getvalue()) for f in files or []], defaults)
    _report_last()
    _show_index(eng)


def _ingest(eng: Engine, uploads: list[tuple[str, bytes]], raw: dict) -> None:
    if not uploads:
        st.warning("Choose one or more files to add.")
        return
    defaults = {k: (v.isoformat() if isinstance(v, date) else (v or "").strip() or None)
                for k, v in raw.items()}
    bar = st.progress(0.0, text="Reading and indexing…")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"Indexed {done} of {total} documents")

    try:
        st.session_state[_LAST] = ingest_uploads(eng, uploads, defaults, progress)
    except FactcheckError as err:
        widgets.show_error(err)
    bar.empty()


def _report_last() -> None:
    last = st.session_state.pop(_LAST, None)
    if last is None:
        return
    result, problems = last
    st.success(f"Added {result.documents} document(s): {result.passages} passages, "
               f"{result.statements} statements; {result.skipped} already in the index.")
    for problem in problems:
        st.warning(escape(problem))


def _show_index(eng: Engine) -> None:
    documents = eng.documents()
    st.subheader(f"Documents in the index ({len(documents)})")
    if not documents:
        st.info("The index is empty: upload documents above, or run `factcheck ingest PATH`.")
    else:
        columns = ["title", "published", "publisher", "kind", "passages", "statements", "id",
                   "url"]
        table = pd.DataFrame(documents)[columns]
        st.dataframe(table.astype(object).where(table.notna(), ""), hide_index=True)
    st.subheader("Index")
    stats = eng.stats()
    counts = st.columns(4)
    for column, name in zip(counts, ["documents", "passages", "statements", "reviews"],
                            strict=True):
        column.metric(name.capitalize(), f"{stats.get(name, 0):,}")
    st.caption(f"Folder {escape(stats['index'])} · model {escape(stats['model'])} · "
               f"version {escape(stats['version'])} · updated {escape(stats['updated_at'])}")
