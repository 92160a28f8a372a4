"""Tokeniser adjustments for mixed Greek/English news.

spaCy's Greek tokeniser leaves English possessives attached (``Lavrov's`` is one token), so a
name followed by ``'s`` could never be a span of its own. This callback adds the English
possessive suffixes; the result is serialised with the pipeline, so loading a trained pipeline
does not need this module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.util import compile_suffix_regex, registry

__all__ = ["customize_tokenizer"]

_POSSESSIVE_SUFFIXES = (r"(?<=[A-Za-z])['’][sS]", r"(?<=[A-Za-z]s)['’]")


@registry.callbacks("entityx.customize_tokenizer.v1")
def customize_tokenizer() -> Callable[[Any], Any]:
    def apply(nlp: Any) -> Any:
        suffixes = [*_POSSESSIVE_SUFFIXES, *nlp.Defaults.suffixes]
        nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
        return nlp

    return apply
