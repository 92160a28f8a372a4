"""Export tagged documents as knowledge-graph input: JSON-LD, Turtle, N-Triples, NIF, Neo4j
CSV and GraphML.

>>> from entityx.exporters import export
>>> export("corpus.tagged.jsonl", format="turtle", out="corpus.ttl")  # doctest: +SKIP

Everything streams: documents are read one at a time and only the merged entities and the
co-occurrence counts are kept, so a corpus of any size exports in bounded memory.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal, Union, get_args

from ..errors import EntityxError, InputError, OutputError
from ..models import Document
from ._source import DocumentSource, iter_documents
from .graph import CorpusGraph, DocumentSummary, EntityLookup
from .rdf import (
    DocTriples,
    RdfFormat,
    RdfWriter,
    Uris,
    document_triples,
    invalid_links,
    write_rdf,
)

if TYPE_CHECKING:
    from ..registry import Registry

__all__ = ["FORMATS", "ExportFormat", "ExportResult", "export", "write_document"]

ExportFormat = Literal["jsonld", "turtle", "ntriples", "nif", "neo4j", "graphml"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)
DEFAULT_BASE_URI = "https://entityx.example.org/"

Target = Union[str, "os.PathLike[str]", IO[str]]


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    format: str
    documents: int
    mentions: int
    entities: int
    cooccurrences: int
    out: str  # the path written, or "<stream>"
    #: sameAs / KB-id values meant as IRIs (``scheme://...``) that no repair makes valid
    #: (no scheme, a port that is not a number, a lone surrogate): left out of the export.
    dropped_links: int = 0


def _open_registry(registry: str | os.PathLike[str]) -> Registry:
    try:
        from ..registry import Registry
    except ImportError:  # pragma: no cover - the registry ships with entityx
        raise EntityxError(
            f"--registry {os.fspath(registry)}: this entityx has no entity registry; "
            "export without --registry (entities are then merged from the documents)."
        ) from None
    if not Path(registry).is_file():
        raise InputError(
            f"{os.fspath(registry)}: no such registry file; pass the --registry file used "
            "when tagging, or leave --registry out."
        )
    return Registry(registry, create=False)


@contextlib.contextmanager
def _text_target(out: Target) -> Iterator[IO[str]]:
    """Yield a text stream; a path is written via a temporary file renamed on success."""
    if not isinstance(out, (str, os.PathLike)):
        if not callable(getattr(out, "write", None)):
            raise InputError(f"out must be a path or a writable text stream, not {out!r}.")
        yield out
        return
    path = Path(out)
    if path.is_dir():
        raise InputError(f"{path}: is a directory; this format writes one file.")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); the export gets the mode a file opened the
        # usual way would have (what it replaces keeps its own).
        os.chmod(tmp, _mode_of(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_of(path: Path) -> int:
    """The permission bits of ``path`` if it exists, else 0666 less the process's umask."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(path.stat().st_mode)
    return 0o666 & ~_umask()


def _umask() -> int:
    # Read, not set: os.umask() can only be read by changing it, for every thread at once.
    with contextlib.suppress(OSError, ValueError, StopIteration):
        status = Path("/proc/self/status").read_text(encoding="ascii")
        return int(
            next(line for line in status.splitlines() if line.startswith("Umask:")).split()[1], 8
        )
    return 0o022


def export(
    documents: DocumentSource,
    *,
    format: ExportFormat,
    out: Target,
    base_uri: str = DEFAULT_BASE_URI,
    registry: EntityLookup | str | os.PathLike[str] | None = None,
    batch_size: int = 1000,
) -> ExportResult:
    """Export tagged documents for a knowledge graph.

    ``documents``: an iterable of :class:`~entityx.models.Document` or the path of a tagged
    JSONL(.gz) corpus. ``format``: one of :data:`FORMATS`. ``out``: a file path or a writable
    text stream; for ``neo4j`` a directory path. ``base_uri``: where entity, document and edge
    IRIs live. ``registry``: an object with ``get(entity_id) -> Entity | None`` or the path of
    an entityx registry; its descriptions of entities win over the documents'.
    """
    if format not in FORMATS:
        raise InputError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}.")
    if batch_size < 1:
        raise InputError(f"batch_size must be at least 1, got {batch_size}.")
    uris = Uris(base_uri)
    if format == "nif" and "#" in uris.base:
        raise InputError(
            f"base_uri {base_uri!r} holds a '#': NIF puts the offsets of a string in the "
            "fragment (<document>#char=0,10), so pass a base ending in '/'."
        )
    with contextlib.ExitStack() as stack:
        lookup: EntityLookup | None = None
        if isinstance(registry, (str, os.PathLike)):
            lookup = stack.enter_context(_open_registry(registry))
        elif registry is not None:
            lookup = registry
        try:
            return _export(
                documents, format=format, out=out, uris=uris, lookup=lookup, batch_size=batch_size
            )
        except OSError as exc:
            if isinstance(exc, EntityxError):
                raise
            # A path that cannot be written (no such folder, no permission, a full disk) is
            # the user's to fix: say so in one line instead of a traceback.
            where = os.fspath(out) if isinstance(out, (str, os.PathLike)) else "the output"
            raise OutputError(
                f"cannot export to {where}: {exc.strerror or exc}; pass a path in a writable "
                "folder (or free disk space)"
            ) from exc


def _export(
    documents: DocumentSource,
    *,
    format: ExportFormat,
    out: Target,
    uris: Uris,
    lookup: EntityLookup | None,
    batch_size: int,
) -> ExportResult:
    corpus = CorpusGraph()

    def summaries() -> Iterator[DocumentSummary]:
        for _where, doc in iter_documents(documents):
            yield corpus.add(doc)

    def finish() -> None:
        if lookup is not None:
            corpus.apply_registry(lookup)

    written = "<stream>" if not isinstance(out, (str, os.PathLike)) else os.fspath(out)
    if format == "neo4j":
        _export_neo4j(summaries(), corpus, out=out, uris=uris, finish=finish)
    elif format == "graphml":
        from .graphml import write_graphml

        for _ in summaries():
            pass
        finish()
        with _text_target(out) as fh:
            write_graphml(corpus, fh, uris=uris)
    else:
        with _text_target(out) as fh:
            from .nif import nif_document_triples

            nif = format == "nif"
            doc_triples: DocTriples = nif_document_triples if nif else document_triples
            rdf_format: RdfFormat = "turtle" if format == "nif" else format
            write_rdf(
                summaries(),
                corpus,
                writer=RdfWriter(fh, format=rdf_format),
                uris=uris,
                batch_size=batch_size,
                finish=finish,
                edges=not nif,
                doc_triples=doc_triples,
            )
    return ExportResult(
        format=format,
        documents=corpus.document_count,
        mentions=corpus.mention_count,
        entities=len(corpus.entities),
        cooccurrences=corpus.pair_count,
        out=written,
        dropped_links=sum(len(invalid_links(rec)) for rec in corpus.entities.values()),
    )


def _export_neo4j(
    summaries: Iterator[DocumentSummary],
    corpus: CorpusGraph,
    *,
    out: Target,
    uris: Uris,
    finish: Callable[[], None],
) -> None:
    from .neo4j import FILES, write_neo4j

    if not isinstance(out, (str, os.PathLike)):
        raise InputError("the neo4j format writes a directory of CSV files: pass out=<dir path>.")
    target = Path(out)
    if target.exists() and not target.is_dir():
        raise InputError(f"{target}: the neo4j format writes a directory, and this is a file.")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    try:

        def docs() -> Iterator[DocumentSummary]:
            yield from summaries
            finish()

        write_neo4j(docs(), corpus, out=tmp, uris=uris)
        target.mkdir(exist_ok=True)
        for name in (*FILES.values(), "import.sh"):
            os.replace(tmp / name, target / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_document(
    document: Document,
    *,
    format: ExportFormat,
    out: Target | None = None,
    base_uri: str = DEFAULT_BASE_URI,
) -> ExportResult:
    """Export one document (for ``entityx extract FILE --format ...``); stdout by default."""
    return export(
        [document], format=format, out=sys.stdout if out is None else out, base_uri=base_uri
    )
