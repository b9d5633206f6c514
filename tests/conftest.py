"""Shared fixtures: tmp index folders, the seed corpus, engines with the fake and real model."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from factcheck.settings import Settings
from tests.helpers import SEEDS


@pytest.fixture
def hash_settings(tmp_path: Path) -> Settings:
    """Settings for a fresh index using the fast fake encoder (unit tests only)."""
    return Settings(index_dir=tmp_path / "index", model="hash-test")


@pytest.fixture
def claims_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-claim CSV file, with the fake encoder set for the command line run in-process."""
    monkeypatch.setenv("FACTCHECK_MODEL", "hash-test")
    path = tmp_path / "claims.csv"
    path.write_text("claim\nThe budget will rise\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def seed_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of `seeds/` built once per test session with the real model."""
    from factcheck.engine import Engine

    folder = tmp_path_factory.mktemp("seed") / "index"
    Engine.open(Settings(index_dir=folder)).ingest([SEEDS])
    return folder


@pytest.fixture
def seed_engine(seed_index_dir: Path, tmp_path: Path):
    """A real-model engine on a private copy of the seed index (tests may write to it)."""
    from factcheck.engine import Engine

    copy = tmp_path / "index"
    shutil.copytree(seed_index_dir, copy)
    return Engine.open(Settings(index_dir=copy))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI nothing may be skipped: the real-model and browser tests are the proof."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("CI") and skipped and exitstatus == 0:
        reporter.write_line(f"CI: {skipped} test(s) skipped; every test must run in CI")
        session.exitstatus = 1
