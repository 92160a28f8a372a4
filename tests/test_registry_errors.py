"""The registry under a full disk, on corrupt pages, and with LIKE wildcards in a search."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from entityx.corpus import tag_corpus
from entityx.errors import RegistryError
from entityx.registry import Registry

sys.path.insert(0, str(Path(__file__).parent))
from test_corpus_support import fake_keys, fake_same, install_fake, make_jsonl


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    from entityx.corpus import work

    monkeypatch.setattr(work, "_extractor", work._extractor)  # restored after the test
    install_fake()


def _registry(path: Path) -> Registry:
    return Registry(path, keys=fake_keys, same=fake_same)


def _name(i: int) -> str:
    letters = ""
    while True:
        i, r = divmod(i, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
        if not i:
            return "K" + letters * 8  # long aliases: the registry grows fast


def _many_names(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(f'{{"text": "{_name(2 * i)} met {_name(2 * i + 1)}."}}\n')


def test_a_full_disk_under_the_registry_is_a_registry_error_and_resume_recovers(
    tmp_path: Path, fake: None
) -> None:
    src = tmp_path / "in.jsonl"
    _many_names(src, 400)
    with _registry(tmp_path / "ref.db") as ref:
        tag_corpus([src], output=tmp_path / "ref.jsonl", batch_size=8, progress=False, registry=ref)
    reg = _registry(tmp_path / "run.db")
    pages = reg._db.execute("PRAGMA page_count").fetchone()[0]
    reg._db.execute(f"PRAGMA max_page_count = {pages + 3}")  # room for a few batches only
    common = {"output": tmp_path / "out.jsonl", "batch_size": 8, "progress": False}
    with pytest.raises(RegistryError, match=r"run\.db: the disk .* is full.*--resume"):
        tag_corpus([src], registry=reg, **common)
    reg.close()
    with _registry(tmp_path / "run.db") as roomy:
        summary = tag_corpus([src], registry=roomy, resume=True, **common)
        assert summary.resumed_from > 0
        with _registry(tmp_path / "ref.db") as ref:
            assert [(e.id, e.mention_count, e.aliases) for e in roomy.entities()] == [
                (e.id, e.mention_count, e.aliases) for e in ref.entities()
            ]
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "ref.jsonl").read_bytes()


def test_corrupt_registry_pages_are_a_registry_error(tmp_path: Path, fake: None) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 200)
    path = tmp_path / "reg.db"
    with _registry(path) as reg:
        tag_corpus([src], output=tmp_path / "o.jsonl", progress=False, registry=reg)
        assert reg._db.execute("PRAGMA page_count").fetchone()[0] > 4
    data = bytearray(path.read_bytes())
    page = 4096
    data[page : len(data)] = b"\xa5" * (len(data) - page)  # every page after the first
    path.write_bytes(bytes(data))
    corrupt = r"reg\.db: not a usable entityx registry.*corrupt"
    with pytest.raises(RegistryError, match=corrupt), _registry(path) as broken:
        broken.entities()
        broken.search("Lavrov")


def test_search_treats_percent_and_underscore_literally(tmp_path: Path, fake: None) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 12)
    with _registry(tmp_path / "reg.db") as reg:
        tag_corpus([src], output=tmp_path / "o.jsonl", progress=False, registry=reg)
        assert len(reg) > 3
        for wildcard in ("%", "_", "%%", "_a", "\\"):
            assert reg.search(wildcard) == []
        assert [e.name for e in reg.search("erk")] == ["Merkel"]  # substrings still match


def test_the_registry_token_tells_two_files_apart(tmp_path: Path) -> None:
    with Registry(tmp_path / "a.db") as a, Registry(tmp_path / "b.db") as b:
        assert a.token and b.token and a.token != b.token
        token = a.token
    with Registry(tmp_path / "a.db") as again:
        assert again.token == token


def test_a_tampered_registry_checkpoint_is_a_registry_error(tmp_path: Path) -> None:
    with Registry(tmp_path / "reg.db") as reg:
        reg.set_checkpoint("run", {"records_done": 3})
        assert reg.checkpoint("run") == {"records_done": 3}
        reg._db.execute("UPDATE checkpoints SET state = '[1, 2' WHERE run = 'run'")
        with pytest.raises(RegistryError, match="checkpoint of run 'run' is corrupt"):
            reg.checkpoint("run")
