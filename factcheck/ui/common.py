"""What every screen shares: the engine (one per server), escaping and small widgets."""

from __future__ import annotations

import argparse
import html
import sys

import streamlit as st

from factcheck.engine import Engine
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


def escape(text: object) -> str:
    """HTML-escape anything that came from a source, a claim or a user."""
    return html.escape("" if text is None else str(text), quote=True)
