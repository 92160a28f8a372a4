"""The public API is exactly what the README documents, and importing it is cheap."""

from __future__ import annotations

import subprocess
import sys

import entityx

DOCUMENTED = {
    "LABELS",
    "CorpusError",
    "Document",
    "Entity",
    "EntityxError",
    "Extractor",
    "InputError",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Mention",
    "ModelInfo",
    "ModelNotFoundError",
    "OptionalDependencyError",
    "OutputError",
    "Registry",
    "RegistryError",
    "SentenceSpan",
    "__version__",
    "clear_cache",
    "export",
    "extract",
    "load",
    "resolve",
    "tag_corpus",
}


def test_all_is_exactly_the_documented_api() -> None:
    assert set(entityx.__all__) == DOCUMENTED
    assert len(entityx.__all__) == len(DOCUMENTED)


def test_every_exported_name_resolves() -> None:
    for name in entityx.__all__:
        assert getattr(entityx, name) is not None, name


def test_functions_are_callables_not_modules() -> None:
    for name in ("extract", "load", "resolve", "export", "tag_corpus", "clear_cache"):
        assert callable(getattr(entityx, name)), name


def test_errors_share_one_base() -> None:
    for name in entityx.__all__:
        obj = getattr(entityx, name)
        if isinstance(obj, type) and name.endswith("Error"):
            assert issubclass(obj, entityx.EntityxError), name


def test_import_does_not_load_spacy_or_the_model() -> None:
    code = "import sys, entityx; print('spacy' in sys.modules, 'thinc' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_unknown_attribute_raises_attribute_error() -> None:
    import pytest

    with pytest.raises(AttributeError):
        entityx.does_not_exist  # noqa: B018
