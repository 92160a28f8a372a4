"""``entityx tag`` and ``entityx entities``: thin wrappers over tag_corpus and Registry."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

__all__ = ["register"]

# typer needs Optional at runtime on Python 3.10, hence the noqa: UP045 below.


def tag(
    inputs: Annotated[
        list[Path],
        typer.Argument(help=".txt files, directories (see --glob), .jsonl or .jsonl.gz files."),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Output JSONL (one Document per line), or -.")
    ],
    errors: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            help="Errors file (default: OUT with .jsonl → .errors.jsonl; needed with -o -)."
        ),
    ] = None,
    text_field: Annotated[str, typer.Option(help="JSONL field holding the text.")] = "text",
    id_field: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="JSONL field holding the document id (default: FILE:LINE)."),
    ] = None,
    glob: Annotated[str, typer.Option(help="Files to take from directories.")] = "**/*.txt",
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--model", "-m", help="spaCy pipeline: package name or path (default: bundled)."
        ),
    ] = None,
    kb: Annotated[Optional[Path], typer.Option(help="A JSONL knowledge base.")] = None,  # noqa: UP045
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch/commit.")] = 64,
    registry: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="SQLite entity registry shared across documents and runs."),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted run (same args).")
    ] = False,
    overwrite: Annotated[
        bool,
        typer.Option("--overwrite", help="Replace an output (or errors file) that holds data."),
    ] = False,
    max_chars: Annotated[
        int, typer.Option(min=1, help="Longer documents go to the errors file.")
    ] = 1_000_000,
    no_text: Annotated[
        bool, typer.Option("--no-text", help="Leave the text out of the output.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit with status 1 if any record failed.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")
    ] = False,
    backend: Annotated[str, typer.Option(help="local (processes) or dask.")] = "local",
    scheduler: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Dask scheduler address (default: a LocalCluster of --workers)."),
    ] = None,
) -> None:
    """Tag a corpus: one Document JSON line per input document; bad records to an errors file.

    (Longer than 60 lines only by its option declarations, which typer reads from the
    signature; the body hands them to ``tag_corpus`` and reports.)
    """
    from .tag import plural, tag_corpus

    try:
        summary = tag_corpus(
            inputs,
            output=output,
            errors=errors,
            text_field=text_field,
            id_field=id_field,
            glob=glob,
            model=model,
            kb=kb,
            workers=workers,
            batch_size=batch_size,
            registry=registry,
            resume=resume,
            overwrite=overwrite,
            max_chars=max_chars,
            no_text=no_text,
            strict=False,
            progress=not quiet,
            backend=backend,
            scheduler=scheduler,
        )
    except KeyboardInterrupt:
        typer.echo("entityx: interrupted; rerun the same command with --resume", err=True)
        raise typer.Exit(130) from None
    if not quiet:
        typer.echo(f"entityx tag: {summary}", err=True)
    if strict and summary.errors:
        typer.echo(f"entityx: {plural(summary.errors, 'record')} failed (--strict)", err=True)
        raise typer.Exit(1)


def entities(
    registry: Annotated[Path, typer.Argument(help="A registry written by tag --registry.")],
    search: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="A name in any script or inflection (Λαβρόφ finds Lavrov)."),
    ] = None,
    label: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="PERSON, LOC, ORG or MISC."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many entities.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one entity each.")] = False,
) -> None:
    """List the registry's entities (most mentioned first), or search them by name."""
    from ..registry import Registry

    with Registry(registry, create=False) as reg:
        if search is not None:
            found = reg.search(search, label=label, limit=limit)
        else:
            found = reg.entities(label=label, limit=limit)
    if as_json:
        for entity in found:
            sys.stdout.write(json.dumps(entity.model_dump(), ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    from .tag import plural

    table = Table(title=plural(len(found), "entity"))
    columns = ("id", "name", "label", "mentions", "docs", "aliases", "kb id / same as", "last seen")
    for column in columns:
        table.add_column(column)
    for e in found:
        table.add_row(
            e.id,
            e.name,
            e.label,
            str(e.mention_count),
            str(e.document_count),
            " | ".join(e.aliases[:6]) + (" …" if len(e.aliases) > 6 else ""),
            " ".join(x for x in (e.kb_id, *e.same_as) if x),
            e.last_seen or "",
        )
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add ``tag`` and ``entities`` to the ``entityx`` command line."""
    app.command("tag")(tag)
    app.command("entities")(entities)
