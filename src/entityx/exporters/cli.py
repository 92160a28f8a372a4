"""``entityx export`` and ``entityx render``: thin wrappers over :func:`export` and
:func:`~entityx.exporters.render.render_html`."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .._counts import counts, plural
from ..errors import OutputError
from . import FORMATS

__all__ = ["register"]


# ``--format``'s choices, made from :data:`~entityx.exporters.FORMATS` (the values of the
# ``ExportFormat`` literal), so that a new format is added in one place. A functional Enum,
# because typer needs an Enum class at runtime; mypy sees a plain Enum.
if TYPE_CHECKING:
    Format = Enum
else:
    Format = Enum("Format", [(name, name) for name in FORMATS], type=str)


def export_command(
    tagged: Annotated[Path, typer.Argument(help="Tagged corpus: JSONL(.gz), one Document a line.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")],
    out: Annotated[
        str,
        typer.Option("--output", "-o", help="Output file (- for stdout); a directory for neo4j."),
    ],
    registry: Annotated[
        Optional[Path],  # noqa: UP045  typer needs Optional at runtime on 3.10
        typer.Option(help="Entity registry (SQLite) whose entity descriptions win."),
    ] = None,
    base_uri: Annotated[
        str, typer.Option("--base-uri", help="Base of entity and document URIs.")
    ] = "https://entityx.example.org/",
) -> None:
    """Export a tagged corpus as a knowledge graph: JSON-LD, Turtle, N-Triples, NIF 2.0,
    Neo4j import CSVs or GraphML (entities, document mentions, co-occurrence edges)."""
    from . import export

    target = sys.stdout if out == "-" else Path(out)
    result = export(tagged, format=fmt.value, out=target, base_uri=base_uri, registry=registry)
    counted = counts(
        (
            (result.documents, "document"),
            (result.mentions, "mention"),
            (result.entities, "entity"),
            (result.cooccurrences, "co-occurring pair"),
        )
    )
    typer.echo(f"{counted} -> {result.out} ({result.format})", err=True)
    if result.dropped_links:
        typer.echo(
            f"warning: {plural(result.dropped_links, 'sameAs value')} left out: not a valid "
            "IRI even after percent-encoding (fix them in the knowledge base or registry).",
            err=True,
        )
    if fmt.value == "neo4j":
        typer.echo(f"import with: sh {Path(out) / 'import.sh'} [DATABASE]", err=True)


def render_command(
    file: Annotated[
        Path, typer.Argument(help="A UTF-8 text file, or a Document .json from `extract --json`.")
    ],
    out: Annotated[Path, typer.Option("--output", "-o", help="The HTML page to write.")],
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--model", "-m", help="spaCy pipeline: package name or path."),
    ] = None,
    title: Annotated[Optional[str], typer.Option(help="Page title.")] = None,  # noqa: UP045
) -> None:
    """Draw one document as an offline HTML page: highlighted mentions with their canonical
    entities, and the list of entities with their aliases."""
    from .render import render_html, source_document

    document = source_document(file, model=model)
    page = render_html(document, title=title or file.name)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise OutputError(
            f"cannot write {out}: {exc.strerror or exc}; pass an -o path in a writable folder"
        ) from None
    mentions, entities = len(document.mentions), len(document.entities)
    typer.echo(f"{plural(mentions, 'mention')} of {plural(entities, 'entity')} -> {out}", err=True)


def register(app: typer.Typer) -> None:
    """Add ``export`` and ``render`` to the entityx command line."""
    app.command("export")(export_command)
    app.command("render")(render_command)
