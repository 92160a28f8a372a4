"""``entityx evaluate-resolver FILE``: the resolver's command, registered on the main CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .matching import DEFAULT_THRESHOLD

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add the ``evaluate-resolver`` command to ``app``.

    (Over 60 lines only by the command's option declarations, which typer reads from the
    signature.)
    """

    @app.command("evaluate-resolver")
    def evaluate_resolver(
        file: Annotated[Path, typer.Argument(help="A resolve_*.jsonl file (one entity a line).")],
        kb: Annotated[
            Path | None, typer.Option("--kb", help="User knowledge base (JSONL).")
        ] = None,
        no_gazetteer: Annotated[
            bool,
            typer.Option(
                "--no-kb",
                "--no-gazetteer",
                help="Without the bundled knowledge base: spelling and sound only.",
            ),
        ] = False,
        no_name_parts: Annotated[
            bool,
            typer.Option("--no-name-parts", help="Name without the bundled name-parts table."),
        ] = False,
        threshold: Annotated[
            float, typer.Option(help="Name similarity threshold (0-100).")
        ] = DEFAULT_THRESHOLD,
        as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
        show_errors: Annotated[bool, typer.Option("--errors", help="List wrong entities.")] = False,
    ) -> None:
        """Score cross-script resolution (exact-entity, B-cubed P/R/F) and naming."""
        from ..kbstore.store import open_kb
        from .cluster import Resolver
        from .evaluate import evaluate_file

        user_kb = open_kb(kb) if kb else None
        resolver = Resolver(
            kb=False if no_gazetteer and user_kb is None else user_kb,
            gazetteer=not no_gazetteer,
            name_parts=not no_name_parts,
            threshold=threshold,
        )
        scores = evaluate_file(file, resolver=resolver)
        if as_json:
            exclude = None if show_errors else {"errors", "naming_errors"}
            typer.echo(scores.model_dump_json(indent=2, exclude=exclude))
            return
        typer.echo(f"entities            {scores.entities}")
        typer.echo(f"forms               {scores.forms}")
        typer.echo(f"exact-entity acc.   {scores.exact_accuracy:.4f}")
        typer.echo(f"B-cubed precision   {scores.bcubed_precision:.4f}")
        typer.echo(f"B-cubed recall      {scores.bcubed_recall:.4f}")
        typer.echo(f"B-cubed F1          {scores.bcubed_f1:.4f}")
        typer.echo(f"naming ({scores.naming_lines:>4} lines) {scores.naming_accuracy:.4f}")
        if show_errors:
            for err in scores.errors:
                typer.echo(
                    f"  {err['id']}: {err['forms']} -> {err['clusters']}"
                    + (f" (merged with {err['merged_with']})" if err["merged_with"] else "")
                )
            for err in scores.naming_errors:
                typer.echo(
                    f"  named {err['id']}: {err['greek']} -> {err['got']} not {err['latin']}"
                )
