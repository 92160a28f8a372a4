"""The library's front door: :func:`load`, :func:`extract` and :class:`Extractor`."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .document import DocumentBuilder, Piece
from .errors import InputError
from .labels import LABELS, map_label
from .models import Document, replace_surrogates
from .pipeline import (
    ENTITY_FACTORIES,
    PIECE_CHARS,
    bundled_pipeline_path,
    load_pipeline,
    resolver_component,
    split_long_text,
)

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Extractor", "clear_cache", "extract", "load"]


def _check_text(text: object, *, where: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(f"{where} must be str, not {type(text).__name__}")
    return text


class Extractor:
    """A loaded pipeline that turns texts into :class:`~entityx.Document` objects.

    Create it with :func:`entityx.load`; it is cheap to call repeatedly and safe to reuse, and
    safe to share between threads: calls into the pipeline take turns (one lock per Extractor),
    because the strings spaCy interns for a batch are freed when the batch is done
    (``nlp.memory_zone``), which must not happen under another thread's batch. Use its ``nlp``
    only through it while other threads use it.
    """

    def __init__(self, nlp: Language, *, source: str | None = None) -> None:
        self.nlp = nlp
        self.source = source
        self._builder = DocumentBuilder.for_pipeline(nlp)
        self._lock = threading.Lock()

    @property
    def max_chars(self) -> int:
        """Texts longer than this are processed in pieces of at most this many characters
        (:data:`~entityx.pipeline.PIECE_CHARS`, or spaCy's ``nlp.max_length`` if smaller), one
        piece at a time, so memory does not grow with a text's length."""
        return min(int(self.nlp.max_length), PIECE_CHARS)

    @contextmanager
    def _pipeline_turn(self) -> Iterator[None]:
        """This thread's turn at the pipeline; strings interned meanwhile are freed after it."""
        with self._lock, self.nlp.memory_zone():
            yield

    def _make_doc(self, text: str) -> Any:
        # spaCy cannot hash a lone surrogate (no UTF-8 form): the pipeline sees U+FFFD
        # instead, one for one, and mentions are cut from the caller's text.
        from .tokenizer import make_doc  # imports spaCy, which is loaded by now

        return make_doc(self.nlp, replace_surrogates(text))

    def _read(self, text: str) -> tuple[Any, list[int] | None]:
        """The doc the pipeline reads, and where its characters start in ``text``: decomposed
        text (NFD) is read composed, as the models were trained
        (:func:`entityx.text.compose.composed`)."""
        from .text.compose import composed

        seen, positions = composed(text)
        return self._make_doc(seen), positions

    def extract(self, text: str, *, doc_id: str | None = None) -> Document:
        """Extract mentions and canonical entities from one text."""
        _check_text(text)
        return next(self._run([(text, doc_id)], batch_size=1))

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 64,
        ids: Iterable[str | None] | None = None,
    ) -> Iterator[Document]:
        """Extract from many texts, lazily and in order (a generator).

        ``ids`` (optional, same length as ``texts``) sets each :attr:`Document.id`. A
        ``batch_size`` under 1, or ``ids`` of another length than ``texts``, raises
        :class:`~entityx.errors.InputError` (also a ``ValueError``).
        """
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
            raise InputError(f"batch_size must be an integer of at least 1, not {batch_size!r}")
        pairs = _with_ids(texts, ids) if ids is not None else ((t, None) for t in texts)
        return self._run(pairs, batch_size=batch_size)

    def _run(
        self, pairs: Iterable[tuple[str, str | None]], *, batch_size: int
    ) -> Iterator[Document]:
        batch: list[tuple[str, str | None]] = []
        for index, (text, doc_id) in enumerate(pairs):
            batch.append((_check_text(text, where=f"texts[{index}]"), doc_id))
            if len(batch) >= batch_size:
                yield from self._run_batch(batch, batch_size=batch_size)
                batch = []
        if batch:
            yield from self._run_batch(batch, batch_size=batch_size)

    def _run_batch(self, batch: list[tuple[str, str | None]], *, batch_size: int) -> list[Document]:
        results: list[Document | None] = [None] * len(batch)
        regular: list[int] = []
        for i, (text, doc_id) in enumerate(batch):
            if not text.strip():
                results[i] = self._builder.empty(text, doc_id=doc_id)
            elif len(text) > self.max_chars:
                results[i] = self._extract_long(text, doc_id=doc_id)
            else:
                regular.append(i)
        if regular:
            # The Documents (plain pydantic objects) are built inside the turn, before the
            # memory zone frees the batch's strings, so long runs keep a flat memory profile.
            with self._pipeline_turn():
                made = [self._read(batch[i][0]) for i in regular]
                docs = self.nlp.pipe((doc for doc, _ in made), batch_size=batch_size)
                for i, doc, (_, positions) in zip(regular, docs, made, strict=True):
                    text, doc_id = batch[i]
                    results[i] = self._builder.build(
                        doc, text=text, doc_id=doc_id, positions=positions
                    )
        return [r for r in results if r is not None]

    def _extract_long(self, text: str, *, doc_id: str | None) -> Document:
        """One piece at a time: only the pieces' mentions are kept until all are resolved."""
        parts = [
            self._extract_piece(piece, offset=offset)
            for offset, piece in split_long_text(text, max_chars=self.max_chars)
        ]
        component = resolver_component(self.nlp)
        return self._builder.build_pieces(
            text, parts, resolver=component.resolver, harmonise=component.harmonise, doc_id=doc_id
        )

    def _extract_piece(self, piece: str, *, offset: int) -> Piece:
        with self._pipeline_turn():
            doc, positions = self._read(piece)
            return self._builder.piece(
                self.nlp(doc), text=piece, offset=offset, positions=positions
            )

    def _vectors_info(self) -> dict[str, int] | None:
        vectors = self.nlp.vocab.vectors
        if vectors.shape[0] == 0:
            return None
        return {"keys": len(vectors.key2row), "rows": vectors.shape[0], "width": vectors.shape[1]}

    def info(self) -> dict[str, Any]:
        """What is loaded: model name/version/licence, labels, components, resolver settings,
        versions, path."""
        import spacy

        from ._version import __version__

        meta = self.nlp.meta
        ner_labels: list[str] = []
        for name in self.nlp.pipe_names:
            labels = getattr(self.nlp.get_pipe(name), "labels", ())
            if self.nlp.get_pipe_meta(name).factory in ENTITY_FACTORIES:
                ner_labels.extend(str(label) for label in labels)
        return {
            "model": f"{meta.get('lang', '')}_{meta.get('name', '')}",
            "version": meta.get("version"),
            "license": meta.get("license"),
            "loaded_from": self.source,
            "pipeline": list(self.nlp.pipe_names),
            "pipeline_labels": sorted(set(ner_labels)),
            "label_mapping": {label: map_label(label) for label in sorted(set(ner_labels))},
            "labels": list(LABELS),
            "vectors": self._vectors_info(),
            "resolver": resolver_component(self.nlp).settings(),
            "entityx_version": __version__,
            "spacy_version": spacy.__version__,
        }


def _with_ids(texts: Iterable[str], ids: Iterable[str | None]) -> Iterator[tuple[str, str | None]]:
    id_iter = iter(ids)
    for index, text in enumerate(texts):
        try:
            doc_id = next(id_iter)
        except StopIteration:
            raise InputError(f"ids ran out at texts[{index}]: pass one id per text") from None
        yield text, doc_id
    if next(id_iter, _END) is not _END:
        raise InputError("ids has more items than texts: pass one id per text")


_END = object()


def load(
    model: str | Path | None = None,
    *,
    kb: str | Path | Literal[False] | None = None,
    gpu_id: int = -1,
) -> Extractor:
    """Load a pipeline once and return an :class:`Extractor` (cached per arguments).

    ``model``: ``None`` for entityx's bundled Greek+English pipeline, an installed spaCy
    package name (``"el_core_news_lg"``), or a path to a pipeline directory; its NER labels are
    mapped onto PERSON/LOC/ORG/MISC. ``kb``: a JSONL knowledge base, or one built by
    ``entityx kb build`` (SQLite, detected by its first bytes); see the README. ``kb=False``
    resolves without any knowledge base, the bundled one included.
    ``gpu_id``: a GPU to run on (``-1``: CPU).
    """
    source = str(bundled_pipeline_path()) if model is None else str(model)
    # Threads that ask for one pipeline at once wait for a single load, not one each.
    with _LOADING:
        kb_key = kb if kb is None or kb is False else str(kb)
        return _cached_extractor(source, kb_key, gpu_id)


_LOADING = threading.Lock()


@lru_cache(maxsize=8)
def _cached_extractor(source: str, kb: str | Literal[False] | None, gpu_id: int) -> Extractor:
    return Extractor(load_pipeline(source, kb=kb, gpu_id=gpu_id), source=source)


def clear_cache() -> None:
    """Forget every pipeline :func:`load` has cached: the next :func:`load` reads it again.

    For a pipeline directory or knowledge-base file rebuilt in place, or to free the memory
    of pipelines no longer used (Extractors already returned keep working: they hold their
    own pipeline).
    """
    with _LOADING:
        _cached_extractor.cache_clear()


def extract(text: str, *, model: str | Path | None = None) -> Document:
    """Extract people, places, organisations and their canonical entities from ``text``.

    Offsets in the result count Unicode code points (Python string indices), so
    ``text[m.start:m.end] == m.text`` for every mention ``m``.
    """
    _check_text(text)
    return load(model).extract(text)
