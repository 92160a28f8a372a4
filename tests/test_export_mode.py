"""An export is written through a private temporary file, yet ends with the usual file mode."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import entityx
from entityx.exporters import export


def test_an_exported_file_is_not_private(tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    doc = entityx.extract("Ο Σεργκέι Λαβρόφ έφτασε στην Αθήνα.")
    export([doc], format="turtle", out=out)
    umask = os.umask(0o022)  # read it back (tests may; the library never sets it)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    out.chmod(0o640)
    export([doc], format="turtle", out=out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # a file it replaces keeps its mode
