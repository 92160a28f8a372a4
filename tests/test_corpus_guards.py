"""Misuse of ``tag_corpus``: nothing overwritten by mistake, arguments checked first, one writer.

Also: records with lone surrogates, CR-only JSONL, and counted nouns in the summary.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entityx.corpus import ErrorRecord, Record, iter_tagged, tag_corpus
from entityx.corpus.guard import OutputLock
from entityx.corpus.readers import count_records, iter_records, resolve_inputs, split_lines
from entityx.corpus.summary import TagSummary, plural
from entityx.errors import CorpusError, EntityxError, InputError

sys.path.insert(0, str(Path(__file__).parent))
from test_corpus_support import install_fake, make_jsonl


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    from entityx.corpus import work

    monkeypatch.setattr(work, "_extractor", work._extractor)  # restored after the test
    install_fake()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# -- no silent overwriting --------------------------------------------------------------------
def test_a_complete_output_is_not_overwritten_without_overwrite(tmp_path: Path, fake: None) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 12, bad_every=5)
    out = tmp_path / "out.jsonl"
    tag_corpus([src], output=out, progress=False)
    before = _snapshot(tmp_path)
    with pytest.raises(CorpusError, match=r"complete output of an earlier run.*--overwrite"):
        tag_corpus([src], output=out, progress=False)
    assert _snapshot(tmp_path) == before
    summary = tag_corpus([src], output=out, progress=False, overwrite=True)
    assert summary.documents == 10
    for name in ("out.jsonl", "out.errors.jsonl"):  # the same run again: the same bytes
        assert (tmp_path / name).read_bytes() == before[name]


def test_foreign_files_are_not_overwritten_and_cannot_be_resumed(
    tmp_path: Path, fake: None
) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 4)
    out = tmp_path / "out.jsonl"
    out.write_text("my precious data\n")
    with pytest.raises(CorpusError, match="not from an entityx tag run"):
        tag_corpus([src], output=out, progress=False)
    with pytest.raises(CorpusError, match="not from an entityx tag run"):
        tag_corpus([src], output=out, progress=False, resume=True)
    assert out.read_text() == "my precious data\n"
    # the errors file is protected too, also when writing to stdout
    errors = tmp_path / "errors.jsonl"
    errors.write_text("earlier errors\n")
    with pytest.raises(CorpusError, match=r"errors\.jsonl already holds"):
        tag_corpus([src], output="-", errors=errors, progress=False)
    assert errors.read_text() == "earlier errors\n"
    # an empty file holds nothing to lose
    empty = tmp_path / "empty.jsonl"
    empty.touch()
    assert tag_corpus([src], output=empty, progress=False).documents == 4


def test_a_refused_run_creates_no_registry_and_never_writes_over_an_input(
    tmp_path: Path, fake: None
) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 4)
    out = tmp_path / "out.jsonl"
    tag_corpus([src], output=out, progress=False)
    before = _snapshot(tmp_path)
    with pytest.raises(CorpusError, match="already holds"):
        tag_corpus([src], output=out, registry=tmp_path / "new.db", progress=False)
    with pytest.raises(CorpusError, match="already holds"):
        tag_corpus([src], output=tmp_path / "o2.jsonl", errors=out, progress=False)
    for resume in (False, True):
        with pytest.raises(InputError, match="is one of the inputs"):
            tag_corpus([src], output=src, progress=False, overwrite=not resume, resume=resume)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"backend": "bogus"}, "backend must be"),
        ({"workers": 0}, "workers must be"),
        ({"batch_size": 0}, "batch_size must be"),
        ({"max_chars": 0}, "max_chars must be"),
        ({"recycle_after": 0}, "recycle_after"),
        ({"resume": True}, "pass one"),
        ({"kb": "/no/such/kb.jsonl"}, "no such knowledge-base file"),
    ],
)
def test_bad_arguments_are_refused_before_any_file_is_touched(
    tmp_path: Path, fake: None, kwargs: dict, match: str
) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 4)
    out = tmp_path / "out.jsonl"
    tag_corpus([src], output=out, progress=False)
    before = _snapshot(tmp_path)
    with pytest.raises(InputError, match=match) as info:
        tag_corpus([src], output=out, progress=False, overwrite=True, **kwargs)
    assert isinstance(info.value, EntityxError)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"batch_size": 0}, "batch_size must be"),
        ({"workers": 0}, "workers must be"),
        ({"max_chars": 0}, "max_chars must be"),
        ({"backend": "spark"}, "backend must be one of"),
    ],
)
def test_iter_tagged_refuses_bad_settings_at_the_call(fake: None, kwargs: dict, match: str) -> None:
    with pytest.raises(InputError, match=match):
        iter_tagged(["Obama in Paris."], **kwargs)


def test_an_unreachable_dask_scheduler_is_an_input_error(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed")

    class Unreachable:
        def __init__(self, address: str) -> None:
            raise OSError(f"Timed out trying to connect to {address} after 30 s")

    monkeypatch.setattr(distributed, "Client", Unreachable)
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 4)
    with pytest.raises(InputError, match=r"cannot reach the Dask scheduler 'tcp://nowhere:1'"):
        tag_corpus(
            [src],
            output=tmp_path / "o.jsonl",
            progress=False,
            backend="dask",
            scheduler="tcp://nowhere:1",
        )
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.slow  # imports spaCy
def test_a_model_that_cannot_load_costs_no_output(tmp_path: Path) -> None:
    from entityx.errors import ModelNotFoundError

    src = tmp_path / "in.jsonl"
    make_jsonl(src, 2)
    out = tmp_path / "out.jsonl"
    out.write_text("earlier\n")
    with pytest.raises(ModelNotFoundError):
        tag_corpus([src], output=out, model=tmp_path / "nope", overwrite=True, progress=False)
    assert _snapshot(tmp_path) == {"in.jsonl": src.read_bytes(), "out.jsonl": b"earlier\n"}


# -- one writer at a time ---------------------------------------------------------------------
def test_a_second_writer_is_refused_and_told_who_holds_the_output(
    tmp_path: Path, fake: None
) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 4)
    out = tmp_path / "out.jsonl"
    with OutputLock(out) as lock:
        assert json.loads(lock.path.read_text())["pid"] == os.getpid()
        with pytest.raises(CorpusError, match=rf"being written by.*pid {os.getpid()} on "):
            tag_corpus([src], output=out, progress=False)
        assert not out.exists()
    tag_corpus([src], output=out, progress=False)
    assert not (tmp_path / "out.jsonl.lock").exists()  # released and removed after the run


def test_a_lock_file_left_by_a_killed_run_is_taken_over(tmp_path: Path, fake: None) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 3)
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.lock").write_text('{"pid": 1, "host": "x", "started": "then"}')
    assert tag_corpus([src], output=out, progress=False).documents == 3


def test_two_command_line_runs_on_one_output(tmp_path: Path, fake: None) -> None:
    import typer
    from typer.testing import CliRunner

    from entityx.corpus.cli import register

    app = typer.Typer()
    register(app)
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 3)
    out = tmp_path / "out.jsonl"
    with OutputLock(out):
        result = CliRunner().invoke(app, ["tag", str(src), "-o", str(out), "-q"])
    assert result.exit_code != 0 and isinstance(result.exception, CorpusError)
    assert "being written by another entityx tag" in str(result.exception)


# -- lone surrogates --------------------------------------------------------------------------
def test_lone_surrogates_are_replaced_and_the_run_goes_on(tmp_path: Path, fake: None) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "ok1", "text": "Obama in Paris."}\n'
        '{"id": "bad\\ud800", "text": "Lavrov \\udc80 met Merkel."}\n'
        '{"id": "bad\\udfff"}\n'  # no text: an error record, with its id
        '{"id": "ok2", "text": "Merkel again."}\n',
        encoding="ascii",
    )
    out = tmp_path / "out.jsonl"
    summary = tag_corpus([src], output=out, id_field="id", progress=False)
    assert summary.documents == 3 and summary.errors == 1
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == ["ok1", "bad\ufffd", "ok2"]
    assert docs[1]["text"] == "Lavrov \ufffd met Merkel."  # one for one: offsets unchanged
    assert [m["text"] for m in docs[1]["mentions"]] == ["Lavrov", "Merkel"]
    (error,) = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").open()]
    assert error["id"] == "bad\ufffd" and "missing" in error["reason"]


def test_lone_surrogates_with_a_registry_and_in_iter_tagged(tmp_path: Path, fake: None) -> None:
    from entityx.registry import Registry
    from test_corpus_support import fake_keys, fake_same

    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "x\\ud83d", "text": "Obama \\ud83d."}\n', encoding="ascii")
    reg = Registry(tmp_path / "r.db", keys=fake_keys, same=fake_same)
    out = tmp_path / "out.jsonl"
    assert tag_corpus([src], output=out, id_field="id", registry=reg, progress=False).documents
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "x\ufffd"
    (doc,) = iter_tagged([("y\udc00", "Merkel \udc00 spoke.")])
    assert not isinstance(doc, ErrorRecord) and doc.id == "y\ufffd"
    assert doc.model_dump_json()  # serialisable


# -- line ends --------------------------------------------------------------------------------
def test_cr_only_and_mixed_line_ends(tmp_path: Path) -> None:
    src = tmp_path / "mac.jsonl"
    src.write_bytes(b'{"text": "One."}\r{"text": "Two."}\r\n{"text": "Three."}\n{"text": "4."}\r')
    files = resolve_inputs([src])
    records = list(iter_records(files))
    assert [r.text for r in records if isinstance(r, Record)] == ["One.", "Two.", "Three.", "4."]
    assert [r.line for r in records] == [1, 2, 3, 4]
    assert count_records(files) == 4


def test_unicode_line_separators_inside_json_strings_are_not_line_ends(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    text = "A\u2028B\u0085C\u2029D\x0bE\x0cF\x1cG"
    src.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    (record,) = iter_records(resolve_inputs([src]))
    assert isinstance(record, Record) and record.text == text


@settings(max_examples=100, deadline=None)
@given(
    lines=st.lists(
        st.binary().map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"")), max_size=8
    ),
    ends=st.lists(st.sampled_from([b"\n", b"\r\n", b"\r"]), min_size=8, max_size=8),
    last_end=st.booleans(),
    chunk=st.integers(min_value=1, max_value=7),
)
def test_split_lines_finds_every_line_and_its_end(
    lines: list[bytes], ends: list[bytes], last_end: bool, chunk: int
) -> None:
    import io

    from entityx.corpus import readers

    data = b""
    offsets = []
    for i, line in enumerate(lines):
        end = ends[i] if (i < len(lines) - 1 or last_end) else b""
        if end == b"\r" and i + 1 < len(lines) and not lines[i + 1]:
            end = b"\r\n"  # a lone \r, then an empty line ended by \n, reads as one \r\n
        data += line + end
        offsets.append(len(data))
    if lines and not last_end and lines[-1] == b"":
        lines, offsets = lines[:-1], offsets[:-1]  # nothing after the last line end
    saved = readers._READ_SIZE
    readers._READ_SIZE = chunk  # small chunks: \r\n split across reads
    try:
        found = list(split_lines(io.BytesIO(data)))
    finally:
        readers._READ_SIZE = saved
    assert found == list(zip(lines, offsets, strict=True))


# -- counted nouns ----------------------------------------------------------------------------
def test_summary_counts_are_pluralised() -> None:
    one = TagSummary(documents=1, words=1, entities=1, errors=1, seconds=1.0, registry_entities=1)
    assert str(one).startswith("1 document, 1 word, 1 entity, 1 error in 1.0s")
    assert "registry: 1 entity" in str(one)
    many = TagSummary(documents=2, words=1234, entities=0, errors=0, seconds=1.0)
    assert str(many).startswith("2 documents, 1,234 words, 0 entities, 0 errors")
    assert plural(1, "record") == "1 record" and plural(3, "record") == "3 records"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.integers(0xD800, 0xDFFF).map(chr), st.characters())  # lone surrogates too
    ).map("".join)
)
def test_replace_surrogates_keeps_length_and_makes_text_writable(text: str) -> None:
    from entityx.corpus.readers import replace_surrogates

    clean = replace_surrogates(text)
    assert len(clean) == len(text)
    clean.encode("utf-8")  # never raises
    assert all(a == b or "\ud800" <= a <= "\udfff" for a, b in zip(text, clean, strict=True))
    line = ErrorRecord(text, None, text, id=text).to_json()
    assert json.loads(line.encode("utf-8"))["id"] == clean
