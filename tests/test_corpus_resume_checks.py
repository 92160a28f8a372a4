"""``--resume`` refuses what it cannot continue safely: changed inputs, another registry, a
tampered progress file; and nothing is overwritten when it does."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from entityx.corpus import tag_corpus
from entityx.corpus.sink import OutputError
from entityx.errors import CorpusError

sys.path.insert(0, str(Path(__file__).parent))
from test_corpus_support import fake_keys, fake_same, install_fake, make_jsonl


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    from entityx.corpus import work

    monkeypatch.setattr(work, "_extractor", work._extractor)  # restored after the test
    install_fake()


def _crash_after(monkeypatch: pytest.MonkeyPatch, writes: int) -> None:
    """Make the output fail with ENOSPC from the ``writes``-th write on."""
    from entityx.corpus import sink

    real_write = sink._File.write
    calls = {"n": 0}

    def write(self: sink._File, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] >= writes:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(self, data)

    monkeypatch.setattr(sink._File, "write", write)


def _interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **kwargs: object) -> Path:
    """An input of 80 records and a run into out.jsonl that stopped part-way (at record 32)."""
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 80, bad_every=9)
    with monkeypatch.context() as patch:
        _crash_after(patch, 8)
        with pytest.raises(OutputError):
            tag_corpus([src], output=tmp_path / "out.jsonl", batch_size=8, progress=False, **kwargs)
    assert json.loads((tmp_path / "out.jsonl.progress").read_text())["records_done"] == 32
    return src


def _files(tmp_path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(tmp_path.glob("out*"))}


def test_resume_refuses_an_input_with_lines_deleted(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _interrupted(tmp_path, monkeypatch)
    lines = src.read_bytes().splitlines(keepends=True)
    src.write_bytes(b"".join(lines[:10] + lines[40:]))
    before = _files(tmp_path)
    changed = r"in\.jsonl changed since the interrupted run \(its size"
    with pytest.raises(CorpusError, match=changed):
        tag_corpus([src], output=tmp_path / "out.jsonl", batch_size=8, progress=False, resume=True)
    assert _files(tmp_path) == before


def test_resume_refuses_tagged_bytes_edited_in_place(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _interrupted(tmp_path, monkeypatch)
    stat = src.stat()
    data = src.read_bytes().replace(b"Day 3:", b"Day 9:", 1)  # same size, in the tagged part
    src.write_bytes(data)
    os.utime(src, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same modification time
    before = _files(tmp_path)
    with pytest.raises(CorpusError, match=r"in\.jsonl changed .*bytes already tagged"):
        tag_corpus([src], output=tmp_path / "out.jsonl", batch_size=8, progress=False, resume=True)
    assert _files(tmp_path) == before


def test_resume_of_unchanged_gzip_input_equals_an_uninterrupted_run(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gzip

    plain = tmp_path / "plain.jsonl"
    make_jsonl(plain, 80, bad_every=9)
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress(plain.read_bytes().replace(b"\n", b"\r\n")))
    tag_corpus([src], output=tmp_path / "ref.jsonl", batch_size=8, progress=False)
    with monkeypatch.context() as patch:
        _crash_after(patch, 8)
        with pytest.raises(OutputError):
            tag_corpus([src], output=tmp_path / "out.jsonl", batch_size=8, progress=False)
    tag_corpus([src], output=tmp_path / "out.jsonl", batch_size=8, progress=False, resume=True)
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "ref.jsonl").read_bytes()


def _registry(path: Path):
    from entityx.registry import Registry

    return Registry(path, keys=fake_keys, same=fake_same)


def test_resume_refuses_a_deleted_registry_and_does_not_create_one(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg_path = tmp_path / "reg.db"
    src = _interrupted(tmp_path, monkeypatch, registry=reg_path)
    for path in tmp_path.glob("reg.db*"):
        path.unlink()
    before = _files(tmp_path)
    with pytest.raises(CorpusError, match=r"reg\.db: the registry of the interrupted run .* gone"):
        tag_corpus(
            [src],
            output=tmp_path / "out.jsonl",
            batch_size=8,
            progress=False,
            resume=True,
            registry=reg_path,
        )
    assert not reg_path.exists() and _files(tmp_path) == before


def test_resume_refuses_a_replaced_registry(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg_path = tmp_path / "reg.db"
    src = _interrupted(tmp_path, monkeypatch, registry=reg_path)
    for path in tmp_path.glob("reg.db*"):
        path.unlink()
    _registry(reg_path).close()  # a new, empty registry at the same path
    before = _files(tmp_path)
    with pytest.raises(CorpusError, match="was replaced by another registry"):
        tag_corpus(
            [src],
            output=tmp_path / "out.jsonl",
            batch_size=8,
            progress=False,
            resume=True,
            registry=_registry(reg_path),
        )
    assert _files(tmp_path) == before


def test_resume_refuses_a_registry_restored_from_an_older_copy(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg_path = tmp_path / "reg.db"
    src = _interrupted(tmp_path, monkeypatch, registry=reg_path)
    copy = tmp_path / "copy.db"
    with sqlite3.connect(reg_path) as live, sqlite3.connect(copy) as backup:
        live.backup(backup)
    common = {"output": tmp_path / "out.jsonl", "batch_size": 8, "progress": False}
    with monkeypatch.context() as patch:
        _crash_after(patch, 6)  # the resumed run gets further, then stops again
        with pytest.raises(OutputError):
            tag_corpus([src], resume=True, registry=reg_path, **common)
    for path in tmp_path.glob("reg.db*"):
        path.unlink()
    copy.rename(reg_path)
    before = _files(tmp_path)
    with pytest.raises(CorpusError, match="older than the output"):
        tag_corpus([src], resume=True, registry=_registry(reg_path), **common)
    assert _files(tmp_path) == before


@pytest.mark.parametrize(
    "tamper",
    [
        lambda state: [state],
        lambda state: {**state, "records_done": "32"},
        lambda state: {**state, "records_done": -1},
        lambda state: {**state, "complete": "yes"},
        lambda state: {**state, "extra": None},
        lambda state: {**state, "surprise": 1},
        lambda state: {k: v for k, v in state.items() if k != "fingerprint"},
        lambda state: {**state, "extra": {**state["extra"], "inputs": "?"}},
        lambda state: {**state, "extra": {**state["extra"], "inputs": [None]}},
        lambda state: {**state, "extra": {**state["extra"], "inputs": {"files": 1}}},
        lambda state: {**state, "version": 99},
        lambda state: "not json{",
    ],
)
def test_a_tampered_progress_file_is_a_clear_error(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch, tamper
) -> None:
    src = _interrupted(tmp_path, monkeypatch)
    progress = tmp_path / "out.jsonl.progress"
    changed = tamper(json.loads(progress.read_text()))
    progress.write_text(changed if isinstance(changed, str) else json.dumps(changed))
    before = _files(tmp_path)
    with pytest.raises(CorpusError, match=r"out\.jsonl\.progress.*--overwrite"):
        tag_corpus([src], output=tmp_path / "out.jsonl", batch_size=8, progress=False, resume=True)
    assert _files(tmp_path) == before
    # starting over is always possible
    summary = tag_corpus([src], output=tmp_path / "out.jsonl", progress=False, overwrite=True)
    assert summary.documents == 72


def test_many_files_small_checkpoint_and_an_edited_earlier_file(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(200):
        (folder / f"{i:03}.txt").write_text(f"Day {i}: Lavrov met Obama.", encoding="utf-8")
    common = {"batch_size": 8, "progress": False}
    tag_corpus([folder], output=tmp_path / "ref.jsonl", **common)
    out = tmp_path / "out.jsonl"
    with monkeypatch.context() as patch:
        _crash_after(patch, 12)
        with pytest.raises(OutputError):
            tag_corpus([folder], output=out, **common)
    progress = tmp_path / "out.jsonl.progress"
    assert json.loads(progress.read_text())["records_done"] == 88
    assert progress.stat().st_size < 1500  # not one entry per input file
    early = folder / "003.txt"
    stat, original = early.stat(), early.read_bytes()
    early.write_bytes(original.replace(b"Day 3", b"Day 8"))
    os.utime(early, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(CorpusError, match=r"an input before .*bytes already tagged"):
        tag_corpus([folder], output=out, resume=True, **common)
    early.write_bytes(original)
    os.utime(early, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    tag_corpus([folder], output=out, resume=True, **common)
    assert out.read_bytes() == (tmp_path / "ref.jsonl").read_bytes()
