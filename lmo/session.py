"""The state a MkDocs process keeps between its hook events and its rebuilds, on one object.

MkDocs runs every hook once per built language (mkdocs-static-i18n builds each language
inside the first build) and again on every live reload of ``mkdocs serve``. The session
does the expensive work once per change of input: it checks the data and writes the pages
only when a file they depend on has changed, and hands the per-page events the result
without looking at the files again. It is keyed by the site's folder, so test builds of
different sites in one process never mix. Nothing here imports MkDocs: the config is
duck-typed, and the hooks in ``hooks/`` are the only place MkDocs events meet it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lmo.config.project import Project, project_from_mkdocs_config, today_from_environment
from lmo.features import discover
from lmo.pipeline import CheckResult
from lmo.remembered_check import check_and_generate_remembered
from lmo.site.generate import WriteReport
from lmo.site.render import TEMPLATES


def inputs_fingerprint(project: Project) -> str:
    """Changes whenever anything the generated pages depend on changes."""
    parts = [project.today.isoformat(), ",".join(project.languages)]
    templates = [f.site.templates for f in discover() if f.site and f.site.templates]
    folders = (project.data_dir, project.locales_dir, TEMPLATES, *templates, project.content_dir)
    for folder in folders:
        parts += sorted(_file_stamps(str(folder)))
    return "\n".join(parts)


def _file_stamps(folder: str) -> Iterator[str]:
    """Path, modification time and size of every file under ``folder`` (none if it is
    missing), one stat each: ``mkdocs serve`` asks after every change it sees."""
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _file_stamps(entry.path)
        elif entry.is_file():
            stat = entry.stat()
            yield f"{entry.path}:{stat.st_mtime_ns}:{stat.st_size}"


@dataclass
class Checked:
    fingerprint: str
    result: CheckResult


@dataclass
class SiteSession:
    # `mkdocs serve` adds its live-reload script to every page, inline: a meta policy in the
    # files would refuse it, so it is written only by `mkdocs build`.
    serving: bool = False
    projects: dict[tuple[str, str], Project] = field(default_factory=dict)
    checks: dict[str, Checked] = field(default_factory=dict)
    # The site's one 404 page as the default language's build wrote it: each language's
    # build writes the same file, and the last (not the default) would otherwise stay.
    not_found_page: str | None = None

    def start(self, command: str) -> None:
        self.serving = command == "serve"

    def project(self, config: Any) -> Project:
        """The site's Project, worked out once per config and day (the page events ask
        for it once per page)."""
        key = (str(config.config_file_path), str(config.docs_dir))
        cached = self.projects.get(key)
        if cached is not None and cached.today == today_from_environment():
            return cached
        self.projects = {key: project_from_mkdocs_config(config)}
        return self.projects[key]

    def check_and_generate(
        self, project: Project, *, same_build: bool = False
    ) -> tuple[CheckResult, WriteReport | None]:
        """Check and write the pages, unless nothing changed since the last time (then the
        last result, and no report: nothing was written). ``same_build``: another language
        of the build that checked them, which takes that result without looking at every
        file again (a change made meanwhile is seen by the next build)."""
        key = str(project.content_dir)
        cached = self.checks.get(key)
        if same_build and cached is not None:
            return cached.result, None
        # Only `mkdocs serve` builds the same site again in one process, so only it trusts
        # the fingerprint (a stat of every input, which misses an edit that keeps a file's
        # size and time). Otherwise every input is read and compared by its contents
        # (lmo.remembered_check).
        if (
            self.serving
            and cached is not None
            and cached.fingerprint == inputs_fingerprint(project)
        ):
            return cached.result, None
        result, report = check_and_generate_remembered(project)
        # Writing pages changed content/, so take the fingerprint after writing.
        fingerprint = inputs_fingerprint(project) if self.serving else ""
        self.checks[key] = Checked(fingerprint, result)
        return result, report

    def latest(self, project: Project) -> CheckResult | None:
        """The result of the last check of this site, for the per-page events."""
        cached = self.checks.get(str(project.content_dir))
        return cached.result if cached else None


# One per process. MkDocs loads each hook file as a module of its own; they share this.
SESSION = SiteSession()
