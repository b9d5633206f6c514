"""What the tests share besides fixtures: the repository's paths, its benchmark scripts and
the command line run in this process."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_DOC = SEEDS / "trump-putin-ceasefire-call.md"
BENCHMARKS = ROOT / "benchmarks"


def load_script(name: str) -> ModuleType:
    """`benchmarks/<name>.py` loaded as a module (benchmarks/ is no package).

    The module is registered under its name, as an import would (dataclasses look it up).
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def run_main(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str]:
    """`factcheck ARGS` in this process: the exit status and the one stderr line."""
    from factcheck.cli import main

    status = main(list(args))
    lines = [line for line in capsys.readouterr().err.splitlines()
             if line.startswith("factcheck:")]  # progress bars aside
    assert len(lines) == 1, lines
    return status, lines[0]
