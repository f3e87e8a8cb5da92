"""Pre-compressed copies of the built site's text files, for hosts that serve them as they are.

nginx (gzip_static, brotli_static), Azure Static Web Apps and most CDNs send ``page.html.br``
or ``page.html.gz`` to a browser that accepts it, so compression costs nothing per request and
can use the strongest settings. The copies are deterministic (gzip records no time or name),
so two builds of the same inputs are byte-identical.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

from lmo.delivery.build_cache import BuildCache
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
# the site, page after page, is the same bytes).
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


def _compressed_cached(data: bytes, quality: int, cache: BuildCache) -> tuple[bytes, bytes]:
    key = hashlib.sha256(data).hexdigest() + f"-q{quality}"
    # The .br copy is written last and read last, so a reader that finds it finds the .gz too.
    gz, br = cache.get(f"{key}.gz"), cache.get(f"{key}.br")
    if gz is not None and br is not None:
        return gz, br
    gz, br = _compressed(data, quality)
    cache.put(f"{key}.gz", gz)
    cache.put(f"{key}.br", br)
    return gz, br


def _compress_one(path: Path, site_dir: Path, kept: BuildCache) -> tuple[int, int]:
    data = path.read_bytes()
    gz, br = _compressed_cached(data, _quality(path.relative_to(site_dir), len(data)), kept)
    _write_if_changed(path.with_name(path.name + ".gz"), gz)
    _write_if_changed(path.with_name(path.name + ".br"), br)
    return len(data), len(br)


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
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        sizes = list(
            pool.map(lambda path: _compress_one(path, site_dir, kept), _candidates(site_dir))
        )
    kept.prune()
    return len(sizes), sum(s[0] for s in sizes), sum(s[1] for s in sizes)
