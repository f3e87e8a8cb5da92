"""Writing a file so that nobody ever reads half of it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, content: bytes, mode: int | None = 0o644) -> None:
    """Write beside ``target`` under a unique name, then rename it into place: a reader (a web
    server, a build running alongside) sees the old file or the new one, and a failed write
    leaves the old one as it was. ``mode``: the new file's permissions (a temporary file is
    private, 0600; a web server must be able to read what it serves); None keeps it private."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
