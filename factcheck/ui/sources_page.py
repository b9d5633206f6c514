"""Sources screen: upload documents into the index; list what it holds."""

from __future__ import annotations

import dataclasses
import math
import re
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path, PurePath

import pandas as pd
import streamlit as st

from factcheck.engine import Engine
from factcheck.errors import BadInputError, FactcheckError
from factcheck.index.ingest import Progress
from factcheck.sources.read import read_file
from factcheck.records import Document, IngestResult
from factcheck.ui import widgets
from factcheck.ui.common import engine, escape, store_upload

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".csv")
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
    with tempfile.TemporaryDirectory(prefix="factcheck-upload-") as tmp:
        for number, (name, data) in enumerate(uploads):
            try:
                path = store_upload(name, data, SOURCE_SUFFIXES, eng.settings.max_upload_bytes,
                                    Path(tmp), number)
                result = read_file(path, eng.settings.max_document_chars)
            except BadInputError as err:
                problems.append(_named(str(err), tmp, name))
                continue
            label = f"upload: {PurePath(name.replace(chr(92), '/')).name}"
            documents += [_filled(doc, defaults, label) for doc in result.documents]
            problems += [_named(p, tmp, name) for p in result.problems]
    return documents, problems


def _named(message: str, folder: str, name: str) -> str:
    """A read error naming the uploaded file instead of its temporary copy."""
    return re.sub(re.escape(str(Path(folder))) + r"/upload-\d+\.\w+", lambda _: name, message)


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
            f"Documents (txt, md, html, jsonl, csv; up to {limit / 2**20:,.0f} MiB each)",
            type=[s[1:] for s in SOURCE_SUFFIXES], accept_multiple_files=True,
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
