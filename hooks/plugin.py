"""The ``lmo`` MkDocs plugin: a site lists it in mkdocs.yml (``plugins: [search, i18n, lmo]``,
last, so it sees each page after the others) and gets the whole engine. Each event is handed
to the module whose one job it is; this class only says which events there are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from lmo_mkdocs import (
    add_page_chrome,
    generate_pages,
    link_fonts,
    prepare_delivery,
    theme_languages,
)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from lmo.core.paths import PACKAGE_ROOT, TOOL_ROOT
from lmo.core.slugs import heading_id
from lmo.session import SESSION

# The engine's additions to Material's templates (main.html and partials): searched after
# the site's own theme_overrides/, so a site can still override them.
THEME = Path(__file__).parent / "theme"


def with_engine_theme(dirs: list[str], custom_dir: str | None) -> list[str]:
    """The theme's template folders with the engine's, once, right after the site's own."""
    engine = str(THEME)
    if engine in dirs:
        return dirs
    at = 1 if custom_dir and dirs and Path(dirs[0]) == Path(custom_dir) else 0
    return [*dirs[:at], engine, *dirs[at:]]


def with_unicode_heading_ids(config: MkDocsConfig) -> None:
    """Heading ids keep the letters of every script ("#słowniczek", not "#sowniczek"; an
    Urdu heading gets its words, not "#_1"), unless the site chose its own slugify."""
    toc = config.mdx_configs.setdefault("toc", {})
    if "toc" not in config.markdown_extensions:
        config.markdown_extensions.append("toc")
    toc.setdefault("slugify", heading_id)


class LmoPlugin(BasePlugin):  # type: ignore[type-arg]
    supports_multiple_instances = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        prepare_delivery.on_startup(command, dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.theme.dirs = with_engine_theme(config.theme.dirs, config.theme.custom_dir)
        with_unicode_heading_ids(config)
        config = prepare_delivery.on_config(config)
        return generate_pages.on_config(config)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        prepare_delivery.on_pre_build(config)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Any) -> Environment:
        env = theme_languages.on_env(env, config, files)
        env = prepare_delivery.on_env(env, config, files)
        return link_fonts.on_env(env, config, files)

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        return add_page_chrome.on_page_context(context, page, config, nav)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return add_page_chrome.on_post_page(output, page, config)

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        return add_page_chrome.on_template_context(context, template_name, config)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return add_page_chrome.on_post_template(output_content, template_name, config)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """`mkdocs serve` rebuilds when the data, the catalogues or (in a checkout of the
        engine) the engine itself change: a site's mkdocs.yml needs no watch list."""
        project = SESSION.project(config)
        folders = [project.data_dir, project.locales_dir]
        if (TOOL_ROOT / "pyproject.toml").exists():
            folders += [PACKAGE_ROOT, Path(__file__).parent]
        for folder in folders:
            if folder.is_dir():
                server.watch(str(folder))
        return server

    @event_priority(-100)  # after mkdocs-static-i18n, which builds the other languages here
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        prepare_delivery.on_post_build(config)
