from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE_TEXT = ROOT / "examples" / "lavrov_kim_wonsan.txt"
EXAMPLE_GOLD = SHARED / "examples" / "lavrov_kim_wonsan.gold.json"


@pytest.fixture(scope="session")
def article() -> str:
    return EXAMPLE_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict:
    if not EXAMPLE_GOLD.exists():
        pytest.skip(f"{EXAMPLE_GOLD} is not available (../shared is missing)")
    return json.loads(EXAMPLE_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def extractor():
    import entityx

    return entityx.load()
