"""A file written atomically: the old one until the new one is whole, readable by a server."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from lmo.core.files import write_atomically


def test_the_new_file_replaces_the_old_readable_by_a_web_server(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    target.write_bytes(b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]  # nothing left beside it


def test_a_private_file_stays_private(tmp_path: Path) -> None:
    target = tmp_path / "cache.br"
    write_atomically(target, b"x", mode=None)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_litter(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_atomically(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]
