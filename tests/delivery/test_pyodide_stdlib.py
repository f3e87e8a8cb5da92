"""The trimmed standard library is compiled to bytecode inside Pyodide, made once per input
(Pyodide, the widgets' imports, the trimming and compiling code) and kept between builds; a
change in any of them makes it again, a folder others could write is never read, and
without Node.js the source is shipped and the build says why."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sitebuild import REPO

from lmo.delivery import pyodide_stdlib
from lmo.delivery.pyodide_stdlib import write_trimmed_stdlib

# Build tier: they compile with Pyodide under Node.js and read Pyodide from node_modules,
# which `make test-unit` does not install.
pytestmark = pytest.mark.build


def real_library() -> Path:
    library = REPO / "node_modules" / "pyodide" / pyodide_stdlib.STDLIB_NAME
    assert library.is_file(), "run `make test` (npm ci installs Pyodide)"
    return library


def names(zip_file: Path) -> set[str]:
    with zipfile.ZipFile(zip_file) as archive:
        return set(archive.namelist())


def test_the_trimmed_library_is_kept_and_made_again_when_its_inputs_change(
    tmp_path: Path,
) -> None:
    library, cache = real_library(), tmp_path / "cache"
    first = write_trimmed_stdlib(library, ["json"], tmp_path / "a.zip", cache)
    kept = list(cache.glob("*.stdlib.zip"))
    assert len(kept) == 1 and kept[0].read_bytes() == first.read_bytes()
    assert "json/__init__.pyc" in names(first) and "tomllib/__init__.pyc" not in names(first)
    assert not [name for name in names(first) if name.endswith(".py")]
    with zipfile.ZipFile(first) as archive:
        pyc = archive.read("json/__init__.pyc")
    # Python 3.13's magic number, "unchecked hash-based" (no source needed), then bytecode.
    assert pyc[2:4] == b"\r\n" and int.from_bytes(pyc[4:8], "little") == 1

    # Read from the cache, not made again: a planted marker in the kept copy comes back.
    kept[0].write_bytes(first.read_bytes() + b"kept")
    again = write_trimmed_stdlib(library, ["json"], tmp_path / "b.zip", cache)
    assert again.read_bytes().endswith(b"kept")

    # Other imports: made again, under another key.
    other = write_trimmed_stdlib(library, ["json", "tomllib"], tmp_path / "c.zip", cache)
    assert "tomllib/__init__.pyc" in names(other)
    assert len(list(cache.glob("*.stdlib.zip"))) == 2


def test_a_cache_folder_others_could_write_is_never_read(tmp_path: Path) -> None:
    library = real_library()
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    made = write_trimmed_stdlib(library, ["json"], tmp_path / "a.zip", shared)
    assert list(shared.iterdir()) == []
    assert "json/__init__.pyc" in names(made)


def test_without_node_the_source_is_shipped_and_the_build_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    cache = tmp_path / "cache"
    made = write_trimmed_stdlib(real_library(), ["json"], tmp_path / "a.zip", cache)
    assert "json/__init__.py" in names(made)
    assert "Node.js not found" in caplog.text
    assert list(cache.glob("*.stdlib.zip")) == []  # the next build, with Node, compiles it
