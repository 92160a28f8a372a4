"""Reading a user's text file with errors that name the file and say what is wrong.

One rule for every command that reads a text (``extract``, ``render``, and ``tag`` for
``.txt`` inputs): the bytes are decoded as UTF-8, one leading byte-order mark is dropped, and
line ends are kept as they are (``\\r\\n`` stays two characters), so offsets index the file's
decoded text and one file gives the same offsets whichever command reads it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import InputError

__all__ = ["decode_text", "read_stdin", "read_text"]

_BOM = "\ufeff"


def decode_text(data: bytes, *, source: str) -> str:
    """``data`` as text by the rule above; :class:`InputError` naming ``source`` if it is not
    UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{source}: not valid UTF-8 at byte {exc.start} (line {line}); save the file as UTF-8."
        ) from None
    return text[1:] if text.startswith(_BOM) else text


def read_text(file: str | os.PathLike[str]) -> str:
    """The text of ``file`` (see the module doc); :class:`InputError` if it is missing,
    unreadable or not UTF-8."""
    path = Path(file)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a text file.") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}).") from None
    return decode_text(data, source=str(path))


def read_stdin() -> str:
    """Standard input's text by the same rule (its bytes, whatever the locale's encoding)."""
    return decode_text(sys.stdin.buffer.read(), source="<stdin>")
