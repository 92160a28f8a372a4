"""Tokeniser adjustments for mixed Greek/English news, and tokenisation in linear time.

spaCy's Greek tokeniser leaves English possessives attached (``Lavrov's`` is one token), so a
name followed by ``'s`` could never be a span of its own. :func:`customize_tokenizer` adds the
English possessive suffixes; the result is serialised with the pipeline, so loading a trained
pipeline does not need it.

spaCy's tokeniser is quadratic in the length of one whitespace-free run: each prefix or suffix
it splits off repeats a regex search over the rest of the run, and some infix patterns
backtrack over the whole run (``"!" * 10_000`` takes 33 s, ``"a" * 20_000`` 15 s).
:func:`make_doc` caps that cost: a run longer than :data:`MAX_RUN_CHARS` is tokenised in
chunks of at most that many characters, cut after a non-alphanumeric character where there is
one, so cost is linear in the text's length. Text without such runs is tokenised exactly as
``nlp.make_doc`` does; the Doc's text is always the input, character for character.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacy.util import compile_suffix_regex, registry

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MAX_RUN_CHARS", "customize_tokenizer", "make_doc", "split_capital_abbreviations"]

_POSSESSIVE_SUFFIXES = (r"(?<=[A-Za-z])['’][sS]", r"(?<=[A-Za-z]s)['’]")

#: Longest whitespace-free run handed to spaCy's tokeniser in one piece. No word, name or
#: ordinary URL comes near it; at this size the worst run costs about 1 µs per character.
MAX_RUN_CHARS = 256


@registry.callbacks("entityx.customize_tokenizer.v1")
def customize_tokenizer() -> Callable[[Any], Any]:
    def apply(nlp: Any) -> Any:
        suffixes = [*_POSSESSIVE_SUFFIXES, *nlp.Defaults.suffixes]
        nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
        return nlp

    return apply


# A special case of two or more capitals and a full stop (spaCy's Greek exceptions: ΝΔ., ΕΕ.,
# ΚΚ.): in news text that is an acronym ending a sentence far more often than an abbreviation.
_CAPITALS_AND_STOP = re.compile(r"[^\W\d_]{2,}\.")


def split_capital_abbreviations(nlp: Language) -> int:
    """Drop the tokenizer's special cases of capitals and a stop, so ``ΝΔ.`` is ``ΝΔ`` ``.``.

    As one token the acronym could not be a mention of its own (``ΝΔ.`` was not tagged, and
    ``ΕΕ.`` was a mention with its stop), and the sentence did not end there. Dotted
    abbreviations (``Ν.Δ.``, ``ΕΛ.ΑΣ.``) and lower-case ones (``κ.``) are left as they are.
    Returns how many special cases were dropped.
    """
    tokenizer: Any = nlp.tokenizer  # a custom tokenizer may have no special cases at all
    rules = getattr(tokenizer, "rules", None) or {}
    drop = {k for k in rules if _CAPITALS_AND_STOP.fullmatch(k) and k[:-1].isupper()}
    if drop:
        tokenizer.rules = {k: v for k, v in rules.items() if k not in drop}
    return len(drop)


def _long_runs(max_run: int) -> re.Pattern[str]:
    # The look-behind anchors each try at the start of a run, so the search is linear.
    return re.compile(rf"(?<!\S)\S{{{max_run + 1},}}")


_LONG_RUN = _long_runs(MAX_RUN_CHARS)
#: Inside a long run, a stretch of this many symbols (no letter, digit or space) holds no name:
#: it becomes tokens of MAX_RUN_CHARS characters without going through spaCy's affix rules.
MIN_SYMBOL_STRETCH = 16
_SYMBOLS = re.compile(rf"(?:[^\w\s]|_){{{MIN_SYMBOL_STRETCH},}}")
_SPACES = re.compile(r"\s*")


def make_doc(nlp: Language, text: str, *, max_run: int = MAX_RUN_CHARS) -> Doc:
    """``nlp.make_doc(text)``, in time linear in ``len(text)`` whatever the text holds."""
    pattern = _LONG_RUN if max_run == MAX_RUN_CHARS else _long_runs(max_run)
    if pattern.search(text) is None:
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    docs: list[Doc] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            docs.append(nlp.make_doc(text[position : match.start()]))
        # The run's trailing whitespace goes with it: a piece never starts with whitespace,
        # so each piece tokenises as it would inside the whole text.
        position = _SPACES.match(text, match.end()).end()  # type: ignore[union-attr]
        docs.extend(_run_docs(nlp, text, match.start(), match.end(), position, max_run))
    if position < len(text):
        docs.append(nlp.make_doc(text[position:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def _run_docs(
    nlp: Language, text: str, start: int, end: int, space_end: int, max_run: int
) -> list[Doc]:
    """Docs for the run ``text[start:end]`` followed by the whitespace up to ``space_end``."""
    docs: list[Doc] = []
    for symbols in _SYMBOLS.finditer(text, start, end):
        docs.extend(nlp.make_doc(chunk) for chunk in _chunks(text, start, symbols.start(), max_run))
        start = symbols.end()
        trailing = text[end:space_end] if start == end else ""
        docs.append(_symbol_doc(nlp, text[symbols.start() : start], trailing, max_run))
    if start < end:
        chunks = _chunks(text, start, end, max_run)
        chunks[-1] += text[end:space_end]
        docs.extend(nlp.make_doc(chunk) for chunk in chunks)
    return docs


def _chunks(text: str, start: int, end: int, max_run: int) -> list[str]:
    """``text[start:end]`` in pieces of at most ``max_run`` characters, each cut after a
    non-alphanumeric character where the second half of the piece has one."""
    chunks = []
    while end - start > max_run:
        cut = start + max_run
        for i in range(cut - 1, start + max_run // 2, -1):
            if not text[i].isalnum():
                cut = i + 1
                break
        chunks.append(text[start:cut])
        start = cut
    if end > start:
        chunks.append(text[start:end])
    return chunks


def _symbol_doc(nlp: Language, symbols: str, trailing: str, max_run: int) -> Doc:
    from spacy.tokens import Doc

    words = [symbols[i : i + max_run] for i in range(0, len(symbols), max_run)]
    spaces = [False] * len(words)
    # As spaCy's tokeniser does: one leading " " is the last token's trailing space, the rest
    # of the whitespace is a token of its own.
    if trailing.startswith(" "):
        spaces[-1] = True
        trailing = trailing[1:]
    if trailing:
        words.append(trailing)
        spaces.append(False)
    return Doc(nlp.vocab, words=words, spaces=spaces)
