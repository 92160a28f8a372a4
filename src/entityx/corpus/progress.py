"""The progress bar of a corpus run (tqdm on stderr), with the words/s rate as it goes.

Kept apart from the run itself so that the run never depends on whether a bar is shown:
a disabled bar imports nothing and does nothing.
"""

from __future__ import annotations

import sys
import time
from typing import Any

__all__ = ["ProgressBar"]


class ProgressBar:
    """Documents done out of ``total`` (``None``: unknown), starting at ``initial``."""

    def __init__(self, *, total: int | None, initial: int, enabled: bool) -> None:
        self.start = time.monotonic()
        self.words = 0
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                initial=initial,
                unit="doc",
                file=sys.stderr,
                dynamic_ncols=True,
                smoothing=0.05,
                desc="tagging",
            )

    def update(self, records: int, words: int) -> None:
        self.words += words
        if self._bar is not None:
            elapsed = max(time.monotonic() - self.start, 1e-9)
            self._bar.set_postfix_str(f"{self.words / elapsed:,.0f} words/s", refresh=False)
            self._bar.update(records)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
