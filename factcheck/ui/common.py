"""What every screen shares: the engine (one per server) and safe uploads."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path, PurePath

import streamlit as st

from factcheck.engine import Engine
from factcheck.errors import BadInputError
from factcheck.settings import Settings, settings_from_env


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


def check_upload(name: str, data: bytes, allowed: Sequence[str], max_bytes: int) -> str:
    """Check an uploaded file's extension and size; return its extension (lower case).

    Args:
        name: the name the browser sent.
        data: the file's bytes.
        allowed: accepted extensions, lower case with the dot (".csv").
        max_bytes: largest accepted size.

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
    return suffix


def store_upload(name: str, data: bytes, allowed: Sequence[str], max_bytes: int,
                 folder: Path, number: int = 0) -> Path:
    """Check an uploaded file (see `check_upload`), write it into `folder` under a generated
    name and return its path.

    The uploaded name is used only for its extension, never as a path: a name like
    ``../../x.csv`` ends up as ``upload-0.csv`` inside `folder` (`number` makes the generated
    name unique among several uploads).
    """
    suffix = check_upload(name, data, allowed, max_bytes)
    path = Path(folder) / f"upload-{int(number)}{suffix}"
    path.write_bytes(data)
    return path
