"""Pre-compressed copies of the built site's text files, for hosts that serve them as they are.

nginx (gzip_static, brotli_static), Azure Static Web Apps and most CDNs send ``page.html.br``
or ``page.html.gz`` to a browser that accepts it, so compression costs nothing per request and
can use the strongest settings. The copies are deterministic (gzip records no time or name),
so two builds of the same inputs are byte-identical.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath

import brotli

from lmo.delivery.build_cache import BuildCache, folder_slot
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
# Compressed copies are kept between builds (lmo.delivery.build_cache), keyed by the file's
# bytes, so a build compresses only the files that changed since an earlier one (the rest of
# the site, page after page, is the same bytes); the copies a build placed in site/ are
# moved back into the cache before the next build empties it (PlacedCopies).
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


def _compressed_cached(
    data: bytes, quality: int, key: str, cache: BuildCache
) -> tuple[bytes, bytes]:
    # The .br copy is written last and read last, so a reader that finds it finds the .gz too.
    gz, br = cache.get(f"{key}.gz"), cache.get(f"{key}.br")
    if gz is not None and br is not None:
        return gz, br
    gz, br = _compressed(data, quality)
    cache.put(f"{key}.gz", gz)
    cache.put(f"{key}.br", br)
    return gz, br


def _compress_one(
    path: Path, site_dir: Path, kept: BuildCache, placed: PlacedCopies
) -> tuple[int, int]:
    data = path.read_bytes()
    quality = _quality(path.relative_to(site_dir), len(data))
    key = hashlib.sha256(data).hexdigest() + f"-q{quality}"
    gz_path, br_path = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
    # The copies this site's last build placed were moved back to the cache before MkDocs
    # emptied site/ (rescue_copies): they go back into place without a byte written. Any
    # other file's copies come from the cache every site shares (the same theme, runtime and
    # fonts in every site, and in every test's), or are made and kept there.
    if not (
        kept.take(placed.kept_name(f"{key}.gz"), gz_path)
        and kept.take(placed.kept_name(f"{key}.br"), br_path)
    ):
        gz, br = _compressed_cached(data, quality, key, kept)
        _write_if_changed(gz_path, gz)
        _write_if_changed(br_path, br)
    placed.note(gz_path, f"{key}.gz")
    placed.note(br_path, f"{key}.br")
    return len(data), br_path.stat().st_size


# Reading, hashing, compressing and writing all let other threads run (the GIL is released),
# so two threads share the work between the cores: the example's compression step, every
# copy already kept, took 0.56 s in one thread and 0.35 s in two, for the same processor
# time; four took no less. Most of it is the kernel writing 46 MB of copies. Each file is
# written by one thread only, and no copy depends on the order.
THREADS = 2


def compress_site(site_dir: Path, cache: Path | None = None) -> tuple[int, int, int]:
    """Write ``.gz`` and ``.br`` beside each text file. Returns (files, bytes, brotli bytes).
    ``cache``: where compressed copies are kept between builds (a private temporary folder
    unless given)."""
    kept = BuildCache.named("compress") if cache is None else BuildCache(cache)
    placed = PlacedCopies(site_dir)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        sizes = list(
            pool.map(
                lambda path: _compress_one(path, site_dir, kept, placed), _candidates(site_dir)
            )
        )
    placed.save(kept)
    kept.prune()
    return len(sizes), sum(s[0] for s in sizes), sum(s[1] for s in sizes)


# A copy is moved back only if it is the very file the build placed: the same inode, size,
# modification and change times. Any write (even one that keeps the size and sets the time
# back) and any new name for the file (a deployment's hard-linked snapshot of site/, which
# may later be edited through that name) move its change time, which no tool can set.
Identity = tuple[int, int, int, int]
_KEPT_NAME = re.compile(r"[0-9a-f]{64}-q[0-9]+\.(?:gz|br)")


def _identity(path: Path) -> Identity | None:
    try:
        found = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


class PlacedCopies:
    """The compressed copies a build left in site/, and the name each had in the cache,
    noted in the cache (one note per site) so the next build can move them back before
    MkDocs empties site/. Writing them afresh was most of the compression step: 66 MB for
    the ten-times set, every build."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.slot = folder_slot(site_dir)  # once: it is asked twice for every file
        self.note_name = f"placed-{self.slot}"
        self.copies: dict[str, tuple[str, Identity]] = {}

    def kept_name(self, name: str) -> str:
        """Where a copy this site placed waits in the cache between two builds: its own
        name, so only this site's next build takes it (and none finds it gone)."""
        return f"{self.slot}-{name}"

    def note(self, copy: Path, name: str) -> None:
        identity = _identity(copy)
        if identity is not None:
            self.copies[copy.relative_to(self.site_dir).as_posix()] = (name, identity)

    def save(self, kept: BuildCache) -> None:
        note = {path: [name, *identity] for path, (name, identity) in self.copies.items()}
        kept.put(self.note_name, json.dumps(note).encode())


def rescue_copies(site_dir: Path, cache: Path | None = None) -> int:
    """Before MkDocs empties ``site_dir``: move the copies the last build placed there, and
    that are still as it left them, back into the cache. Returns how many were moved."""
    kept = BuildCache.named("compress") if cache is None else BuildCache(cache)
    placed = PlacedCopies(site_dir)
    content = kept.get(placed.note_name)
    if content is None:
        return 0
    try:
        note = json.loads(content)
    except ValueError:
        return 0
    moved = 0
    for path, entry in note.items() if isinstance(note, dict) else ():
        if not (isinstance(entry, list) and len(entry) == 5 and isinstance(entry[0], str)):
            continue
        name, identity = entry[0], tuple(entry[1:])
        relative = PurePosixPath(path)
        if _KEPT_NAME.fullmatch(name) is None or relative.is_absolute() or ".." in relative.parts:
            continue
        copy = site_dir / relative
        if _identity(copy) == identity and kept.give(copy, placed.kept_name(name)):
            moved += 1
    return moved
