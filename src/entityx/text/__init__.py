"""Pure text processing for names: normalisation, Greek inflection, romanisation, keys.

No spaCy import here: the corpus registry and the resolver use these without a pipeline.
"""

from __future__ import annotations

from .greek import greek_stem, name_tokens, normalize
from .keys import name_key, phonetic
from .romanize import elot743, romanize

__all__ = [
    "elot743",
    "greek_stem",
    "name_key",
    "name_tokens",
    "normalize",
    "phonetic",
    "romanize",
]
