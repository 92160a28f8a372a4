"""spaCy adapter for the document-level span rules of :mod:`entityx.resolution.recover`.

:func:`apply_document_rules` trims broken span edges and recovers untagged recurrences of
names in ``doc.ents`` and names signed with their handle (:mod:`entityx.resolution.handles`),
before the resolver reads them; trimming also drops a span without a letter or digit (a lone
``@``). Spans whose labels entityx does not use (``DATE``, ...) are kept as they are, and no
new span overlaps them.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from .labels import map_label
from .resolution.handles import handle_names
from .resolution.name_parts import greek_name_parts
from .resolution.recover import recover_mentions, trim_spans
from .resolution.regnal import extend_regnal_numerals

__all__ = ["apply_document_rules"]

# Names echoed by recovery, as entityx labels. MISC (nationality adjectives, events) is left
# out: ``Greek`` or ``Russian`` recurring untagged is as often no entity at all.
_RECOVERED = frozenset(["PERSON", "LOC", "ORG"])


def apply_document_rules(doc: Doc, *, trim: bool = True, recover: bool = True) -> Doc:
    """Trim (``trim``) and recover (``recover``) the entity spans of ``doc`` in place."""
    current = [(ent.start, ent.end, ent.label_) for ent in doc.ents]
    if not (trim or recover) or not current:
        return doc
    # The token texts by their ORTH ids: no Token object per token (a tenth of this step).
    strings = doc.vocab.strings
    tokens = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
    raw_labels = {label for _, _, label in current}
    persons = frozenset(label for label in raw_labels if map_label(label) == "PERSON")
    spans = current
    if trim:
        used = [s for s in spans if map_label(s[2]) is not None and _has_word(tokens, s)]
        others = [span for span in spans if map_label(span[2]) is None]
        spans = sorted([*others, *trim_spans(tokens, used, person_labels=persons)])
        spans = extend_regnal_numerals(tokens, spans, person_labels=persons)
    if recover:
        echoed = frozenset(label for label in raw_labels if map_label(label) in _RECOVERED)
        starts = _sentence_starts(doc)
        new = recover_mentions(
            tokens, spans, sentence_starts=starts, labels=echoed, person_labels=persons
        )
        spans = sorted([*spans, *new])
        spans = sorted([*spans, *handle_names(tokens, spans, is_given_name=_is_given_name)])
    if spans != current:
        doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc


def _has_word(tokens: list[str], span: tuple[int, int, str]) -> bool:
    # A span of only punctuation and symbols (a handle's lone ``@``, a dash) names nothing;
    # like a span of only whitespace, it trims to nothing.
    return any(ch.isalnum() for token in tokens[span[0] : span[1]] for ch in token)


def _is_given_name(word: str) -> bool:
    # The name-parts table lists given and family names; a name's first word is its given one.
    return bool(greek_name_parts(word))


def _sentence_starts(doc: Doc) -> list[bool] | None:
    if not doc.has_annotation("SENT_START"):
        return None
    starts = [False] * len(doc)
    for sentence in doc.sents:
        starts[sentence.start] = True
    return starts
