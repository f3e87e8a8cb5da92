"""Writing a file so that nobody ever reads half of it, and the private folders builds keep
files in."""

from __future__ import annotations

import os
import stat
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


def private_folder(folder: Path) -> bool:
    """Whether ``folder`` is (now) a directory only this user can write, never a link: what
    a build keeps there is run or published as it is, so a folder planted by another user
    of a shared machine (who made it first, in the shared temporary directory) must never be
    read. Made, private, when missing."""
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        found = os.lstat(folder)
    except OSError:
        return False
    return (
        stat.S_ISDIR(found.st_mode)
        and found.st_uid == os.getuid()
        and stat.S_IMODE(found.st_mode) & 0o077 == 0
    )
