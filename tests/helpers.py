"""What the tests share besides fixtures: the repository's paths and its benchmark scripts."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_DOC = SEEDS / "trump-putin-ceasefire-call.md"
BENCHMARKS = ROOT / "benchmarks"


def load_script(name: str) -> ModuleType:
    """`benchmarks/<name>.py` loaded as a module (benchmarks/ is no package)."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
