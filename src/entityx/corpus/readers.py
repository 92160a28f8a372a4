"""Read a corpus: ``.txt`` files, directories, ``.jsonl`` and ``.jsonl.gz`` files.

Readers never raise on a bad record: they yield an :class:`ErrorRecord` (source file, line
number, reason) in its place, so a broken line is reported, counted and never silently
dropped. Only an input *path* that cannot be read at all raises, and :func:`resolve_inputs`
checks every path before any work starts.

The sequence of records (good and bad) depends only on the inputs and the reader settings,
which is what makes ``--resume`` possible: a resumed run skips the first *n* records.
"""

from __future__ import annotations

import gzip
import json
import os
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
    "iter_records",
    "read_file",
    "resolve_inputs",
]

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


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
        return json.dumps(
            {"source": self.source, "line": self.line, "id": self.id, "reason": self.reason},
            ensure_ascii=False,
        )


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
    return data.count(b"\n", 0, offset) + 1


def _read_txt(file: InputFile, *, max_chars: int) -> Iterator[Record | ErrorRecord]:
    source = file.name
    try:
        if not file.gzipped and file.path.stat().st_size > 4 * max_chars + 4:
            # Even at 4 bytes per character this is over the limit: don't read it into memory.
            yield ErrorRecord(source, None, f"text is over --max-chars {max_chars}", id=source)
            return
        opener = gzip.open if file.gzipped else open
        with opener(file.path, "rb") as handle:
            data = handle.read()
    except (OSError, EOFError, zlib.error) as exc:
        yield ErrorRecord(source, None, f"cannot read file: {exc}", id=source)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        yield ErrorRecord(
            source, line, f"invalid UTF-8 at byte {exc.start} (line {line})", id=source
        )
        return
    yield _checked(Record(id=source, text=text, source=source, line=None), max_chars=max_chars)


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
            doc_id = value
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
    return _checked(Record(id=doc_id, text=text, source=source, line=line), max_chars=max_chars)


def _read_jsonl(
    file: InputFile, *, text_field: str, id_field: str | None, max_chars: int
) -> Iterator[Record | ErrorRecord]:
    source = file.name
    line = 0
    try:
        handle: IO[bytes] = (
            gzip.open(file.path, "rb") if file.gzipped else open(file.path, "rb")  # type: ignore[assignment]  # noqa: SIM115
        )
        with handle:
            for line, raw in enumerate(handle, start=1):
                yield _jsonl_record(
                    raw.rstrip(b"\r\n"),
                    source=source,
                    line=line,
                    text_field=text_field,
                    id_field=id_field,
                    max_chars=max_chars,
                )
    except (OSError, EOFError, zlib.error) as exc:
        # A truncated or corrupt gzip stream, or an I/O error mid-file: report where it stopped.
        yield ErrorRecord(source, line + 1, f"cannot read further: {exc}")


def read_file(
    file: InputFile,
    *,
    text_field: str = "text",
    id_field: str | None = None,
    max_chars: int = 1_000_000,
) -> Iterator[Record | ErrorRecord]:
    """Yield the records of one input file (error records for the bad ones)."""
    if file.kind == "jsonl":
        return _read_jsonl(file, text_field=text_field, id_field=id_field, max_chars=max_chars)
    return _read_txt(file, max_chars=max_chars)


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
    lines = 0
    last = b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (0 if last == b"\n" else 1)
