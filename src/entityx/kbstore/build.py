"""``entityx kb build``: stream Wikidata dumps, SPARQL results and JSONL into a stored KB.

Memory stays bounded: records are read one at a time and written straight to SQLite; only the
current line (or SPARQL binding) is held. Bad records never stop a build: each goes to the
errors file as ``{"source", "line", "id", "reason"}``, as with ``entityx tag``.

With ``subclasses`` the Wikidata JSON inputs are read twice: a first pass collects their
``P279`` statements and widens the class table with the subclasses of its classes
(:mod:`.classes`); the second builds the KB against the widened table.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import re
import time
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from pydantic import ValidationError

from ..errors import KnowledgeBaseError, OutputError
from ..resolution.kb import KBEntry
from .classes import DEFAULT_SUBCLASS_DEPTH, SubclassGraph
from .dump import DEFAULT_LANGUAGES, EntityError, class_label, entity_record, parse_classes
from .record import BuildError, KBRecord
from .sparql import sparql_records
from .writer import KBWriter

__all__ = ["FORMATS", "BuildSummary", "build_kb", "detect_format", "errors_path_for"]

InputFormat = Literal["auto", "wikidata-json", "sparql-json", "jsonl"]
FORMATS: tuple[str, ...] = ("auto", "wikidata-json", "sparql-json", "jsonl")

_SNIFF_BYTES = 1 << 16
_SPARQL_START = re.compile(rb'^\s*\{\s*"(head|results)"\s*:')


@dataclass
class BuildSummary:
    """What a build did."""

    output: str
    errors_file: str
    entries: int = 0
    errors: int = 0
    skipped: int = 0  # well-formed records that are not a kept item (class, names)
    seconds: float = 0.0
    formats: dict[str, str] = field(default_factory=dict)
    classes: int = 0  # the classes items were kept by (the table, plus any subclasses)
    subclasses: int | None = None  # classes the P279 pass added; None: the pass was off

    def line(self) -> str:
        widened = ""
        if self.subclasses is not None:
            table = self.classes - self.subclasses
            widened = f"; {self.subclasses:,} subclasses (P279) added to {table:,} classes"
        return (
            f"{self.entries:,} entries in {self.output} ({self.seconds:.1f} s); "
            f"{self.skipped:,} records skipped (no kept class or name); "
            f"{self.errors:,} errors" + (f" (see {self.errors_file})" if self.errors else "")
        ) + widened


def errors_path_for(output: str | Path) -> Path:
    """``wikidata.kb`` → ``wikidata.errors.jsonl``."""
    out = Path(output)
    stem = out.name[: -len(".kb")] if out.name.endswith(".kb") else out.name
    return out.with_name(stem + ".errors.jsonl")


def _open_binary(path: Path, raw: IO[bytes]) -> IO[bytes]:
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    if name.endswith(".bz2"):
        return bz2.BZ2File(raw)
    return raw


def detect_format(path: str | Path) -> str:
    """``wikidata-json``, ``sparql-json`` or ``jsonl``, from the name and the first bytes."""
    path = Path(path)
    with open(path, "rb") as raw, _open_binary(path, raw) as fh:
        head = b""
        try:
            while len(head) < _SNIFF_BYTES and (chunk := fh.read(4096)):
                head += chunk
        except (OSError, EOFError, zlib.error) as exc:
            if not head:  # a damaged file is reported while it is read, not here
                raise KnowledgeBaseError(f"{path}: cannot read ({exc})") from exc
    if _SPARQL_START.match(head):
        return "sparql-json"
    stripped = head.lstrip()
    if stripped.startswith(b"["):
        return "wikidata-json"
    first = stripped.split(b"\n", 1)[0]
    if b'"claims"' in first or b'"sitelinks"' in first or b'"type":"item"' in first:
        return "wikidata-json"
    return "jsonl"


class _Progress:
    """A byte progress bar over the compressed input (tqdm; none when quiet)."""

    def __init__(self, raw: IO[bytes], total: int, desc: str, *, enabled: bool) -> None:
        self.raw = raw
        self.done = 0
        self.bar: Any = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="B", unit_scale=True, desc=desc, leave=False)

    def tick(self) -> None:
        if self.bar is not None:
            pos = self.raw.tell()
            self.bar.update(pos - self.done)
            self.done = pos

    def close(self) -> None:
        if self.bar is not None:
            self.tick()
            self.bar.close()


@contextmanager
def _reading(
    path: Path, *, progress: bool, desc: str = ""
) -> Iterator[tuple[IO[bytes], _Progress]]:
    with open(path, "rb") as raw, _open_binary(path, raw) as fh:
        bar = _Progress(raw, path.stat().st_size, desc + path.name, enabled=progress)
        try:
            yield fh, bar
        finally:
            bar.close()


Item = tuple[int, KBRecord | str | None, str | None]  # line, record | error reason | skipped, id


def _lines(fh: IO[bytes], bar: _Progress) -> Iterator[tuple[int, bytes]]:
    lineno = 0
    try:
        for lineno, line in enumerate(fh, start=1):
            if lineno % 1000 == 0:
                bar.tick()
            yield lineno, line
    except (OSError, EOFError, zlib.error) as exc:
        raise _Truncated(lineno + 1, f"the file cannot be read past here ({exc})") from exc


class _Truncated(Exception):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


def _json_value(line: bytes) -> tuple[Any, str | None]:
    """The JSON value of one input line, or what is wrong with the line."""
    try:
        return json.loads(line), None
    except UnicodeDecodeError:
        return None, "invalid UTF-8"
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON ({exc.msg}, column {exc.colno})"


def _wikidata_items(
    fh: IO[bytes], bar: _Progress, source: str, classes: Mapping[str, str], langs: Sequence[str]
) -> Iterator[Item]:
    for lineno, raw_line in _lines(fh, bar):
        line = raw_line.strip()
        if line.endswith(b","):
            line = line[:-1].rstrip()
        if not line or line in (b"[", b"]"):
            continue
        entity, problem = _json_value(line)
        if problem is not None:
            yield lineno, problem, None
            continue
        qid = entity.get("id") if isinstance(entity, dict) else None
        qid = qid if isinstance(qid, str) else None
        try:
            yield lineno, entity_record(entity, classes=classes, languages=langs), qid
        except EntityError as exc:
            yield lineno, str(exc), qid


def _jsonl_items(fh: IO[bytes], bar: _Progress, source: str) -> Iterator[Item]:
    for lineno, raw_line in _lines(fh, bar):
        line = raw_line.strip()
        if not line or line.startswith(b"#"):
            continue
        obj, problem = _json_value(line)
        if problem is not None:
            yield lineno, problem, None
            continue
        if not isinstance(obj, dict):
            yield lineno, "expected a JSON object", None
            continue
        entry_id = obj.get("id") if isinstance(obj.get("id"), str) else None
        related = obj.pop("related", [])
        if not isinstance(related, list) or not all(isinstance(r, str) for r in related):
            yield lineno, "field 'related': must be a list of entry ids", entry_id
            continue
        try:
            entry = KBEntry.model_validate(obj)
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = ".".join(str(p) for p in err["loc"]) or "<entry>"
            yield lineno, f"field {loc!r}: {err['msg']}", entry_id
            continue
        yield lineno, _from_entry(entry, related), entry.id


def _from_entry(entry: KBEntry, related: list[str]) -> KBRecord:
    return KBRecord(
        id=entry.id,
        name=entry.name,
        label=entry.label,
        aliases=entry.aliases,
        same_as=entry.same_as,
        priority=entry.priority,
        related=tuple(related),
    )


def _sparql_items(
    fh: IO[bytes], bar: _Progress, classes: Mapping[str, str], langs: Sequence[str]
) -> Iterator[Item]:
    text = io.TextIOWrapper(fh, encoding="utf-8", errors="strict")
    try:
        for n, (line, rec) in enumerate(sparql_records(text, classes=classes, languages=langs)):
            if n % 1000 == 0:
                bar.tick()
            yield line, rec, rec.id if isinstance(rec, KBRecord) else None
    except UnicodeDecodeError as exc:
        reason = f"invalid UTF-8 ({exc.reason}); the rest of the file is skipped"
        raise _Truncated(0, reason) from exc
    except (OSError, EOFError, zlib.error) as exc:
        raise _Truncated(0, f"the file cannot be read past here ({exc})") from exc


def build_kb(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    format: InputFormat = "auto",
    classes: str | Mapping[str, str] | None = None,
    subclasses: bool = False,
    subclass_depth: int = DEFAULT_SUBCLASS_DEPTH,
    languages: Sequence[str] = DEFAULT_LANGUAGES,
    errors: str | Path | None = None,
    progress: bool = False,
) -> BuildSummary:
    """Build a stored knowledge base at ``output`` from ``inputs``; see the module docstring.

    ``classes``: the P31 class → label table (a mapping, or the ``Q5=PERSON,...`` syntax of
    :func:`~entityx.kbstore.dump.parse_classes`); ``subclasses``: also keep items whose P31 is
    a subclass (P279, at most ``subclass_depth`` steps down, as the Wikidata JSON inputs state
    it) of a class of the table; ``languages``: label languages to keep.
    The first record of an id wins; later ones are reported (SPARQL rows of one item merge).
    """
    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.is_file():
            raise KnowledgeBaseError(f"input {path} is not a readable file")
    table = _class_table(classes)
    if subclasses and subclass_depth < 1:
        raise KnowledgeBaseError(
            f"--subclass-depth {subclass_depth}: give 1 or more P279 steps (default "
            f"{DEFAULT_SUBCLASS_DEPTH}), or leave --subclasses off"
        )
    errors_path = Path(errors) if errors is not None else errors_path_for(output)
    summary = BuildSummary(output=str(output), errors_file=str(errors_path))
    started = time.perf_counter()
    for path in paths:
        summary.formats[str(path)] = detect_format(path) if format == "auto" else format
    if subclasses:
        widened = _widen_classes(paths, summary.formats, table, subclass_depth, progress)
        summary.subclasses = len(widened) - len(table)
        table = widened
    summary.classes = len(table)
    try:
        err_out = open(errors_path, "w", encoding="utf-8")  # noqa: SIM115  closed below
    except OSError as exc:
        raise OutputError(f"cannot write the errors file {errors_path}: {exc}") from exc
    with err_out, KBWriter(output) as writer:
        for path in paths:
            fmt = summary.formats[str(path)]
            _build_one(path, fmt, writer, err_out, summary, table, languages, progress)
        meta = {
            "sources": json.dumps([str(p) for p in paths], ensure_ascii=False),
            "classes": str(len(table)),
            "subclass_depth": str(subclass_depth if subclasses else 0),
        }
        writer.close(meta=meta)
    summary.entries = writer.count
    summary.seconds = time.perf_counter() - started
    return summary


def _class_table(classes: str | Mapping[str, str] | None) -> dict[str, str]:
    """The P31 class table, its labels read strictly; a bad one fails before any work."""
    try:
        if isinstance(classes, Mapping):
            return {qid: class_label(qid, label) for qid, label in classes.items()}
        return parse_classes(classes)
    except ValueError as exc:
        raise KnowledgeBaseError(str(exc)) from exc


def _widen_classes(
    paths: Sequence[Path],
    formats: Mapping[str, str],
    table: Mapping[str, str],
    depth: int,
    progress: bool,
) -> dict[str, str]:
    """The first pass: the P279 edges of every Wikidata JSON input, then the closure."""
    graph = SubclassGraph()
    for path in paths:
        if formats[str(path)] != "wikidata-json":
            continue
        # A damaged file: the record pass reports where it stops.
        with _reading(path, progress=progress, desc="P279 ") as (fh, bar), suppress(_Truncated):
            graph.add_lines(line for _, line in _lines(fh, bar))
    return graph.closure(table, depth=depth)


def _build_one(
    path: Path,
    fmt: str,
    writer: KBWriter,
    err_out: IO[str],
    summary: BuildSummary,
    classes: Mapping[str, str],
    languages: Sequence[str],
    progress: bool,
) -> None:
    source = str(path)

    def report(line: int | None, reason: str, entry_id: str | None) -> None:
        BuildError(source, line, reason, entry_id).write(err_out)
        summary.errors += 1

    with _reading(path, progress=progress) as (fh, bar):
        if fmt == "wikidata-json":
            items = _wikidata_items(fh, bar, source, classes, languages)
        elif fmt == "sparql-json":
            items = _sparql_items(fh, bar, classes, languages)
        elif fmt == "jsonl":
            items = _jsonl_items(fh, bar, source)
        else:
            raise KnowledgeBaseError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
        try:
            for line, rec, entry_id in items:
                if rec is None:
                    summary.skipped += 1
                elif isinstance(rec, str):
                    report(line, rec, entry_id)
                elif (refused := writer.add(rec, merge=fmt == "sparql-json")) is not None:
                    report(line, refused, rec.id)
        except _Truncated as exc:
            report(exc.line or None, exc.reason, None)
