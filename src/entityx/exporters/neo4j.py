"""A directory of CSV files for ``neo4j-admin database import full`` (Neo4j 5 and later).

Files (each with its header on the first line)::

    entities.csv   entityId:ID(Entity), :LABEL, name, label, aliases:string[], sameAs:string[],
                   kbId, wikidata, linkScore:double, mentionCount:int, documentCount:int,
                   uri
    documents.csv  documentId:ID(Document), :LABEL, mentionCount:int, entityCount:int, uri
    mentions.csv   :START_ID(Document), :END_ID(Entity), :TYPE (MENTIONS), count:int
    cooccurs.csv   :START_ID(Entity), :END_ID(Entity), :TYPE (CO_OCCURS_WITH),
                   sentenceCount:int, documentCount:int
    import.sh      the exact import command for this directory

``wikidata`` is the entity's Wikidata concept URI (``http://www.wikidata.org/entity/Q…``, from
its KB id or ``sameAs``; empty: none), one value to match on in Cypher. ``sameAs`` holds every
link, Wikidata ones in that same canonical form. ``linkScore`` is the evidence for the KB id (a
double in [0, 1], ``Entity.link_score``; empty when the KB knew none of the names).

Quoting follows RFC 4180 (fields with ``,`` ``"`` CR or LF are quoted, ``"`` is doubled; a
backslash is an ordinary character).

Formula injection (OWASP "CSV Injection"): a spreadsheet that opens one of these files runs a
cell that starts with ``=``, ``+``, ``-``, ``@``, tab or CR as a formula. Every string value
that starts with one of those, or with ``'``, gets one ``'`` in front (each element of an
array value, too): ``=cmd|' /C calc'!A0`` is written ``'=cmd|' /C calc'!A0``. Ids are treated
alike everywhere, so relationships still meet their nodes; to get a value back, remove one
leading ``'`` from a value that has one (:func:`original_value`).

neo4j-admin cannot escape the array delimiter inside an array element, so the delimiter is
chosen after all entities are known: ``;`` unless some alias contains one, else the first of
``| ¦ § ‖ ␞`` that no element contains; ``import.sh`` passes the chosen ``--array-delimiter``
(and ``--multiline-fields=true`` when a value has a line break). Documents and MENTIONS rows
are streamed; entities and co-occurrences are written once the corpus has been read.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from ..errors import InputError
from .graph import CorpusGraph, DocumentSummary, EntityRecord
from .rdf import Uris, same_as_uris, wikidata_uri_of

__all__ = [
    "ARRAY_DELIMITER_CANDIDATES",
    "FILES",
    "HEADERS",
    "import_command",
    "neutralise_formula",
    "original_value",
    "write_neo4j",
]

ARRAY_DELIMITER_CANDIDATES = (";", "|", "\u00a6", "\u00a7", "\u2016", "\u241e")
LABEL_OF = {"PERSON": "Person", "LOC": "Place", "ORG": "Organization", "MISC": "Thing"}

FILES = {
    "entities": "entities.csv",
    "documents": "documents.csv",
    "mentions": "mentions.csv",
    "cooccurs": "cooccurs.csv",
}
HEADERS: dict[str, tuple[str, ...]] = {
    "entities": (
        "entityId:ID(Entity)",
        ":LABEL",
        "name",
        "label",
        "aliases:string[]",
        "sameAs:string[]",
        "kbId",
        "wikidata",
        "linkScore:double",
        "mentionCount:int",
        "documentCount:int",
        "uri",
    ),
    "documents": (
        "documentId:ID(Document)",
        ":LABEL",
        "mentionCount:int",
        "entityCount:int",
        "uri",
    ),
    "mentions": (":START_ID(Document)", ":END_ID(Entity)", ":TYPE", "count:int"),
    "cooccurs": (
        ":START_ID(Entity)",
        ":END_ID(Entity)",
        ":TYPE",
        "sentenceCount:int",
        "documentCount:int",
    ),
}

#: What a spreadsheet takes as the start of a formula (OWASP), and the escape mark itself.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")

Value = str | int | float | None | tuple[str, ...]  # a tuple: an array, joined with the delimiter


def neutralise_formula(value: str) -> str:
    """``value`` with a ``'`` in front when a spreadsheet would run it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def original_value(cell: str) -> str:
    """Undo :func:`neutralise_formula` (for readers of the CSV files)."""
    return cell[1:] if cell.startswith("'") else cell


def _field(value: Value, delimiter: str) -> str:
    if value is None:
        return ""  # an empty, unquoted field: no property
    if isinstance(value, (int, float)):
        return repr(value)  # a float's shortest exact form, as neo4j-admin parses doubles
    if isinstance(value, tuple):
        value = delimiter.join(neutralise_formula(v) for v in value)
    else:
        value = neutralise_formula(value)
    if value == "" or value != value.strip() or any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


class _CsvFile:
    def __init__(self, path: Path, header: Sequence[str], *, array_delimiter: str = ";") -> None:
        self.fh: IO[str] = path.open("w", encoding="utf-8", newline="")
        self.multiline = False
        self.delimiter = array_delimiter
        self.fh.write(",".join(header) + "\n")

    def row(self, values: Sequence[Value]) -> None:
        fields = [_field(v, self.delimiter) for v in values]
        line = ",".join(fields)
        if not self.multiline and ("\n" in line or "\r" in line):
            self.multiline = True
        self.fh.write(line + "\n")

    def close(self) -> None:
        self.fh.close()


def choose_array_delimiter(elements: Iterable[str]) -> str:
    """The first candidate delimiter that occurs in none of ``elements``."""
    used: set[str] = set()
    for el in elements:
        used.update(c for c in ARRAY_DELIMITER_CANDIDATES if c in el)
    for cand in ARRAY_DELIMITER_CANDIDATES:
        if cand not in used:
            return cand
    raise InputError(
        "every candidate array delimiter occurs in some alias; cannot write Neo4j arrays."
    )


def _delimiter_option(delim: str) -> str:
    return delim if delim.isascii() else f"U+{ord(delim):04X}"


def import_command(
    *, array_delimiter: str = ";", multiline: bool = False, database: str = "neo4j"
) -> list[str]:
    """The ``neo4j-admin`` argv that imports an export directory (run from inside it)."""
    argv = [
        "neo4j-admin",
        "database",
        "import",
        "full",
        f"--nodes={FILES['entities']}",
        f"--nodes={FILES['documents']}",
        f"--relationships={FILES['mentions']}",
        f"--relationships={FILES['cooccurs']}",
        f"--array-delimiter={_delimiter_option(array_delimiter)}",
        "--legacy-style-quoting=false",
    ]
    if multiline:
        argv.append("--multiline-fields=true")
    argv.append(database)
    return argv


def _entity_row(rec: EntityRecord, uris: Uris) -> list[Value]:
    aliases = [a for a in rec.aliases if a]
    same_as = same_as_uris(rec)
    return [
        rec.id,
        ("Entity", LABEL_OF.get(rec.label, "Thing")),
        rec.name,
        rec.label,
        tuple(aliases) if aliases else None,
        tuple(same_as) if same_as else None,
        rec.kb_id,
        wikidata_uri_of(rec),
        rec.link_score,
        rec.mention_count,
        rec.document_count,
        str(uris.entity(rec.id)),
    ]


def write_neo4j(
    documents: Iterable[DocumentSummary], corpus: CorpusGraph, *, out: Path, uris: Uris
) -> Path:
    """Write the CSV directory ``out`` (created if needed); returns the path of import.sh."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: the neo4j export writes a directory, and this is a file.")
    out.mkdir(parents=True, exist_ok=True)
    docs = _CsvFile(out / FILES["documents"], HEADERS["documents"])
    mentions = _CsvFile(out / FILES["mentions"], HEADERS["mentions"])
    try:
        for s in documents:
            uri = str(uris.document(s.key))
            docs.row([s.key, "Document", sum(s.counts.values()), len(s.counts), uri])
            for eid, n in s.counts.items():
                mentions.row([s.key, eid, "MENTIONS", n])
    finally:
        docs.close()
        mentions.close()
    delim = choose_array_delimiter(
        el for rec in corpus.entities.values() for el in (*rec.aliases, *same_as_uris(rec))
    )
    ents = _CsvFile(out / FILES["entities"], HEADERS["entities"], array_delimiter=delim)
    try:
        for rec in corpus.entities.values():
            ents.row(_entity_row(rec, uris))
    finally:
        ents.close()
    cooc = _CsvFile(out / FILES["cooccurs"], HEADERS["cooccurs"])
    try:
        for co in corpus.cooccurrences():
            cooc.row([co.source, co.target, "CO_OCCURS_WITH", co.sentence_count, co.document_count])
    finally:
        cooc.close()
    multiline = any(f.multiline for f in (docs, mentions, ents, cooc))
    argv = import_command(array_delimiter=delim, multiline=multiline)
    script = out / "import.sh"
    script.write_text(
        "#!/bin/sh\n"
        "# Import this directory into an empty Neo4j database: sh import.sh [DATABASE]\n"
        'cd "$(dirname "$0")" || exit 1\n'
        f'exec {shlex.join(argv[:-1])} "${{1:-{argv[-1]}}}"\n',
        encoding="utf-8",
    )
    return script
