"""Readers of the raw knowledge-base sources (I/O only; cleaning lives in kb_clean).

- rigour (PyPI, MIT): ``rigour/data/names/persons.txt``, Wikidata given and family names, one
  name a line with its spellings in every script (``giorgos, γιώργος, гиоргос => Q19826474``);
- names (PyPI, MIT): the US census's given names;
- FreeDict ell-eng (Debian ``dict-freedict-ell-eng``, CC BY-SA 3.0, from Wiktionary through
  WikDict): dictd files; proper nouns are the entries tagged ``<pn>``;
- FreeDict eng-ell (Debian ``dict-freedict-eng-ell``, same origin and licence): English
  headwords with their Greek translations;
- SCOWL (Debian ``wamerican``, its own permissive licence): ``american-english``, the words of
  an English spell checker one a line, proper nouns capitalised (``Bombay``, ``vine``).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kb_clean import rigour_line

__all__ = [
    "FREEDICT_DIRS",
    "WORDLIST_DIRS",
    "DictEntry",
    "census_given_names",
    "english_wordlist",
    "freedict_entries",
    "freedict_path",
    "rigour_names",
]

# Where `apt-get download dict-freedict-ell-eng && dpkg -x *.deb DIR` or an install puts it.
FREEDICT_DIRS = (
    Path("/usr/share/dictd"),
    Path("/work/scratch/freedict/x/usr/share/dictd"),
)
_FREEDICT = "freedict-ell-eng"
# Where `apt-get download wamerican && dpkg -x *.deb DIR` or an install puts SCOWL's list.
WORDLIST_DIRS = (Path("/usr/share/dict"), Path("/work/wam/x/usr/share/dict"))
_WORDLIST = "american-english"
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_HEAD = re.compile(r"^(?P<head>.*?)(?: /(?P<ipa>[^/]*)/)?(?: <(?P<pos>[^>]*)>)?$")


def rigour_names() -> Iterator[tuple[str, list[str]]]:
    """(Wikidata QID, spellings) for every name in rigour's person-name table."""
    text = resources.files("rigour.data.names").joinpath("persons.txt").read_text("utf-8")
    for line in text.splitlines():
        parsed = rigour_line(line)
        if parsed is not None:
            yield parsed


def census_given_names(*, family: bool = False) -> Iterator[str]:
    """The US census's given names (PyPI ``names``: ``dist.male.first``, ``dist.female.first``),
    upper case, one a line with its frequency; with ``family``, its family names too
    (``dist.all.last``)."""
    tables = ("dist.male.first", "dist.female.first", *(["dist.all.last"] if family else []))
    for table in tables:
        for line in resources.files("names").joinpath(table).read_text("utf-8").splitlines():
            if line.split():
                yield line.split()[0]


def english_wordlist(directory: Path | None) -> list[str]:
    """SCOWL's American English words, proper nouns capitalised (``Bombay``, ``vine``)."""
    candidates = [directory] if directory else list(WORDLIST_DIRS)
    for d in candidates:
        if d is not None and (d / _WORDLIST).exists():
            return (d / _WORDLIST).read_text("utf-8").split()
    raise SystemExit(
        "SCOWL's american-english not found; run: apt-get download wamerican && "
        "dpkg -x wamerican_*.deb DIR, then pass --wordlist DIR/usr/share/dict"
    )


@dataclass(frozen=True)
class DictEntry:
    headword: str
    pos: str | None
    glosses: tuple[str, ...]


def freedict_path(directory: Path | None) -> Path:
    candidates = [directory] if directory else list(FREEDICT_DIRS)
    for d in candidates:
        if d is not None and (d / f"{_FREEDICT}.index").exists():
            return d
    raise SystemExit(
        "FreeDict ell-eng not found; run: apt-get download dict-freedict-ell-eng && "
        "dpkg -x dict-freedict-ell-eng_*.deb DIR, then pass --freedict DIR/usr/share/dictd"
    )


def _b64(text: str) -> int:
    value = 0
    for ch in text:
        value = value * 64 + _B64.index(ch)
    return value


def freedict_entries(directory: Path, dictionary: str = _FREEDICT) -> Iterator[DictEntry]:
    """Every entry of the dictionary (ell-eng unless told: ``freedict-eng-ell``), in index
    order."""
    data = gzip.decompress((directory / f"{dictionary}.dict.dz").read_bytes())
    index = (directory / f"{dictionary}.index").read_text("utf-8")
    for line in index.splitlines():
        headword, offset, length = line.split("\t")
        if headword.startswith("00database"):
            continue
        start = _b64(offset)
        lines = data[start : start + _b64(length)].decode("utf-8").strip("\n").split("\n")
        m = _HEAD.match(lines[0])
        if m is None:
            continue
        glosses = tuple(g.strip() for g in lines[1:] if g.strip())
        yield DictEntry(m.group("head").strip(), m.group("pos"), glosses)
