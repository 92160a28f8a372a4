"""`entityx kb build`: Wikidata dumps, SPARQL JSON results and JSONL into a stored KB."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from entityx.cli import _register_commands, app
from entityx.errors import KnowledgeBaseError
from entityx.kbstore import StoredKnowledgeBase, build_kb, open_kb
from entityx.kbstore.build import detect_format, errors_path_for
from entityx.kbstore.dump import DEFAULT_CLASSES, parse_classes

DATA = Path(__file__).parent / "data" / "wikidata"
DUMP = DATA / "entities.json"
HOSTILE = DATA / "hostile.json"
SPARQL = DATA / "sparql_results.json"
TRUNCATED = DATA / "sparql_truncated.json"
WD = "http://www.wikidata.org/entity/"

_register_commands()
runner = CliRunner()


def _errors(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _built(tmp_path: Path, *inputs: Path, **kwargs: object) -> StoredKnowledgeBase:
    out = tmp_path / "wikidata.kb"
    build_kb(list(inputs), out, **kwargs)  # type: ignore[arg-type]
    kb = open_kb(out)
    assert isinstance(kb, StoredKnowledgeBase)
    return kb


# --- the Wikidata JSON dump format ----------------------------------------------------------------
def test_dump_keeps_people_places_and_organisations(tmp_path: Path) -> None:
    summary = build_kb([DUMP], tmp_path / "wikidata.kb")
    assert summary.formats == {str(DUMP): "wikidata-json"}
    assert summary.entries == 19
    # a property, a lexeme, an item of no kept class, a deprecated P31, an item with no name
    assert summary.skipped == 5
    assert summary.errors == 0
    kb = open_kb(tmp_path / "wikidata.kb")
    assert len(kb) == 19
    assert kb.get("P31") is None and kb.get("L7") is None and kb.get("Q146") is None
    assert kb.get("Q999001") is None  # its only P31 statement is deprecated


def test_dump_record_fields(tmp_path: Path) -> None:
    kb = _built(tmp_path, DUMP)
    usa = kb.get("Q30")
    assert usa is not None
    assert usa.name == "United States" and usa.label == "LOC"
    assert set(usa.aliases) == {"Ηνωμένες Πολιτείες", "USA", "United States of America", "ΗΠΑ"}
    assert usa.same_as == (
        WD + "Q30",
        "https://sws.geonames.org/6252001/",
        "https://www.iso.org/obp/ui/#iso:code:3166:US",
    )
    assert usa.priority == 14.0  # the sitelinks count
    party = kb.get("Q29468")
    assert party is not None and party.label == "ORG" and "https://gop.com/" in party.same_as
    assert kb.related("Q22686") == ("Q30", "Q29468", "Q432473")  # P27, P102, P26


def test_dump_mul_label_names_and_other_scripts_are_left_out(tmp_path: Path) -> None:
    kb = _built(tmp_path, DUMP)
    jens = kb.get("Q57271")
    assert jens is not None
    assert jens.name == "Jens Stoltenberg"  # the "mul" label: no English label
    assert jens.aliases == ("Γενς Στόλτενμπεργκ",)  # the Russian label is not kept
    assert "https://viaf.org/viaf/27163433" in jens.same_as


def test_languages_setting_drops_greek(tmp_path: Path) -> None:
    kb = _built(tmp_path, DUMP, languages=("en",))
    assert kb.lookup("Ελλάδα", "LOC") is None
    assert kb.lookup("Greece", "LOC") is not None
    assert kb.get("Q57271") is None  # only a "mul" and a Greek label


@pytest.mark.parametrize("suffix, opener", [(".json.gz", gzip.open), (".json.bz2", bz2.open)])
def test_compressed_dumps(tmp_path: Path, suffix: str, opener: object) -> None:
    packed = tmp_path / ("latest-all" + suffix)
    with opener(packed, "wb") as fh:  # type: ignore[operator]
        fh.write(DUMP.read_bytes())
    kb = _built(tmp_path, packed)
    assert len(kb) == 19
    assert kb.lookup("Ντόναλντ Τραμπ", "PERSON") is not None


def test_dump_without_array_or_commas(tmp_path: Path) -> None:
    lines = [ln.rstrip(",") for ln in DUMP.read_text(encoding="utf-8").splitlines()[1:-1]]
    ndjson = tmp_path / "extract.json"
    ndjson.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert detect_format(ndjson) == "wikidata-json"
    assert len(_built(tmp_path, ndjson)) == 19


def test_hostile_records_go_to_the_errors_file(tmp_path: Path) -> None:
    out = tmp_path / "hostile.kb"
    summary = build_kb([HOSTILE], out)
    errors = _errors(errors_path_for(out))
    assert summary.errors == len(errors) == 8
    by_line = {e["line"]: e for e in errors}
    assert set(by_line) == {3, 4, 5, 6, 7, 8, 12, 14}
    assert by_line[3]["id"] == "Q999020" and "'claims' must be an object" in str(
        by_line[3]["reason"]
    )
    assert "not Q followed by digits" in str(by_line[4]["reason"])
    assert "missing or non-string 'id'" in str(by_line[5]["reason"])
    assert str(by_line[6]["reason"]).startswith("invalid JSON")
    assert by_line[7]["reason"] == "an entity must be a JSON object"
    assert by_line[8]["reason"] == "invalid UTF-8"
    assert by_line[12]["reason"] == "aliases.en must be a list"
    assert by_line[14]["id"] == "Q999010" and "duplicate id" in str(by_line[14]["reason"])
    assert all(set(e) == {"source", "line", "id", "reason"} for e in errors)
    kb = open_kb(out)
    # The run went on: well-formed records after the bad ones are kept, bad names dropped.
    assert kb.lookup("Ada Testperson", "PERSON") is not None
    ctrl = kb.get("Q999012")
    # The English label holds a NUL: dropped, so the name is the Greek label, romanised.
    assert ctrl is not None and ctrl.names() == ("Kalo Onoma", "Καλό Όνομα")
    huge = kb.get("Q999013")
    assert huge is not None and all(len(n) <= 200 for n in huge.names())


def test_truncated_compressed_dump_is_reported(tmp_path: Path) -> None:
    packed = tmp_path / "cut.json.gz"
    data = gzip.compress(DUMP.read_bytes())
    packed.write_bytes(data[: len(data) // 2])
    out = tmp_path / "cut.kb"
    summary = build_kb([packed], out)
    errors = _errors(errors_path_for(out))
    assert summary.errors >= 1
    assert "cannot be read past here" in str(errors[-1]["reason"])
    assert out.exists()


# --- SPARQL 1.1 Query Results JSON --------------------------------------------------------------
def test_sparql_rows_of_one_item_merge(tmp_path: Path) -> None:
    kb = _built(tmp_path, SPARQL)
    andreas = kb.get("Q212062")
    assert andreas is not None
    assert andreas.name == "Andreas Papandreou"
    assert set(andreas.aliases) == {"Ανδρέας Παπανδρέου", "Ανδρέας Γ. Παπανδρέου"}
    assert andreas.priority == 60.0
    assert kb.related("Q212062") == ("Q208473", "Q41")
    athens = kb.get("Q1524")
    assert athens is not None
    assert "Athen" not in athens.aliases  # German: not asked for
    assert "https://sws.geonames.org/264371/" in athens.same_as


def test_sparql_label_service_variables(tmp_path: Path) -> None:
    kb = _built(tmp_path, SPARQL)
    org = kb.get("Q999031")
    assert org is not None and org.label == "ORG"
    assert set(org.aliases) == {"ExOrg", "Example Organisation"}
    assert "https://example.org/" in org.same_as
    assert kb.get("Q999030") is None  # its label is the bare QID: no name
    assert kb.get("Q999034") is None  # a class not in the table
    assert kb.get("b0") is None


def test_sparql_malformed_bindings(tmp_path: Path) -> None:
    out = tmp_path / "q.kb"
    summary = build_kb([SPARQL], out)
    reasons = [str(e["reason"]) for e in _errors(errors_path_for(out))]
    assert summary.errors == len(reasons) == 5
    assert any("not a term object" in r for r in reasons)
    assert any("blank node" in r for r in reasons)
    assert any("not a count" in r for r in reasons)
    assert any("no 'item' variable" in r for r in reasons)
    assert any("unknown term type" in r for r in reasons)
    lines = [e["line"] for e in _errors(errors_path_for(out))]
    text = SPARQL.read_text(encoding="utf-8").splitlines()
    for line in lines:  # each line number points at the opening brace of its binding
        assert text[int(str(line)) - 1].strip() == "{"


def test_truncated_sparql_keeps_what_came_before(tmp_path: Path) -> None:
    out = tmp_path / "cut.kb"
    summary = build_kb([TRUNCATED], out, format="sparql-json")
    errors = _errors(errors_path_for(out))
    assert summary.errors == 1 and "invalid JSON" in str(errors[0]["reason"])
    kb = open_kb(out)
    assert kb.get("Q212062") is not None


def test_not_sparql_results(tmp_path: Path) -> None:
    path = tmp_path / "ask.json"
    path.write_text('{"head": {}, "boolean": true}', encoding="utf-8")
    out = tmp_path / "ask.kb"
    summary = build_kb([path], out)
    assert summary.formats[str(path)] == "sparql-json"
    assert "no results.bindings" in str(_errors(errors_path_for(out))[0]["reason"])


# --- JSONL and settings ---
def test_jsonl_input_with_related_and_bad_lines(tmp_path: Path) -> None:
    src = tmp_path / "kb.jsonl"
    src.write_text(
        "\n".join(
            [
                '{"id": "Q1", "name": "Alpha Person", "label": "PER", "related": ["Q2"]}',
                '{"id": "Q2", "name": "Beta Town", "label": "GPE", "aliases": ["Βήτα"]}',
                '{"id": "Q3", "name": "", "label": "ORG"}',
                '{"id": "Q4", "name": "Delta", "label": "ORG", "related": "Q1"}',
                "not json",
                '{"id": "Q5", "name": "Eps", "label": "ANIMAL"}',
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "mine.kb"
    summary = build_kb([src], out)
    assert summary.formats[str(src)] == "jsonl" and summary.entries == 2
    assert [e["line"] for e in _errors(errors_path_for(out))] == [3, 4, 5, 6]
    kb = open_kb(out)
    assert isinstance(kb, StoredKnowledgeBase)
    assert kb.related("Q1") == ("Q2",)
    assert kb.lookup("Βήτα", "LOC") is not None


def test_class_table_syntax() -> None:
    assert parse_classes(None) == dict(DEFAULT_CLASSES)
    assert parse_classes("Q5=PERSON") == {"Q5": "PERSON"}
    added = parse_classes("+Q1074=misc")
    assert added["Q1074"] == "MISC" and added["Q5"] == "PERSON"
    for bad in ("Q5", "X5=PERSON", "Q5=ANIMAL"):
        with pytest.raises(ValueError, match="--classes"):
            parse_classes(bad)


def test_user_class_table(tmp_path: Path) -> None:
    kb = _built(tmp_path, DUMP, classes="Q1074=MISC")
    assert len(kb) == 1 and kb.get("Q146") is not None


def test_bad_settings_and_inputs_fail_before_work(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="not a readable file"):
        build_kb([tmp_path / "missing.json"], tmp_path / "x.kb")
    with pytest.raises(KnowledgeBaseError, match="--classes"):
        build_kb([DUMP], tmp_path / "x.kb", classes="Q5")
    assert not (tmp_path / "x.kb").exists()


# --- the command line ---
def test_cli_build_info_lookup(tmp_path: Path) -> None:
    out = tmp_path / "wd.kb"
    result = runner.invoke(app, ["kb", "build", str(DUMP), str(SPARQL), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "entries" in result.output
    info = runner.invoke(app, ["kb", "info", str(out), "--json"])
    assert info.exit_code == 0 and json.loads(info.stdout)["entries"] == len(open_kb(out))
    found = runner.invoke(app, ["kb", "lookup", str(out), "Τραμπ", "--label", "PERSON"])
    assert found.exit_code == 0, found.output
    rows = [json.loads(line) for line in found.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["Q22686", "Q432473", "Q239411"]
    assert {r["match"] for r in rows} == {"surname"}
    missing = runner.invoke(app, ["kb", "lookup", str(out), "Nobody Known"])
    assert missing.exit_code == 1
