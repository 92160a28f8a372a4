"""``entityx kb build|info|lookup``: the stored knowledge base's commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional, cast

import typer

__all__ = ["register"]

# typer needs Optional at runtime on Python 3.10, hence the noqa: UP045 below.

kb_app = typer.Typer(
    name="kb",
    help="Knowledge bases at Wikidata's scale: build one, inspect it, look a name up.",
    no_args_is_help=True,
)


@kb_app.command("build")
def build(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Wikidata JSON dumps (.json/.gz/.bz2), SPARQL JSON results, JSONL."),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The knowledge base to write.")],
    fmt: Annotated[
        str, typer.Option("--format", help="auto|wikidata-json|sparql-json|jsonl")
    ] = "auto",
    classes: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            help="P31 classes to keep, QID=LABEL,... (replaces the defaults; +QID=LABEL,... adds)."
        ),
    ] = None,
    subclasses: Annotated[
        bool,
        typer.Option(
            "--subclasses",
            help="Also keep items whose P31 is a subclass (P279) of a kept class, as the "
            "Wikidata JSON inputs state it: a first pass reads them all once more for their "
            "P279 statements. Off: direct P31 classes only.",
        ),
    ] = False,
    subclass_depth: Annotated[
        int,
        typer.Option(
            help="With --subclasses: how many P279 steps below a kept class count.", min=1
        ),
    ] = 3,  # classes.DEFAULT_SUBCLASS_DEPTH (a literal: the command line starts without numpy)
    languages: Annotated[
        str, typer.Option(help="Label languages to keep (Greek or Latin script names).")
    ] = "el,en,mul",
    errors: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="Errors file (default: OUT with .kb → .errors.jsonl)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Stream a Wikidata extract into a knowledge base that opens at once (SQLite)."""
    from ..errors import EntityxError
    from .build import FORMATS, InputFormat, build_kb

    if fmt not in FORMATS:
        raise EntityxError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    langs = tuple(lang.strip() for lang in languages.split(",") if lang.strip())
    summary = build_kb(
        inputs,
        output,
        format=cast("InputFormat", fmt),
        classes=classes,
        subclasses=subclasses,
        subclass_depth=subclass_depth,
        languages=langs,
        errors=errors,
        progress=not quiet,
    )
    typer.echo(summary.line(), err=True)


@kb_app.command("info")
def info(
    kb: Annotated[Path, typer.Argument(help="A knowledge base (stored or JSONL).")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """How many entries a knowledge base holds, and what it was built from."""
    from .store import StoredKnowledgeBase, open_kb

    opened = open_kb(kb)
    details: dict[str, object] = {"path": str(kb), "format": "jsonl"}
    if isinstance(opened, StoredKnowledgeBase):
        meta = opened.meta()
        details["format"] = "stored (SQLite)"
        details["sources"] = json.loads(meta.get("sources", "[]"))
        if "classes" in meta:  # KBs built before the P279 setting do not say
            details["classes"] = int(meta["classes"])
            details["subclass_depth"] = int(meta.get("subclass_depth", "0"))
    details["entries"] = len(opened)
    if as_json:
        typer.echo(json.dumps(details, indent=2, ensure_ascii=False))
        return
    for key, value in details.items():
        typer.echo(f"{key:>14}: {value}")


@kb_app.command("lookup")
def lookup(
    kb: Annotated[Path, typer.Argument(help="A knowledge base built by `entityx kb build`.")],
    name: Annotated[str, typer.Argument(help="A name, in any case or script.")],
    label: Annotated[str, typer.Option(help="PERSON, LOC, ORG or MISC.")] = "PERSON",
) -> None:
    """Every entry a name may refer to, best known first, as JSON lines."""
    from ..errors import EntityxError
    from .store import StoredKnowledgeBase, open_kb

    opened = open_kb(kb)
    if not isinstance(opened, StoredKnowledgeBase):
        raise EntityxError(f"{kb} is a JSONL knowledge base: build it with `entityx kb build`")
    found = opened.candidates(name, label.upper())
    if found is None:
        typer.echo(f"no entry is named {name!r} ({label.upper()})", err=True)
        raise typer.Exit(1)
    entries, kind = found
    for entry in entries:
        row = {**entry.model_dump(exclude_defaults=True), "match": kind}
        typer.echo(json.dumps(row, ensure_ascii=False))


def register(app: typer.Typer) -> None:
    """Add the ``kb`` command group to ``app``."""
    app.add_typer(kb_app, name="kb")
