"""entityx's transformer NER pipeline as an installable package (spaCy's package protocol).

``spacy.load("entityx_el_en_trf")`` imports this module and calls :func:`load`;
``entityx.load("trf")`` resolves to that name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

PIPELINE = Path(__file__).resolve().parent / "pipeline"

__all__ = ["PIPELINE", "load"]


def load(**overrides: Any) -> Any:
    """The pipeline (``overrides``: spaCy's vocab/disable/enable/exclude/config)."""
    from spacy.util import load_model_from_path

    if not (PIPELINE / "meta.json").exists():
        raise OSError(
            f"{PIPELINE} holds no trained pipeline: run `python models/finish_trf.py --install` "
            "in the entityx clone, then reinstall this package"
        )
    return load_model_from_path(PIPELINE, **overrides)
