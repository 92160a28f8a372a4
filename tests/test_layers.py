"""The package is layered, and every import (module level or inside a function) points down.

Floors, from the ground up (ARCHITECTURE.md): the foundation (errors, labels, models, version),
the pure core (``text``, then ``resolution``), the spaCy layer (pipeline, component, document),
the API, the consumers of the API (corpus, registry, exporters, the Wikidata store) and last
the command line. A module may import its own floor or any floor below; nothing imports the
package root back. Import cycles between modules are refused even inside one floor.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "entityx"

# First matching prefix wins; "cli" modules of every subpackage sit on the top floor.
FLOORS: list[tuple[int, tuple[str, ...]]] = [
    (6, ("cli", "__main__")),
    (0, ("errors", "labels", "models", "_version", "_files", "_counts")),
    (1, ("text",)),
    (2, ("resolution", "kbstore")),
    (3, ("pipeline", "component", "document", "tokenizer", "iob", "doc_rules")),
    (4, ("api", "evaluate")),
    (5, ("corpus", "registry", "exporters")),
]


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def floor_of(module: str) -> int:
    parts = module.split(".")
    if parts[-1] in ("cli", "__main__") or module in ("cli", "__main__"):
        return 6
    for floor, prefixes in FLOORS:
        if parts[0] in prefixes:
            return floor
    raise AssertionError(f"module {module!r} has no floor: add it to FLOORS in {__file__}")


def _resolve(module: str, is_package: bool, level: int, name: str | None) -> str:
    base = module.split(".") if module else []
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, *([name] if name else [])])


def _imports(path: Path) -> set[str]:
    module = _module_name(path)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if node.module and (node.module == "entityx" or node.module.startswith("entityx.")):
                    target = node.module.removeprefix("entityx").lstrip(".")
                    found.add(target)
                continue
            target = _resolve(module, is_package, node.level, node.module)
            # `from . import x` may name a submodule
            for alias in node.names:
                sub = f"{target}.{alias.name}" if target else alias.name
                found.add(sub if _exists(sub) else target)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("entityx."):
                    found.add(alias.name.removeprefix("entityx."))
    return found


def _exists(module: str) -> bool:
    p = SRC.joinpath(*module.split("."))
    return p.with_suffix(".py").exists() or (p / "__init__.py").exists()


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        module = _module_name(path)
        if not module:
            continue  # the package root re-exports lazily; it is the roof, not a floor
        graph[module] = {t for t in _imports(path) if t and _exists(t)} - {module}
    return graph


def test_nothing_imports_the_package_root() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        module = _module_name(path)
        if not module:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                is_pkg = path.name == "__init__.py"
                names_root = (node.level == 0 and node.module == "entityx") or (
                    node.level > 0 and _resolve(module, is_pkg, node.level, node.module) == ""
                )
                # `from . import component` names a submodule, not the root's namespace
                if names_root and not all(_exists(a.name) for a in node.names):
                    offenders.append(f"{module}: from {'.' * node.level}{node.module or ''}")
    assert offenders == []


def test_imports_point_down() -> None:
    upward = [
        f"{module} (floor {floor_of(module)}) imports {target} (floor {floor_of(target)})"
        for module, targets in _graph().items()
        for target in sorted(targets)
        if floor_of(target) > floor_of(module)
    ]
    assert upward == []


def test_no_import_cycles() -> None:
    graph = _graph()

    def package_edge(a: str, b: str) -> bool:
        # a package's __init__ re-exporting its own submodules is not a cycle
        return b.startswith(a + ".") or a.startswith(b + ".")

    cycles: list[str] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if package_edge(node, nxt):
                continue
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*stack[stack.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == []


@pytest.mark.parametrize(
    ("module", "floor"),
    [("text.keys", 1), ("resolution.kb", 2), ("corpus.cli", 6), ("api", 4), ("errors", 0)],
)
def test_floor_table(module: str, floor: int) -> None:
    assert floor_of(module) == floor
