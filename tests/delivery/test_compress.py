"""Compressed copies are made once per content: a later build moves them back into place,
and a changed file gets copies of its new bytes, never the old ones."""

from __future__ import annotations

import gzip
import json
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path

import brotli
import pytest

from lmo.core.files import private_folder
from lmo.delivery.build_cache import LAST_PRUNED
from lmo.delivery.compress import compress_site, rescue_copies

pytestmark = pytest.mark.unit

PAGE = "<!doctype html><title>Hub</title>" + "<p>Your midwife will call you.</p>" * 40


def copies(site: Path, name: str) -> tuple[bytes, bytes]:
    file = site / name
    gz = gzip.decompress(file.with_name(name + ".gz").read_bytes())
    br = brotli.decompress(file.with_name(name + ".br").read_bytes())
    return gz, br


def kept(cache: Path) -> list[Path]:
    """The compressed copies in the cache every site shares (not a site's own, not notes)."""
    return sorted(e for e in cache.iterdir() if re.fullmatch(r"[0-9a-f]{64}-q\d+\.(gz|br)", e.name))


def waiting(cache: Path) -> list[Path]:
    """The copies a site placed, moved back to the cache until its next build takes them."""
    return sorted(e for e in cache.iterdir() if re.fullmatch(r"[0-9a-f]{32}-.*", e.name))


def build(site: Path, cache: Path) -> None:
    """What a build does to site/: the plugin moves its copies back to the cache, MkDocs
    empties the folder (the pages are written again the same), the plugin compresses."""
    rescue_copies(site, cache)
    for copy in site.glob("*.*[rz]"):
        copy.unlink()
    compress_site(site, cache)


def compressed_page(tmp_path: Path) -> tuple[Path, Path]:
    """A site of one page, built once: its folder and its cache."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    compress_site(site, cache)
    return site, cache


def inodes(site: Path) -> dict[str, int]:
    return {copy.name: copy.stat().st_ino for copy in site.glob("*.*[rz]")}


def test_unchanged_files_copies_are_moved_back_into_place_and_changed_ones_made_again(
    tmp_path: Path,
) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "other.html").write_text(PAGE.replace("Hub", "Other"), encoding="utf-8")
    compress_site(site, cache)
    first = inodes(site)
    assert len(first) == 4 and len(kept(cache)) == 4  # a .gz and a .br per page
    assert all(stat.S_IMODE(c.stat().st_mode) == 0o644 for c in site.glob("*.*[rz]"))

    # The next build of the same pages writes no copy: the same files are back in place.
    build(site, cache)
    assert inodes(site) == first
    assert copies(site, "index.html") == (PAGE.encode(), PAGE.encode())
    assert all(stat.S_IMODE(c.stat().st_mode) == 0o644 for c in site.glob("*.*[rz]"))

    changed = PAGE.replace("call you", "phone you")
    (site / "index.html").write_text(changed, encoding="utf-8")
    build(site, cache)
    assert copies(site, "index.html") == (changed.encode(), changed.encode())
    assert copies(site, "other.html")[0] == PAGE.replace("Hub", "Other").encode()
    assert inodes(site)["other.html.br"] == first["other.html.br"]
    assert len(kept(cache)) == 6 and len(waiting(cache)) == 2  # the old page's, placed
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    build(site, cache)
    assert inodes(site)["index.html.br"] == first["index.html.br"]


def edited_in_place(copy: Path) -> None:
    """Another tool rewrites the copy in the same file, same size, time set back."""
    before = copy.stat()
    with copy.open("r+b") as handle:
        handle.write(b"\0" * before.st_size)
    os.utime(copy, ns=(before.st_atime_ns, before.st_mtime_ns))


def given_a_second_name(copy: Path) -> None:
    """A deployment's hard-linked snapshot of site/, which may be edited through it."""
    os.link(copy, copy.parent.parent / f"snapshot-{copy.name}")


@pytest.mark.parametrize("change", [edited_in_place, given_a_second_name])
def test_a_copy_touched_after_its_build_never_goes_back_to_the_cache(
    tmp_path: Path, change: Callable[[Path], None]
) -> None:
    site, cache = compressed_page(tmp_path)
    change(site / "index.html.br")
    assert rescue_copies(site, cache) == 1  # the .gz only
    assert [c.suffix for c in waiting(cache)] == [".gz"]
    build(site, cache)
    assert copies(site, "index.html") == (PAGE.encode(), PAGE.encode())


def test_a_note_naming_files_outside_the_site_or_the_cache_moves_nothing(
    tmp_path: Path,
) -> None:
    site, cache = compressed_page(tmp_path)
    (note,) = [entry for entry in cache.iterdir() if entry.name.startswith("placed-")]
    outside = tmp_path / "outside.txt"
    outside.write_text("not the site's", encoding="utf-8")
    found = outside.stat()
    identity = [found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns]
    key = "0" * 64 + "-q7.br"
    copy = site / "index.html.br"
    mine = copy.stat()
    copy_identity = [mine.st_ino, mine.st_size, mine.st_mtime_ns, mine.st_ctime_ns]
    planted = {
        "../outside.txt": [key, *identity],
        str(outside): [key, *identity],
        "index.html.br": ["../../escaped.br", *copy_identity],
    }
    note.write_text(json.dumps(planted), encoding="utf-8")
    assert rescue_copies(site, cache) == 0
    assert outside.read_text(encoding="utf-8") == "not the site's" and copy.exists()
    assert not (tmp_path / "escaped.br").exists() and waiting(cache) == []


def test_copies_no_build_has_used_for_a_month_are_pruned(tmp_path: Path) -> None:
    site, cache = compressed_page(tmp_path)
    rescue_copies(site, cache)
    old = time.time() - 40 * 86400
    for entry in cache.iterdir():
        os.utime(entry, (old, old))
    (site / "index.html").write_text(PAGE + "<p>New</p>", encoding="utf-8")
    compress_site(site, cache)
    assert len(kept(cache)) == 2 and waiting(cache) == []  # only the new page's copies


def test_the_cache_is_looked_over_at_most_once_a_day(tmp_path: Path) -> None:
    """Pruning looks at every kept file (a shared folder holds tens of thousands), so a build
    within a day of the last prune leaves even month-old copies for the next day's."""
    site, cache = compressed_page(tmp_path)  # prunes: the folder was never looked over
    rescue_copies(site, cache)
    old = time.time() - 40 * 86400
    for entry in kept(cache) + waiting(cache):
        os.utime(entry, (old, old))
    (site / "index.html").write_text(PAGE + "<p>New</p>", encoding="utf-8")
    compress_site(site, cache)
    assert (len(kept(cache)), len(waiting(cache))) == (4, 2), "pruned again within a day"
    yesterday = time.time() - 25 * 3600
    os.utime(cache / LAST_PRUNED, (yesterday, yesterday))
    compress_site(site, cache)
    assert (len(kept(cache)), len(waiting(cache))) == (2, 0)  # the month-old copies are gone


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
