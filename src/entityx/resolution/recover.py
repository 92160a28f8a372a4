"""Document-level span repair: trim broken span edges, recover names that recur untagged.

A tagger decides each token from a few neighbours, so within one article it tags ``Lina
Mendoni`` and then misses ``Mendoni said``, or tags ``Mitsotakis and``. Two rules fix such
spans with what the rest of the document says:

- :func:`trim_spans`: a name neither begins with a conjunction nor ends with a conjunction,
  article or preposition (``Mitsotakis and``, ``Τράπεζας της``); a person's name does not
  begin with a title or role noun (``Minister Lina Mendoni``), and a span that ends in a role
  noun is a title, not a name (``Greek Culture Minister``), so it is dropped.
- :func:`recover_mentions`: a name tagged once is tagged wherever it recurs untagged in the
  same document: the same words, a person's surname after the full name (``Mendoni`` after
  ``Lina Mendoni``), and Greek names in another case (``Στουρνάρα`` after ``Γιάννης
  Στουρνάρας``). A recovered mention takes the label of the span it echoes.

Recovery guards against false positives: only capitalised tokens outside every existing span
are candidates; a candidate must not run into a neighbouring capitalised word (``Washington
Post`` is not ``Washington``); a one-word name must have ``min_chars`` letters and must not
occur in lower case anywhere in the document (``Young`` is a surname and a word); a spelling
that echoes spans of different labels is left alone.

Everything works on token texts and token-index spans ``(start, end, label)`` (end exclusive),
so the spaCy adapter (:mod:`entityx.doc_rules`) only translates. No spaCy import.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..text.greek import has_greek, nominative_candidates, normalize
from ..text.memo import word_cache

__all__ = ["CONJUNCTIONS", "EDGE_FUNCTION_WORDS", "ROLE_WORDS", "recover_mentions", "trim_spans"]

TokenSpan = tuple[int, int, str]


def _words(words: Sequence[str]) -> frozenset[str]:
    return frozenset(normalize(word) or word for word in words)


# Word lists, as normalise() writes them (lower case, no accents, final sigma as σ). They are
# closed word classes, not names. Conjunctions cannot begin or end a name. Greek ``ή`` ("or")
# is missing: it is written like the article ``η``, which begins titles (``Η Συνωμοσία``).
CONJUNCTIONS = _words(["and", "or", "nor", "but", "&", "και", "κι", "ουτε", "αλλα", "μα"])
# Articles and prepositions: a name may contain them (``Bank of Greece``, ``Τράπεζα της
# Ελλάδος``) but never ends with one.
EDGE_FUNCTION_WORDS = CONJUNCTIONS | _words(
    [
        "η",
        "the", "a", "an", "of", "for", "in", "on", "at", "to", "from", "by", "with",
        "ο", "το", "οι", "τα", "του", "της", "των", "τον", "την", "τισ", "τουσ",
        "στο", "στη", "στην", "στον", "στα", "στουσ", "στισ", "για", "με", "απο", "σε",
    ]
)  # fmt: skip
# Titles and role nouns that precede a person's name (``Minister Lina Mendoni``, ``ο κος
# Στουρνάρας``) or head a title phrase (``Greek Culture Minister``). Greek in the cases a
# title takes before a name. Not words that are also common surnames (King, Judge, Bishop),
# nor Greek ``κ.`` / ``κα``, which normalise like the initials ``Κ.`` / ``Κα``.
ROLE_WORDS = _words(
    [
        "mr", "mrs", "ms", "dr", "prof", "minister", "president", "premier", "chancellor",
        "secretary", "governor", "mayor", "senator", "congressman", "congresswoman",
        "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "ceo",
        "ambassador", "commissioner", "envoy", "prosecutor",
        "κοσ", "κυριοσ", "κυρια", "κυριου", "υπουργοσ", "υπουργου", "υπουργο",
        "υφυπουργοσ", "υφυπουργου", "υφυπουργο", "πρωθυπουργοσ", "πρωθυπουργου",
        "πρωθυπουργο", "προεδροσ", "προεδρου", "προεδρο", "αντιπροεδροσ", "αντιπροεδρου",
        "αντιπροεδρο", "εκπροσωποσ", "εκπροσωπου", "εκπροσωπο", "δημαρχοσ", "δημαρχου",
        "δημαρχο", "βουλευτησ", "βουλευτη", "πρεσβησ", "πρεσβη", "διοικητησ", "διοικητη",
        "γραμματεασ", "γραμματεα", "αρχηγοσ", "αρχηγου", "αρχηγο",
    ]
)  # fmt: skip
# Words that make a span ending in a role noun a name (``Office of the Prime Minister``).
_CONNECTORS = _words(["of", "the", "του", "της", "των"])
# Words that join two capitalised words into one name (``Bank of Greece``, ``Osama bin
# Laden``, ``Τράπεζα της Ελλάδος``); hyphens and ``&`` join them on either side (``Mof-Ávvi``).
_NAME_JOINERS = _words(
    [
        "of", "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn",
        "al", "el", "la", "le", "du", "des", "του", "της", "των",
    ]
)  # fmt: skip
_TIGHT_JOINERS = frozenset(["-", "–", "&", "/"])
# Generational suffixes: the word before them is the surname.
_NAME_SUFFIXES = _words(["jr", "sr", "ii", "iii", "iv"])


def _norm(token: str) -> str:
    """Normalised word; punctuation as written (``&``, ``-``); whitespace tokens as ``""``."""
    return normalize(token).replace(" ", "") or token.strip()


def trim_spans(
    tokens: Sequence[str], spans: Sequence[TokenSpan], *, person_labels: frozenset[str]
) -> list[TokenSpan]:
    """``spans`` with broken edges trimmed and title phrases dropped (see the module doc).

    ``person_labels``: the labels that name people (only their spans lose a leading title).
    Spans come back in their order; a span that trims to nothing is left out.
    """
    out = []
    for start, end, label in spans:
        words = [_norm(t) for t in tokens[start:end]]
        first = 0
        while first < len(words) and (words[first] in CONJUNCTIONS or not words[first]):
            first += 1
        # A name does not cross a line break (or any other run of white space).
        last = next((i for i in range(first, len(words)) if not words[i]), len(words))
        while last > first and words[last - 1] in EDGE_FUNCTION_WORDS:
            last -= 1
        if _is_title_phrase(words[first:last]):
            continue
        if label in person_labels:
            roles = [i for i in range(first, last) if words[i] in ROLE_WORDS]
            if roles:
                first = roles[-1] + 1
        if last > first:
            out.append((start + first, start + last, label))
    return out


def _is_title_phrase(words: Sequence[str]) -> bool:
    """Whether a span's words end in a role noun that no connector ties into a name."""
    if not words or words[-1] not in ROLE_WORDS:
        return False
    return not any(word in _CONNECTORS for word in words[:-1])


# A dict of tuples, not an lru_cache of frozensets: the collector untracks tuples of strings,
# where lru entries and frozensets stay tracked and every full pass walks them again.
@word_cache(maxsize=100_000)
def _keys(token: str) -> tuple[str, ...]:
    """Forms that match ``token``: Greek words in any case of one paradigm share a form."""
    word = _norm(token)
    return nominative_candidates(word) if has_greek(word) else (word,)


def _share_form(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return any(form in b for form in a)  # a handful of forms each: no set to build


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() and any(ch.isalpha() for ch in token)


def _patterns(
    tokens: Sequence[str], sources: Sequence[TokenSpan], person_labels: frozenset[str]
) -> dict[tuple[str, ...], Counter[str]]:
    """Normalised word sequences that name something in this document, with label votes."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for start, end, label in sources:
        words = tuple(_norm(t) for t in tokens[start:end])
        if not all(words) or all(w in EDGE_FUNCTION_WORDS for w in words):
            continue
        votes[words][label] += 1
        if label in person_labels and len(words) >= 2:
            last = len(words) - 1
            while last > 0 and words[last] in _NAME_SUFFIXES:
                last -= 1
            if last > 0 and _is_capitalised(tokens[start + last]):
                votes[(words[last],)][label] += 1
    return votes


def _index(
    votes: dict[tuple[str, ...], Counter[str]],
) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Patterns with one clear label, keyed by every form of their first word."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for words, counts in votes.items():
        if len(counts) == 1:  # most names: one label (and most_common's sort is no cheap call)
            label = next(iter(counts))
        else:
            ranked = counts.most_common(2)
            if ranked[0][1] == ranked[1][1]:
                continue  # a tie between labels: no way to tell which one recurs
            label = ranked[0][0]
        for key in _keys(words[0]):
            index[key].append((words, label))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))  # longest match first
    return index


def _matches(tokens: Sequence[str], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(tokens):
        return False
    return all(
        _is_capitalised(tokens[i + k]) and _share_form(_keys(tokens[i + k]), _keys(word))
        for k, word in enumerate(words)
    )


def recover_mentions(
    tokens: Sequence[str],
    spans: Sequence[TokenSpan],
    *,
    sentence_starts: Sequence[bool] | None = None,
    labels: frozenset[str],
    person_labels: frozenset[str],
    min_chars: int = 3,
) -> list[TokenSpan]:
    """New spans where a name of ``spans`` recurs untagged in ``tokens`` (see the module doc).

    ``spans``: every span of the document (none is overlapped); those labelled one of
    ``labels`` are echoed, and the last word of a ``person_labels`` span counts as a name too.
    ``sentence_starts[i]`` is true where token ``i`` begins a sentence (default: only token 0).
    Returns only the new spans, in text order.
    """
    sources = [span for span in spans if span[2] in labels]
    if not sources:
        return []
    votes = _patterns(tokens, sources, person_labels)
    index = _index(votes)
    # Normalising every capitalised word is the cost of this rule; the first two letters of
    # the names sought rule out most words first (two-letter strings are always cached).
    prefixes = {_prefix(words[0]) for words in votes}
    text = _Text(tokens, sentence_starts, spans)
    covered = text.covered
    found: list[TokenSpan] = []
    end = 0  # where the last recovered span ends: no new span starts inside it
    # Only a capitalised token can begin a name: one pass picks them out, in C.
    for i in [i for i, token in enumerate(tokens) if token[:1].isupper()]:
        if i < end or covered[i]:
            continue
        token = tokens[i]
        if _prefix(token) not in prefixes or not any(ch.isalpha() for ch in token):
            continue
        match = _first_match(text, i, index, min_chars)
        if match is not None:
            end = i + match[0]
            found.append((i, end, match[1]))
    return found


def _prefix(word: str) -> str:
    """The normalised first two letters or digits (``O'Brien`` and ``obrien``: ``ob``)."""
    head = word[:2]
    if not head.isalnum():  # rare: an apostrophe or a mark among the first letters
        head = "".join(ch for ch in word[:6] if ch.isalnum())[:2]
    return normalize(head)


class _Text:
    """The tokens of one document, with the facts about them that recovery asks for."""

    def __init__(
        self, tokens: Sequence[str], starts: Sequence[bool] | None, spans: Sequence[TokenSpan]
    ) -> None:
        self.tokens = tokens
        self.starts = starts if starts is not None else [i == 0 for i in range(len(tokens))]
        self.covered = [False] * len(tokens)
        for start, end, _ in spans:
            self.covered[start:end] = [True] * (end - start)
        self._lower: dict[str, list[str]] | None = None

    def in_lower_case(self, token: str) -> bool:
        """Whether the word ``token`` also occurs in lower case: a common word, too."""
        if self._lower is None:  # built on first use: most documents never ask
            self._lower = defaultdict(list)
            for word in self.tokens:
                if word[:1].islower():
                    self._lower[_prefix(word)].append(word)
        keys = _keys(token)
        return any(_share_form(_keys(word), keys) for word in self._lower.get(_prefix(token), ()))


def _first_match(
    text: _Text, i: int, index: dict[str, list[tuple[tuple[str, ...], str]]], min_chars: int
) -> tuple[int, str] | None:
    """(length, label) of the longest pattern that may be recovered at token ``i``."""
    tokens = text.tokens
    seen: set[tuple[str, ...]] = set()
    for key in _keys(tokens[i]):
        for words, label in index.get(key, ()):
            if words in seen:
                continue
            seen.add(words)
            end = i + len(words)
            if not _matches(tokens, i, words) or any(text.covered[i:end]):
                continue
            if len(words) == 1 and (len(words[0]) < min_chars or text.in_lower_case(tokens[i])):
                continue
            if _runs_into_name(tokens, i, end, text.starts):
                continue
            return len(words), label
    return None


def _runs_into_name(tokens: Sequence[str], start: int, end: int, starts: Sequence[bool]) -> bool:
    """Whether ``tokens[start:end]`` is only part of a longer capitalised name."""
    if end < len(tokens) and not starts[end]:
        after = tokens[end]
        if _is_capitalised(after):
            return True
        if after in _TIGHT_JOINERS and end + 1 < len(tokens) and _is_capitalised(tokens[end + 1]):
            return True
    if start == 0 or starts[start]:
        return False
    before = tokens[start - 1]
    if _is_capitalised(before):
        word = _norm(before)
        # A title (``Minister Mitsotakis``) or a sentence-initial article (``The``) is no name.
        return not (word in ROLE_WORDS or (starts[start - 1] and word in EDGE_FUNCTION_WORDS))
    joined = _norm(before) in _NAME_JOINERS or before in _TIGHT_JOINERS
    # A capitalised word before the joiner, unless capitalised only for starting a sentence.
    two_back = start - 2
    return joined and two_back >= 0 and not starts[two_back] and _is_capitalised(tokens[two_back])
