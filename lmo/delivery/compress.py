"""Pre-compressed copies of the built site's text files, for hosts that serve them as they are.

nginx (gzip_static, brotli_static), Azure Static Web Apps and most CDNs send ``page.html.br``
or ``page.html.gz`` to a browser that accepts it, so compression costs nothing per request and
can use the strongest settings. The copies are deterministic (gzip records no time or name),
so two builds of the same inputs are byte-identical.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import brotli

from lmo.core.files import write_atomically
from lmo.delivery.headers import HEADER_FILES

# Not source maps: only developer tools fetch them. WebAssembly (Pyodide's runtime, 8.6 MB)
# shrinks to 28%, and the widgets' wheels and their compiled standard library (the site's
# one .zip, lmo.delivery.pyodide_stdlib) are stored uncompressed so that they do too.
COMPRESSIBLE = (
    ".html",
    ".css",
    ".js",
    ".json",
    ".xml",
    ".svg",
    ".txt",
    ".webmanifest",
    ".wasm",
    ".whl",
    ".zip",
)
# Compressed copies are kept between builds, keyed by the file's bytes, so a build
# compresses only the files that changed since an earlier one (the rest of the site, page
# after page, is the same bytes). Unused for this long, a copy is deleted.
CACHE_DAYS = 30
# Below this, the compressed copy saves less than the headers that announce it.
MIN_BYTES = 512


def _candidates(site_dir: Path) -> Iterator[Path]:
    for path in sorted(site_dir.rglob("*")):
        if (
            path.is_file()
            and path.suffix in COMPRESSIBLE
            and path.name not in HEADER_FILES  # the host reads them; no browser does
            and path.stat().st_size >= MIN_BYTES
        ):
            yield path


def _quality(relative: Path, size: int) -> int:
    """Brotli's strongest setting for the theme and library files every page loads; a fast
    one for the rest. Quality 11 everywhere made each build 30 s slower for pages 10%
    smaller."""
    return 11 if relative.parts[0] == "assets" and size < 200_000 else 7


def _write_if_changed(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)


def _compressed(data: bytes, quality: int) -> tuple[bytes, bytes]:
    # mtime=0 and no file name: the copy depends only on the content.
    return gzip.compress(data, compresslevel=9, mtime=0), brotli.compress(data, quality=quality)


def cache_folder() -> Path:
    return Path(tempfile.gettempdir()) / f"lmo-compress-{os.getuid()}"


def private_folder(folder: Path) -> bool:
    """Whether ``folder`` is (now) a directory only this user can write, never a link. The
    cache's copies are published as they are, so one planted by another user of a shared
    machine (who made the folder first in the shared temporary directory) must never be read."""
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


def _compressed_cached(data: bytes, quality: int, folder: Path | None) -> tuple[bytes, bytes]:
    if folder is None:
        return _compressed(data, quality)
    key = hashlib.sha256(data).hexdigest() + f"-q{quality}"
    gz_path, br_path = folder / f"{key}.gz", folder / f"{key}.br"
    try:
        gz, br = gz_path.read_bytes(), br_path.read_bytes()
        os.utime(br_path)  # still in use: not pruned
        return gz, br
    except OSError:
        pass
    gz, br = _compressed(data, quality)
    # Builds running side by side never read half a file; the cache stays private. The .br
    # copy is written last and read last, so a reader that finds it finds the .gz too.
    for target, content in ((gz_path, gz), (br_path, br)):
        write_atomically(target, content, mode=None)
    return gz, br


def prune_cache(folder: Path, days: int = CACHE_DAYS) -> None:
    """Delete the compressed copies (and trimmed standard libraries, lmo.delivery.
    pyodide_stdlib) that no build has used for ``days``."""
    if not folder.is_dir():
        return
    oldest = time.time() - days * 86400
    for kept in [*folder.glob("*.br"), *folder.glob("*.stdlib.zip")]:
        try:
            if kept.stat().st_mtime < oldest:
                kept.unlink()
                if kept.suffix == ".br":
                    kept.with_suffix(".gz").unlink(missing_ok=True)
        except OSError:
            continue  # another build pruned it first


def compress_site(site_dir: Path, cache: Path | None = None) -> tuple[int, int, int]:
    """Write ``.gz`` and ``.br`` beside each text file. Returns (files, bytes, brotli bytes).
    ``cache``: where compressed copies are kept between builds (a private temporary folder
    unless given)."""
    chosen = cache_folder() if cache is None else cache
    folder = chosen if private_folder(chosen) else None  # else compressed afresh, uncached
    files = original = compressed = 0
    for path in _candidates(site_dir):
        data = path.read_bytes()
        relative = path.relative_to(site_dir)
        gz, br = _compressed_cached(data, _quality(relative, len(data)), folder)
        _write_if_changed(path.with_name(path.name + ".gz"), gz)
        _write_if_changed(path.with_name(path.name + ".br"), br)
        files += 1
        original += len(data)
        compressed += len(br)
    if folder is not None:
        prune_cache(folder)
    return files, original, compressed
