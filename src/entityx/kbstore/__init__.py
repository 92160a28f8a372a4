"""Knowledge bases at Wikidata's scale: build them from dumps and query results, store them
in SQLite, open them at once (:func:`open_kb`). No spaCy import here.
"""

from __future__ import annotations

from .build import BuildSummary, build_kb
from .store import StoredKnowledgeBase, is_stored_kb, open_kb

__all__ = ["BuildSummary", "StoredKnowledgeBase", "build_kb", "is_stored_kb", "open_kb"]
