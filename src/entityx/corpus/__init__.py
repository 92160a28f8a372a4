"""Tag whole corpora: ``.txt``/``.jsonl``/``.jsonl.gz`` in, one Document JSON line out.

>>> from entityx.corpus import tag_corpus
>>> tag_corpus(["news/"], output="news.jsonl", workers=2)  # doctest: +SKIP
"""

from __future__ import annotations

from .readers import ErrorRecord, Record
from .tag import TagOptions, TagSummary, errors_path_for, iter_tagged, tag_corpus

__all__ = [
    "ErrorRecord",
    "Record",
    "TagOptions",
    "TagSummary",
    "errors_path_for",
    "iter_tagged",
    "tag_corpus",
]
