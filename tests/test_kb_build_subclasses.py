"""`entityx kb build --subclasses`: items typed by a subclass (P279) of a kept class."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from entityx.cli import _register_commands, app
from entityx.errors import KnowledgeBaseError
from entityx.kbstore import StoredKnowledgeBase, build_kb, open_kb
from entityx.kbstore.build import errors_path_for
from entityx.kbstore.classes import DEFAULT_SUBCLASS_DEPTH, SubclassGraph
from entityx.kbstore.dump import DEFAULT_CLASSES

DATA = Path(__file__).parent / "data" / "wikidata"
SUBCLASSES = DATA / "subclasses.json"
DUMP = DATA / "entities.json"
# The made-up items of the fixture and how many P279 steps their class is below a kept class.
MUNICIPAL = {"Q9990201": 1, "Q9990202": 2, "Q9990203": 3, "Q9990204": 4}

_register_commands()
runner = CliRunner()


def _kb(tmp_path: Path, *inputs: Path, **kwargs: object) -> StoredKnowledgeBase:
    out = tmp_path / "sub.kb"
    build_kb(list(inputs), out, **kwargs)  # type: ignore[arg-type]
    kb = open_kb(out)
    assert isinstance(kb, StoredKnowledgeBase)
    return kb


def _label(kb: StoredKnowledgeBase, qid: str) -> str | None:
    entry = kb.get(qid)
    return entry.label if entry is not None else None


def test_off_by_default_only_direct_p31_counts(tmp_path: Path) -> None:
    summary = build_kb([SUBCLASSES], tmp_path / "sub.kb")
    assert summary.subclasses is None and summary.classes == len(DEFAULT_CLASSES)
    kb = open_kb(tmp_path / "sub.kb")
    assert len(kb) == 1 and kb.get("Q9990210") is not None  # the one item P31 human


def test_subclasses_keep_items_down_to_the_depth(tmp_path: Path) -> None:
    summary = build_kb([SUBCLASSES], tmp_path / "sub.kb", subclasses=True)
    kb = open_kb(tmp_path / "sub.kb")
    assert isinstance(kb, StoredKnowledgeBase)
    for qid, steps in MUNICIPAL.items():
        assert (_label(kb, qid) == "LOC") is (steps <= DEFAULT_SUBCLASS_DEPTH), qid
    assert kb.lookup("Μαρούσι", "LOC") is not None
    # 101..103 below municipality, 105/106 below organization, 107 and 109 below both:
    # 108's only P279 is deprecated, 104 is 4 steps down.
    assert summary.subclasses == 7
    assert summary.classes == len(DEFAULT_CLASSES) + 7
    assert "7 subclasses (P279)" in summary.line()
    meta = kb.meta()
    assert meta["subclass_depth"] == str(DEFAULT_SUBCLASS_DEPTH)
    assert meta["classes"] == str(summary.classes)


def test_deeper_setting_reaches_further(tmp_path: Path) -> None:
    kb = _kb(tmp_path, SUBCLASSES, subclasses=True, subclass_depth=4)
    assert _label(kb, "Q9990204") == "LOC"
    shallow = _kb(tmp_path, SUBCLASSES, subclasses=True, subclass_depth=1)
    assert [q for q in MUNICIPAL if shallow.get(q) is not None] == ["Q9990201"]


def test_class_items_themselves_are_not_entries(tmp_path: Path) -> None:
    # "municipality of Greece" is a kind of place, not a place a text names.
    kb = _kb(tmp_path, SUBCLASSES, subclasses=True, subclass_depth=5)
    assert all(kb.get(f"Q99901{n:02d}") is None for n in range(1, 10))
    assert kb.lookup("municipality of Greece", "LOC") is None


def test_labels_of_cycles_ties_and_nearest_classes(tmp_path: Path) -> None:
    kb = _kb(tmp_path, SUBCLASSES, subclasses=True)
    assert _label(kb, "Q9990205") == "ORG"  # 105 <-> 106 is a cycle below organization
    # 107 is one step below organization and city: organization is listed first in the table.
    assert _label(kb, "Q9990206") == "ORG"
    # 109: one step below city, two below organization: the nearest class decides.
    assert _label(kb, "Q9990209") == "LOC"
    assert kb.get("Q9990207") is None  # its class's only P279 to human is deprecated
    user = _kb(tmp_path, SUBCLASSES, classes="Q515=LOC,Q43229=ORG", subclasses=True)
    assert _label(user, "Q9990206") == "LOC"  # now city is listed first
    assert user.get("Q9990201") is None and user.get("Q9990210") is None  # not in this table


def test_hostile_lines_are_reported_once(tmp_path: Path) -> None:
    out = tmp_path / "sub.kb"
    summary = build_kb([SUBCLASSES], out, subclasses=True)
    errors = [json.loads(x) for x in errors_path_for(out).read_text("utf-8").splitlines()]
    assert summary.errors == len(errors) == 1  # not once per pass
    assert errors[0]["line"] == 5 and str(errors[0]["reason"]).startswith("invalid JSON")


def test_classes_of_one_input_type_the_items_of_another(tmp_path: Path) -> None:
    lines = SUBCLASSES.read_text(encoding="utf-8").splitlines()
    classes = tmp_path / "classes.json"
    items = tmp_path / "items.json"
    classes.write_text("\n".join(ln for ln in lines if '"P279"' in ln) + "\n", "utf-8")
    items.write_text("\n".join(ln.rstrip(",") for ln in lines if '"P31"' in ln) + "\n", "utf-8")
    kb = _kb(tmp_path, classes, items, DUMP, subclasses=True)
    assert _label(kb, "Q9990201") == "LOC" and kb.get("Q22686") is not None


def test_sparql_class_values_use_the_widened_table(tmp_path: Path) -> None:
    results = {
        "head": {"vars": ["item", "class", "label"]},
        "results": {
            "bindings": [
                {
                    "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q9990211"},
                    "class": {"type": "uri", "value": "http://www.wikidata.org/entity/Q9990101"},
                    "label": {"type": "literal", "value": "Vrilissia", "xml:lang": "en"},
                }
            ]
        },
    }
    sparql = tmp_path / "towns.json"
    sparql.write_text(json.dumps(results), encoding="utf-8")
    assert _kb(tmp_path, sparql, SUBCLASSES).get("Q9990211") is None
    assert _label(_kb(tmp_path, sparql, SUBCLASSES, subclasses=True), "Q9990211") == "LOC"


def test_bad_depth_fails_before_work(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="subclass-depth"):
        build_kb([SUBCLASSES], tmp_path / "x.kb", subclasses=True, subclass_depth=0)
    assert not (tmp_path / "x.kb").exists()


def test_graph_ignores_what_is_not_an_item_edge() -> None:
    graph = SubclassGraph()
    graph.add("Q1", "P31")
    graph.add("Q1", "Q1")
    graph.add("L5", "Q2")
    graph.add_line(b'{"id":"Q3","claims":{"P31":[]}},')  # no P279: not parsed
    graph.add_line(b'{"id":"Q3","claims":{"P279":[1]}}')  # a statement that is not an object
    graph.add_line(b"\xff P279")
    assert len(graph) == 0
    graph.add("Q10", "Q5")
    assert graph.closure({"Q5": "PERSON"}, depth=2) == {"Q5": "PERSON", "Q10": "PERSON"}
    assert SubclassGraph().closure({"Q5": "PERSON"}, depth=3) == {"Q5": "PERSON"}


def test_cli_subclasses(tmp_path: Path) -> None:
    out = tmp_path / "cli.kb"
    args = ["kb", "build", str(SUBCLASSES), "-o", str(out), "-q", "--subclasses"]
    result = runner.invoke(app, [*args, "--subclass-depth", "4"])
    assert result.exit_code == 0, result.output
    assert "subclasses (P279)" in result.output
    assert open_kb(out).get("Q9990204") is not None
    info = json.loads(runner.invoke(app, ["kb", "info", str(out), "--json"]).stdout)
    assert info["subclass_depth"] == 4 and info["classes"] == len(DEFAULT_CLASSES) + 8
    bad = runner.invoke(app, [*args, "--subclass-depth", "0"])
    assert bad.exit_code != 0
    help_text = runner.invoke(app, ["kb", "build", "--help"]).output
    assert "--subclasses" in help_text and "--subclass-depth" in help_text
