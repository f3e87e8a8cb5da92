"""The session a MkDocs process keeps between builds: `mkdocs serve` checks and writes the
pages again only when an input changed; `mkdocs build` never trusts a stat of the inputs
(lmo.remembered_check compares their contents)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sitebuild import FIXTURE

from lmo.config.project import Project
from lmo.session import SiteSession

SAME_LENGTH_EDIT = ("place: town-hospital\n", "place: town-hospitax\n")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.setenv("LMO_TODAY", "2026-06-01")
    root = tmp_path / "tiny"
    shutil.copytree(FIXTURE, root)
    return Project.from_settings(
        root, "content", {"data_dir": "data", "locales_dir": "locales"}, ["en", "pl"]
    )


def edit_hubs(project: Project, *, keep_stamp: bool) -> None:
    """Send the first hub to a place that does not exist; with ``keep_stamp`` the file keeps
    its size and modification time, so only its content says it changed."""
    path = project.data_dir / "hubs.yml"
    before = path.stat()
    old, new = SAME_LENGTH_EDIT
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if keep_stamp:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert path.stat().st_size == before.st_size


def unknown_place(problems: list[object]) -> bool:
    return any("town-hospitax" in str(p) for p in problems)


def test_serve_reuses_the_last_check_until_an_input_changes(project: Project) -> None:
    session = SiteSession()
    session.start("serve")
    first, report = session.check_and_generate(project)
    assert report is not None and not first.errors
    again, report = session.check_and_generate(project)
    assert report is None, "nothing changed, yet the pages were written again"
    assert again is first
    edit_hubs(project, keep_stamp=False)
    changed, report = session.check_and_generate(project)
    assert unknown_place(changed.errors), [str(p) for p in changed.problems]


def test_each_build_checks_afresh_even_when_no_file_looks_changed(project: Project) -> None:
    """A build never trusts a stat of the inputs: a file edited within the same clock tick
    and to the same size still fails the next build in the same process."""
    session = SiteSession()
    session.start("build")
    first, report = session.check_and_generate(project)
    assert report is not None and not first.errors
    edit_hubs(project, keep_stamp=True)
    second, _ = session.check_and_generate(project)
    assert unknown_place(second.errors), [str(p) for p in second.problems]


def test_the_other_languages_of_one_build_take_its_check(project: Project) -> None:
    session = SiteSession()
    session.start("build")
    first, _ = session.check_and_generate(project)
    edit_hubs(project, keep_stamp=False)
    same, report = session.check_and_generate(project, same_build=True)
    assert same is first and report is None
