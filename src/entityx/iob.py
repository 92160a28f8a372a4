"""Read token-per-line NER files (CoNLL / IOB1 / IOB2, 2 to 5 columns) without spaCy.

Used by ``entityx evaluate`` and by the training script, so both see the same data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .labels import map_label

__all__ = ["TaggedSentence", "iob_to_spans", "read_iob"]


@dataclass(frozen=True)
class TaggedSentence:
    """A pre-tokenised sentence with one IOB2 tag per word (labels already mapped)."""

    words: tuple[str, ...]
    tags: tuple[str, ...]
    source: str = ""
    line: int = 0


def _split_line(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else line.split()


def _columns(parts: list[str]) -> tuple[str, str]:
    # 5-column UNER files carry the tag in column 3; 2-4 column files carry it last.
    if len(parts) >= 5 and parts[0].isdigit():
        return parts[1], parts[2]
    if len(parts) == 1:
        return parts[0], "O"
    return parts[0], parts[-1]


def _normalise_tag(tag: str) -> tuple[str, str | None]:
    tag = tag.strip()
    if tag in {"O", "", "_", "-"}:
        return "O", None
    if len(tag) > 2 and tag[1] in "-_" and tag[0] in "BIES":
        prefix, raw = tag[0], tag[2:]
    else:
        prefix, raw = "I", tag
    label = map_label(raw)
    if label is None:
        return "O", None
    return prefix, label


def _to_iob2(raw_tags: list[tuple[str, str | None]]) -> list[str]:
    """Repair IOB1 and stray I- tags into IOB2; E-/S- (BIOES) are folded into I-/B-."""
    out: list[str] = []
    prev: str | None = None
    for prefix, label in raw_tags:
        if label is None:
            out.append("O")
            prev = None
            continue
        begin = prefix in {"B", "S"} or prev != label
        out.append(("B-" if begin else "I-") + label)
        prev = None if prefix in {"E", "S"} else label
    return out


def read_iob(path: str | Path) -> Iterator[TaggedSentence]:
    """Yield the sentences of an IOB/IOB2/BIOES token file, tags mapped to entityx labels.

    Accepts tab- or space-separated columns, ``#`` comment lines and ``-DOCSTART-`` lines.
    Raises :class:`InputError` naming the file and line for undecodable bytes.
    """
    path = Path(path)
    words: list[str] = []
    tags: list[tuple[str, str | None]] = []
    start_line = 1
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    with handle:
        lineno = 0
        try:
            for lineno, line in enumerate(handle, start=1):
                stripped = line.rstrip("\r\n")
                if not stripped.strip() or stripped.startswith("-DOCSTART-"):
                    if words:
                        yield TaggedSentence(
                            tuple(words), tuple(_to_iob2(tags)), str(path), start_line
                        )
                    words, tags = [], []
                    start_line = lineno + 1
                    continue
                if (
                    stripped.startswith("#")
                    and not words
                    and (stripped.startswith("# ") or "=" in stripped)
                ):
                    start_line = lineno + 1
                    continue
                word, tag = _columns(_split_line(stripped))
                if not word.strip():  # BTC has tab-only lines: no token to tag
                    continue
                words.append(word)
                tags.append(_normalise_tag(tag))
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}, line {lineno + 1}: not valid UTF-8 ({exc.reason})") from exc
    if words:
        yield TaggedSentence(tuple(words), tuple(_to_iob2(tags)), str(path), start_line)


def iob_to_spans(tags: tuple[str, ...] | list[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` (end exclusive) of an IOB2 tag sequence."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            spans.append((start, i, label))
            start = None
        if tag != "O" and start is None:
            start, label = i, tag[2:]
    return spans
