"""A build whose inputs are all the same as at the end of the last build of the site takes
that build's check and pages (lmo.remembered_check); any change to what the check and the
page writer read, by content, makes it check and write afresh."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sitebuild import FIXTURE, build, edit, make_site
from test_session import edit_hubs, unknown_place

from lmo import remembered_check
from lmo.config.project import Project
from lmo.delivery.build_cache import BuildCache
from lmo.pipeline import CheckResult
from lmo.remembered_check import check_and_generate_remembered, engine_digest, inputs_digest
from lmo.site.generate import WriteReport


def tiny_project(root: Path, today: str = "2026-06-01") -> Project:
    os.environ["LMO_TODAY"] = today  # restored by the fixture's monkeypatch
    return Project.from_settings(
        root, "content", {"data_dir": "data", "locales_dir": "locales"}, ["en", "pl"]
    )


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LMO_TODAY", "2026-06-01")
    shutil.copytree(FIXTURE, tmp_path / "tiny")
    return tmp_path / "tiny"


@pytest.fixture
def kept(tmp_path: Path) -> BuildCache:
    return BuildCache(tmp_path / "kept")


class Counted:
    """The real check and page writer, counting how often they run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.runs = 0
        real = remembered_check.check_and_write_pages

        def counted(project: Project) -> tuple[CheckResult, WriteReport | None]:
            self.runs += 1
            return real(project)

        monkeypatch.setattr(remembered_check, "check_and_write_pages", counted)


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Counted:
    return Counted(monkeypatch)


def generated_page(root: Path) -> Path:
    return root / "content" / "en" / "hubs" / "town-hub.md"


def test_an_unchanged_site_takes_the_last_result_with_its_warnings(
    root: Path, kept: BuildCache, work: Counted
) -> None:
    # Far enough ahead that every review date in the fixture has passed: warnings only.
    project = tiny_project(root, "2031-01-01")
    first, report = check_and_generate_remembered(project, kept)
    assert report is not None and report.written and not first.errors
    assert first.warnings, "the fixture should have passed review dates by 2031"
    again, report = check_and_generate_remembered(project, kept)
    assert (work.runs, report) == (1, None), "nothing changed, yet the check ran again"
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems]
    assert again.dataset is not None and first.dataset is not None
    assert again.dataset.hubs == first.dataset.hubs


def hub_sent_nowhere(root: Path) -> None:
    edit_hubs(tiny_project(root), keep_stamp=True)


def generated_page_edited(root: Path) -> None:
    page = generated_page(root)
    stamp = page.stat()
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("a", "b", 1), encoding="utf-8")
    os.utime(page, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))


def generated_page_deleted(root: Path) -> None:
    generated_page(root).unlink()


def catalogue_edited(root: Path) -> None:
    catalogue = next((root / "locales").rglob("*.po"))
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "\n# edited\n", "utf-8")


def hand_written_page_added(root: Path) -> None:
    (root / "content" / "en" / "new-page.md").write_text("# A new page\n", encoding="utf-8")


def settings_file_edited(root: Path) -> None:
    (root / "mkdocs.yml").write_text("site_name: Another\n", encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        hub_sent_nowhere,
        generated_page_edited,
        generated_page_deleted,
        catalogue_edited,
        hand_written_page_added,
        settings_file_edited,
    ],
)
def test_any_change_to_a_file_it_reads_checks_and_writes_again(
    root: Path, kept: BuildCache, work: Counted, change: Callable[[Path], None]
) -> None:
    check_and_generate_remembered(tiny_project(root), kept)
    change(root)
    result, _ = check_and_generate_remembered(tiny_project(root), kept)
    assert work.runs == 2, f"{change.__name__}: the last result was taken"
    if change is hub_sent_nowhere:
        assert unknown_place(result.errors), [str(p) for p in result.problems]
    if change in (generated_page_edited, generated_page_deleted):
        fresh = check_and_generate_remembered(tiny_project(root), kept)[0]
        assert generated_page(root).exists() and not fresh.errors
        assert work.runs == 2, "the page written again was not taken as the site's state"


def kept_files(kept: BuildCache) -> list[Path]:
    assert kept.folder is not None
    return [p for p in kept.folder.iterdir() if not p.name.startswith(".")]


def test_a_build_asked_to_check_afresh_neither_takes_nor_keeps(
    root: Path, kept: BuildCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LMO_CHECK_AFRESH", "1")
    check_and_generate_remembered(tiny_project(root), kept)
    assert kept_files(kept) == []
    monkeypatch.delenv("LMO_CHECK_AFRESH")
    check_and_generate_remembered(tiny_project(root), kept)
    assert len(kept_files(kept)) == 1
    monkeypatch.setenv("LMO_CHECK_AFRESH", "1")
    _, report = check_and_generate_remembered(tiny_project(root), kept)
    assert report is not None, "the kept result was taken"


def test_another_day_checks_again(root: Path, kept: BuildCache, work: Counted) -> None:
    """Review dates pass with the calendar, not with any file."""
    check_and_generate_remembered(tiny_project(root, "2026-06-01"), kept)
    later, _ = check_and_generate_remembered(tiny_project(root, "2031-01-01"), kept)
    assert work.runs == 2 and later.warnings


def test_a_failed_check_is_never_kept(root: Path, kept: BuildCache, work: Counted) -> None:
    hub_sent_nowhere(root)
    for _ in range(2):
        result, report = check_and_generate_remembered(tiny_project(root), kept)
        assert report is None and unknown_place(result.errors)
    assert work.runs == 2


def test_a_kept_file_that_cannot_be_read_back_is_a_miss(
    root: Path, kept: BuildCache, work: Counted
) -> None:
    check_and_generate_remembered(tiny_project(root), kept)
    (slot,) = kept_files(kept)
    digest = slot.read_bytes().partition(b"\n")[0]
    slot.write_bytes(digest + b"\nnot a pickle")
    result, report = check_and_generate_remembered(tiny_project(root), kept)
    assert work.runs == 2 and report is not None and not result.errors


def test_the_engine_and_installed_packages_are_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = tmp_path / "engine"
    shutil.copytree(Path(remembered_check.__file__).parent / "features" / "maps", engine)
    packages = tmp_path / "site-packages"
    (packages / "folium-0.20.0.dist-info").mkdir(parents=True)
    monkeypatch.setattr(remembered_check, "PACKAGE_ROOT", engine)
    monkeypatch.setattr(sys, "path", [*sys.path, str(packages)])

    def digest() -> bytes:
        engine_digest.cache_clear()
        return engine_digest()

    try:
        first = digest()
        assert digest() == first
        template = next(engine.rglob("*.j2"))
        template.write_text(template.read_text(encoding="utf-8") + " ", encoding="utf-8")
        after_template = digest()
        (packages / "folium-0.20.0.dist-info").rename(packages / "folium-0.21.0.dist-info")
        after_upgrade = digest()
    finally:
        engine_digest.cache_clear()
    assert len({first, after_template, after_upgrade}) == 3


def test_the_digest_reads_contents_not_stamps(root: Path) -> None:
    before = inputs_digest(tiny_project(root))
    hub_sent_nowhere(root)
    assert inputs_digest(tiny_project(root)) != before


@pytest.mark.build
def test_a_second_build_of_an_unchanged_site_takes_the_first_ones_result(
    tmp_path: Path,
) -> None:
    """Across processes, as `mkdocs build` runs: the same pages, and an edit that keeps the
    file's size and time still fails the next build."""
    site = make_site(tmp_path)
    built = build(site)
    assert built.returncode == 0 and "generated pages" in built.stderr, built.stderr
    first = {p: p.read_bytes() for p in (site / "site").rglob("*.html")}
    second = build(site)
    assert second.returncode == 0, second.stderr
    assert "generated pages" not in second.stderr, "the pages were written again"
    assert {p: p.read_bytes() for p in (site / "site").rglob("*.html")} == first
    hubs = site / "data" / "hubs.yml"
    stamp = hubs.stat()
    edit(site / "data", "hubs.yml", "place: town-hospital\n", "place: town-hospitax\n")
    os.utime(hubs, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    third = build(site)
    assert third.returncode != 0 and "town-hospitax" in third.stderr, third.stderr
