"""Lazy package exports: a package names its public objects without importing every module
(importing `factcheck.sources.read` must not load the embedding model)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def lazy_exports(package: str, names: dict[str, str]) -> tuple[Callable, Callable]:
    """`__getattr__` and `__dir__` for a package whose public `names` live in its modules.

    Args:
        package: the package's `__name__`.
        names: public name -> the module (relative to the package) that defines it.

    Returns:
        The package's `__getattr__` and `__dir__` (PEP 562).
    """
    def __getattr__(name: str) -> object:
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{names[name]}"), name)

    def __dir__() -> list[str]:
        return sorted(names)

    return __getattr__, __dir__
