"""Support for the corpus tests (no tests here): a fake pipeline and fake name matching.

The fake extractor tags every capitalised word as a PERSON, so corpus tests run in
milliseconds and do not depend on the trained model. It can also be slowed down (to kill a
run mid-way) and made to fail on a text containing ``CRASH``.
"""

from __future__ import annotations

import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from entityx.models import Document, Entity, Mention, SentenceSpan

_WORD = re.compile(r"\b[A-ZΑ-Ω][^\W\d_]+")
_GREEK = str.maketrans(
    {
        "α": "a",
        "β": "v",
        "γ": "g",
        "δ": "d",
        "ε": "e",
        "ζ": "z",
        "η": "i",
        "θ": "th",
        "ι": "i",
        "κ": "k",
        "λ": "l",
        "μ": "m",
        "ν": "n",
        "ξ": "x",
        "ο": "o",
        "π": "p",
        "ρ": "r",
        "σ": "s",
        "ς": "s",
        "τ": "t",
        "υ": "y",
        "φ": "f",
        "χ": "ch",
        "ψ": "ps",
        "ω": "o",
    }
)


def fake_key(name: str) -> str:
    """Greek→Latin, no accents, case-folded, f/v and final -s folded: Λαβρόφ ~ Lavrov."""
    text = unicodedata.normalize("NFD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_GREEK)
    return text.replace("f", "v").rstrip("s")


def fake_keys(name: str, label: str) -> frozenset[str]:
    return frozenset({fake_key(name)})


def fake_same(known: Iterable[str], new: Iterable[str], label: str) -> bool:
    return bool({fake_key(a) for a in known} & {fake_key(a) for a in new})


class FakeResolver:
    """Stands in for :class:`entityx.resolution.Resolver`: names with one fake key merge."""

    def resolve(self, items: list[tuple[str, str]]) -> tuple[list[object], list[str]]:
        return [], [fake_key(surface) for surface, _ in items]


class FakeExtractor:
    """Stands in for :class:`entityx.api.Extractor`."""

    def __init__(self, *, delay: float = 0.0) -> None:
        self.delay = delay

    def pipe(
        self, texts: Iterable[str], *, batch_size: int = 64, ids: Iterable[str | None] | None = None
    ) -> Iterator[Document]:
        id_list = list(ids) if ids is not None else None
        for i, text in enumerate(texts):
            yield self.extract(text, doc_id=None if id_list is None else id_list[i])

    def extract(self, text: str, *, doc_id: str | None = None) -> Document:
        if self.delay:
            time.sleep(self.delay)
        if "CRASH" in text:
            raise RuntimeError("fake pipeline crash")
        mentions = []
        entities: dict[str, list[str]] = {}
        for match in _WORD.finditer(text):
            eid = "person:" + fake_key(match.group())
            entities.setdefault(eid, []).append(match.group())
            mentions.append(
                Mention(
                    text=match.group(),
                    start=match.start(),
                    end=match.end(),
                    label="PERSON",
                    entity_id=eid,
                    sentence=0,
                )
            )
        return Document(
            id=doc_id,
            text=text,
            sentences=(SentenceSpan(start=0, end=len(text)),),
            mentions=tuple(mentions),
            entities=tuple(
                Entity(
                    id=eid,
                    name=forms[0],
                    label="PERSON",
                    aliases=tuple(dict.fromkeys(forms)),
                    mention_count=len(forms),
                )
                for eid, forms in entities.items()
            ),
        )


def install_fake(*, delay: float = 0.0) -> FakeExtractor:
    """Make the corpus workers of *this process* use a :class:`FakeExtractor`."""
    from entityx.corpus import work

    fake = FakeExtractor(delay=delay)
    work._extractor = lambda model, kb: fake  # type: ignore[assignment]
    return fake


def make_jsonl(path: Path, n: int, *, bad_every: int = 0) -> list[str]:
    """Write ``n`` records (every ``bad_every``-th one broken) and return the good ids."""
    good: list[str] = []
    with path.open("wb") as handle:
        for i in range(n):
            if bad_every and i % bad_every == bad_every - 1:
                handle.write(b'{"id": "bad%d", "text": \n' % i)
                continue
            name = ["Lavrov", "Λαβρόφ", "Merkel", "Μέρκελ", "Athens", "Αθήνα"][i % 6]
            line = f'{{"id": "d{i}", "text": "Day {i}: {name} met Obama in Brussels."}}\n'
            handle.write(line.encode())
            good.append(f"d{i}")
    return good


def make_tiny_pipeline(path: Path) -> Path:
    """A real (blank, rule-based) spaCy pipeline that loads in well under a second."""
    import spacy

    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("entity_ruler")
    people = ["Lavrov", "Λαβρόφ", "Merkel", "Μέρκελ", "Obama"]
    places = ["Athens", "Αθήνα", "Brussels"]
    ruler.add_patterns(  # type: ignore[attr-defined]
        [{"label": "PERSON", "pattern": w} for w in people]
        + [{"label": "LOC", "pattern": w} for w in places]
    )
    nlp.to_disk(path)
    return path


def check_unloadable_model_fails_before_output(tmp_path: Path, **backend: object) -> None:
    """A run whose workers cannot load the model raises, leaving an earlier output as it was
    and writing no other file (``backend``: the backend settings, e.g. ``workers=2``)."""
    import pytest

    from entityx.corpus import tag_corpus
    from entityx.errors import CorpusError

    src = tmp_path / "in.jsonl"
    make_jsonl(src, 4)
    out = tmp_path / "out.jsonl"
    out.write_text("earlier\n")
    with pytest.raises(CorpusError, match="Could not load the spaCy pipeline"):
        tag_corpus(
            [src], output=out, model=tmp_path / "nope", overwrite=True, progress=False, **backend
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]
    assert out.read_text() == "earlier\n"


def main() -> None:
    """``python test_corpus_support.py DELAY JSON_KWARGS``: tag_corpus with the fake pipeline."""
    import json

    from entityx.corpus import tag_corpus

    install_fake(delay=float(sys.argv[1]))
    kwargs = json.loads(sys.argv[2])
    if kwargs.pop("fake_registry", False):
        from entityx.registry import Registry

        kwargs["registry"] = Registry(kwargs["registry"], keys=fake_keys, same=fake_same)
    summary = tag_corpus(**kwargs)
    print(json.dumps({"documents": summary.documents, "errors": summary.errors}))


if __name__ == "__main__":
    main()
