"""MkDocs hook (on_config): check data/ and content/, write the generated pages, and leave
the menu entries of features that are off out of the nav.

Runs before MkDocs collects files, so mkdocs-static-i18n sees generated pages as real
files in every language. All logic lives in ``lmo``; this file only adapts it to MkDocs.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from pathspec.gitignore import GitIgnoreSpec

from lmo.config.project import ConfigFileError
from lmo.core.problems import Severity
from lmo.pipeline import (
    features_report,
    nav_pages_off,
    strict_from_environment,
)
from lmo.session import SESSION
from lmo.site.menu import without_entries
from lmo.site.render import OFFLINE_URL

log = logging.getLogger("mkdocs.plugins.lmo.generate_pages")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        project = SESSION.project(config)
    except ConfigFileError as error:
        raise PluginError(f"the site was not built: fix mkdocs.yml\n{error}") from None
    # mkdocs-static-i18n builds each other language inside the first build, with this event
    # again: the pages were checked and written moments ago.
    i18n = config.plugins.get("i18n")
    same_build = i18n is not None and getattr(i18n, "building", False)
    result, report = SESSION.check_and_generate(project, same_build=same_build)
    strict = strict_from_environment()
    problems_text = "\n".join(str(p) for p in result.problems)
    if result.failed(strict):
        raise PluginError(
            f"the site was not built: fix these problems in data/ or content/\n{problems_text}"
        )
    for problem in result.problems:
        # Passed review dates are shown on the page; they fail the build only under STRICT=1,
        # so they are logged below MkDocs' warning level (which --strict would turn fatal).
        if problem.severity is Severity.WARNING:
            log.info(str(problem))
    if report is not None and report.written:
        log.info("wrote %d generated pages", len(report.written))
    config.not_in_nav = with_pages_kept_out_of_nav(config.not_in_nav)
    if result.dataset is not None:
        for line in features_report(result.dataset):
            log.info("feature %s", line)
        if config.nav:
            # A feature whose data files are absent makes no page: its menu entry goes too.
            config.nav = without_entries(config.nav, nav_pages_off(result.dataset))
    return config


def with_pages_kept_out_of_nav(spec: GitIgnoreSpec | None) -> GitIgnoreSpec:
    """The site's not_in_nav with the pages the generator makes for other ways in (the
    offline page, which the service worker shows): a site with no nav: list of its own would
    otherwise list them in its menu, and a site with one would be told they are missing."""
    lines = [str(p.pattern) for p in spec.patterns] if spec is not None else []
    return GitIgnoreSpec.from_lines([*lines, f"/*/{OFFLINE_URL}*.md"])
