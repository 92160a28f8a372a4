"""Corpus tagging: readers, error records, ordering, summary, resume, full disk, SIGKILL."""

from __future__ import annotations

import errno
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from entityx.corpus import ErrorRecord, Record, errors_path_for, iter_tagged, tag_corpus
from entityx.corpus.readers import count_records, iter_records, resolve_inputs
from entityx.errors import CorpusError, InputError

sys.path.insert(0, str(Path(__file__).parent))
from test_corpus_support import install_fake, make_jsonl

SUPPORT = Path(__file__).parent / "test_corpus_support.py"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    from entityx.corpus import work

    monkeypatch.setattr(work, "_extractor", work._extractor)  # restored after the test
    install_fake()


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- readers -------------------------------------------------------------------------------
def test_readers_yield_error_records_for_every_kind_of_bad_record(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": "a", "text": "Good text."}\n'
        b'{"id": "b", "text": \n'  # malformed JSON
        b'{"id": "c"}\n'  # missing text
        b'{"id": "d", "text": 42}\n'  # non-string text
        b'{"id": "e", "text": "   "}\n'  # whitespace only
        b'{"id": "f", "text": "bad \xff utf8"}\n'  # invalid UTF-8
        b'{"id": "g", "text": "' + b"x" * 50 + b'"}\n'  # over max_chars
        b"[1, 2]\n"  # not an object
        b"\n"  # empty line
        b'{"id": "h", "text": "Last one."}\n'
    )
    files = resolve_inputs([src])
    records = list(iter_records(files, id_field="id", max_chars=40))
    assert [type(r).__name__ for r in records] == ["Record"] + ["ErrorRecord"] * 8 + ["Record"]
    errors = [r for r in records if isinstance(r, ErrorRecord)]
    assert [e.line for e in errors] == [2, 3, 4, 5, 6, 7, 8, 9]
    reasons = " | ".join(e.reason for e in errors)
    for word in (
        "malformed JSON",
        "missing",
        "int, not a string",
        "whitespace-only",
        "invalid UTF-8",
        "over --max-chars",
        "JSON object",
        "empty line",
    ):
        assert word in reasons
    assert count_records(files) == 10


def test_txt_files_directories_glob_and_gzip(tmp_path: Path) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "a.txt").write_text("Alpha text.", encoding="utf-8")
    (tmp_path / "d" / "sub" / "b.txt").write_text("Beta text.", encoding="utf-8")
    (tmp_path / "d" / "sub" / "bad.txt").write_bytes(b"line one\nbad \xff\n")
    (tmp_path / "d" / "skip.md").write_text("not matched", encoding="utf-8")
    with gzip.open(tmp_path / "e.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write('{"text": "Gamma."}\n')
    files = resolve_inputs([tmp_path / "d", tmp_path / "e.jsonl.gz"])
    records = list(iter_records(files))
    assert [r.id for r in records if isinstance(r, Record)] == [
        str(tmp_path / "d" / "a.txt"),
        str(tmp_path / "d" / "sub" / "b.txt"),
        f"{tmp_path / 'e.jsonl.gz'}:1",
    ]
    (bad,) = [r for r in records if isinstance(r, ErrorRecord)]
    assert bad.line == 2 and "invalid UTF-8" in bad.reason
    assert count_records(files) is None  # gzip: unknown total
    md = resolve_inputs([tmp_path / "d"], glob="*.md")
    assert [f.path.name for f in md] == ["skip.md"]


def test_unreadable_inputs_fail_fast(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file"):
        resolve_inputs([tmp_path / "missing.jsonl"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="no files match"):
        resolve_inputs([tmp_path / "empty"])
    with pytest.raises(CorpusError, match="no such file"):
        tag_corpus([tmp_path / "missing.txt"], output=tmp_path / "o.jsonl", progress=False)
    assert not (tmp_path / "o.jsonl").exists()  # failed before any work
    (tmp_path / "in.txt").write_text("Some text.", encoding="utf-8")
    with pytest.raises(OSError, match="does not exist or is not writable"):
        tag_corpus([tmp_path / "in.txt"], output=tmp_path / "no" / "o.jsonl", progress=False)


def test_errors_path_for() -> None:
    assert errors_path_for("out/day1.jsonl") == Path("out/day1.errors.jsonl")
    assert errors_path_for("day1.out") == Path("day1.out.errors.jsonl")


# -- tagging -------------------------------------------------------------------------------
def test_tag_corpus_writes_documents_in_order_and_errors_aside(tmp_path: Path, fake: None) -> None:
    src = tmp_path / "in.jsonl"
    good = make_jsonl(src, 50, bad_every=7)
    (tmp_path / "CRASH.txt").write_text("Text that makes CRASH the pipeline.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = tag_corpus(
        [src, tmp_path / "CRASH.txt"], output=out, id_field="id", batch_size=8, progress=False
    )
    docs = _lines(out)
    assert [d["id"] for d in docs] == good
    assert all(d["text"] and d["entities"] for d in docs)
    errors = _lines(tmp_path / "out.errors.jsonl")
    assert len(errors) == 50 - len(good) + 1
    assert errors[0] == {"source": str(src), "line": 7, "id": None, "reason": errors[0]["reason"]}
    assert "pipeline failed" in errors[-1]["reason"]
    assert summary.documents == len(good) and summary.errors == len(errors)
    assert summary.words == sum(len(d["text"].split()) for d in docs)
    assert summary.entities == sum(len(d["entities"]) for d in docs)
    assert "documents" in str(summary)


def test_no_text_strict_and_stdout(tmp_path: Path, fake: None, capsysbinary) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 10, bad_every=5)
    out = tmp_path / "out.jsonl"
    tag_corpus([src], output=out, no_text=True, progress=False)
    assert all(d["text"] is None for d in _lines(out))
    with pytest.raises(InputError, match="--strict"):
        tag_corpus([src], output=out, strict=True, progress=False, overwrite=True)
    with pytest.raises(InputError, match="--errors"):
        tag_corpus([src], output="-", progress=False)
    tag_corpus([src], output="-", errors=tmp_path / "e.jsonl", progress=False)
    printed = capsysbinary.readouterr().out.decode().splitlines()
    assert len(printed) == 8 and len(_lines(tmp_path / "e.jsonl")) == 2


def test_iter_tagged(fake: None) -> None:
    results = list(iter_tagged(["Obama in Paris.", "  ", ("x", "Merkel.")], batch_size=2))
    assert isinstance(results[1], ErrorRecord)
    assert [getattr(r, "id", None) for r in results] == ["0", "1", "x"]


# -- resume --------------------------------------------------------------------------------
def test_resume_after_enospc_loses_nothing(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from entityx.corpus import sink

    src = tmp_path / "in.jsonl"
    make_jsonl(src, 100, bad_every=9)
    reference = tmp_path / "ref.jsonl"
    tag_corpus([src], output=reference, batch_size=8, progress=False)

    out = tmp_path / "out.jsonl"
    real_write = sink._File.write
    calls = {"n": 0}

    def full_disk(self: sink._File, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 9:  # part-way through a batch: write half, then fail
            real_write(self, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(self, data)

    monkeypatch.setattr(sink._File, "write", full_disk)
    with pytest.raises(sink.OutputError, match=r"No space left on device.*--resume") as info:
        tag_corpus([src], output=out, batch_size=8, progress=False)
    assert info.value.errno == errno.ENOSPC
    # what is on disk is whole lines only (the half batch was cut off)
    assert out.read_bytes().endswith(b"\n")
    monkeypatch.setattr(sink._File, "write", real_write)
    summary = tag_corpus([src], output=out, batch_size=8, progress=False, resume=True)
    assert out.read_bytes() == reference.read_bytes()
    assert (tmp_path / "out.errors.jsonl").read_bytes() == (
        tmp_path / "ref.errors.jsonl"
    ).read_bytes()
    assert summary.resumed_from > 0 and summary.documents == len(_lines(reference))
    # resuming a finished job does nothing
    again = tag_corpus([src], output=out, batch_size=8, progress=False, resume=True)
    assert again.documents == summary.documents and out.read_bytes() == reference.read_bytes()


def test_enospc_with_registry_after_an_earlier_complete_run(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from entityx.corpus import sink
    from entityx.registry import Registry
    from test_corpus_support import fake_keys, fake_same

    src = tmp_path / "in.jsonl"
    make_jsonl(src, 60, bad_every=9)
    ref_reg = Registry(tmp_path / "ref.db", keys=fake_keys, same=fake_same)
    tag_corpus([src], output=tmp_path / "ref.jsonl", batch_size=8, progress=False, registry=ref_reg)
    reg = Registry(tmp_path / "run.db", keys=fake_keys, same=fake_same)
    out = tmp_path / "out.jsonl"
    # an earlier, complete run into the same output and registry
    tag_corpus([src], output=out, batch_size=8, progress=False, registry=reg)
    before = len(reg)
    real_write = sink._File.write

    def full_disk(self: sink._File, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(sink._File, "write", full_disk)
    with pytest.raises(sink.OutputError):
        tag_corpus([src], output=out, batch_size=8, progress=False, registry=reg, overwrite=True)
    assert len(reg) == before  # the failed batch's registry rows were rolled back
    monkeypatch.setattr(sink._File, "write", real_write)
    # resume redoes the whole new run: the earlier run's checkpoint was reset, not reused
    summary = tag_corpus([src], output=out, batch_size=8, progress=False, registry=reg, resume=True)
    assert summary.resumed_from == 0
    assert out.read_bytes() == (tmp_path / "ref.jsonl").read_bytes()
    # the registry saw the corpus twice (two runs), each document once per run
    assert [(e.id, e.mention_count, e.document_count) for e in reg.entities()] == [
        (e.id, 2 * e.mention_count, 2 * e.document_count) for e in ref_reg.entities()
    ]


def test_resume_refuses_other_settings(tmp_path: Path, fake: None) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 10)
    out = tmp_path / "out.jsonl"
    tag_corpus([src], output=out, progress=False)
    with pytest.raises(InputError, match="same inputs and settings"):
        tag_corpus([src], output=out, progress=False, resume=True, no_text=True)


def _run_support(delay: float, **kwargs: object) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [str(Path(__file__).parents[1] / "src"), os.environ.get("PYTHONPATH", "")]
        ),
    }
    args = [sys.executable, str(SUPPORT), str(delay), json.dumps(kwargs, default=str)]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _done(progress: Path) -> int:
    try:
        return int(json.loads(progress.read_text())["records_done"])
    except (OSError, ValueError):
        return 0


@pytest.mark.slow
@pytest.mark.parametrize("registry", [False, True])
def test_sigkill_then_resume_equals_uninterrupted_run(tmp_path: Path, registry: bool) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 300, bad_every=13)
    common: dict[str, object] = {
        "inputs": [str(src)],
        "batch_size": 4,
        "progress": False,
        "id_field": "id",
    }
    ref_out, out = tmp_path / "ref.jsonl", tmp_path / "out.jsonl"
    if registry:
        common["fake_registry"] = True
    ref = _run_support(
        0.0,
        output=str(ref_out),
        **common,
        **({"registry": str(tmp_path / "ref.db")} if registry else {}),
    )
    assert ref.wait(60) == 0, ref.stderr.read() if ref.stderr else ""
    reg = {"registry": str(tmp_path / "run.db")} if registry else {}
    progress = tmp_path / "out.jsonl.progress"
    killed_at = []
    # Seeded: the same pauses before each kill on every run (the kill points still depend on
    # the machine's speed, which is why the loop waits for a record count first).
    rng = random.Random(2024 + registry)
    for attempt, target in enumerate((40, 130, 220)):  # kill at three points, then finish
        proc = _run_support(0.004, output=str(out), resume=attempt > 0, **common, **reg)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _done(progress) < target:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.02))  # somewhere inside a batch, or between batches
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        killed_at.append(_done(progress))
    assert all(n < 300 for n in killed_at), killed_at  # each run really was interrupted
    done = _run_support(0.0, output=str(out), resume=True, **common, **reg)
    assert done.wait(60) == 0, done.stderr.read() if done.stderr else ""
    assert out.read_bytes() == ref_out.read_bytes()
    assert (tmp_path / "out.errors.jsonl").read_bytes() == (
        tmp_path / "ref.errors.jsonl"
    ).read_bytes()
    if registry:
        from entityx.registry import Registry

        with Registry(tmp_path / "ref.db") as a, Registry(tmp_path / "run.db") as b:
            assert [(e.id, e.mention_count, e.document_count, e.aliases) for e in a.entities()] == [
                (e.id, e.mention_count, e.document_count, e.aliases) for e in b.entities()
            ]
