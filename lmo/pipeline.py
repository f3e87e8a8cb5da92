"""The data pipeline shared by the command line and the MkDocs adapter: check, then write."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from lmo.config.project import Project
from lmo.core.problems import Problem, Severity
from lmo.data.validate import DataSet, load_dataset
from lmo.delivery.vendor import copy_vendored
from lmo.features.languages.catalogue_check import check_catalogues
from lmo.features.languages.safety_terms import check_safety_terms
from lmo.site.content import check_content
from lmo.site.generate import WriteReport, write_pages


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


def check(project: Project) -> CheckResult:
    """Validate data and hand-written content. Fast: renders nothing."""
    prefix = project.display(project.data_dir) + "/"
    dataset, problems = load_dataset(
        project.data_dir,
        today=project.today,
        display_prefix=prefix,
        languages=project.languages,
    )
    problems = problems + check_content(project.content_dir, project.root, project.today)
    problems += check_catalogues(project.locales_dir, project.root)
    problems += check_safety_terms(
        project.locales_dir,
        project.root,
        project.data_dir / "translations",
        f"{prefix}translations/",
        dataset.texts if dataset is not None else None,
    )
    return CheckResult(dataset, sorted(problems))


def check_and_generate(project: Project) -> tuple[CheckResult, WriteReport | None]:
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
    )
    vendored = copy_vendored(project.node_modules, project.content_dir)
    result.problems = sorted(result.problems + report.problems + vendored)
    return result, report


# --- one check-and-write per change, however many times MkDocs asks -------------------------

_cache: dict[str, tuple[str, CheckResult, WriteReport | None]] = {}


def _fingerprint(project: Project) -> str:
    """Changes whenever anything the generated pages depend on changes."""
    from lmo.site.render import TEMPLATES

    parts = [project.today.isoformat(), ",".join(project.languages)]
    for folder in (project.data_dir, project.locales_dir, TEMPLATES, project.content_dir):
        if not folder.exists():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                parts.append(f"{path}:{stat.st_mtime_ns}:{stat.st_size}")
    return "\n".join(parts)


def cached_check_and_generate(project: Project) -> tuple[CheckResult, WriteReport | None]:
    """MkDocs runs our hooks once per language and again on every live reload: do the work
    only when an input changed. Keyed by the site's folder so test builds never mix."""
    key = str(project.content_dir)
    before = _fingerprint(project)
    cached = _cache.get(key)
    if cached is not None and cached[0] == before:
        return cached[1], None  # nothing was written this time
    result, report = check_and_generate(project)
    # Writing pages changed content/, so take the fingerprint after writing.
    _cache[key] = (_fingerprint(project), result, report)
    return result, report


def latest(project: Project) -> CheckResult | None:
    """The result of the last check for this site, without looking at the files again:
    for per-page hooks, which run after ``on_config`` has already checked and written."""
    cached = _cache.get(str(project.content_dir))
    return cached[1] if cached else None
