from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from entityx.cli import _register_commands, app
from entityx.errors import OutputError

_register_commands()
runner = CliRunner()


def test_extract_json(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Ο Σεργκέι Λαβρόφ έφτασε στη Μόσχα.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["text"] == "Ο Σεργκέι Λαβρόφ έφτασε στη Μόσχα."
    assert data["id"] == str(path)


def test_extract_table_from_stdin() -> None:
    import entityx

    text = "Sergey Lavrov visited Pyongyang."
    result = runner.invoke(app, ["extract", "-"], input=text)
    assert result.exit_code == 0, result.output
    doc = entityx.extract(text)
    assert doc.entities, "the text has names in it"
    lines = result.stdout.splitlines()
    assert f"{len(doc.entities)} entities, {len(doc.mentions)} mentions" in lines[0]
    for entity in doc.entities:  # one row per entity: its name, label and mention count
        row = next((line for line in lines if f" {entity.name} " in line), None)
        assert row is not None, (entity.name, result.stdout)
        assert entity.label in row and f" {entity.mention_count} " in row
    assert any("Sergey Lavrov" in line and "PERSON" in line for line in lines)


def test_schema_is_the_document_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Document"
    assert {"mentions", "entities", "sentences", "schema_version"} <= set(schema["properties"])


def test_info_json() -> None:
    result = runner.invoke(app, ["info", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["license"] == "CC BY-NC-SA 4.0"
    assert set(info["labels"]) == {"PERSON", "LOC", "ORG", "MISC"}
    # The bundled pipeline predates some resolver settings: their defaults are in force.
    resolver = info["resolver"]
    assert resolver["relabel_from_kb"] is resolver["split_appositions"] is True
    assert resolver["harmonise_labels"] is True and resolver["gazetteer"] is True


def test_missing_file_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "entityx", "extract", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "no such file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_evaluate_command(tmp_path: Path) -> None:
    path = tmp_path / "g.iob2"
    path.write_text("Ο O\nΛαβρόφ B-PERSON\nείπε O\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 1
    assert report["micro"]["support"] == 1


def test_commands_are_registered_once_however_often_main_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from entityx import cli

    monkeypatch.setattr(sys, "argv", ["entityx", "schema"])
    before = len(app.registered_commands)
    for _ in range(2):
        with pytest.raises(SystemExit) as exit_info:
            cli.main()
        assert exit_info.value.code in (0, None)
    _register_commands()
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert len(app.registered_commands) == before
    assert len(names) == len(set(names)) and {"tag", "export", "entities"} <= set(names)


def test_an_unwritable_output_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from entityx import cli
    from entityx.models import Document

    doc = tmp_path / "doc.json"
    doc.write_text(Document(text="Obama.").model_dump_json(), encoding="utf-8")
    blocker = tmp_path / "a-file"  # a file where a folder should be: nothing can go under it
    blocker.write_text("", encoding="utf-8")
    for args in (
        ["render", str(doc), "-o", str(blocker / "page.html")],
        ["export", str(doc), "-f", "turtle", "-o", str(blocker / "x.ttl")],
        ["export", str(doc), "-f", "neo4j", "-o", str(blocker / "csv")],
    ):
        result = runner.invoke(app, args)
        assert isinstance(result.exception, OutputError), (args, result.exception)
        assert "cannot " in str(result.exception)
    # through the console script's entry point: one line and status 2, no traceback
    monkeypatch.setattr(sys, "argv", ["entityx", "render", str(doc), "-o", str(blocker / "p.html")])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"entityx: error: cannot write {blocker / 'p.html'}")
    assert len(err.strip().splitlines()) == 1


def test_export_format_choices_are_the_export_formats() -> None:
    from entityx.exporters import FORMATS
    from entityx.exporters.cli import Format

    assert [f.value for f in Format] == list(FORMATS)
    result = runner.invoke(app, ["export", "x.jsonl", "-f", "rdfxml", "-o", "-"])
    assert result.exit_code == 2 and "rdfxml" in result.output
