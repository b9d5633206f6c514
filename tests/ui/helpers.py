"""Helpers of the UI tests: an AppTest of one screen, a private seed index, hostile text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from factcheck.engine import Engine
from factcheck.records import Document
from factcheck.settings import Settings

TIMEOUT = 180
HOSTILE = ("Mayor Jane Roe spoke on Monday. <script>alert(1)</script> "
           "“The bridge will open in May <img src=x onerror=alert(1)>,” Roe said.\n"
           "Tickets cost $71 and $72 **each**.")


def _page(module: str) -> None:
    """AppTest script: render one page module (its body runs as a script of its own)."""
    import importlib  # AppTest runs this body alone: module-level imports are not there

    importlib.import_module(f"factcheck.ui.{module}").render()


def page_app(module: str, index: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """An AppTest of one screen on `index`, already run once."""
    monkeypatch.setenv("FACTCHECK_INDEX", str(index))
    at = AppTest.from_function(_page, args=(module,), default_timeout=TIMEOUT)
    return at.run()


def seed_copy(seed_index_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the session's seed index."""
    copy = tmp_path / "index"
    shutil.copytree(seed_index_dir, copy)
    return copy


def add_hostile_document(index: Path) -> None:
    """Ingest a document whose text carries HTML and markdown meant to run in the page."""
    Engine.open(Settings(index_dir=index)).ingest_documents(
        [Document(id="hostile", text=HOSTILE, title="<b>Bridge</b> news",
                  publisher="Bugle <i>x</i>", published="2025-04-01")])


def bodies(at: AppTest) -> str:
    """Every markdown element's body, joined."""
    return "\n".join(m.value for m in at.markdown)
