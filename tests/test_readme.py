"""The README's Python examples run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
# Blocks that need something this machine cannot have (an installed el_core_news_lg, a GPU,
# a trained transformer pipeline) are marked with a "# needs:" comment and only compiled.
RUNNABLE = [b for b in BLOCKS if "# needs:" not in b]


def test_readme_has_python_examples() -> None:
    assert len(RUNNABLE) >= 2


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_block_compiles(block: str) -> None:
    compile(block, "README.md", "exec")


@pytest.mark.parametrize("block", RUNNABLE, ids=[f"run{i}" for i in range(len(RUNNABLE))])
def test_readme_block_runs(block: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {"__name__": "__readme__"})
