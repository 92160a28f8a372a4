"""A worker process entityx spawns imports only what its model needs: the spaCy factories the
model's config names, and torch only for a pipeline that uses it.

The check runs in a fresh interpreter: it changes spaCy's registry for the whole process,
which is why only entityx's own workers do it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from entityx.pipeline import bundled_pipeline_path, trim_worker_imports

_CHILD = """
import json, sys
from entityx.pipeline import trim_worker_imports
applied = trim_worker_imports(None)
import entityx
doc = entityx.load().extract("Ο Σεργκέι Λαβρόφ έφτασε στην Αθήνα.")
print(json.dumps({
    "applied": applied,
    "transformers": "spacy_transformers" in sys.modules,
    "torch": sys.modules.get("torch") is not None,
    "names": sorted(e.name for e in doc.entities),
}))
"""


@pytest.mark.slow
def test_the_bundled_pipeline_loads_without_other_packages_factories() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True, timeout=300
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["applied"] is True
    assert result["transformers"] is False  # installed here with the trf extra, yet not imported
    assert result["torch"] is False
    assert "Sergey Lavrov" in result["names"] and "Athens" in result["names"]


def test_a_package_name_or_missing_path_keeps_spacys_default() -> None:
    assert trim_worker_imports("no_such_spacy_package_xyz") is False
    assert trim_worker_imports("trf") is False


def test_a_config_with_a_sourced_component_keeps_spacys_default(tmp_path: Path) -> None:
    config = (bundled_pipeline_path() / "config.cfg").read_text(encoding="utf-8")
    sourced = config.replace('factory = "ner"', 'source = "some_other_pipeline"', 1)
    assert sourced != config
    (tmp_path / "config.cfg").write_text(sourced, encoding="utf-8")
    assert trim_worker_imports(str(tmp_path)) is False


_TORCH_CHILD = """
import sys
from entityx.pipeline import trim_worker_imports
assert trim_worker_imports(sys.argv[1]) is True
import torch
print(torch.__name__)
"""


@pytest.mark.slow
def test_a_pipeline_that_names_a_torch_layer_keeps_torch(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    config = (bundled_pipeline_path() / "config.cfg").read_text(encoding="utf-8")
    torch_config = config.replace("spacy.MaxoutWindowEncoder.v2", "spacy.TorchBiLSTMEncoder.v1")
    assert torch_config != config
    (tmp_path / "config.cfg").write_text(torch_config, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", _TORCH_CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert out.stdout.strip() == "torch"
