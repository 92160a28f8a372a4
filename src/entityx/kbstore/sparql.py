"""SPARQL 1.1 Query Results JSON (what query.wikidata.org returns) into :class:`KBRecord`.

The document is read incrementally: the ``results.bindings`` array is decoded one binding at
a time, so a result of any size is read in bounded memory. Variables understood (others are
ignored):

- ``item`` (required): the entity, a URI (``http://www.wikidata.org/entity/Q…``);
- ``class`` (a class URI, mapped with the class table) or ``type`` (a literal ``PERSON``,
  ``LOC``, ``ORG`` or ``MISC``): the label;
- ``label`` / ``itemLabel`` / ``name`` and ``alias`` / ``itemAltLabel``: names, as literals with
  ``xml:lang`` (kept for the chosen languages, or when untagged); the label service's
  ``itemAltLabel`` holds several aliases joined by ``", "``;
- ``sitelinks``: the prior; ``geonames``, ``iso``, ``viaf`` (literals) and ``website`` (URI):
  identifiers kept as ``same_as``; ``related``: a neighbouring item's URI.

Rows of one item may come one per name (the usual shape of such queries); they are merged.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO

from .dump import DEFAULT_LANGUAGES, IDENTIFIERS, WIKIDATA_ENTITY, display_name, keep_name
from .record import KBRecord, clean_name

__all__ = ["SparqlError", "iter_bindings", "sparql_records"]

_CHUNK = 1 << 20
_MAX_BINDING = 16 << 20
_RESULTS = re.compile(r'"results"\s*:\s*\{')
_BINDINGS = re.compile(r'"bindings"\s*:\s*\[')
_SKIP = re.compile(r"[\s,]*")
_ENTITY_URI = re.compile(r"^https?://www\.wikidata\.org/entity/(Q\d+)$")
_NAME_VARS = ("label", "itemLabel", "name")
_ALIAS_VARS = ("alias", "itemAltLabel")
_ID_VARS = {"geonames": "P1566", "iso": "P297", "viaf": "P214", "website": "P856"}
_TERM_TYPES = {"uri", "literal", "bnode", "typed-literal", "triple"}


class SparqlError(ValueError):
    """A binding (or the document) is malformed; the message is the reason."""


def iter_bindings(stream: IO[str]) -> Iterator[tuple[int, dict[str, object] | SparqlError]]:
    """(line, binding) for each binding of ``results.bindings``; a malformed one is a
    :class:`SparqlError`. A document that cannot be read on ends with one error."""
    reader = _Reader(stream)
    if not reader.seek(_RESULTS) or not reader.seek(_BINDINGS):
        yield reader.line, SparqlError("not SPARQL JSON results: no results.bindings array")
        return
    decoder = json.JSONDecoder()
    while True:
        reader.skip()
        if not reader.fill(1):
            yield reader.line, SparqlError("the bindings array is not closed (truncated file?)")
            return
        if reader.peek() == "]":
            return
        line = reader.line
        value = reader.decode(decoder)
        if isinstance(value, SparqlError):
            yield line, value
            return
        yield line, value if isinstance(value, dict) else SparqlError("a binding is not an object")


class _Reader:
    """A growing text buffer over a stream, counting the lines it has consumed."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.buf = ""
        self.pos = 0
        self.line = 1
        self.eof = False

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(_CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        return True

    def _advance(self, new_pos: int) -> None:
        self.line += self.buf.count("\n", self.pos, new_pos)
        self.pos = new_pos

    def fill(self, n: int) -> bool:
        while len(self.buf) - self.pos < n:
            if not self._more():
                return False
        return True

    def peek(self) -> str:
        return self.buf[self.pos]

    def seek(self, pattern: re.Pattern[str]) -> bool:
        while True:
            m = pattern.search(self.buf, self.pos)
            if m is not None:
                self._advance(m.end())
                return True
            # Keep a tail that may hold the start of a match cut by the chunk boundary.
            self._advance(max(self.pos, len(self.buf) - 64))
            if not self._more():
                return False

    def skip(self) -> None:
        while True:
            m = _SKIP.match(self.buf, self.pos)
            end = m.end() if m else self.pos
            self._advance(end)
            if end < len(self.buf) or not self._more():
                return

    def decode(self, decoder: json.JSONDecoder) -> object:
        while True:
            try:
                value, end = decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                # A binding cut by the buffer's end: read on (but no binding is this long).
                if len(self.buf) - self.pos < _MAX_BINDING and self._more():
                    continue
                return SparqlError(f"invalid JSON ({exc.msg}); the rest of the file is skipped")
            self._advance(end)
            return value


@dataclass
class _Item:
    id: str
    label: str | None = None
    names: list[tuple[str, str]] = field(default_factory=list)
    same_as: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    priority: float = 0.0


def _term(binding: Mapping[str, object], var: str) -> tuple[str, str, str | None] | None:
    """(type, value, language) of a variable's term, or None when unbound."""
    term = binding.get(var)
    if term is None:
        return None
    if not isinstance(term, dict) or not isinstance(term.get("value"), str):
        raise SparqlError(f"variable {var!r} is not a term object with a string 'value'")
    kind = term.get("type")
    if kind not in _TERM_TYPES:
        raise SparqlError(f"variable {var!r} has an unknown term type {kind!r}")
    lang = term.get("xml:lang")
    return str(kind), str(term["value"]), lang if isinstance(lang, str) else None


def _parse_row(
    binding: Mapping[str, object], classes: Mapping[str, str], languages: Sequence[str]
) -> _Item:
    item = _term(binding, "item")
    if item is None:
        raise SparqlError("no 'item' variable")
    if item[0] == "bnode":
        raise SparqlError("'item' is a blank node, not an entity")
    m = _ENTITY_URI.match(item[1])
    qid = m.group(1) if m else item[1]
    row = _Item(qid)
    row.same_as.append(WIKIDATA_ENTITY + qid if m else item[1])
    row.label = _row_label(binding, classes)
    for var in (*_NAME_VARS, *_ALIAS_VARS):
        term = _term(binding, var)
        if term is None or (term[2] is not None and term[2] not in languages):
            continue
        values = term[1].split(", ") if var == "itemAltLabel" else [term[1]]
        lang = term[2] or "en"
        for value in values:
            if value != qid:  # the label service falls back to the bare QID
                keep_name(row.names, lang, value)
    sitelinks = _term(binding, "sitelinks")
    if sitelinks is not None:
        try:
            count = float(sitelinks[1])
        except ValueError:
            count = math.nan
        if not math.isfinite(count) or count < 0:
            raise SparqlError(f"sitelinks {sitelinks[1]!r} is not a count")
        row.priority = count
    for var, prop in _ID_VARS.items():
        term = _term(binding, var)
        ident = clean_name(term[1]) if term is not None else None
        if ident is not None and " " not in ident:
            template = IDENTIFIERS[prop]
            row.same_as.append(ident if template is None else template.format(ident))
    related = _term(binding, "related")
    if related is not None:
        rel = _ENTITY_URI.match(related[1])
        row.related.append(rel.group(1) if rel else related[1])
    return row


def _row_label(binding: Mapping[str, object], classes: Mapping[str, str]) -> str | None:
    cls = _term(binding, "class")
    if cls is not None:
        m = _ENTITY_URI.match(cls[1])
        return classes.get(m.group(1) if m else cls[1])
    kind = _term(binding, "type")
    return kind[1].strip().upper() if kind is not None else None


def sparql_records(
    stream: IO[str],
    *,
    classes: Mapping[str, str],
    languages: Sequence[str] = DEFAULT_LANGUAGES,
) -> Iterator[tuple[int, KBRecord | str | None]]:
    """(line, record) per item of the results (rows of one item in a row are grouped);
    ``str``: why a binding was rejected; ``None``: an item of no kept class or no name."""
    current: _Item | None = None
    first_line = 0
    for line, binding in iter_bindings(stream):
        if isinstance(binding, SparqlError):
            yield line, str(binding)
            continue
        try:
            row = _parse_row(binding, classes, languages)
        except SparqlError as exc:
            yield line, str(exc)
            continue
        if current is not None and current.id == row.id:
            current.label = current.label or row.label
            current.names.extend(row.names)
            current.same_as.extend(row.same_as)
            current.related.extend(row.related)
            current.priority = max(current.priority, row.priority)
            continue
        if current is not None:
            yield first_line, _to_record(current, languages)
        current, first_line = row, line
    if current is not None:
        yield first_line, _to_record(current, languages)


def _to_record(item: _Item, languages: Sequence[str]) -> KBRecord | None:
    if item.label is None or not item.names:
        return None
    return KBRecord(
        id=item.id,
        name=display_name(item.names, languages),
        label=item.label,
        aliases=tuple(dict.fromkeys(n for _, n in item.names)),
        same_as=tuple(dict.fromkeys(item.same_as)),
        priority=item.priority,
        related=tuple(dict.fromkeys(item.related)),
    )
