"""Reading a user's text file with errors that name the file and say what is wrong."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError

__all__ = ["read_text"]


def read_text(file: str | os.PathLike[str]) -> str:
    """The UTF-8 text of ``file``; :class:`InputError` if it is missing, unreadable or not UTF-8."""
    path = Path(file)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file.") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 at byte {exc.start}.") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}).") from None
