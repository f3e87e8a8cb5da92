"""The data pipeline shared by the command line and the MkDocs adapter: check, then write."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lmo.config.project import Project
from lmo.core.problems import Problem, Severity
from lmo.data.contract import NamedDataPart
from lmo.data.dataset import DataSet
from lmo.data.load import load_dataset as load_data
from lmo.data.placeholders import placeholders
from lmo.delivery.vendor import copy_vendored
from lmo.features import discover
from lmo.features.contract import Feature
from lmo.site.content import check_content
from lmo.site.contract import ActiveSitePart
from lmo.site.engine_assets import SITE_ASSETS, copy_engine_assets
from lmo.site.generate import WriteReport, is_generated, write_pages
from lmo.site.sections import pages_off


def strict_from_environment() -> bool:
    return os.environ.get("STRICT", "") not in ("", "0", "false", "no")


@dataclass
class CheckResult:
    dataset: DataSet | None
    problems: list[Problem] = field(default_factory=list)

    def failed(self, strict: bool) -> bool:
        return any(p.severity is Severity.ERROR or strict for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def data_parts(features: tuple[Feature, ...]) -> list[NamedDataPart]:
    return [NamedDataPart(f.name, f.data) for f in features if f.data is not None]


def site_parts(features: tuple[Feature, ...], ds: DataSet) -> tuple[ActiveSitePart, ...]:
    """The page-stage parts of the features that are on, with their checked values."""
    return tuple(
        ActiveSitePart(f.name, f.site, ds.features.get(f.name))
        for f in features
        if f.site is not None and f.is_on(ds)
    )


def features_report(ds: DataSet) -> list[str]:
    """One line per feature: on, or off and what would switch it on (for the build log)."""
    lines = []
    for feature in discover():
        if feature.is_on(ds):
            lines.append(f"on:  {feature.name} ({feature.summary})")
        else:
            lines.append(f"off: {feature.name} ({feature.why_off()})")
    return lines


def nav_pages_off(ds: DataSet) -> set[str]:
    """The menu entries (source paths) with no page: features that are off, and core
    sections with nothing to list (a site still being set up)."""
    return pages_off(ds) | {
        path
        for feature in discover()
        if feature.site is not None and not feature.is_on(ds)
        for path in feature.site.nav
    }


def marked_files(project: Project) -> list[tuple[Path, str]]:
    """The files a team writes (data and hand-written pages), for the FILL IN marks."""
    files = sorted(project.data_dir.rglob("*.yml")) if project.data_dir.exists() else []
    if project.content_dir.exists():
        files += [p for p in sorted(project.content_dir.rglob("*.md")) if not is_generated(p)]
    return [(path, project.display(path)) for path in files]


def check(project: Project) -> CheckResult:
    """Validate data and hand-written content. Fast: renders nothing."""
    features = discover()
    dataset, problems = load_data(
        project.data_dir,
        today=project.today,
        display_prefix=project.display(project.data_dir) + "/",
        languages=project.languages,
        parts=data_parts(features),
    )
    problems = problems + check_content(project.content_dir, project.root, project.today)
    problems += placeholders(marked_files(project))
    for feature in features:
        if feature.check is not None:
            problems += feature.check(project, dataset)
    return CheckResult(dataset, sorted(problems))


def check_and_write_pages(project: Project) -> tuple[CheckResult, WriteReport | None]:
    """Check, then write the generated pages if the check found no error (no report if it
    did). Reads only the project's data, content and locales folders, its settings and the
    engine's own files: what lmo.remembered_check keys a kept result on."""
    result = check(project)
    if result.dataset is None or result.errors:
        return result, None
    report = write_pages(
        result.dataset,
        project.content_dir,
        list(project.languages),
        project.locales_dir,
        project.today,
        project.maps,
        project.site_url,
        site_parts(discover(), result.dataset),
    )
    result.problems = sorted(result.problems + report.problems)
    return result, report


def copy_site_files(project: Project, result: CheckResult) -> None:
    """Copy the engine's and the features' assets, and the front-end packages from
    node_modules, into content/; a missing package is added to ``result``'s problems."""
    if result.dataset is None:
        return
    parts = site_parts(discover(), result.dataset)
    folders = [SITE_ASSETS, *(a.part.assets for a in parts if a.part.assets is not None)]
    copy_engine_assets(project.content_dir, folders)
    vendored = copy_vendored(project.node_modules, project.content_dir, project.languages)
    result.problems = sorted(result.problems + vendored)


def check_and_generate(project: Project) -> tuple[CheckResult, WriteReport | None]:
    result, report = check_and_write_pages(project)
    if report is not None:
        copy_site_files(project, result)
    return result, report


def load_dataset(data_dir: Path, **options: Any) -> tuple[DataSet | None, list[Problem]]:
    """``lmo.data.load.load_dataset`` with every feature's data part: the whole data set, as
    the build and ``make check`` read it (for scripts and tests)."""
    return load_data(data_dir, parts=data_parts(discover()), **options)
