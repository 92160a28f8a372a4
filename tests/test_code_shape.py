"""Modules stay small enough to read at one sitting, and functions short enough to hold in mind.

The limits are the codebase's own (issue 15): no module in ``src/`` over 400 lines, and no
function over 60 lines unless its docstring says, in a parenthesis naming the limit, why it
is longer (a typer command whose options typer reads from the signature, say).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "entityx"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
# The docstring's own reason: "(Longer than 60 lines only by ...)" or "(Over 60 lines ...)".
_REASON = re.compile(rf"\((?:Longer than|Over) {MAX_FUNCTION_LINES} lines\b[^)]*\)", re.I)

MODULES = sorted(SRC.rglob("*.py"))


def long_functions(source: str) -> list[tuple[str, int]]:
    """(name, lines) of every function over the limit whose docstring gives no reason."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            reason = _REASON.search(ast.get_docstring(node) or "")
            if length > MAX_FUNCTION_LINES and reason is None:
                out.append((node.name, length))
    return out


def test_the_sources_are_found() -> None:
    assert len(MODULES) > 50


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_module_is_at_most_400_lines(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{path.relative_to(SRC)} has {lines} lines: split it"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_functions_are_short_or_say_why(path: Path) -> None:
    assert long_functions(path.read_text(encoding="utf-8")) == []


def test_a_long_function_without_a_reason_is_caught() -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    bare = f"def f():\n    'Short doc.'\n{body}\n"
    reasoned = (
        f"def f():\n    '''Doc.\n\n    (Over 60 lines only by its options.)\n    '''\n{body}\n"
    )
    assert long_functions(bare) == [("f", MAX_FUNCTION_LINES + 2)]
    assert long_functions(reasoned) == []
    assert long_functions("def g():\n    return 1\n") == []
