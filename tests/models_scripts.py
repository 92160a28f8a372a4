"""Load a script of ``models/`` (train.py, vectors.py, augment.py) as a module, for tests.

``models/`` is not a package and its scripts import each other by bare name, as they do when
run; loading one also puts ``models/`` on ``sys.path`` (train.py does that itself).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

MODELS = Path(__file__).resolve().parents[1] / "models"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"entityx_models_{name}", MODELS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
