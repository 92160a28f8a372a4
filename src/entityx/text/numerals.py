"""Regnal and ordinal numerals: Greek letter numerals and Roman ones are the same numbers.

Greek writes a ruler's or a pope's number in letters marked with a keraia (``Κάρολος Γ΄``,
``Πάπας Λέων ΙΔ΄``, ``Μακάριος Γ΄``), English and the other Latin-script languages in Roman
numerals (Charles III, Leo XIV, Makarios III). :func:`greek_numerals_as_roman` rewrites the
first kind as the second, before a name is normalised, so that the two spellings of one
number are one word; :func:`is_roman_numeral` tells such a word from a name, so that its
key is the numeral itself (a phonetic key would make II and III one sound). Only numbers a
regnal name takes (1 to 49) are read: a larger one is as likely an abbreviation.
"""

from __future__ import annotations

import re

__all__ = [
    "greek_numerals_as_roman",
    "is_numeral_token",
    "is_roman_numeral",
    "roman",
    "written_numerals",
]

_UNITS = {"Α": 1, "Β": 2, "Γ": 3, "Δ": 4, "Ε": 5, "ΣΤ": 6, "Ϛ": 6, "Ζ": 7, "Η": 8, "Θ": 9}
_TENS = {"Ι": 10, "Κ": 20, "Λ": 30, "Μ": 40}
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN = "|".join(_TENS)
# Capital letters then a keraia (U+0374 ʹ, U+0384 ΄, U+02B9 ʹ) or an apostrophe standing for
# it, as a word of its own.
_GREEK_NUMERAL = re.compile(
    rf"(?<!\w)(?P<tens>{_TEN})?(?P<units>{_UNIT})?[\u0374\u0384\u02b9'’](?!\w)"
)
_ROMAN = re.compile(r"(?=[ivx])(xl|x{0,3})(ix|iv|v?i{0,3})")
_MAX = 49


def roman(number: int) -> str:
    """``number`` (1 to 49) in lower-case Roman numerals."""
    tens = ["", "x", "xx", "xxx", "xl"][number // 10]
    units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][number % 10]
    return tens + units


def _value(m: re.Match[str]) -> int:
    return _TENS.get(m.group("tens") or "", 0) + _UNITS.get(m.group("units") or "", 0)


def _as_roman(m: re.Match[str]) -> str:
    value = _value(m)
    return roman(value) if 0 < value <= _MAX else m.group(0)


def greek_numerals_as_roman(text: str) -> str:
    """``text`` with each Greek letter numeral (``Γ΄``, ``ΙΔʹ``) written in Roman numerals."""
    return _GREEK_NUMERAL.sub(_as_roman, text)


def is_roman_numeral(word: str) -> bool:
    """Whether a normalised word of two or more letters is a Roman numeral (ii to xlix).

    One letter (i, v, x) is as often an initial: it keeps its letter key, which a Greek
    numeral of one letter, rewritten by :func:`greek_numerals_as_roman`, shares.
    """
    return len(word) >= 2 and _ROMAN.fullmatch(word) is not None


def written_numerals(text: str) -> frozenset[str]:
    """The Greek letter numerals of ``text``, as :func:`greek_numerals_as_roman` writes them."""
    if _GREEK_NUMERAL.search(text) is None:
        return frozenset()
    return frozenset(roman(v) for v in map(_value, _GREEK_NUMERAL.finditer(text)) if 0 < v <= _MAX)


def is_numeral_token(token: str) -> bool:
    """Whether one token is a regnal numeral as written: Roman capitals of two or more letters
    (III, XIV; a lone I or V is as often a word or an initial), or Greek capitals with a
    keraia (Γ΄, ΙΔʹ, Α΄)."""
    if token.isupper() and token.isascii():
        return is_roman_numeral(token.lower())
    m = _GREEK_NUMERAL.fullmatch(token)
    return m is not None and 0 < _value(m) <= _MAX
