"""The entityx error hierarchy.

Every error entityx raises on purpose derives from :class:`EntityxError`, and its message says
what went wrong *and* what to do about it.
"""

from __future__ import annotations

__all__ = [
    "CorpusError",
    "EntityxError",
    "InputError",
    "KnowledgeBaseError",
    "ModelNotFoundError",
    "OptionalDependencyError",
    "OutputError",
    "RegistryError",
]


class EntityxError(Exception):
    """Base class of all errors raised by entityx."""


class ModelNotFoundError(EntityxError, LookupError):
    """A named spaCy pipeline could not be found or loaded."""

    def __init__(self, model: str, *, reason: str | None = None) -> None:
        self.model = model
        hint = (
            f"Could not load the spaCy pipeline {model!r}"
            + (f": {reason}" if reason else "")
            + ". Pass a path to a pipeline directory (model='/path/to/pipeline'), install the "
            f"pipeline package (pip install {model} or python -m spacy download {model} on a "
            "machine with internet), or leave model=None to use entityx's bundled pipeline."
        )
        super().__init__(hint)


class OptionalDependencyError(EntityxError, ImportError):
    """A feature needs an optional extra that is not installed."""

    def __init__(self, feature: str, *, extra: str, missing: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs {missing!r}, which is not installed. "
            f'Install it with: pip install "entityx[{extra}]"'
        )


class InputError(EntityxError, ValueError):
    """Input data (a file, a record, a field) is malformed."""


class KnowledgeBaseError(InputError):
    """A knowledge-base file is malformed; the message names the file, line and field."""


class CorpusError(InputError):
    """A corpus input cannot be read at all (missing path, unreadable file)."""


class RegistryError(EntityxError):
    """The entity registry is unusable (wrong schema version, corrupt file)."""


class OutputError(EntityxError, OSError):
    """Writing the output failed (a full disk, an I/O error); what was committed is safe."""
