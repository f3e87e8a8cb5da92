"""The trimmed standard library is made once per input (Pyodide's library, the widgets'
imports, the trimming code) and kept between builds; a change in any of them makes it
again, and a folder others could write is never read."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sitebuild import REPO

from lmo.delivery import pyodide_stdlib
from lmo.delivery.pyodide_stdlib import write_trimmed_stdlib

pytestmark = pytest.mark.unit


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
    assert "json/__init__.py" in names(first) and "tomllib/__init__.py" not in names(first)

    # Read from the cache, not made again: a planted marker in the kept copy comes back.
    kept[0].write_bytes(first.read_bytes() + b"kept")
    again = write_trimmed_stdlib(library, ["json"], tmp_path / "b.zip", cache)
    assert again.read_bytes().endswith(b"kept")

    # Other imports: made again, under another key.
    other = write_trimmed_stdlib(library, ["json", "tomllib"], tmp_path / "c.zip", cache)
    assert "tomllib/__init__.py" in names(other)
    assert len(list(cache.glob("*.stdlib.zip"))) == 2


def test_a_cache_folder_others_could_write_is_never_read(tmp_path: Path) -> None:
    library = real_library()
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    made = write_trimmed_stdlib(library, ["json"], tmp_path / "a.zip", shared)
    assert list(shared.iterdir()) == []
    assert "json/__init__.py" in names(made)
