from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE_TEXT = ROOT / "examples" / "lavrov_kim_wonsan.txt"
EXAMPLE_GOLD = SHARED / "examples" / "lavrov_kim_wonsan.gold.json"


@pytest.fixture(scope="session")
def article() -> str:
    return EXAMPLE_TEXT.read_text(encoding="utf-8")


def require_shared(path: Path = SHARED) -> Path:
    """``path`` under ../shared, or skip the test; under CI (``CI=true``) a missing path fails.

    CI has ../shared beside the clone, so a test that skips there hides a broken checkout.
    """
    if not path.exists():
        message = f"{path} is not available (../shared beside the clone is missing)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI must have it")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return require_shared(SHARED)


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(require_shared(EXAMPLE_GOLD).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def extractor():
    import entityx

    return entityx.load()
