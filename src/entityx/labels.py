"""The entityx label set and the table that maps other tag sets onto it.

entityx labels follow elNER-4: ``PERSON``, ``LOC``, ``ORG`` and ``MISC`` (nationalities,
events, products, works). Labels of other pipelines and corpora are mapped with
:data:`LABEL_MAP`; labels mapped to ``None`` (numbers, dates, ...) are dropped.
"""

from __future__ import annotations

from typing import Final, Literal

from .errors import InputError

__all__ = ["LABELS", "LABEL_MAP", "Label", "entity_label", "map_label"]

Label = Literal["PERSON", "LOC", "ORG", "MISC"]
LABELS: Final[tuple[str, ...]] = ("PERSON", "LOC", "ORG", "MISC")

LABEL_MAP: Final[dict[str, str | None]] = {
    # our own
    "PERSON": "PERSON",
    "LOC": "LOC",
    "ORG": "ORG",
    "MISC": "MISC",
    # CoNLL / WikiNER / BTC / UNER / GUM
    "PER": "PERSON",
    "PERS": "PERSON",
    # OntoNotes (spaCy's en_core_web_*, el_core_news_*'s GPE/...)
    "GPE": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "DATE": None,
    "TIME": None,
    "PERCENT": None,
    "MONEY": None,
    "QUANTITY": None,
    "ORDINAL": None,
    "CARDINAL": None,
    # WNUT-17
    "LOCATION": "LOC",
    "CORPORATION": "ORG",
    "GROUP": "ORG",
    "CREATIVE-WORK": "MISC",
    # CrossNER fine-grained types
    "POLITICIAN": "PERSON",
    "WRITER": "PERSON",
    "SCIENTIST": "PERSON",
    "RESEARCHER": "PERSON",
    "MUSICALARTIST": "PERSON",
    "COUNTRY": "LOC",
    "ORGANISATION": "ORG",
    "ORGANIZATION": "ORG",
    "POLITICALPARTY": "ORG",
    "UNIVERSITY": "ORG",
    "BAND": "ORG",
    "MAGAZINE": "ORG",
    "CONFERENCE": "MISC",
    "ELECTION": "MISC",
    "AWARD": "MISC",
    "BOOK": "MISC",
    "POEM": "MISC",
    "ALBUM": "MISC",
    "SONG": "MISC",
    "LITERARYGENRE": "MISC",
    "MUSICGENRE": "MISC",
    "MUSICALINSTRUMENT": "MISC",
    "ASTRONOMICALOBJECT": "MISC",
    "ACADEMICJOURNAL": "MISC",
    "ALGORITHM": "MISC",
    "TASK": "MISC",
    "FIELD": "MISC",
    "METRICS": "MISC",
    "PROGRAMLANG": "MISC",
    "CHEMICALCOMPOUND": "MISC",
    "CHEMICALELEMENT": "MISC",
    "PROTEIN": "MISC",
    "ENZYME": "MISC",
    "DISCIPLINE": "MISC",
    "THEORY": "MISC",
}


def map_label(label: str) -> str | None:
    """Map a foreign NER label onto the entityx label set (``None``: drop the span).

    Unknown labels map to ``MISC`` rather than being lost: a pipeline that knows more types
    than we do still found a name.
    """
    key = label.strip().upper()
    if key in LABEL_MAP:
        return LABEL_MAP[key]
    return "MISC"


def entity_label(label: object) -> str:
    """The entityx label a label *given by a user* stands for, strictly.

    Our own labels and the source labels of :data:`LABEL_MAP` that map onto one of them
    (``PER``, ``GPE``, ``NORP``, ...; any case) are accepted; anything else, a typo such as
    ``PERSNO`` or an empty string included, raises :class:`~entityx.errors.InputError` (a
    ``ValueError``) listing the valid labels. Unlike :func:`map_label` (for the output of a
    pipeline, which may know more types than we do), nothing becomes ``MISC`` by default.
    """
    key = label.strip().upper() if isinstance(label, str) else None
    mapped = LABEL_MAP.get(key) if key is not None else None
    if mapped is not None:
        return mapped
    valid = ", ".join(LABELS)
    if key is not None and key in LABEL_MAP:
        raise InputError(
            f"label {label!r} is not a name label (entityx drops {key} spans); use one of {valid}"
        )
    raise InputError(
        f"unknown label {label!r}: use one of {valid}, or a label that maps onto them "
        "(PER, GPE, FAC, NORP, EVENT, ...: entityx.labels.LABEL_MAP)"
    )
