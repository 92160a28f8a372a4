"""Data files shipped with entityx (the gazetteer built by scripts/build_gazetteer.py)."""
