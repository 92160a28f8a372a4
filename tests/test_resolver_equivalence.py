"""The resolver's shortcuts give the results of the long way round.

Fuzzy matching has two ways to build its candidate pairs and reading pairs (plain Python for
a document's names, numpy arrays for large contexts): both must give the same entities. A
label whose names are all in one script skips the spelling conventions: that must not change
its entities either. And resolving leaves the process's garbage collector as it found it.
"""

from __future__ import annotations

import gc
import random
from pathlib import Path

import pytest

from entityx.resolution import Resolver, cluster, fuzzy
from entityx.resolution.evaluate import load_lines
from entityx.resolution.matching import with_name_parts
from entityx.text.greek import has_greek
from entityx.text.readings import reading_stems

DATA = Path(__file__).parent / "data"
GREEK = ["κα", "λο", "μπε", "ντα", "γκι", "τσο", "ρι", "νου", "πα", "σε", "τζι", "λια", "ου"]
LATIN = ["ka", "lo", "be", "da", "gi", "cho", "ri", "nu", "pa", "se", "ji", "lia", "w"]


def _synthetic(n: int, seed: int) -> list[tuple[str, str]]:
    """Random two-script names from few syllables, so that blocks are crowded."""
    rng = random.Random(seed)
    out: dict[tuple[str, str], None] = {}
    while len(out) < n:
        label = rng.choice(["PERSON", "PERSON", "LOC", "ORG"])
        syl = GREEK if rng.random() < 0.6 else LATIN
        words = 2 if label == "PERSON" else rng.randint(1, 2)
        name = " ".join(
            "".join(rng.choice(syl) for _ in range(rng.randint(2, 3))).capitalize()
            for _ in range(words)
        )
        out[(name, label)] = None
    return list(out)


def _real() -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for name in ("resolve_tune.jsonl", "resolve_heldout.jsonl"):
        for line in load_lines(DATA / name):
            items += [(form, line.label) for form in dict.fromkeys([*line.greek, *line.latin])]
    return items


def _result(items: list[tuple[str, str]], **settings: object) -> tuple[list[dict], list[str]]:
    entities, ids = Resolver(**settings).resolve(items)  # type: ignore[arg-type]
    return [e.model_dump() for e in entities], ids


@pytest.mark.parametrize("kb", [None, False])
def test_python_and_numpy_fuzzy_matching_agree(monkeypatch: pytest.MonkeyPatch, kb: object) -> None:
    items = _synthetic(2000, seed=1) + _real()
    random.Random(2).shuffle(items)
    monkeypatch.setattr(fuzzy, "VECTOR_MIN", 10**9)
    python = _result(items, kb=kb, max_block=20)
    monkeypatch.setattr(fuzzy, "VECTOR_MIN", 0)
    assert _result(items, kb=kb, max_block=20) == python
    assert len(python[0]) < len(set(items))  # fuzzy matching did merge names


@pytest.mark.parametrize("label", ["PERSON", "LOC"])
def test_candidate_pairs_and_reading_pairs_agree(label: str) -> None:
    resolver = Resolver(kb=False)
    names, _ = resolver._collect(_synthetic(2000, seed=3) + _real())
    idxs = [i for i, n in enumerate(names) if n.label == label]
    resolver._read(names, idxs)
    codes = fuzzy.candidate_pairs(names, idxs, 30)
    pairs = fuzzy._pairs(names, idxs, 30)
    assert len(codes) == len(pairs) > 500
    assert {divmod(c, len(names)) for c in codes.tolist()} == pairs
    rows = fuzzy._Rows(names, idxs)
    left, right = rows.tasks(names, idxs, 30)
    vector = rows.vector_tasks(names, codes)
    assert sorted(zip(*(v.tolist() for v in vector), strict=True)) == sorted(
        zip(left, right, strict=True)
    )
    assert len(left) > len(pairs)  # conventions were compared too


def _read_every_name(self: Resolver, names: list, idxs: list[int]) -> None:
    for i in idxs:
        readings = reading_stems(names[i].surface)
        names[i].readings = (
            with_name_parts(readings, names[i].surface) if names[i].person else readings
        )


@pytest.mark.parametrize("greek", [False, True])
@pytest.mark.parametrize("real", [False, True])  # fewer, then more full names than max_block
def test_one_script_labels_need_no_conventions(
    monkeypatch: pytest.MonkeyPatch, greek: bool, real: bool
) -> None:
    items = _synthetic(150, seed=5) + (_real() if real else [])
    items = [it for it in items if has_greek(it[0]) == greek]
    items += [(surface.split()[-1], label) for surface, label in items[:40]]  # short forms
    read = []
    monkeypatch.setattr(cluster, "reading_stems", lambda s: read.append(s) or reading_stems(s))
    shortcut = _result(items)
    if not real and not greek:
        assert not read  # the shortcut was taken, for people too (Greek people are read: acronyms)
    monkeypatch.setattr(Resolver, "_read", _read_every_name)
    assert _result(items) == shortcut


def test_resolve_leaves_the_garbage_collector_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("the resolver switched the garbage collector")

    items = _synthetic(600, seed=4)
    was_enabled = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            with monkeypatch.context() as patch:
                patch.setattr(gc, "disable", refuse)
                patch.setattr(gc, "enable", refuse)
                Resolver().resolve(items)
            assert gc.isenabled() == enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()
