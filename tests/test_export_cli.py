"""Input handling, the registry option, streaming from files, and the export/render CLI."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from entityx.errors import CorpusError, InputError
from entityx.exporters import export, write_document
from entityx.exporters.cli import register
from entityx.models import Document

FIXTURE = Path(__file__).parent / "data" / "export" / "lavrov_kim_wonsan.document.json"


@pytest.fixture(scope="module")
def doc() -> Document:
    return Document.model_validate_json(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture()
def tagged(doc: Document, tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    lines = [doc.model_copy(update={"id": f"d{i}"}).model_dump_json() for i in range(3)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def app() -> typer.Typer:
    a = typer.Typer()
    register(a)
    return a


def test_malformed_line_names_file_and_line(tagged: Path, tmp_path: Path) -> None:
    with tagged.open("a", encoding="utf-8") as fh:
        fh.write("\n{not json\n")
    out = tmp_path / "out.ttl"
    with pytest.raises(InputError, match=r"corpus\.jsonl:5: not a tagged Document"):
        export(tagged, format="turtle", out=out)
    assert not out.exists()  # no half-written output
    assert not list(tmp_path.glob("*.part"))


def test_invalid_record_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"mentions": [{"text": "x"}]}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:1: .*mentions\.0\.start"):
        export(path, format="ntriples", out=io.StringIO())


def test_other_input_errors(doc: Document, tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such tagged corpus"):
        export(tmp_path / "missing.jsonl", format="jsonld", out=io.StringIO())
    with pytest.raises(InputError, match="unknown export format"):
        export([doc], format="csv", out=io.StringIO())  # type: ignore[arg-type]
    with pytest.raises(InputError, match="directory"):
        export([doc], format="neo4j", out=io.StringIO())
    with pytest.raises(InputError, match="base_uri"):
        export([doc], format="turtle", out=io.StringIO(), base_uri="not a uri")
    with pytest.raises(InputError, match="wrap a single one"):
        export(doc, format="turtle", out=io.StringIO())  # type: ignore[arg-type]
    with pytest.raises(InputError, match="no such registry"):
        export([doc], format="turtle", out=io.StringIO(), registry=tmp_path / "none.sqlite")


def test_gzip_and_documents_without_id_or_text(doc: Document, tmp_path: Path) -> None:
    bare = doc.model_copy(update={"id": None, "text": None})
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(bare.model_dump_json() + "\n" + bare.model_dump_json() + "\n")
    buf = io.StringIO()
    result = export(path, format="nif", out=buf)
    assert result.documents == 2 and result.mentions == 2 * len(doc.mentions)
    assert "/document/doc-1#context" in buf.getvalue()
    assert "/document/doc-2#char=60,74" in buf.getvalue()
    assert "isString" not in buf.getvalue()


def test_counts_add_up_across_documents(tagged: Path) -> None:
    buf = io.StringIO()
    result = export(tagged, format="turtle", out=buf, batch_size=2)
    assert (result.documents, result.entities) == (3, 16)
    from rdflib import Graph, Literal, URIRef

    g = Graph().parse(data=buf.getvalue(), format="turtle")
    lavrov = URIRef("https://entityx.example.org/entity/Sergey%20Lavrov")
    vocab = "https://entityx.example.org/vocab#"
    assert g.value(lavrov, URIRef(vocab + "mentionCount")) == Literal(24)
    assert g.value(lavrov, URIRef(vocab + "documentCount")) == Literal(3)


def test_registry_descriptions_win(doc: Document, tmp_path: Path) -> None:
    registry_mod = pytest.importorskip("entityx.registry")
    path = tmp_path / "reg.sqlite"
    with registry_mod.Registry(path) as reg:
        resolved = reg.add(doc)  # registry ids (KB ids where known)
    stripped = resolved.model_copy(
        update={"entities": tuple(e.model_copy(update={"aliases": ()}) for e in resolved.entities)}
    )
    buf = io.StringIO()
    export([stripped], format="jsonld", out=buf, registry=path)
    assert "Σεργκέι Λαβρόφ" in buf.getvalue()  # aliases came from the registry

    class Lookup:
        def get(self, entity_id: str) -> object:
            if entity_id != "Sergey Lavrov":
                raise KeyError(entity_id)
            return doc.entity("Sergey Lavrov").model_copy(update={"name": "Сергей Лавров"})

    buf = io.StringIO()
    export([doc], format="ntriples", out=buf, registry=Lookup())  # type: ignore[arg-type]
    assert '<https://schema.org/name> "Сергей Лавров" .' in buf.getvalue()


def test_write_document_for_extract(doc: Document, capsys: pytest.CaptureFixture[str]) -> None:
    write_document(doc, format="ntriples")
    assert "Sergey%20Lavrov" in capsys.readouterr().out


def test_cli_export_every_format(tagged: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt in ("jsonld", "turtle", "ntriples", "nif", "graphml", "neo4j"):
        out = tmp_path / f"out-{fmt}"
        res = runner.invoke(app(), ["export", str(tagged), "--format", fmt, "-o", str(out)])
        assert res.exit_code == 0, res.output
        assert "3 documents" in res.output
        assert out.exists()
    assert (tmp_path / "out-neo4j" / "entities.csv").exists()
    res = runner.invoke(
        app(), ["export", str(tagged), "-f", "ntriples", "-o", "-", "--base-uri", "urn:x:"]
    )
    assert isinstance(res.exception, InputError)


def test_cli_render_document_json(doc: Document, tmp_path: Path) -> None:
    src = tmp_path / "doc.json"
    src.write_text(doc.model_dump_json(), encoding="utf-8")
    res = CliRunner().invoke(app(), ["render", str(src), "-o", str(tmp_path / "p.html")])
    assert res.exit_code == 0, res.output
    assert "Sergey Lavrov" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_a_file_that_is_not_tagged_output_fails(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"text": "Lavrov met Kim."}\n{"text": "Putin."}\n', encoding="utf-8")
    out = tmp_path / "out.ttl"
    with pytest.raises(InputError, match=r"news\.jsonl:1: not entityx tagged output"):
        export(corpus, format="turtle", out=out)
    assert not out.exists()
    res = CliRunner().invoke(app(), ["export", str(corpus), "-f", "turtle", "-o", str(out)])
    assert isinstance(res.exception, InputError) and "entityx tag" in str(res.exception)


def test_bad_utf8_names_its_own_line(tagged: Path) -> None:
    with tagged.open("ab") as fh:
        fh.write(b'{"id": "\xff"}\n')
    with pytest.raises(InputError, match=r"corpus\.jsonl:4: not valid UTF-8"):
        export(tagged, format="ntriples", out=io.StringIO())


def test_truncated_gzip_is_a_corpus_error(doc: Document, tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    data = gzip.compress("".join(doc.model_dump_json() + "\n" for _ in range(20)).encode())
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorpusError, match="truncated or corrupt"):
        export(path, format="ntriples", out=io.StringIO())


def test_bom_and_crlf_tagged_file(doc: Document, tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + doc.model_dump_json().encode() + b"\r\n")
    assert export(path, format="ntriples", out=io.StringIO()).documents == 1


def test_invalid_json_message_names_the_column_once(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "unterminated\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        export(path, format="ntriples", out=io.StringIO())
    msg = str(err.value)
    assert "bad.jsonl:1: not a tagged Document (invalid JSON: " in msg
    assert "at column" in msg and "at at" not in msg and "line 1 column" not in msg


def test_lone_surrogates_become_replacement_characters(doc: Document) -> None:
    bad = doc.model_copy(update={"id": "doc\ud800"})
    buf = io.StringIO()
    export([bad], format="ntriples", out=buf)
    assert '"doc\ufffd"' in buf.getvalue()  # as model_dump_json writes it: one for one


def test_cli_counts_read_as_english(doc: Document, tmp_path: Path) -> None:
    one = doc.model_copy(
        update={"mentions": doc.mentions[:1], "entities": (doc.entity(doc.mentions[0].entity_id),)}
    )
    path = tmp_path / "one.jsonl"
    path.write_text(one.model_dump_json() + "\n", encoding="utf-8")
    res = CliRunner().invoke(app(), ["export", str(path), "-f", "ntriples", "-o", "-"])
    assert res.exit_code == 0, res.output
    assert "1 document, 1 mention, 1 entity, 0 co-occurring pairs ->" in res.output
    src = tmp_path / "one.json"
    src.write_text(one.model_dump_json(), encoding="utf-8")
    res = CliRunner().invoke(app(), ["render", str(src), "-o", str(tmp_path / "p.html")])
    assert "1 mention of 1 entity ->" in res.output
    assert "1 mention of 1 entity, found by" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_cli_warns_about_dropped_links(doc: Document, tmp_path: Path) -> None:
    lavrov = doc.entity("Sergey Lavrov").model_copy(
        update={"same_as": ("http://example.org:80x/", "https://example.org/ok")}
    )
    entities = tuple(lavrov if e.id == lavrov.id else e for e in doc.entities)
    path = tmp_path / "c.jsonl"
    path.write_text(doc.model_copy(update={"entities": entities}).model_dump_json() + "\n")
    res = CliRunner().invoke(
        app(), ["export", str(path), "-f", "turtle", "-o", str(tmp_path / "o")]
    )
    assert res.exit_code == 0, res.output
    assert "warning: 1 sameAs value left out: not a valid IRI" in res.output
