"""The template cache is a folder only this user can write, and one found open to others is
closed and emptied before it is used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lmo.core.bytecode_cache import private_cache_folder


def test_the_template_cache_is_a_folder_only_this_user_can_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = Path(private_cache_folder())
    assert folder == tmp_path / "cache" / "lmo" / "jinja"
    assert folder.stat().st_mode & 0o777 == 0o700
    (folder / "__jinja2_kept.cache").write_bytes(b"compiled by an earlier build")
    assert Path(private_cache_folder()) == folder
    assert (folder / "__jinja2_kept.cache").exists()  # a private folder keeps what it holds
    # Opened up by mistake: closed again, not given up, and emptied, as anyone could have
    # put bytecode there for the build to run while it was open.
    folder.chmod(0o777)
    (folder / "__jinja2_planted.cache").write_bytes(b"bytecode from someone else")
    (folder / "planted-folder").mkdir()
    assert Path(private_cache_folder()) == folder
    assert folder.stat().st_mode & 0o777 == 0o700
    assert list(folder.iterdir()) == []


def test_a_cache_folder_that_is_a_link_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "planted"
    elsewhere.mkdir(mode=0o700)
    (tmp_path / "cache" / "lmo").mkdir(parents=True)
    (tmp_path / "cache" / "lmo" / "jinja").symlink_to(elsewhere)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = Path(private_cache_folder())
    assert folder.resolve() != elsewhere
    assert folder.name.startswith("lmo-jinja-") and folder.name != f"lmo-jinja-{os.getuid()}"
    assert folder.stat().st_uid == os.getuid() and folder.stat().st_mode & 0o777 == 0o700
