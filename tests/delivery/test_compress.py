"""Compressed copies are made once per content: a later build takes them from the cache, and
a changed file gets copies of its new bytes, never the old ones."""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path

import brotli
import pytest

from lmo.core.files import private_folder
from lmo.delivery.build_cache import LAST_PRUNED
from lmo.delivery.compress import compress_site

pytestmark = pytest.mark.unit

PAGE = "<!doctype html><title>Hub</title>" + "<p>Your midwife will call you.</p>" * 40


def copies(site: Path, name: str) -> tuple[bytes, bytes]:
    file = site / name
    gz = gzip.decompress(file.with_name(name + ".gz").read_bytes())
    br = brotli.decompress(file.with_name(name + ".br").read_bytes())
    return gz, br


def kept(cache: Path) -> list[Path]:
    """The compressed copies in the cache (not the note of when it was last pruned)."""
    return sorted(entry for entry in cache.iterdir() if entry.name != LAST_PRUNED)


def test_unchanged_files_are_taken_from_the_cache_and_changed_ones_made_again(
    tmp_path: Path,
) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "other.html").write_text(PAGE.replace("Hub", "Other"), encoding="utf-8")
    compress_site(site, cache)
    made = kept(cache)
    assert len(made) == 4  # a .gz and a .br per distinct content
    first = (site / "index.html.br").read_bytes()

    # The next build of the same pages (MkDocs empties site/ first) makes nothing new.
    for copy in site.glob("*.*[rz]"):
        copy.unlink()
    compress_site(site, cache)
    assert kept(cache) == made
    assert (site / "index.html.br").read_bytes() == first

    changed = PAGE.replace("call you", "phone you")
    (site / "index.html").write_text(changed, encoding="utf-8")
    compress_site(site, cache)
    assert copies(site, "index.html") == (changed.encode(), changed.encode())
    assert len(kept(cache)) == 6


def test_copies_no_build_has_used_for_a_month_are_pruned(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    compress_site(site, cache)
    old = time.time() - 40 * 86400
    for entry in cache.iterdir():
        os.utime(entry, (old, old))
    (site / "index.html").write_text(PAGE + "<p>New</p>", encoding="utf-8")
    compress_site(site, cache)
    assert len(kept(cache)) == 2  # only the new page's copies


def test_the_cache_is_looked_over_at_most_once_a_day(tmp_path: Path) -> None:
    """Pruning looks at every kept file (a shared folder holds tens of thousands), so a build
    within a day of the last prune leaves even month-old copies for the next day's."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    compress_site(site, cache)  # prunes: the folder was never looked over
    old = time.time() - 40 * 86400
    for entry in cache.iterdir():
        if entry.name != LAST_PRUNED:
            os.utime(entry, (old, old))
    (site / "index.html").write_text(PAGE + "<p>New</p>", encoding="utf-8")
    compress_site(site, cache)
    assert len(kept(cache)) == 4, "pruned again within a day"
    yesterday = time.time() - 25 * 3600
    os.utime(cache / LAST_PRUNED, (yesterday, yesterday))
    compress_site(site, cache)
    assert len(kept(cache)) == 2  # the month-old copies are gone, the new page's kept


def test_a_cache_folder_another_user_could_write_is_never_read(tmp_path: Path) -> None:
    # Planted copies in a folder others can write would be published as the site's own.
    site = tmp_path / "site"
    site.mkdir()
    page = site / "index.html"
    page.write_text("<p>" + "the real page " * 100 + "</p>", encoding="utf-8")
    shared = tmp_path / "shared-cache"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    compress_site(site, cache=shared)
    assert list(shared.iterdir()) == []  # nothing read from it, nothing left in it
    assert brotli.decompress((site / "index.html.br").read_bytes()) == page.read_bytes()
    linked = tmp_path / "linked-cache"
    linked.symlink_to(shared)
    assert not private_folder(linked)
    private = tmp_path / "private-cache"
    assert private_folder(private)
    compress_site(site, cache=private)
    assert list(private.iterdir()) != []
