"""The self-hosted Pyodide runtime that in-browser widgets run their pure-Python core on.

Only Pyodide core is copied: no extra packages, since widgets use the standard library only.
Two of its files are made smaller instead of copied: the standard library keeps only what
Pyodide and the widgets import (lmo.delivery.pyodide_stdlib), and the package lock lists no
package, since none is ever loaded.
A widget's page starts a classic dedicated worker that calls ``importScripts(".../pyodide.js")``
and then ``loadPyodide({indexURL})``; RUNTIME_FILES is what that fetches. Pyodide 0.29 is
the last line that allows classic workers: from 314.0 on, ``pyodide.js`` throws "Classic web
workers are not supported" and loads ``pyodide.asm.mjs`` with ``import()`` instead.

This module does not import MkDocs, so the build adapter stays thin.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from lmo.core.files import write_atomically
from lmo.core.paths import TOOL_ROOT
from lmo.delivery.pyodide_stdlib import STDLIB_NAME, write_trimmed_stdlib

# What loadPyodide({indexURL}) fetches in a classic worker, found by watching Chromium's
# requests. The lock file is needed even with no packages: without it loadPyodide fails
# while parsing the 404 page as JSON. Source maps, type declarations, the consoles and
# the ES module entry point are left out because nothing loads them.
RUNTIME_FILES: tuple[str, ...] = (
    "pyodide.js",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
LOCK_NAME = "pyodide-lock.json"

_REPO_ROOT = TOOL_ROOT


class PyodideRuntimeMissing(Exception):
    """node_modules/pyodide is absent or incomplete, so the widgets' runtime cannot be copied."""


def runtime_dir(project_root: Path) -> Path:
    """Where the npm package puts Pyodide's runtime files for this project."""
    return project_root / "node_modules" / "pyodide"


def _missing_message(project_root: Path, missing: list[str]) -> str:
    where = runtime_dir(project_root)
    return (
        f"Pyodide's runtime is missing from {where} ({', '.join(missing)}): run 'npm ci'"
        " in the project folder (make serve, make site and make test do it for you)"
    )


def pyodide_version(project_root: Path = _REPO_ROOT) -> str:
    """The installed Pyodide version, read from node_modules/pyodide/package.json."""
    package_json = runtime_dir(project_root) / "package.json"
    if not package_json.is_file():
        raise PyodideRuntimeMissing(_missing_message(project_root, ["package.json"]))
    version = json.loads(package_json.read_text(encoding="utf-8")).get("version")
    if not isinstance(version, str) or not version:
        raise PyodideRuntimeMissing(
            f"{package_json} has no version: run 'npm ci' to reinstall the pyodide package"
        )
    return version


def __getattr__(name: str) -> str:
    # PYODIDE_VERSION is read on first use rather than at import, so that importing this
    # module (for example from `lmo check`, which needs no node_modules) never fails.
    if name == "PYODIDE_VERSION":
        return pyodide_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _same_content(source: Path, target: Path) -> bool:
    # Sizes first: the wasm and the standard library are megabytes, and a new Pyodide
    # version almost always changes their size.
    return (
        target.is_file()
        and target.stat().st_size == source.stat().st_size
        and target.read_bytes() == source.read_bytes()
    )


def minimal_lock(full_lock: bytes) -> bytes:
    """Pyodide's lock file with its ``info`` (checked against the runtime's ABI) and no
    packages: 122 KB fewer on a widget's first use."""
    info = json.loads(full_lock)["info"]
    return json.dumps({"info": info, "packages": {}}, sort_keys=True).encode() + b"\n"


def _write_if_changed(target: Path, content: bytes) -> None:
    if not (target.is_file() and target.read_bytes() == content):
        write_atomically(target, content)


def copy_runtime(project_root: Path, target_dir: Path, imports: Iterable[str] = ()) -> list[Path]:
    """Write RUNTIME_FILES into target_dir and return their target paths, in RUNTIME_FILES order.

    The standard library is trimmed to what Pyodide and ``imports`` (the widgets' own
    imports) can reach, and the lock file to its ``info``; the rest is copied as it is.

    A file is written only when its content differs, so that mtimes (and with them live
    reload and the compressed copies) stay put across rebuilds. Each file is written to a
    temporary name and renamed, so a server never hands out half a wasm file.
    Raises PyodideRuntimeMissing naming every missing file when node_modules is incomplete.
    """
    source_dir = runtime_dir(project_root)
    missing = [name for name in RUNTIME_FILES if not (source_dir / name).is_file()]
    if missing:
        raise PyodideRuntimeMissing(_missing_message(project_root, missing))
    target_dir.mkdir(parents=True, exist_ok=True)
    targets = []
    for name in RUNTIME_FILES:
        source = source_dir / name
        target = target_dir / name
        targets.append(target)
        if name == STDLIB_NAME:
            write_trimmed_stdlib(source, imports, target)
        elif name == LOCK_NAME:
            _write_if_changed(target, minimal_lock(source.read_bytes()))
        elif not _same_content(source, target):
            write_atomically(target, source.read_bytes())
    return targets
