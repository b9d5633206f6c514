"""The import graph of `factcheck`, read with `ast` from every module (imports inside
functions too): no circles, and data flows one way through the stages."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "factcheck"
# The stages in pipeline order: a stage imports its own modules and earlier stages only.
STAGES = ["sources", "attribution", "index", "verdict", "presentation", "report", "runners", "ui"]
# Shared by every stage; they import nothing of factcheck but each other.
FOUNDATION = {"records", "errors", "settings", "_exports"}
# The top level that puts the stages together; only the batch runners and the UI drive it.
TOP = {"engine": {"runners", "ui"}, "cli": set(), "__init__": set()}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imported(module: str, path: Path, known: set[str]) -> set[str]:
    """The factcheck modules one module imports, wherever the import statement sits."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in known else base)
    return {name for name in found if name in known and name != module}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imported(name, path, set(modules)) for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle of the graph, if any (depth-first search)."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _place(module: str) -> str:
    """A module's stage, foundation or top-level name (`factcheck.index.store` -> 'index')."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _allowed(importer: str, imported: str) -> bool:
    """Whether the layering lets one place import another."""
    if importer in TOP or importer == imported:
        return True
    if importer in FOUNDATION:
        return imported in FOUNDATION
    if imported in FOUNDATION:
        return True
    if imported in TOP:
        return importer in TOP[imported]
    return STAGES.index(imported) <= STAGES.index(importer)


def test_every_module_is_read():
    graph = _graph()
    assert {"factcheck.engine", "factcheck.attribution.pipeline", "factcheck.ui.widgets"} <= set(
        graph
    )
    assert "factcheck.attribution.types" in graph["factcheck.attribution.parse.frames"]
    assert {_place(m) for m in graph} <= set(STAGES) | FOUNDATION | set(TOP)


def test_the_reader_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from factcheck.records import Document\n", encoding="utf-8")
    assert _imported("factcheck.m", module, {"factcheck.records"}) == {"factcheck.records"}


def test_a_circle_is_found():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_circles():
    assert _cycle(_graph()) is None


def test_no_stage_imports_a_later_one():
    wrong = sorted(
        f"{importer} -> {imported}"
        for importer, targets in _graph().items()
        for imported in targets
        if not _allowed(_place(importer), _place(imported))
    )
    assert wrong == [], f"imports against the order {' < '.join(STAGES)}: {wrong}"
