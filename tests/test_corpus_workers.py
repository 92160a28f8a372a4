"""Worker processes with a real (tiny) pipeline: same bytes as one process, registry included."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from entityx.corpus import tag_corpus

sys.path.insert(0, str(Path(__file__).parent))
from test_corpus_support import make_jsonl, make_tiny_pipeline


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tiny_pipeline(tmp_path_factory.mktemp("nlp") / "tiny")


@pytest.mark.slow
def test_two_workers_write_exactly_what_one_process_writes(tiny: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    good = make_jsonl(src, 240, bad_every=11)
    outputs = {}
    for workers in (1, 2):
        out = tmp_path / f"w{workers}.jsonl"
        summary = tag_corpus([src], output=out, model=tiny, workers=workers, batch_size=16,
                             registry=tmp_path / f"w{workers}.db", id_field="id", progress=False)
        assert summary.documents == len(good) and summary.errors == 240 - len(good)
        outputs[workers] = out.read_bytes()
    assert outputs[1] == outputs[2]
    docs = [json.loads(line) for line in outputs[2].splitlines()]
    assert [d["id"] for d in docs] == good
    # the registry gave Lavrov (d0) and Λαβρόφ (d1) one id
    ids = [{e["name"]: e["id"] for e in d["entities"]} for d in docs[:2]]
    lavrov = [i for name, i in ids[0].items() if "Lav" in name]
    assert lavrov and lavrov[0] in ids[1].values()
