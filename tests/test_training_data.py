"""Training-data preparation of ``models/train.py``: the dev split and mention replacement."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from entityx.iob import TaggedSentence, iob_to_spans
from models_scripts import load_script


def _sent(text: str) -> TaggedSentence:
    words, tags = zip(*(w.rsplit("/", 1) for w in text.split()), strict=True)
    return TaggedSentence(words=tuple(words), tags=tuple(tags))


SENTENCES = [
    _sent("Ο/O Πούτιν/B-PERSON μίλησε/O στη/O Μόσχα/B-LOC ./O"),
    _sent("Ο/O Ερντογάν/B-PERSON πήγε/O στην/O Αθήνα/B-LOC ./O"),
    _sent("Ο/O Σεργκέι/B-PERSON Λαβρόφ/I-PERSON έφτασε/O στη/O Γένοβα/B-LOC ./O"),
    _sent("Η/O Ουάσιγκτον/B-LOC και/O η/O Γερμανία/B-LOC ./O"),
    _sent("Joe/B-PERSON Biden/I-PERSON met/O Olaf/B-PERSON Scholz/I-PERSON in/O Paris/B-LOC ./O"),
    _sent("Kim/B-PERSON flew/O to/O Berlin/B-LOC for/O the/O UN/B-ORG ./O"),
    _sent("Ο/O Μακρόν/B-PERSON είπε/O ότι/O η/O ΕΕ/B-ORG και/O η/O Ρωσική/B-MISC γλώσσα/O ./O"),
]


def test_replace_mentions_swaps_names_within_label_script_and_ending() -> None:
    augment = load_script("augment")
    copies = augment.replace_mentions(SENTENCES, rate=1.0, seed=0)
    assert copies, "every sentence was eligible; some names have partners"
    names_by_label: dict[str, set[tuple[str, ...]]] = {}
    for sent in SENTENCES:
        for s, e, label in iob_to_spans(sent.tags):
            names_by_label.setdefault(label, set()).add(sent.words[s:e])
    for copy in copies:
        assert len(copy.words) == len(copy.tags)
        for s, e, label in iob_to_spans(copy.tags):
            assert copy.words[s:e] in names_by_label[label], (label, copy.words[s:e])
    # Greek names only trade with Greek names that end alike: -να with -να, -ν with -ν.
    greek_locs = {c.words[4] for c in copies if c.words[3] in {"στη", "στην"}}
    assert greek_locs <= {"Μόσχα", "Αθήνα", "Γένοβα"}
    # MISC is never swapped; the words around the names are kept.
    for copy in copies:
        if "Ρωσική" in copy.words:
            assert copy.words[-3:] == ("Ρωσική", "γλώσσα", ".")


def test_replace_mentions_is_deterministic_and_rate_bounded() -> None:
    augment = load_script("augment")
    first = augment.replace_mentions(SENTENCES * 20, rate=0.3, seed=7)
    assert first == augment.replace_mentions(SENTENCES * 20, rate=0.3, seed=7)
    assert 0 < len(first) < len(SENTENCES) * 20 * 0.6
    assert augment.replace_mentions(SENTENCES, rate=0.0) == []
    with pytest.raises(ValueError, match="rate"):
        augment.replace_mentions(SENTENCES, rate=1.5)


def _write_iob(path: Path, sentences: list[TaggedSentence]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    blocks = [
        "\n".join(f"{w}\t{t}" for w, t in zip(s.words, s.tags, strict=True)) for s in sentences
    ]
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def test_convert_holds_out_every_fifth_split_dev_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    train = load_script("train")
    data = tmp_path / "data"
    dev = [_sent(f"Ο/O Πούτιν/B-PERSON είπε/O {i}/O ./O") for i in range(10)]
    _write_iob(data / "el" / "train.iob2", SENTENCES[:4])
    _write_iob(data / "el" / "dev.iob2", dev)
    _write_iob(data / "en" / "dev.iob2", SENTENCES[4:])
    monkeypatch.setattr(train, "TRAIN_FILES", ["el/train.iob2"])
    monkeypatch.setattr(train, "DEV_FILES", ["en/dev.iob2"])
    monkeypatch.setattr(train, "SPLIT_DEV_FILES", ["el/dev.iob2"])
    train.convert(data, tmp_path / "corpus", held_out_every=5)

    vocab = spacy.blank("el").vocab

    def texts(name: str) -> list[str]:
        docs = DocBin().from_disk(tmp_path / "corpus" / f"{name}.spacy").get_docs(vocab)
        return [d.text.strip() for d in docs]

    held_out = [t for t in texts("dev") if t.startswith("Ο Πούτιν είπε")]
    assert held_out == ["Ο Πούτιν είπε 0 .", "Ο Πούτιν είπε 5 ."]
    trained = texts("train")
    assert len(trained) == 4 + 8
    assert not set(held_out) & set(trained)


@pytest.mark.parametrize(
    ("held_out_every", "expected"),
    [
        (None, {"train": 10, "dev": 1}),  # the committed recipe: every 5th held out
        (1, {"train": 8, "dev": 3}),
    ],
)
def test_convert_holds_out_every_nth_split_dev_sentence(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    held_out_every: int | None,
    expected: dict[str, int],
) -> None:
    train = load_script("train")
    assert train.HELD_OUT_EVERY == 5
    data = tmp_path / "data"
    _write_iob(data / "train.iob2", SENTENCES[:4])
    _write_iob(data / "dev.iob2", SENTENCES[4:])
    monkeypatch.setattr(train, "TRAIN_FILES", ["train.iob2"])
    monkeypatch.setattr(train, "DEV_FILES", [])
    monkeypatch.setattr(train, "SPLIT_DEV_FILES", ["dev.iob2"])
    options = {} if held_out_every is None else {"held_out_every": held_out_every}
    train.convert(data, tmp_path / "corpus", repeats={"train.iob2": 2}, **options)
    vocab = spacy.blank("el").vocab
    count = {
        name: len(list(DocBin().from_disk(tmp_path / "corpus" / f"{name}.spacy").get_docs(vocab)))
        for name in ("train", "dev")
    }
    assert count == expected


@pytest.mark.parametrize("spec", ["en/not_a_file.iob2=2", "en/uner_ewt/dev.iob2=twice"])
def test_repeat_flag_rejects_unknown_files_and_counts(
    spec: str, capsys: pytest.CaptureFixture[str]
) -> None:
    train = load_script("train")
    with pytest.raises(SystemExit):
        train.main(["--repeat", spec])
    assert f"--repeat {spec}: expected FILE=N" in capsys.readouterr().err
