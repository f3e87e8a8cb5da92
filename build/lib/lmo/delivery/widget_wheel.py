"""Pure-Python wheels of the widgets' cores, for pip under CPython and for Pyodide in the browser.

A widget's Python lives at ``widgets/<name>/<package>/``. The same wheel is installed into a
CPython virtual environment by pip and unpacked in the browser by
``pyodide.unpackArchive(buffer, "wheel")``, so it follows the wheel format (PEP 427, with
METADATA, WHEEL and RECORD) rather than being a plain zip of the sources.

The bytes must not depend on when or where the wheel is built: the site is rebuilt often,
deployments compare files by content, and a changed hash would bust browsers' caches for
nothing. Hence fixed timestamps and permissions, sorted entries, and no compression (see
_zip_info).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import re
import zipfile
from pathlib import Path

from lmo.core.files import write_atomically

# The earliest time a zip entry can hold; the same choice as SOURCE_DATE_EPOCH tools make.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

_DISTRIBUTION = re.compile(r"^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", re.IGNORECASE)
# PEP 440 public versions in their normalised spelling, so the file name is canonical too.
_VERSION = re.compile(r"^[0-9]+(\.[0-9]+)*((a|b|rc)[0-9]+)?(\.post[0-9]+)?(\.dev[0-9]+)?$")


class WheelBuildError(ValueError):
    """A widget's package cannot be turned into a wheel as asked."""


def wheel_name(distribution: str, version: str) -> str:
    """The wheel's file name, with the distribution name escaped as the wheel format asks."""
    return f"{_escaped(distribution)}-{version}-py3-none-any.whl"


def _escaped(distribution: str) -> str:
    return re.sub(r"[-_.]+", "_", distribution).lower()


def _check_arguments(source_dir: Path, package: str, distribution: str, version: str) -> None:
    problems = []
    if not package.isidentifier():
        problems.append(
            f"package {package!r} is not a Python identifier (expected a folder name like"
            " 'careplan')"
        )
    elif not (source_dir / package / "__init__.py").is_file():
        problems.append(
            f"{source_dir / package / '__init__.py'} is missing (expected the widget's package"
            f" at widgets/<name>/{package}/__init__.py)"
        )
    if not _DISTRIBUTION.match(distribution):
        problems.append(
            f"distribution {distribution!r} is not a valid project name (expected letters,"
            " digits, '-', '_' or '.', like 'lmo-careplan')"
        )
    if not _VERSION.match(version):
        problems.append(
            f"version {version!r} is not a normalised PEP 440 version (expected e.g. '1.0',"
            " '1.2.3' or '1.0rc1')"
        )
    if problems:
        raise WheelBuildError("; ".join(problems))


def _package_files(source_dir: Path, package: str) -> list[tuple[str, bytes]]:
    """(archive path, content) of every file of the package, sorted by path.

    Bytecode caches and hidden files (editor droppings, .DS_Store) are left out: they differ
    between machines, and Python rebuilds bytecode itself.
    """
    files = []
    root = source_dir / package
    for path in root.rglob("*"):
        relative = path.relative_to(source_dir)
        if any(part == "__pycache__" or part.startswith(".") for part in relative.parts):
            continue
        if path.suffix in {".pyc", ".pyo"} or not path.is_file():
            continue
        files.append((relative.as_posix(), path.read_bytes()))
    return sorted(files)


def _record_hash(content: bytes) -> str:
    digest = hashlib.sha256(content).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    # Stored, not deflated: deflate's output depends on the zlib build (zlib-ng, which
    # some CPython builds ship, compresses differently), and the host serves the wheel
    # gzip- and brotli-compressed anyway.
    info.compress_type = zipfile.ZIP_STORED
    info.create_system = 3  # Unix, so the permission bits below mean the same everywhere
    info.external_attr = (0o100644 & 0xFFFF) << 16
    return info


def wheel_bytes(source_dir: Path, package: str, distribution: str, version: str) -> bytes:
    """The wheel as bytes; see build_wheel."""
    _check_arguments(source_dir, package, distribution, version)
    dist_info = f"{_escaped(distribution)}-{version}.dist-info"
    entries = _package_files(source_dir, package)
    entries.append(
        (
            f"{dist_info}/METADATA",
            f"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\n".encode(),
        )
    )
    entries.append(
        (
            f"{dist_info}/WHEEL",
            b"Wheel-Version: 1.0\n"
            b"Generator: lmo.delivery.widget_wheel\n"
            b"Root-Is-Purelib: true\n"
            b"Tag: py3-none-any\n",
        )
    )
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for name, content in entries:
        writer.writerow([name, _record_hash(content), len(content)])
    writer.writerow([f"{dist_info}/RECORD", "", ""])
    # RECORD goes last, as the wheel format recommends, after the files it lists.
    entries.append((f"{dist_info}/RECORD", record.getvalue().encode()))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            archive.writestr(_zip_info(name), content)
    return buffer.getvalue()


def build_wheel(
    source_dir: Path, package: str, distribution: str, version: str, out_dir: Path
) -> Path:
    """Write ``{distribution}-{version}-py3-none-any.whl`` for source_dir/package into out_dir.

    source_dir is the folder that holds the package folder (``widgets/<name>``), package the
    import name (``careplan``). The bytes are the same on every run and machine for the same
    sources; the file is rewritten only when they change, so its mtime stays put.
    Raises WheelBuildError, naming every problem, for a bad package, name or version.
    """
    content = wheel_bytes(source_dir, package, distribution, version)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / wheel_name(distribution, version)
    if target.is_file() and target.read_bytes() == content:
        return target
    write_atomically(target, content)
    return target
