"""Read a corpus: ``.txt`` files, directories, ``.jsonl`` and ``.jsonl.gz`` files.

Readers never raise on a bad record: they yield an :class:`ErrorRecord` (source file, line
number, reason) in its place, so a broken line is reported, counted and never silently
dropped. Only an input *path* that cannot be read at all raises, and :func:`resolve_inputs`
checks every path before any work starts.

The sequence of records (good and bad) depends only on the inputs and the reader settings,
which is what makes ``--resume`` possible: a resumed run skips the first *n* records.

JSONL lines end at ``\n``, ``\r\n`` or a lone ``\r`` (never at U+2028 or U+0085, which may
appear inside JSON strings). A lone surrogate (a ``\ud800`` escape in JSON) in an id or a text
cannot be written as UTF-8; each one is replaced by U+FFFD, one character for one, so offsets
into the text are unchanged.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import CorpusError

__all__ = [
    "ErrorRecord",
    "InputFile",
    "Record",
    "count_records",
    "iter_positioned",
    "iter_records",
    "read_file",
    "replace_surrogates",
    "resolve_inputs",
    "split_lines",
]

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_EOL = re.compile(rb"\r\n?|\n")
_SURROGATE = re.compile("[\ud800-\udfff]")
_READ_SIZE = 1 << 20


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (same length, same offsets)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


@dataclass(frozen=True)
class Record:
    """One document to tag."""

    id: str
    text: str
    source: str
    line: int | None = None


@dataclass(frozen=True)
class ErrorRecord:
    """A record that could not be tagged, and why."""

    source: str
    line: int | None
    reason: str
    id: str | None = None

    def to_json(self) -> str:
        fields = {"source": self.source, "line": self.line, "id": self.id, "reason": self.reason}
        clean = {k: replace_surrogates(v) if isinstance(v, str) else v for k, v in fields.items()}
        return json.dumps(clean, ensure_ascii=False)


@dataclass(frozen=True)
class InputFile:
    """A file to read, and how: ``kind`` is ``"txt"`` or ``"jsonl"``."""

    path: Path
    kind: str
    gzipped: bool

    @property
    def name(self) -> str:
        return str(self.path)


def _classify(path: Path) -> InputFile:
    name = path.name.lower()
    gzipped = name.endswith(".gz")
    kind = "jsonl" if name.endswith(_JSONL_SUFFIXES) else "txt"
    return InputFile(path=path, kind=kind, gzipped=gzipped)


def _check_readable(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise CorpusError(
            f"{path}: cannot read this input ({exc.strerror or exc}); check the path and its "
            "permissions"
        ) from None


def resolve_inputs(
    inputs: Iterable[str | os.PathLike[str]], *, glob: str = "**/*.txt"
) -> list[InputFile]:
    """Expand directories (recursively, with ``glob``) and check every path is readable.

    Raises :class:`~entityx.errors.CorpusError` before any work for a missing or unreadable
    path, or a directory without matching files.
    """
    files: list[InputFile] = []
    given = [Path(p) for p in inputs]
    if not given:
        raise CorpusError("no inputs given: pass .txt/.jsonl/.jsonl.gz files or directories")
    for path in given:
        if path.is_dir():
            try:
                matches = sorted(p for p in path.glob(glob) if p.is_file())
            except OSError as exc:
                raise CorpusError(f"{path}: cannot list this directory ({exc.strerror})") from None
            if not matches:
                raise CorpusError(
                    f"{path}: no files match --glob {glob!r} in this directory; "
                    "pass --glob '**/*.jsonl' (for example) to pick other files"
                )
            for match in matches:
                _check_readable(match)
                files.append(_classify(match))
        elif path.exists():
            _check_readable(path)
            files.append(_classify(path))
        else:
            raise CorpusError(f"{path}: no such file or directory")
    return files


def _line_of(data: bytes, offset: int) -> int:
    return len(_EOL.findall(data, 0, offset)) + 1


def split_lines(handle: IO[bytes]) -> Iterator[tuple[bytes, int]]:
    """Yield each line of ``handle`` without its end, and the stream offset just past it.

    Lines end at ``\r\n``, ``\n`` or a lone ``\r``; the stream is read in bounded chunks.
    """
    parts: list[bytes] = []
    carry = b""
    chunk_start = 0  # stream offset of chunk[0]
    while True:
        data = handle.read(_READ_SIZE)
        if not data:
            if carry or parts:  # a last line ended by a lone \r, or by the end of the stream
                yield b"".join(parts), chunk_start + len(carry)
            return
        chunk = carry + data
        carry = b""
        if chunk.endswith(b"\r"):  # maybe the first half of \r\n: decide with the next chunk
            carry, chunk = b"\r", chunk[:-1]
        start = 0
        for eol in _EOL.finditer(chunk):
            parts.append(chunk[start : eol.start()])
            yield b"".join(parts), chunk_start + eol.end()
            parts = []
            start = eol.end()
        if start < len(chunk):
            parts.append(chunk[start:])
        chunk_start += len(chunk)


def _read_txt(file: InputFile, *, max_chars: int) -> Iterator[tuple[Record | ErrorRecord, None]]:
    source = replace_surrogates(file.name)
    try:
        if not file.gzipped and file.path.stat().st_size > 4 * max_chars + 4:
            # Even at 4 bytes per character this is over the limit: don't read it into memory.
            reason = f"text is over --max-chars {max_chars}"
            yield ErrorRecord(source, None, reason, id=source), None
            return
        opener = gzip.open if file.gzipped else open
        with opener(file.path, "rb") as handle:
            data = handle.read()
    except (OSError, EOFError, zlib.error) as exc:
        yield ErrorRecord(source, None, f"cannot read file: {exc}", id=source), None
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        reason = f"invalid UTF-8 at byte {exc.start} (line {line})"
        yield ErrorRecord(source, line, reason, id=source), None
        return
    record = Record(id=source, text=text, source=source, line=None)
    yield _checked(record, max_chars=max_chars), None


def _checked(record: Record, *, max_chars: int) -> Record | ErrorRecord:
    if not record.text.strip():
        reason = "empty text" if not record.text else "whitespace-only text"
        return ErrorRecord(record.source, record.line, reason, id=record.id)
    if len(record.text) > max_chars:
        return ErrorRecord(
            record.source,
            record.line,
            f"text has {len(record.text)} characters, over --max-chars {max_chars}",
            id=record.id,
        )
    return record


def _jsonl_record(
    raw: bytes, *, source: str, line: int, text_field: str, id_field: str | None, max_chars: int
) -> Record | ErrorRecord:
    default_id = f"{source}:{line}"
    try:
        decoded = raw.decode("utf-8-sig" if line == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return ErrorRecord(source, line, f"invalid UTF-8 at byte {exc.start} of the line")
    if not decoded.strip():
        return ErrorRecord(source, line, "empty line")
    try:
        obj: Any = json.loads(decoded)
    except json.JSONDecodeError as exc:
        return ErrorRecord(source, line, f"malformed JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(obj, dict):
        return ErrorRecord(source, line, f"expected a JSON object, got {type(obj).__name__}")
    doc_id = default_id
    if id_field is not None:
        value = obj.get(id_field)
        if isinstance(value, str) and value:
            doc_id = replace_surrogates(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            doc_id = str(value)
        else:
            return ErrorRecord(
                source, line, f"id field {id_field!r} is missing or not a string/integer"
            )
    if text_field not in obj:
        return ErrorRecord(source, line, f"text field {text_field!r} is missing", id=doc_id)
    text = obj[text_field]
    if not isinstance(text, str):
        return ErrorRecord(
            source,
            line,
            f"text field {text_field!r} is {type(text).__name__}, not a string",
            id=doc_id,
        )
    text = replace_surrogates(text)
    return _checked(Record(id=doc_id, text=text, source=source, line=line), max_chars=max_chars)


def _read_jsonl(
    file: InputFile, *, text_field: str, id_field: str | None, max_chars: int
) -> Iterator[tuple[Record | ErrorRecord, int | None]]:
    source = replace_surrogates(file.name)
    line = 0
    try:
        handle: IO[bytes] = (
            gzip.open(file.path, "rb") if file.gzipped else open(file.path, "rb")  # type: ignore[assignment]  # noqa: SIM115
        )
        with handle:
            for raw, end in split_lines(handle):
                line += 1
                record = _jsonl_record(
                    raw,
                    source=source,
                    line=line,
                    text_field=text_field,
                    id_field=id_field,
                    max_chars=max_chars,
                )
                yield record, end
    except (OSError, EOFError, zlib.error) as exc:
        # A truncated or corrupt gzip stream, or an I/O error mid-file: report where it stopped.
        yield ErrorRecord(source, line + 1, f"cannot read further: {exc}"), None


def _read_positioned(
    file: InputFile, *, text_field: str, id_field: str | None, max_chars: int
) -> Iterator[tuple[Record | ErrorRecord, int | None]]:
    if file.kind == "jsonl":
        return _read_jsonl(file, text_field=text_field, id_field=id_field, max_chars=max_chars)
    return _read_txt(file, max_chars=max_chars)


def read_file(
    file: InputFile,
    *,
    text_field: str = "text",
    id_field: str | None = None,
    max_chars: int = 1_000_000,
) -> Iterator[Record | ErrorRecord]:
    """Yield the records of one input file (error records for the bad ones)."""
    positioned = _read_positioned(
        file, text_field=text_field, id_field=id_field, max_chars=max_chars
    )
    return (record for record, _ in positioned)


def iter_positioned(
    files: Sequence[InputFile],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    max_chars: int = 1_000_000,
) -> Iterator[tuple[Record | ErrorRecord, tuple[int, int | None]]]:
    """Like :func:`iter_records`, with where each record ends: ``(file index, offset)``.

    ``offset`` is the byte offset in the file's (decompressed) stream just past the record,
    or ``None`` when the record takes the rest of the file.
    """
    for index, file in enumerate(files):
        positioned = _read_positioned(
            file, text_field=text_field, id_field=id_field, max_chars=max_chars
        )
        for record, end in positioned:
            yield record, (index, end)


def iter_records(
    files: Sequence[InputFile],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    max_chars: int = 1_000_000,
) -> Iterator[Record | ErrorRecord]:
    """Yield every record of ``files`` in order: :class:`Record` or :class:`ErrorRecord`."""
    for file in files:
        yield from read_file(file, text_field=text_field, id_field=id_field, max_chars=max_chars)


def count_records(files: Sequence[InputFile]) -> int | None:
    """How many records ``files`` hold (for the progress bar), or ``None`` if unknown cheaply.

    Counting lines of an uncompressed JSONL file is a fast byte scan; gzipped JSONL is not
    counted.
    """
    total = 0
    for file in files:
        if file.kind == "txt":
            total += 1
        elif file.gzipped:
            return None
        else:
            total += _count_lines(file.path)
    return total


def _count_lines(path: Path) -> int:
    """Lines as :func:`split_lines` sees them (``\r\n``, ``\n`` and a lone ``\r`` end one)."""
    lines = 0
    last = b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(_READ_SIZE):
            lines += chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
            if last == b"\r" and chunk.startswith(b"\n"):
                lines -= 1  # a \r\n split between two chunks
            last = chunk[-1:]
    return lines + (0 if last in (b"\n", b"\r") else 1)
