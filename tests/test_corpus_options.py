"""TagOptions: one checked settings object, and a resume fingerprint derived from its fields."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from entityx.corpus import TagOptions, tag_corpus
from entityx.corpus.options import NOT_IN_FINGERPRINT, fingerprinted
from entityx.errors import InputError

sys.path.insert(0, str(Path(__file__).parent))
from test_corpus_support import install_fake, make_jsonl


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    from entityx.corpus import work

    monkeypatch.setattr(work, "_extractor", work._extractor)  # restored after the test
    install_fake()


def test_every_field_is_either_fingerprinted_or_declared_harmless() -> None:
    names = {f.name for f in dataclasses.fields(TagOptions)}
    assert names >= NOT_IN_FINGERPRINT  # no stale name in the exclusion list
    assert set(fingerprinted()) == names - NOT_IN_FINGERPRINT
    assert set(fingerprinted()) == {
        "text_field",
        "id_field",
        "model",
        "kb",
        "registry",
        "max_chars",
        "no_text",
    }


def test_options_are_frozen_and_checked_when_made() -> None:
    options = TagOptions(output="out.jsonl")
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.workers = 2  # type: ignore[misc]
    with pytest.raises(InputError, match="workers must be an integer of at least 1"):
        TagOptions(output="out.jsonl", workers=0)
    with pytest.raises(InputError, match="backend must be one of"):
        TagOptions(output="out.jsonl", backend="spark")
    with pytest.raises(InputError, match="pass one"):
        TagOptions(output="out.jsonl", resume=True, overwrite=True)
    with pytest.raises(InputError, match="recycle_after"):
        TagOptions(output="out.jsonl", recycle_after=True)


def test_settings_that_cannot_change_the_output_leave_the_fingerprint_alone(
    tmp_path: Path,
) -> None:
    base = TagOptions(output=tmp_path / "o.jsonl")
    same = dataclasses.replace(
        base, workers=3, batch_size=7, progress=False, strict=True, glob="*.md"
    )
    other = dataclasses.replace(base, max_chars=10)
    key = base.fingerprint(inputs=["a.jsonl"], registry=None)
    assert same.fingerprint(inputs=["a.jsonl"], registry=None) == key
    assert other.fingerprint(inputs=["a.jsonl"], registry=None) != key
    assert base.fingerprint(inputs=["b.jsonl"], registry=None) != key
    # a path and its string are one setting
    as_path = dataclasses.replace(base, model=tmp_path / "m")
    as_str = dataclasses.replace(base, model=str(tmp_path / "m"))
    assert as_path.fingerprint(inputs=[], registry=None) == as_str.fingerprint(
        inputs=[], registry=None
    )


def test_the_fingerprint_is_the_one_earlier_versions_wrote(tmp_path: Path) -> None:
    """Progress files written before TagOptions still resume: same settings, same digest."""
    import hashlib
    import json

    options = TagOptions(output="o.jsonl", model=tmp_path / "m", id_field="id", no_text=True)
    before = {
        "inputs": ["a.jsonl"],
        "text_field": "text",
        "id_field": "id",
        "max_chars": 1_000_000,
        "no_text": True,
        "model": str(tmp_path / "m"),
        "kb": None,
        "registry": None,
    }
    digest = hashlib.sha256(json.dumps(before, sort_keys=True, default=str).encode()).hexdigest()
    assert options.fingerprint(inputs=["a.jsonl"], registry=None) == digest


def test_options_object_and_keywords_give_the_same_run(tmp_path: Path, fake: None) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 30, bad_every=7)
    by_keywords = tag_corpus([src], output=tmp_path / "a.jsonl", batch_size=4, progress=False)
    options = TagOptions(output=tmp_path / "b.jsonl", batch_size=4, progress=False)
    by_options = tag_corpus([src], options=options)
    assert (by_keywords.documents, by_keywords.errors) == (by_options.documents, by_options.errors)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    # keywords given with options= replace its fields
    again = tag_corpus([src], options=options, output=tmp_path / "c.jsonl")
    assert again.output == str(tmp_path / "c.jsonl")
    assert (tmp_path / "c.jsonl").read_bytes() == (tmp_path / "a.jsonl").read_bytes()


def test_resume_may_change_what_does_not_change_the_output(tmp_path: Path, fake: None) -> None:
    src = tmp_path / "in.jsonl"
    make_jsonl(src, 40)
    out = tmp_path / "o.jsonl"
    tag_corpus([src], output=out, batch_size=4, progress=False)
    done = tag_corpus([src], output=out, batch_size=16, progress=False, resume=True)
    assert done.documents == 40
    with pytest.raises(InputError, match=r"same inputs and settings.*--max-chars"):
        tag_corpus([src], output=out, max_chars=5, progress=False, resume=True)


def test_an_unknown_setting_is_a_type_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"'worker'.*workers"):
        tag_corpus([tmp_path], output=tmp_path / "o.jsonl", worker=2)
