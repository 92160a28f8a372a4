"""Where exported documents come from: an iterable of Documents or a tagged JSONL file.

A tagged corpus is a JSONL file with one ``Document.model_dump_json()`` per line (optionally
gzip-compressed, ``.gz``). It is read one line at a time, so a corpus never has to fit in memory.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Union

from pydantic import ValidationError

from ..errors import CorpusError, InputError
from ..models import Document

__all__ = ["DocumentSource", "iter_documents"]

#: A path to a tagged JSONL(.gz) corpus, or Documents.
DocumentSource = Union[str, "os.PathLike[str]", Iterable[Document]]


_BOM = b"\xef\xbb\xbf"
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_LINE_1 = re.compile(r"^(.*) at line 1 column (\d+)$")


def _open_binary(path: Path) -> IO[bytes] | gzip.GzipFile:
    try:
        if path.suffix == ".gz":
            return gzip.open(path, "rb")
        return path.open("rb")
    except FileNotFoundError:
        raise CorpusError(
            f"{path}: no such tagged corpus file. Pass the JSONL file written by "
            "`entityx tag` (one Document JSON per line)."
        ) from None
    except IsADirectoryError:
        raise CorpusError(f"{path}: is a directory, expected a tagged JSONL file.") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read the tagged corpus file ({exc}).") from None


def _numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Each line decoded on its own, so a UTF-8 error names the line it is on."""
    lineno = 0
    with _open_binary(path) as fh:
        try:
            for lineno, raw in enumerate(fh, start=1):
                if lineno == 1 and raw.startswith(_BOM):
                    raw = raw[len(_BOM) :]
                try:
                    yield lineno, raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(
                        f"{path}:{lineno}: not valid UTF-8 (byte {exc.start + 1} of the line: "
                        f"{exc.reason}). Tagged corpora are UTF-8, as `entityx tag` writes them."
                    ) from None
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise CorpusError(
                f"{path}:{lineno + 1}: the gzip data is truncated or corrupt ({exc}); "
                "re-create the file (gzip -t checks it)."
            ) from None
        except OSError as exc:
            raise CorpusError(f"{path}:{lineno + 1}: cannot read ({exc}).") from None


def _read_jsonl(path: Path) -> Iterator[tuple[str, Document]]:
    for lineno, raw_line in _numbered_lines(path):
        line = raw_line.rstrip("\r\n")  # so that a JSON error's column is on this line
        if not line.strip():
            continue
        try:
            doc = Document.model_validate_json(line)
        except ValidationError as exc:
            raise InputError(
                f"{path}:{lineno}: not a tagged Document ({first_error(exc)}). "
                "Each line must be one Document as written by `entityx tag`."
            ) from None
        if "schema_version" not in doc.model_fields_set:
            # Every field of a Document has a default, so an input record such as
            # {"text": ...} validates; only what entityx wrote carries its schema version.
            raise InputError(
                f"{path}:{lineno}: not entityx tagged output (the line has no "
                '"schema_version"; is this the input corpus?). Export reads what '
                f"`entityx tag` writes: run `entityx tag {path} -o tagged.jsonl` first."
            )
        yield f"{path}:{lineno}", doc


def _has_surrogate(doc: Document) -> bool:
    strings = [doc.id or "", doc.text or ""]
    for m in doc.mentions:
        strings += (m.text, m.entity_id)
    for e in doc.entities:
        strings += (e.id, e.name, *e.aliases, e.kb_id or "", *e.same_as)
    return any(not v.isascii() and _SURROGATE.search(v) for v in strings)


def _replace_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: _replace_surrogates(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_replace_surrogates(v) for v in value]
    return value


def writable(doc: Document) -> Document:
    """``doc`` with each lone surrogate (no UTF-8 form) replaced by U+FFFD, one for one.

    Offsets stay exact, and every format writes what ``model_dump_json`` writes.
    """
    if not _has_surrogate(doc):
        return doc
    return Document.model_validate(_replace_surrogates(doc.model_dump()))


def iter_documents(source: DocumentSource) -> Iterator[tuple[str, Document]]:
    """Yield ``(where, document)`` pairs; ``where`` names the file and line (for messages).

    ``source`` is a path to a tagged JSONL(.gz) file or any iterable of :class:`Document`.
    """
    if isinstance(source, (str, os.PathLike)):
        yield from _read_jsonl(Path(source))  # JSON cannot hold a lone surrogate
        return
    if isinstance(source, Document):
        raise InputError("export() takes an iterable of Documents; wrap a single one: [doc].")
    for n, doc in enumerate(source, start=1):
        if not isinstance(doc, Document):
            raise InputError(
                f"document #{n}: expected an entityx Document, got {type(doc).__name__}."
            )
        yield f"document #{n}", writable(doc)


def first_error(exc: ValidationError) -> str:
    """``field.path: message`` of a pydantic error's first problem, for one-line messages."""
    first = exc.errors()[0]
    msg = str(first["msg"]).removeprefix("Value error, ")
    if first.get("type") == "json_invalid":
        # One JSONL line is always "line 1" to the JSON parser: only the column helps.
        return _JSON_LINE_1.sub(r"\1 at column \2", msg.replace("Invalid JSON", "invalid JSON"))
    where = ".".join(str(p) for p in first.get("loc", ())) or "record"
    return f"{where}: {msg}"
