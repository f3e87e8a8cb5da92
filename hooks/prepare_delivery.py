"""MkDocs hooks (on_startup, on_config, on_env, on_pre_build, on_post_build): the engine's
stylesheet and the worker's registration script under their content-hashed names, a search
index per language, the widgets' runtime, the check that no page carries script the build
did not write, the offline service worker, headers for each static host (and each page's
policy as a meta tag), and pre-compressed files.

All logic lives in ``lmo.delivery.search_split``, ``lmo.delivery.script_policy``,
``lmo.delivery.offline``,
``lmo.delivery.headers`` and ``lmo.delivery.compress``; this file only adapts them to MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from lmo.delivery.compress import compress_site, rescue_copies
from lmo.delivery.headers import write_header_files, write_policy_meta
from lmo.delivery.offline import REGISTER_SCRIPT, write_service_worker
from lmo.delivery.script_policy import scan_site
from lmo.delivery.search_split import split_search_index
from lmo.delivery.vendor import hashed_vendored_names
from lmo.delivery.widgets import install_widgets
from lmo.features import discover
from lmo.session import SESSION
from lmo.site.engine_assets import SITE_ASSETS, linked_stylesheets, published_names
from lmo.site.inline_scripts import SEARCH_ON_DEMAND
from lmo.site.page_head import NOT_FOUND_PAGE

log = logging.getLogger("mkdocs.plugins.lmo.prepare_delivery")


def on_startup(command: str, dirty: bool) -> None:
    # `mkdocs serve` adds its live-reload script to every page it serves, inline; a meta
    # policy in the files would refuse it. Headers and the check of pages are the same.
    SESSION.start(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Sites list the engine's stylesheet as assets/app.css; it is published (and linked)
    # under a name that carries its content's hash (lmo.site.engine_assets).
    config.extra_css = linked_stylesheets(list(config.extra_css))
    keep_every_search_entry(config)
    return config


def _keep_all(search_index_entries: list[dict[str, str]]) -> None:
    """Drops no entry: split_search_index gives each language its own entries."""


def keep_every_search_entry(config: MkDocsConfig) -> None:
    """mkdocs-static-i18n removes from its merged search index each entry of another
    language that reads the same as a default-language entry. Here every language gets its
    own index (lmo.delivery.search_split), so that removal only lost entries the split could
    not put back: the Polish entry of a page whose title reads the same in English (a hub's
    name, a page not yet translated) while some of its sections differ, so Polish search
    did not find the page by its title. The removal also compared every default-language
    entry with every other language's: 52 million comparisons and 7.7 s of a 33-40 s build
    for the ten-times data set. Its other search work (the lunr languages, the merged
    index) is kept."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and callable(getattr(i18n, "reconfigure_search_duplicates", None)):
        # On this plugin instance only; its class, and any other site built in the same
        # process without the engine, keep the removal.
        i18n.reconfigure_search_duplicates = _keep_all  # type: ignore[attr-defined]


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    # The theme (theme/lmo.html) links the script that registers the offline worker by the
    # name offline.py writes it under, which carries its content's hash; the map pages'
    # scripts and Leaflet's files likewise, by the names the copy steps publish them under.
    env.globals["lmo_register_script"] = REGISTER_SCRIPT
    # Written into every page as it is (listed by its exact text in the script policy).
    env.globals["lmo_search_on_demand"] = Markup(SEARCH_ON_DEMAND)
    folders = [SITE_ASSETS, *(f.site.assets for f in discover() if f.site and f.site.assets)]
    engine_names = published_names(folders)
    # Worked out once per build of a language, not on each map page (Leaflet's script is
    # 150 KB to hash).
    vendored = hashed_vendored_names(SESSION.project(config).node_modules)
    env.globals["lmo_engine_asset"] = lambda relative: "assets/" + engine_names[relative]
    env.globals["lmo_vendored"] = lambda package, name: vendored[(package, name)]
    return env


def on_pre_build(config: MkDocsConfig) -> None:
    # MkDocs empties site/ next: the compressed copies the last build placed there go back
    # to the cache first, so this build moves them into place instead of writing them.
    i18n = config.plugins.get("i18n")
    if i18n is None or not getattr(i18n, "building", False):
        rescue_copies(Path(config.site_dir))


@event_priority(-100)  # after mkdocs-static-i18n, which builds the other languages here
def on_post_build(config: MkDocsConfig) -> None:
    # mkdocs-static-i18n builds each other language inside the first build's post-build
    # step, and each inner build ends here too. Act once, on the outermost call, when every
    # language and the merged search index are on disk.
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    project = SESSION.project(config)
    site_dir = Path(config.site_dir)
    if SESSION.not_found_page is not None:
        # One 404 page for the whole site, in its default language (see SiteSession).
        (site_dir / NOT_FOUND_PAGE).write_text(SESSION.not_found_page, encoding="utf-8")
        SESSION.not_found_page = None
    search_entries = split_search_index(site_dir, list(project.languages))
    widgets = install_widgets(
        site_dir,
        list(project.languages),
        [f.widget for f in discover() if f.widget],
        # The folder holding node_modules/ (the site's own, or the engine checkout's).
        project.node_modules.parent,
    )
    scan = scan_site(site_dir)
    if scan.problems:
        # Out of site/ at once, so a hurried upload of a failed build cannot publish them.
        for path, page in scan.pages.items():
            if page.findings:
                path.unlink()
        raise PluginError(
            "the site was not built: these pages carry script or embedded content that the"
            " build did not write (raw HTML in a page in content/, or in a translation). The"
            " pages have been removed from the site folder.\n" + "\n".join(scan.problems)
        )
    policy = write_header_files(
        site_dir,
        project.maps.tile_origin,
        project.site_url,
        widgets.wasm_paths if widgets else (),
        tuple(scan.hashes),
    )
    if not SESSION.serving:
        pages = {path: (page.text, page.hashes) for path, page in scan.pages.items()}
        write_policy_meta(site_dir, policy, pages)
    runtime = None if widgets is None else widgets.runtime
    version = write_service_worker(site_dir, list(project.languages), runtime)
    files, original, compressed = compress_site(site_dir)
    if widgets is not None:
        log.info("widget files installed: %d (Pyodide runtime and wheels)", len(widgets.files))
    if search_entries:
        log.info("search index per language: %s entries", search_entries)
    log.info("offline service worker written (build %s)", version)
    log.info(
        "headers written (%d listed inline scripts); %d files pre-compressed, %.1f MB -> %.1f MB",
        len(policy.script_hashes),
        files,
        original / 1e6,
        compressed / 1e6,
    )
