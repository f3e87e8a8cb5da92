"""Front-end libraries copied from node_modules: Leaflet's script and stylesheet under
content-hashed names, and nothing left behind under a name the hosts' long cache rule
would match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import REPO

from lmo.delivery.headers import IMMUTABLE
from lmo.delivery.vendor import copy_vendored, hashed_vendored_names

pytestmark = pytest.mark.unit

NODE_MODULES = REPO / "node_modules"


def test_leaflet_is_copied_under_hashed_names_and_older_names_go(tmp_path: Path) -> None:
    content = tmp_path / "content"
    leaflet = content / "assets" / "vendor" / "leaflet"
    # What an older engine left: the plain names, and a hashed name from another version.
    leaflet.mkdir(parents=True)
    for stale in ("leaflet.js", "leaflet.css", "leaflet.0000000000.js"):
        (leaflet / stale).write_text("old", encoding="utf-8")
    assert copy_vendored(NODE_MODULES, content) == []
    names = sorted(p.relative_to(leaflet).as_posix() for p in leaflet.rglob("*") if p.is_file())
    assert [re.sub(r"\.[0-9a-f]{10}\.", ".", n) for n in names] == [
        "LICENSE.txt",
        "images/layers-2x.png",
        "images/layers.png",
        "leaflet.css",
        "leaflet.js",
    ]
    assert "leaflet.js" not in names and "leaflet.0000000000.js" not in names
    # The names pages link are the files copied, and only those fall under the long rule.
    linked = hashed_vendored_names(NODE_MODULES)
    for name in linked.values():
        assert (content / name).is_file(), name
    long_cached = [
        n for n in names if any(f"assets/vendor/leaflet/{n}".startswith(p) for p in IMMUTABLE)
    ]
    assert sorted(long_cached) == sorted(Path(name).name for name in linked.values())


def test_a_missing_package_file_is_reported_once_and_not_copied(tmp_path: Path) -> None:
    problems = copy_vendored(tmp_path / "node_modules", tmp_path / "content")
    assert sorted(p.message.split(" is missing")[0] for p in problems) == [
        "LICENSE",
        "dist/images/layers-2x.png",
        "dist/images/layers.png",
        "dist/leaflet.css",
        "dist/leaflet.js",
    ]
    assert not (tmp_path / "content" / "assets" / "vendor" / "leaflet").exists()
