"""Reading knowledge-base JSONL files: bytes to ``(line number, JSON object)`` pairs.

Every problem a hostile or careless file can have becomes a :class:`KnowledgeBaseError` that
names the file and the line: a truncated or corrupt ``.gz``, bytes that are not UTF-8, a line
that is not a JSON object, a field that does not validate, an id used twice (both lines).

Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` only: JSON strings may hold U+2028, U+0085 and the
other characters :meth:`str.splitlines` would also cut at. A UTF-8 byte order mark at the start
is accepted, as the corpus reader accepts one.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterable, Iterator

from pydantic import ValidationError

from ..errors import KnowledgeBaseError

__all__ = [
    "ENTRY_SHAPE",
    "NumberedLine",
    "decompress",
    "describe_json_error",
    "duplicate_id_message",
    "iter_objects",
    "split_lines",
    "validation_message",
]

#: What one line must look like, quoted in error messages.
ENTRY_SHAPE = '{"id", "name", "label", "aliases": [...], "same_as": [...]}'

_GZIP_MAGIC = b"\x1f\x8b"
_BOM = b"\xef\xbb\xbf"
_LINE_END = re.compile(rb"\r\n|\r|\n")

#: One line of a file and its 1-based number.
NumberedLine = tuple[int, str | bytes]


def decompress(data: bytes, *, source: str) -> bytes:
    """``data`` itself, or its gzip content when it starts with the gzip magic bytes."""
    if data[:2] != _GZIP_MAGIC:
        return data
    try:
        return gzip.decompress(data)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise KnowledgeBaseError(
            f"{source}: the gzip data is truncated or corrupt ({exc}); "
            "re-create or re-download the file (gzip -t checks it)."
        ) from None


def split_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """``(line number, line bytes)``, lines ending at ``\\n``, ``\\r\\n`` or ``\\r`` only."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    lineno, pos = 0, 0
    for lineno, end in enumerate(_LINE_END.finditer(data), start=1):
        yield lineno, data[pos : end.start()]
        pos = end.end()
    if pos < len(data):
        yield lineno + 1, data[pos:]


def describe_json_error(exc: json.JSONDecodeError) -> str:
    """``exc`` as one clause: ``unterminated string starting at column 7``.

    The decoder's own messages sometimes end in "at" (``Unterminated string starting at``);
    appending ``at column N`` to them reads "at at column".
    """
    msg = exc.msg[:1].lower() + exc.msg[1:]
    msg = msg.removesuffix(" at").removesuffix(":")
    return f"{msg} at column {exc.colno}"


def _decode(raw: bytes, *, source: str, lineno: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(
            f"{source}, line {lineno}: not valid UTF-8 (byte {exc.start + 1} of the line: "
            f"{exc.reason}); save the file as UTF-8."
        ) from None


def iter_objects(lines: Iterable[NumberedLine], *, source: str) -> Iterator[tuple[int, dict]]:
    """The JSON object of each line that is not blank or a ``#`` comment."""
    for lineno, raw in lines:
        line = _decode(raw, source=source, lineno=lineno) if isinstance(raw, bytes) else raw
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise KnowledgeBaseError(
                f"{source}, line {lineno}: invalid JSON ({describe_json_error(exc)}); "
                f"each line must be one JSON object {ENTRY_SHAPE}."
            ) from None
        if not isinstance(obj, dict):
            raise KnowledgeBaseError(
                f"{source}, line {lineno}: expected a JSON object {ENTRY_SHAPE}, "
                f"got a JSON {type(obj).__name__}."
            )
        yield lineno, obj


def validation_message(exc: ValidationError, *, source: str, lineno: int) -> str:
    """The first problem pydantic found in one line, naming the file, line and field."""
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "<entry>"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{source}, line {lineno}, field {loc!r}: {msg} (expected {ENTRY_SHAPE})"


def duplicate_id_message(entry_id: str, *, source: str, first: int, again: int) -> str:
    """An id used on two lines: both are named, so either can be fixed."""
    return (
        f"{source}, line {again}: duplicate id {entry_id!r} (first used on line {first}); "
        "every entry needs its own id: merge the two entries or rename one."
    )
