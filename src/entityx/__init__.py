"""entityx: people, places and organisations in Greek and English news, one canonical entity
for every spelling of one real thing.

    >>> import entityx
    >>> doc = entityx.extract("Ο Σεργκέι Λαβρόφ έφτασε στην Πιονγκγιάνγκ.")  # doctest: +SKIP

Importing entityx is cheap: spaCy and the pipeline load lazily on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    CorpusError,
    EntityxError,
    InputError,
    KnowledgeBaseError,
    ModelNotFoundError,
    OptionalDependencyError,
    OutputError,
    RegistryError,
)
from .labels import LABELS
from .models import Document, Entity, Mention, ModelInfo, SentenceSpan

if TYPE_CHECKING:
    from .api import Extractor, clear_cache, extract, load
    from .corpus import tag_corpus
    from .exporters import export
    from .registry import Registry
    from .resolution import KnowledgeBase, resolve

from ._version import __version__

__all__ = [
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
]

# Public names whose modules import spaCy or other heavy code: imported on first access.
_LAZY = {
    "Extractor": "api",
    "clear_cache": "api",
    "extract": "api",
    "load": "api",
    "resolve": "resolution",
    "KnowledgeBase": "resolution",
    "tag_corpus": "corpus",
    "Registry": "registry",
    "export": "exporters",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'entityx' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
