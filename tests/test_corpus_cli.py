"""``entityx tag`` and ``entityx entities`` (with the fake pipeline, in-process)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from entityx.corpus.cli import register

sys.path.insert(0, str(Path(__file__).parent))
from test_corpus_support import FakeResolver, fake_keys, install_fake, make_jsonl


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    from entityx import registry
    from entityx.corpus import work

    monkeypatch.setattr(work, "_extractor", work._extractor)
    install_fake()
    monkeypatch.setattr(registry, "_default_keys", lambda: fake_keys)
    monkeypatch.setattr(registry, "_default_resolver", FakeResolver)
    app = typer.Typer()
    register(app)
    return app


def test_tag_then_entities(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "day1.jsonl"
    good = make_jsonl(src, 20, bad_every=6)
    out = tmp_path / "out" / "day1.jsonl"
    out.parent.mkdir()
    reg = tmp_path / "reg.db"
    runner = CliRunner()
    result = runner.invoke(
        app, ["tag", str(src), "-o", str(out), "--id-field", "id", "--registry", str(reg)]
    )
    assert result.exit_code == 0, result.output
    assert "documents" in result.output  # the closing summary (stderr is mixed in)
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["id"] for d in docs] == good
    errors = (tmp_path / "out" / "day1.errors.jsonl").read_text().splitlines()
    assert len(errors) == 3
    # the registry ids are in the output: Lavrov (doc d0) and Λαβρόφ (doc d1) share one
    lavrov = {e["id"] for d in docs[:2] for e in d["entities"] if e["name"] in ("Lavrov", "Λαβρόφ")}
    assert len(lavrov) == 1

    result = runner.invoke(app, ["entities", str(reg), "--search", "Λαβρόφ", "--json"])
    assert result.exit_code == 0, result.output
    (found,) = [json.loads(line) for line in result.output.splitlines()]
    assert found["id"] in lavrov and set(found["aliases"]) == {"Lavrov", "Λαβρόφ"}
    result = runner.invoke(app, ["entities", str(reg), "--label", "PERSON"])
    assert result.exit_code == 0 and "Obama" in result.output

    strict = runner.invoke(app, ["tag", str(src), "-o", str(out), "--strict", "-q", "--overwrite"])
    assert strict.exit_code == 1


def test_tag_stdout_needs_errors_path(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 3)
    runner = CliRunner()
    result = runner.invoke(app, ["tag", str(src), "-o", "-", "-q"])
    assert result.exit_code != 0 and "--errors" in str(result.exception)
    result = runner.invoke(
        app, ["tag", str(src), "-o", "-", "-q", "--errors", str(tmp_path / "e.jsonl")]
    )
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 3


def test_entities_table_shows_the_kb_link(app: typer.Typer, tmp_path: Path) -> None:
    from entityx.registry import Registry
    from registry_docs import person_doc

    reg = tmp_path / "reg.db"
    with Registry(reg, keys=fake_keys, same=lambda a, b: False) as registry:
        registry.add(person_doc("1", ("x", "Σεργκέι Λαβρόφ", "Q187379")))
    result = CliRunner().invoke(app, ["entities", str(reg)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "kb id / same as" in result.output and "Q187379" in result.output
