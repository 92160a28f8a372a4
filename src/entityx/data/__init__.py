"""Data files shipped with entityx: the knowledge base (kb.json.gz) and the name-parts table
(name_parts.json.gz), both built by scripts/build_kb.py."""
