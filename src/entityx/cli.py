"""The ``entityx`` command line: each command is a thin wrapper over a library function."""

from __future__ import annotations

import json
import sys
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, cast

import typer

from ._files import read_stdin, read_text
from .errors import EntityxError

if TYPE_CHECKING:
    from .exporters import ExportFormat

app = typer.Typer(
    name="entityx",
    help="People, places and organisations in Greek and English text, one entity per real thing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules that add their own commands with ``register(app)``; imported when the CLI starts,
# so each stays next to the library code it wraps.
_COMMAND_MODULES = (
    "entityx.resolution.cli",
    "entityx.corpus.cli",
    "entityx.exporters.cli",
    "entityx.kbstore.cli",
)

ModelOption = Annotated[
    Optional[str],  # noqa: UP045  typer needs Optional at runtime on 3.10
    typer.Option("--model", "-m", help="spaCy pipeline: package name or path (default: bundled)."),
]


def _read_input(file: str) -> str:
    # A file and standard input are read alike: UTF-8, a leading BOM dropped, line ends kept.
    return read_stdin() if file == "-" else read_text(file)


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="A UTF-8 text file, or - for standard input.")],
    model: ModelOption = None,
    kb: Annotated[Optional[Path], typer.Option(help="A JSONL or `entityx kb build` KB.")] = None,  # noqa: UP045
    as_json: Annotated[bool, typer.Option("--json", help="Print the Document as JSON.")] = False,
    fmt: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--format", help="Write a knowledge-graph format (see `entityx export`)."),
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Where --format writes.")  # noqa: UP045
    ] = None,
) -> None:
    """Find the people, places and organisations in one text and their canonical entities."""
    from .api import load

    text = _read_input(file)
    document = load(model, kb=kb).extract(text, doc_id=None if file == "-" else file)
    if fmt is not None:
        from .exporters import FORMATS, write_document

        if fmt not in FORMATS:
            raise EntityxError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
        target = output if output is not None else sys.stdout
        write_document(document, format=cast("ExportFormat", fmt), out=target)
        return
    if as_json:
        typer.echo(document.model_dump_json(indent=2))
        return
    _print_table(document)


def _print_table(document: object) -> None:
    from rich.console import Console
    from rich.table import Table

    from .models import Document

    assert isinstance(document, Document)
    console = Console()
    table = Table(title=f"{len(document.entities)} entities, {len(document.mentions)} mentions")
    for column in ("entity", "label", "mentions", "aliases", "id"):
        table.add_column(column)
    for entity in document.entities:
        table.add_row(
            entity.name,
            entity.label,
            str(entity.mention_count),
            " | ".join(entity.aliases),
            entity.id,
        )
    console.print(table)


@app.command()
def schema() -> None:
    """Print the JSON schema of the Document that extract --json and tag produce."""
    from .models import Document

    typer.echo(json.dumps(Document.model_json_schema(), indent=2, ensure_ascii=False))


@app.command()
def info(
    model: ModelOption = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Show the pipeline: name, version, labels and their mapping, licence, where it loads from."""
    from .api import load

    details = load(model).info()
    if as_json:
        typer.echo(json.dumps(details, indent=2, ensure_ascii=False))
        return
    for key, value in details.items():
        typer.echo(f"{key:>18}: {value}")


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="IOB/IOB2 file, spaCy DocBin, JSON or JSONL.")],
    model: ModelOption = None,
    labels: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Comma-separated labels to score (default: all in the gold)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Score NER against gold annotation: per-label and micro P/R/F, and words/second."""
    from .evaluate import evaluate_file

    report = evaluate_file(
        gold, model=model, labels=None if labels is None else tuple(labels.split(","))
    )
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    typer.echo(report.as_table())


_registered = False


def _register_commands() -> None:
    """Add the commands of :data:`_COMMAND_MODULES` to :data:`app`, once per process.

    Not at import time (``import entityx.cli`` stays cheap), but idempotent: typer would list
    a command registered twice twice, and ``main()`` may be called more than once.
    """
    global _registered
    if _registered:
        return
    for module in _COMMAND_MODULES:
        import_module(module).register(app)
    _registered = True


def main() -> None:
    """Console-script entry point: clear one-line errors instead of tracebacks.

    A mistake the user can fix (a bad argument, a missing or unwritable file, a model that
    cannot load, a full disk) is an :class:`~entityx.errors.EntityxError` wherever it is
    found, and ends here as one line on stderr and status 2. Anything else is a bug in
    entityx and keeps its traceback, so that it can be reported and fixed; usage errors,
    Ctrl-C and a closed pipe are handled by click as usual.
    """
    _register_commands()
    try:
        app()
    except EntityxError as exc:
        typer.echo(f"entityx: error: {exc}", err=True)
        raise SystemExit(2) from None
