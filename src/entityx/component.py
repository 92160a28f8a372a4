"""The spaCy component ``entityx_resolver``: a thin adapter over :mod:`entityx.resolution`.

It reads ``doc.ents``, maps their labels onto the entityx label set (spans whose label maps to
``None`` are skipped), resolves them as one context and sets:

- ``Doc._.entityx_entities``: ``list[Entity]``;
- ``Span._.entityx_id``: the entity id of each kept span of ``doc.ents``. Span extension values
  live in ``doc.user_data`` keyed by the span's offsets, so they survive re-creating the span.

This is the only module of entityx's resolver that imports spaCy.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc, Span

from .doc_rules import apply_document_rules
from .errors import KnowledgeBaseError
from .kbstore.store import StoredKnowledgeBase, open_kb
from .labels import map_label
from .resolution import KnowledgeBase, Resolver
from .resolution.matching import DEFAULT_THRESHOLD, DEFAULT_WORD_THRESHOLD
from .resolution.mentions import resolve_mentions
from .resolution.segment import apposition_split

__all__ = ["EntityxResolverComponent", "make_resolver", "name_definitions"]

_KB_FILE = "kb.jsonl"  # an in-memory (JSONL) KB, saved whole
_STORED_FILE = "kb.kb"  # a stored (SQLite) KB, hard-linked or copied in
_MANIFEST = "kb.json"  # which stored KB: the file above, or a path, and its fingerprint


def _register_extensions() -> None:
    # Idempotent: importing this module twice (or two pipelines) must not fail.
    if not Doc.has_extension("entityx_entities"):
        Doc.set_extension("entityx_entities", default=None)
    if not Span.has_extension("entityx_id"):
        Span.set_extension("entityx_id", default=None)


@Language.factory(
    "entityx_resolver",
    default_config={
        "kb_path": None,
        "gazetteer": True,
        "threshold": DEFAULT_THRESHOLD,
        "word_threshold": DEFAULT_WORD_THRESHOLD,
        "short_forms": True,
        "acronyms": True,
        "harmonise_labels": True,
        "split_appositions": True,
        "relabel_from_kb": True,
        "trim_spans": True,
        "recover_mentions": True,
    },
)
def make_resolver(
    nlp: Language,
    name: str,
    *,
    kb_path: str | None = None,
    gazetteer: bool = True,
    threshold: float = DEFAULT_THRESHOLD,
    word_threshold: float = DEFAULT_WORD_THRESHOLD,
    short_forms: bool = True,
    acronyms: bool = True,
    harmonise_labels: bool = True,
    split_appositions: bool = True,
    relabel_from_kb: bool = True,
    trim_spans: bool = True,
    recover_mentions: bool = True,
) -> EntityxResolverComponent:
    kb = open_kb(kb_path) if kb_path else None
    resolver = Resolver(
        kb=kb,
        gazetteer=gazetteer,
        threshold=threshold,
        word_threshold=word_threshold,
        short_forms=short_forms,
        acronyms=acronyms,
        relabel_from_kb=relabel_from_kb,
    )
    # With the pipeline's other weights, not in the first document's time.
    resolver.prepare()
    return EntityxResolverComponent(
        name,
        resolver,
        harmonise=harmonise_labels,
        split_appositions=split_appositions,
        trim_spans=trim_spans,
        recover_mentions=recover_mentions,
    )


class EntityxResolverComponent:
    """Resolve a doc's entity spans into canonical entities.

    With ``harmonise=True`` a name spelled the same way at least three times in a doc takes
    the label most of its mentions have (see :mod:`entityx.resolution.consistency`); the
    relabelled spans replace the old ones in ``doc.ents``. With ``split_appositions=True`` a
    place span such as ``Μαλαισίας Κουάλα Λουμπούρ`` becomes two places when the knowledge
    base knows both (see :mod:`entityx.resolution.segment`). Before all that, with
    ``trim_spans=True`` spans lose broken edges (``Mitsotakis and``) and title phrases
    (``Greek Culture Minister``) are dropped, and with ``recover_mentions=True`` a name tagged
    once is tagged where it recurs untagged (see :mod:`entityx.resolution.recover`).
    """

    #: How ``to_disk`` saves a stored (SQLite) KB: ``"copy"`` puts the file in the component
    #: directory (a hard link where the file system allows, else a copy), so the pipeline is
    #: whole wherever it goes; ``"reference"`` writes only its absolute path and fingerprint,
    #: for a KB too large to have twice on a file system the link cannot cross.
    save_stored_kb: Literal["copy", "reference"] = "copy"

    def __init__(
        self,
        name: str,
        resolver: Resolver,
        *,
        harmonise: bool = True,
        split_appositions: bool = True,
        trim_spans: bool = True,
        recover_mentions: bool = True,
    ) -> None:
        _register_extensions()
        self.name = name
        self.resolver = resolver
        self.harmonise = harmonise
        self.split_appositions = split_appositions
        self.trim_spans = trim_spans
        self.recover_mentions = recover_mentions

    def set_kb(self, kb: KnowledgeBase | None) -> None:
        """Use ``kb`` (layered over the gazetteer) from now on; it is saved with the pipeline."""
        self.resolver.set_kb(kb)

    def settings(self) -> dict[str, Any]:
        """The settings in force, as the factory config names them (for ``entityx info``)."""
        r = self.resolver
        return {
            "gazetteer": r.gazetteer,
            "user_kb_entries": len(r.user_kb) if r.user_kb is not None else 0,
            "threshold": r.threshold,
            "word_threshold": r.word_threshold,
            "short_forms": r.short_forms,
            "acronyms": r.acronyms,
            "harmonise_labels": self.harmonise,
            "relabel_from_kb": r.relabel_from_kb,
            "split_appositions": self.split_appositions,
            "trim_spans": self.trim_spans,
            "recover_mentions": self.recover_mentions,
        }

    def __call__(self, doc: Doc) -> Doc:
        if self.trim_spans or self.recover_mentions:
            apply_document_rules(doc, trim=self.trim_spans, recover=self.recover_mentions)
        _strip_space_tokens(doc)
        kb = self.resolver.kb if self.split_appositions else None
        spans: list[Span] = []
        items: list[tuple[str, str]] = []
        split = False
        for ent in doc.ents:
            label = map_label(ent.label_)
            if label is None:
                continue
            parts = _split_apposition(doc, ent, label, kb) if kb is not None else None
            if parts is not None:
                split = True
                spans.extend(parts)
                items.extend((part.text, label) for part in parts)
            else:
                spans.append(ent)
                items.append((ent.text, label))
        if split:
            # Spans whose labels map to None (DATE, ...) stay in doc.ents, in text order.
            kept = [ent for ent in doc.ents if map_label(ent.label_) is None]
            doc.ents = sorted([*kept, *spans], key=lambda span: span.start)
        resolved = resolve_mentions(
            items,
            resolver=self.resolver,
            definitions=name_definitions(doc, spans),
            harmonise=self.harmonise,
        )
        spans = _relabel(doc, spans, [label for _, label in items], resolved.labels)
        doc._.entityx_entities = resolved.entities
        for span, ent_id in zip(spans, resolved.ids, strict=True):
            span._.entityx_id = ent_id
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    # --- serialisation: only the user KB; settings live in the config ------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        kb = self.resolver.user_kb
        return kb.to_bytes() if kb is not None else b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> EntityxResolverComponent:
        self.set_kb(KnowledgeBase.from_bytes(data, source="<pipeline bytes>") if data else None)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the user KB: a JSONL one as ``kb.jsonl``; a stored one as the SQLite file (or
        a reference to it, :attr:`save_stored_kb`), never dumped entry by entry."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        kb = self.resolver.user_kb
        kept: set[str] = set()
        if isinstance(kb, StoredKnowledgeBase):
            kept = _save_stored_kb(kb, path, how=self.save_stored_kb)
        elif kb is not None:
            kb.to_jsonl(path / _KB_FILE)
            kept = {_KB_FILE}
        for stale in {_KB_FILE, _STORED_FILE, _MANIFEST} - kept:  # from an earlier save here
            (path / stale).unlink(missing_ok=True)

    def from_disk(
        self, path: str | Path, *, exclude: Iterable[str] = ()
    ) -> EntityxResolverComponent:
        path = Path(path)
        if (path / _MANIFEST).exists():
            self.set_kb(_open_saved_kb(path))
        elif (path / _KB_FILE).exists():
            self.set_kb(KnowledgeBase.from_jsonl(path / _KB_FILE))
        return self

    def initialize(
        self, get_examples: Callable[[], Any] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Nothing to train; present so ``nlp.initialize()`` works."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _save_stored_kb(kb: StoredKnowledgeBase, path: Path, *, how: str) -> set[str]:
    """Write the manifest (and the file, unless ``how`` is ``reference``); the names kept."""
    source = Path(kb.source).resolve()
    target = path / _STORED_FILE
    manifest: dict[str, object] = {"entries": len(kb), "fingerprint": kb.fingerprint()}
    if how == "reference" and not _same_file(source, target):
        manifest["path"] = str(source)
    else:
        if not _same_file(source, target):  # re-saving a loaded pipeline in place: kept as is
            partial = path / (_STORED_FILE + ".part")
            partial.unlink(missing_ok=True)
            try:
                os.link(source, partial)  # the builder never writes a KB in place: safe to share
            except OSError:
                shutil.copyfile(source, partial)
            os.replace(partial, target)
        manifest["file"] = _STORED_FILE
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (path / _MANIFEST).write_text(text, encoding="utf-8")
    return {_MANIFEST, _STORED_FILE} if "file" in manifest else {_MANIFEST}


def _open_saved_kb(path: Path) -> StoredKnowledgeBase:
    """The stored KB a saved component names, checked against the fingerprint it was saved
    with (always for a reference; for the file kept inside, when that check is instant)."""
    try:
        manifest = json.loads((path / _MANIFEST).read_text(encoding="utf-8"))
        name, where, expected = manifest.get("file"), manifest.get("path"), manifest["fingerprint"]
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise KnowledgeBaseError(
            f"{path / _MANIFEST}: unreadable ({exc}); save the pipeline again"
        ) from exc
    if isinstance(name, str) and name == Path(name).name:
        file = path / name
    elif isinstance(where, str):
        file = Path(where)
    else:
        raise KnowledgeBaseError(f"{path / _MANIFEST} names no KB file; save the pipeline again")
    if not file.is_file():
        raise KnowledgeBaseError(
            f"the pipeline at {path} uses the knowledge base {file}, which is missing: put it "
            "back, or load the pipeline, set_kb() the KB again and save it"
        )
    kb = StoredKnowledgeBase(file)
    if file != path / _STORED_FILE or str(expected).startswith("content:"):
        found = kb.fingerprint()
        if found != expected:
            raise KnowledgeBaseError(
                f"{file} is not the knowledge base the pipeline at {path} was saved with "
                f"(fingerprint {found}, saved {expected}): restore that file, or set_kb() this "
                "one and save the pipeline again"
            )
    return kb


def _split_apposition(
    doc: Doc, ent: Span, label: str, kb: KnowledgeBase
) -> tuple[Span, Span] | None:
    if len(ent) < 2:
        return None
    cut = apposition_split([token.text for token in ent], label, kb=kb)
    if cut is None:
        return None
    middle = ent.start + cut
    label_ = ent.label_
    return Span(doc, ent.start, middle, label=label_), Span(doc, middle, ent.end, label=label_)


def _relabel(doc: Doc, spans: list[Span], old: list[str], new: list[str]) -> list[Span]:
    """``spans`` with their labels changed from ``old`` to ``new``, in ``doc.ents`` too."""
    relabelled = {
        (span.start, span.end): Span(doc, span.start, span.end, label=label)
        for span, label, before in zip(spans, new, old, strict=True)
        if label != before
    }
    if not relabelled:
        return spans
    doc.ents = [relabelled.get((ent.start, ent.end), ent) for ent in doc.ents]
    return [relabelled.get((span.start, span.end), span) for span in spans]


def _strip_space_tokens(doc: Doc) -> None:
    """No entity span starts or ends with a whitespace token (``\\n``, NBSP, U+3000); one made
    only of whitespace is dropped. A tagger can put them there, and a name never has them."""
    ents = []
    changed = False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if (start, end) == (ent.start, ent.end):
            ents.append(ent)
            continue
        changed = True
        if start < end:
            ents.append(Span(doc, start, end, label=ent.label_))
    if changed:
        doc.ents = ents


def name_definitions(doc: Doc, spans: list[Span]) -> list[tuple[int, int]]:
    """Pairs (name, acronym) written as ``Name (ACRONYM)`` in the text."""
    out = []
    for i in range(len(spans) - 1):
        a, b = spans[i], spans[i + 1]
        # The tokens between the spans, not doc.text: that rebuilds the whole text per call;
        # and only when they are few, as most spans are far apart.
        if b.start - a.end <= 2 and doc[a.end : b.start].text.strip() == "(":
            out.append((i, i + 1))
    return out
