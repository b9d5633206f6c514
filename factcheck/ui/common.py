"""What every screen shares: the engine (one per server), escaping and safe uploads."""

from __future__ import annotations

import argparse
import html
import sys
from collections.abc import Sequence
from pathlib import Path, PurePath

import streamlit as st

from factcheck.engine import Engine
from factcheck.errors import BadInputError
from factcheck.settings import Settings, settings_from_env

# HTML's specials, and the characters Streamlit's markdown would read as formatting ($math$,
# **bold**, [links](), `code`, # headings …), as entities: a browser shows them unchanged.
_ENTITIES = str.maketrans({
    **{c: f"&#{ord(c)};" for c in "$*_[]`~#\\|"},
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;",
})


def app_settings(argv: list[str] | None = None) -> Settings:
    """Settings from `streamlit run app.py -- --index DIR`, then $FACTCHECK_INDEX, then ./index."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--index", default=None)
    known, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return settings_from_env(index_dir=known.index)


@st.cache_resource(show_spinner="Loading the index and the model…")
def _engine_for(settings: Settings) -> Engine:
    return Engine.open(settings)


def engine() -> Engine:
    """The server's engine; reloads index files another process (the CLI) has changed."""
    current = _engine_for(app_settings())
    current.refresh()
    return current


def escape(text: object) -> str:
    """HTML-escape anything that came from a source, a claim or a user.

    The result is also inert as Streamlit markdown: markdown and math characters become
    numeric character references, which a browser shows as the characters themselves.
    """
    raw = "" if text is None else str(text)
    return raw.translate(_ENTITIES)


def safe_url(url: object) -> str | None:
    """An http(s) link fit for an href (escaped), or None for anything else."""
    text = str(url or "").strip()
    if not text.lower().startswith(("http://", "https://")):
        return None
    return html.escape(text, quote=True)


def store_upload(name: str, data: bytes, allowed: Sequence[str], max_bytes: int,
                 folder: Path, number: int = 0) -> Path:
    """Write an uploaded file into `folder` under a generated name; return its path.

    The uploaded name is used only for its extension (checked against `allowed`), never as
    a path: a name like ``../../x.csv`` ends up as ``upload-0.csv`` inside `folder`.

    Args:
        name: the name the browser sent.
        data: the file's bytes.
        allowed: accepted extensions, lower case with the dot (".csv").
        max_bytes: largest accepted size.
        folder: where to write (a temporary directory).
        number: makes the generated name unique among several uploads.

    Raises:
        BadInputError: an extension not in `allowed`, an empty file or one too big.
    """
    suffix = PurePath(name.replace("\\", "/")).suffix.lower()
    shown = PurePath(name.replace("\\", "/")).name
    if suffix not in allowed:
        raise BadInputError(f"{shown}: unsupported file type {suffix or '(none)'}; "
                            f"use one of {', '.join(allowed)}")
    if not data:
        raise BadInputError(f"{shown}: the file is empty")
    if len(data) > max_bytes:
        raise BadInputError(f"{shown}: {len(data):,} bytes is over the upload limit of "
                            f"{max_bytes:,} bytes")
    path = Path(folder) / f"upload-{int(number)}{suffix}"
    path.write_bytes(data)
    return path
