"""Files a build keeps for the next one, under names made from their inputs: the compressed
copies of the site's files (lmo.delivery.compress) and the widgets' compiled standard library
(lmo.delivery.pyodide_stdlib). What is kept is published as it is, so a folder is used only
when only this user can write it; otherwise nothing is read or kept, and the build does the
work afresh. A file no build has read for a month is deleted."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from pathlib import Path

from lmo.core.files import private_folder, write_atomically

KEEP_DAYS = 30
PRUNE_EVERY_SECONDS = 86400
# When the folder was last pruned (its time). A dot name: never the name of a kept file.
LAST_PRUNED = ".last-pruned"


def folder_slot(folder: Path) -> str:
    """The name of what is kept for one site's folder: kept things are per site, so that
    two sites (or two tests' copies of one) never take each other's."""
    return hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:32]


class BuildCache:
    """One kind of kept file, in a folder of its own (``named``), or in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder: Path | None = folder if private_folder(folder) else None

    @classmethod
    def named(cls, kind: str) -> BuildCache:
        return cls(Path(tempfile.gettempdir()) / f"lmo-{kind}-{os.getuid()}")

    def get(self, name: str) -> bytes | None:
        """The file kept as ``name``, or None; reading it keeps it from being pruned."""
        if self.folder is None:
            return None
        try:
            path = self.folder / name
            content = path.read_bytes()
            os.utime(path)
            return content
        except OSError:
            return None

    def take(self, name: str, target: Path) -> bool:
        """Move the kept file ``name`` to ``target`` (a file of the site: readable by a web
        server), so it is never written again; False if it is not kept here, or the site is
        on another filesystem. A file taken is no longer kept: the folder and the site never
        share a file, so nothing done to the site's copy can change what is kept."""
        if self.folder is None:
            return False
        try:
            os.rename(self.folder / name, target)
        except OSError:
            return False
        os.chmod(target, 0o644)
        return True

    def give(self, source: Path, name: str) -> bool:
        """Move ``source`` into the folder as ``name`` (the opposite of take), as used now."""
        if self.folder is None:
            return False
        try:
            os.rename(source, self.folder / name)
            os.chmod(self.folder / name, 0o600)
            os.utime(self.folder / name)
        except OSError:
            return False
        return True

    def put(self, name: str, content: bytes) -> None:
        # Builds running side by side never read half a file; the copy stays private.
        if self.folder is not None:
            write_atomically(self.folder / name, content, mode=None)

    def prune(self, days: int = KEEP_DAYS) -> None:
        """Delete what no build has read or written for ``days``; at most once a day, as
        looking at every kept file takes a tenth of a second for each 20,000 of them, and
        a folder that builds of many sites share holds many more."""
        if self.folder is None:
            return
        now = time.time()
        last = self.folder / LAST_PRUNED
        try:
            if last.stat().st_mtime > now - PRUNE_EVERY_SECONDS:
                return
        except OSError:
            pass  # never pruned (or the marker is gone): prune now
        oldest = now - days * 86400
        # scandir: one stat per file, and none made into a Path (the folder holds thousands).
        with os.scandir(self.folder) as entries:
            for kept in entries:
                try:
                    if kept.is_file(follow_symlinks=False) and kept.stat().st_mtime < oldest:
                        os.unlink(kept.path)
                except OSError:
                    continue  # another build pruned it first
        with contextlib.suppress(OSError):  # only a cache: the next build prunes again
            write_atomically(last, b"", mode=None)
