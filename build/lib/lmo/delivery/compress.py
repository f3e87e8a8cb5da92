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
import tempfile
from collections.abc import Iterator
from pathlib import Path

import brotli

from lmo.core.files import write_atomically
from lmo.delivery.headers import HEADER_FILES

# Not source maps: only developer tools fetch them. WebAssembly (Pyodide's runtime, 8.6 MB)
# shrinks to 28%, and the widgets' wheels are stored uncompressed so that they do too;
# Pyodide's standard library is a zip that is already compressed, so it is left alone.
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
)
# The theme's, libraries' and widgets' files (under assets/) and anything this big (the
# runtime) are the same build after build: their compressed copies are kept between builds,
# by content, instead of being made again (about 2 s of each build at brotli's quality 11).
CACHE_FROM_BYTES = 1_000_000
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


def _compressed_cached(data: bytes, quality: int) -> tuple[bytes, bytes]:
    folder = Path(tempfile.gettempdir()) / f"lmo-compress-{os.getuid()}"
    key = hashlib.sha256(data).hexdigest() + f"-q{quality}"
    gz_path, br_path = folder / f"{key}.gz", folder / f"{key}.br"
    if gz_path.is_file() and br_path.is_file():
        return gz_path.read_bytes(), br_path.read_bytes()
    gz, br = _compressed(data, quality)
    folder.mkdir(mode=0o700, exist_ok=True)
    for target, content in ((gz_path, gz), (br_path, br)):
        # Builds running side by side never read half a file; the cache stays private.
        write_atomically(target, content, mode=None)
    return gz, br


def compress_site(site_dir: Path) -> tuple[int, int, int]:
    """Write ``.gz`` and ``.br`` beside each text file. Returns (files, bytes, brotli bytes)."""
    files = original = compressed = 0
    for path in _candidates(site_dir):
        data = path.read_bytes()
        relative = path.relative_to(site_dir)
        quality = _quality(relative, len(data))
        unchanging = relative.parts[0] == "assets" or len(data) >= CACHE_FROM_BYTES
        make = _compressed_cached if unchanging else _compressed
        gz, br = make(data, quality)
        _write_if_changed(path.with_name(path.name + ".gz"), gz)
        _write_if_changed(path.with_name(path.name + ".br"), br)
        files += 1
        original += len(data)
        compressed += len(br)
    return files, original, compressed
