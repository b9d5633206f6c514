"""Runners for batch work: where the claims of a report are searched.

`local` searches in this process (the engine itself is the searcher); `ray` spreads them over
Ray Data actors, each holding its own engine and model (`ray.py`, optional extra `[ray]`).
`Settings.runner` names the runner; a new one is one module with a class meeting the report's
`Searcher` protocol, and one line in `RUNNERS`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.report.run import Searcher
    from factcheck.settings import Settings

RUNNERS = {"local": None, "ray": "factcheck.runners.ray:RaySearcher"}


def open_searcher(settings: Settings, engine: Searcher) -> Searcher:
    """The searcher of the configured runner: `engine` itself for `local`.

    Raises:
        ValueError: an unknown runner (the message lists the valid ones).
    """
    if settings.runner not in RUNNERS:
        valid = ", ".join(repr(name) for name in sorted(RUNNERS))
        raise ValueError(f"unknown runner {settings.runner!r}; valid values: {valid}")
    location = RUNNERS[settings.runner]
    if location is None:
        return engine
    module, _, name = location.partition(":")
    return getattr(import_module(module), name)(settings)
