"""Where exported documents come from: an iterable of Documents or a tagged JSONL file.

A tagged corpus is a JSONL file with one ``Document.model_dump_json()`` per line (optionally
gzip-compressed, ``.gz``). It is read one line at a time, so a corpus never has to fit in memory.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Union

from pydantic import ValidationError

from ..errors import CorpusError, InputError
from ..models import Document

__all__ = ["DocumentSource", "iter_documents"]

#: A path to a tagged JSONL(.gz) corpus, or Documents.
DocumentSource = Union[str, "os.PathLike[str]", Iterable[Document]]


def _open_text(path: Path) -> IO[str]:
    try:
        if path.suffix == ".gz":
            return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
        return path.open(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(
            f"{path}: no such tagged corpus file. Pass the JSONL file written by "
            "`entityx tag` (one Document JSON per line)."
        ) from None
    except IsADirectoryError:
        raise CorpusError(f"{path}: is a directory, expected a tagged JSONL file.") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read the tagged corpus file ({exc}).") from None


def _read_jsonl(path: Path) -> Iterator[tuple[str, Document]]:
    with _open_text(path) as fh:
        lineno = 0
        try:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    doc = Document.model_validate_json(line)
                except ValidationError as exc:
                    raise InputError(
                        f"{path}:{lineno}: not a tagged Document ({first_error(exc)}). "
                        "Each line must be one Document as written by `entityx tag`."
                    ) from None
                yield f"{path}:{lineno}", doc
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}:{lineno + 1}: not valid UTF-8 ({exc.reason}). Tagged corpora are UTF-8."
            ) from None


def iter_documents(source: DocumentSource) -> Iterator[tuple[str, Document]]:
    """Yield ``(where, document)`` pairs; ``where`` names the file and line (for messages).

    ``source`` is a path to a tagged JSONL(.gz) file or any iterable of :class:`Document`.
    """
    if isinstance(source, (str, os.PathLike)):
        yield from _read_jsonl(Path(source))
        return
    if isinstance(source, Document):
        raise InputError("export() takes an iterable of Documents; wrap a single one: [doc].")
    for n, doc in enumerate(source, start=1):
        if not isinstance(doc, Document):
            raise InputError(
                f"document #{n}: expected an entityx Document, got {type(doc).__name__}."
            )
        yield f"document #{n}", doc


def first_error(exc: ValidationError) -> str:
    """``field.path: message`` of a pydantic error's first problem, for one-line messages."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "record"
    return f"{where}: {first['msg']}"
