"""Where compiled templates are kept between builds, in a folder only this user can write.

Jinja runs whatever bytecode it finds in its cache folder. A folder with a predictable name
in the shared temporary directory (``/tmp/lmo-jinja-<uid>``) can be made first by another
user of the machine, who could then put code there for our build to run. The user's own
cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``) is not writable by others and survives
between builds, which keeps the start-up saving the cache is for; it is outside the site's
folder, so there is nothing to git-ignore. It is used only when it is a real folder owned
by this user and closed to others (one of ours found open is closed and emptied first);
otherwise each process gets a private folder of its own
(``tempfile.mkdtemp``: a random name, mode 0700), removed when the process ends.
"""

from __future__ import annotations

import atexit
import os
import shutil
import stat
import tempfile
from pathlib import Path

from lmo.core.files import private_folder


def _user_cache(name: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lmo" / name


def _close_if_opened(folder: Path) -> None:
    """A folder of ours opened up (an old umask, a copy) is closed rather than given up, and
    emptied, as anything in it may have been put there while it was open. Once closed, no
    one else can add to it."""
    info = folder.lstat()
    if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077:
        os.chmod(folder, 0o700)
        _empty(folder)


def _empty(folder: Path) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                Path(entry.path).unlink(missing_ok=True)


def private_cache_folder(name: str = "jinja") -> str:
    """The folder ``name`` in the user's cache; each kind of environment needs its own, as
    Jinja's cache key does not include an environment's options."""
    folder = _user_cache(name)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _close_if_opened(folder)
        if private_folder(folder):
            return str(folder)
    except OSError:
        pass  # no writable home (some CI runners): fall through to a folder of our own
    private = tempfile.mkdtemp(prefix=f"lmo-{name}-")
    atexit.register(shutil.rmtree, private, ignore_errors=True)
    return private
