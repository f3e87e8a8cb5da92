"""MkDocs hook (on_post_build): a search index per language, the widgets' runtime, the
offline service worker, headers for each static host, and pre-compressed files.

All logic lives in ``lmo.search_split``, ``lmo.offline``, ``lmo.headers`` and
``lmo.compress``; this file only adapts them to MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from lmo.compress import compress_site
from lmo.headers import write_header_files
from lmo.offline import write_service_worker
from lmo.project import project_from_mkdocs_config
from lmo.search_split import split_search_index
from lmo.widgets import install_widgets

log = logging.getLogger("mkdocs.plugins.lmo.prepare_delivery")


@event_priority(-100)  # after mkdocs-static-i18n, which builds the other languages here
def on_post_build(config: MkDocsConfig) -> None:
    # mkdocs-static-i18n builds each other language inside the first build's post-build
    # step, and each inner build ends here too. Act once, on the outermost call, when every
    # language and the merged search index are on disk.
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    project = project_from_mkdocs_config(config)
    site_dir = Path(config.site_dir)
    search_entries = split_search_index(site_dir, list(project.languages))
    widgets = install_widgets(site_dir, list(project.languages))
    runtime = None if widgets is None else (widgets.runtime_path, widgets.runtime_cache)
    version = write_service_worker(site_dir, list(project.languages), runtime)
    # Headers before compression: their script hashes come from the finished pages.
    policy = write_header_files(
        site_dir, project.maps.tile_origin, project.site_url, widgets.wasm_paths if widgets else ()
    )
    files, original, compressed = compress_site(site_dir)
    if widgets is not None:
        log.info("widget files installed: %d (Pyodide runtime and wheels)", len(widgets.files))
    if search_entries:
        log.info("search index per language: %s entries", search_entries)
    log.info("offline service worker written (build %s)", version)
    log.info(
        "headers written (%d inline script hashes); %d files pre-compressed, %.1f MB -> %.1f MB",
        len(policy.script_hashes),
        files,
        original / 1e6,
        compressed / 1e6,
    )
