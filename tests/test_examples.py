"""Every script in examples/ runs and prints what it promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(name: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / name)], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_extract_article_prints_entities() -> None:
    out = run("extract_article.py")
    lines = out.strip().splitlines()
    assert lines
    assert all(line.split()[0] in {"PERSON", "LOC", "ORG"} for line in lines)


def test_pipe_many_prints_documents() -> None:
    docs = [json.loads(line) for line in run("pipe_many.py").splitlines()]
    assert [d["id"] for d in docs] == ["el-1", "en-1", "empty"]
    assert docs[2]["mentions"] == []
