"""The name-parts table: conventional Latin spellings of Greek-script given and family names.

Built from rigour's Wikidata name table (every line is one name with its spellings in all
scripts) and the English glosses of Wiktionary's Greek given names (``Γιώργος`` → George).
For each one-word Greek spelling the Latin spellings it shares a line with are ranked:

1. the spelling that *is* the ELOT 743 romanisation of the Greek (``Giorgos``);
2. a Wiktionary English gloss (``George``);
3. then by how many name lines share it, and how close it sounds to the Greek.

Spellings that differ only in accents are one candidate, spelt as rigour spells it most often
(``François``, not ``Francois``), without stress marks copied from the Greek (``Nikos``, not
``Níkos``). Scholarly transliterations (macrons,
Hungarian ``-sz``) and spellings that sound nothing like the Greek are left out.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from kb_clean import clean_name, title_case
from rapidfuzz.fuzz import ratio

from entityx.text.greek import has_greek, normalize
from entityx.text.keys import name_key
from entityx.text.romanize import elot743

__all__ = ["MAX_SPELLINGS", "name_parts_table", "strip_marks"]

MAX_SPELLINGS = 6
# A candidate must sound at least this much like the Greek (rapidfuzz ratio of phonetic keys)
# unless it is an English gloss or several name lines share it.
_MIN_SOUND = 60
# Weights of the order after ELOT and glosses: name lines shared with the Greek, lines that use
# the spelling at all (a spelling many names use is a conventional one: Jean, not Žans), and
# sound (0-100).
_SUPPORT, _POPULAR = 20.0, 25.0
# Spellings with letters beyond Latin-1 (Žans, Costaș) are mostly other languages'
# transcriptions; they rank lower, not out (Wałęsa stays).
_OUTSIDE_LATIN1 = 40.0
# A spelling used by at least this many name lines is kept even when it sounds unlike the Greek.
_COMMON = 3
_SCHOLARLY = re.compile(r"[āēīōūȳǣǖǘǚǜ]|sz$")
_LATIN_WORD = re.compile(r"^[a-zà-ɏ]+(?:[-'][a-zà-ɏ]+)*$")
_GREEK_WORD = re.compile(r"^[\u0370-\u03ff\u1f00-\u1fff]+(?:-[\u0370-\u03ff\u1f00-\u1fff]+)?$")


def strip_marks(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _usable_latin(form: str) -> bool:
    return (
        _LATIN_WORD.match(form) is not None
        and clean_name(form) is not None
        and not _SCHOLARLY.search(form)
    )


def _usable_greek(form: str) -> bool:
    return _GREEK_WORD.match(form) is not None and clean_name(form) is not None


def name_parts_table(
    names: Iterable[tuple[str, list[str]]], glosses: dict[str, list[str]]
) -> list[tuple[str, list[str]]]:
    """``[(Greek spelling, [Latin spellings, most conventional first]), ...]`` sorted by the
    Greek; ``glosses`` maps a normalised Greek given name to its English glosses."""
    shared: dict[str, Counter[str]] = defaultdict(Counter)  # Greek → folded Latin → lines
    spelling: Counter[str] = Counter()  # exact Latin spelling → lines using it
    greek_display: dict[str, str] = {}
    romanised: set[str] = set()  # folded Latin spellings that are ELOT 743 of a Greek one
    for _qid, forms in names:
        latin = [f for f in forms if _usable_latin(f)]
        greek = [f for f in forms if _usable_greek(f)]
        spelling.update(set(latin))
        folded = {strip_marks(f) for f in latin}
        romanised.update(folded & {strip_marks(elot743(normalize(g))) for g in greek})
        for g in greek:
            key = normalize(g)
            greek_display.setdefault(key, title_case(g))
            shared[key].update(folded)
    best_spelling = _best_spellings(spelling, romanised)
    popularity: Counter[str] = Counter()
    for form, count in spelling.items():
        popularity[strip_marks(form)] += count
    table = []
    for key, counts in shared.items():
        glossed = {strip_marks(g.lower()) for g in glosses.get(key, [])}
        ranked = _rank(key, counts, glossed, popularity, best_spelling)
        spelt = [title_case(best_spelling.get(f, f)) for f in ranked]
        if spelt:
            table.append((greek_display[key], spelt[:MAX_SPELLINGS]))
    return sorted(table, key=lambda row: normalize(row[0]))


def _best_spellings(spelling: Counter[str], romanised: set[str]) -> dict[str, str]:
    """Folded form → the spelling to show: the most used one (ties: the one with marks, the
    source language's: ``François``), except that a romanisation of a Greek spelling shows no
    stress mark copied from the Greek (``Metaxas``, not ``Metaxás``)."""
    best: dict[str, str] = {}
    for form, count in spelling.items():
        fold = strip_marks(form)
        current = best.get(fold)
        if current is None or _preferred(form, count, current, spelling[current]):
            best[fold] = form
    for fold in romanised:
        best[fold] = fold
    return best


def _preferred(form: str, count: int, current: str, current_count: int) -> bool:
    """A spelling with marks, used in two lines or more, wins over a bare one used at most
    twice as often (José, 4 lines, over Jose, 5); otherwise the more used one wins."""
    marked, current_marked = form != strip_marks(form), current != strip_marks(current)
    if marked != current_marked:
        if marked:
            return count >= 2 and 2 * count >= current_count
        return not (current_count >= 2 and 2 * current_count >= count)
    return (count, form) > (current_count, current)


def _variant_of(fold: str, others: set[str], greek: str) -> bool:
    """A declined or gendered copy of another candidate the Greek does not call for:
    Latvian ``Kims``/``Viljams`` beside ``Kim``/``William``, Czech ``Hillová`` beside ``Hill``."""
    if fold.endswith("s") and not greek.endswith("σ") and fold[:-1] in others:
        return True
    return fold.endswith(("ova", "ovna")) and fold.rsplit("ov", 1)[0] in others


def _rank(
    key: str,
    counts: Counter[str],
    glossed: set[str],
    popularity: Counter[str],
    best_spelling: dict[str, str],
) -> list[str]:
    elot = strip_marks(elot743(key))
    gk = name_key(key)
    scored = []
    for fold in set(counts) | glossed:
        sound = ratio(gk, name_key(fold))
        support = counts.get(fold, 0)
        common = support >= 2 or popularity[fold] >= _COMMON
        if sound < _MIN_SOUND and fold not in glossed and not common:
            continue
        if _variant_of(fold, set(counts) - {fold}, key):
            continue
        score = _SUPPORT * support + _POPULAR * math.log2(1 + popularity[fold]) + sound
        if any(ord(ch) > 0xFF for ch in best_spelling.get(fold, fold)):
            score -= _OUTSIDE_LATIN1
        rank = (fold == elot, fold in glossed, score, fold)
        scored.append((rank, fold))
    scored.sort(reverse=True)
    return [fold for _, fold in scored]


def given_name_glosses(
    entries: Iterable[tuple[str, tuple[str, ...]]], known: set[str]
) -> dict[str, list[str]]:
    """English glosses of the one-word Greek proper nouns that rigour knows as names."""
    out: dict[str, list[str]] = {}
    for head, glosses in entries:
        key = normalize(head)
        if key not in known or " " in key or not has_greek(head):
            continue
        words = [g for gloss in glosses for g in gloss.split(", ")]
        names = [w for w in (clean_name(g) for g in words) if w and _usable_latin(w.lower())]
        if names:
            out[key] = names
    return out


def greek_forms(names: Iterable[tuple[str, list[str]]]) -> set[str]:
    """Normalised one-word Greek spellings in the name table."""
    return {normalize(f) for _qid, forms in names for f in forms if _usable_greek(f)}
