"""MkDocs hooks for the theme's page.

- on_page_context: this page's banner, urgent contacts and "about this information" box,
  already rendered in the page's language by ``lmo.site.chrome``.
- on_post_page, on_post_template: the head links that cost requests and help nobody are
  taken out, the theme's script waits for the page, and its base is the page's language's
  home, where that language's search index is (``lmo.site.page_head``).
- on_template_context: the 404 page's language menu leads to each language's home page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from lmo.config.project import current_language, language_and_path
from lmo.core.numbers import mark_numbers
from lmo.session import SESSION
from lmo.site.chrome import chrome_renderer, page_language, place_chrome
from lmo.site.page_head import NOT_FOUND_PAGE, finished_page, language_homes


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    project = SESSION.project(config)
    result = SESSION.latest(project)
    if result is None or result.dataset is None:
        return context
    lang = current_language(config, project)
    _, url = language_and_path(page.url, list(project.languages))
    renderer = chrome_renderer(result.dataset, lang, project.locales_dir, project.today)
    language = page_language(
        page.meta, lang, Path(page.file.abs_src_path or ""), project.content_dir
    )
    chrome = renderer.render(page.meta, url, language)
    if not isinstance(page.meta.get("lmo"), dict):
        # A hand-written page: its phone numbers become tap-to-call links and keep their
        # reading order in right-to-left text, as data text does (lmo.core.numbers).
        page.content = str(mark_numbers(page.content or ""))
    page.content = place_chrome(
        page.content or "",
        chrome.urgent,
        chrome.translation_notice + chrome.review_notice,
        # The English text of an untranslated page is marked as English for screen readers.
        content_lang=project.default_language if language.untranslated else None,
    )
    context["lmo"] = chrome
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    project = SESSION.project(config)
    lang = current_language(config, project)
    return finished_page(output, None if lang == project.default_language else lang)


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    # mkdocs-static-i18n sets each page's menu as an attribute of config.extra, which the
    # theme reads before the key of the same name, so the 404 page's is set the same way.
    alternates = getattr(config.extra, "alternate", None)
    if template_name == NOT_FOUND_PAGE and isinstance(alternates, list):
        project = SESSION.project(config)
        base_path = urlsplit(config.site_url or "/").path or "/"
        homes = language_homes(alternates, base_path, project.default_language)
        config.extra.alternate = homes
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == NOT_FOUND_PAGE:
        finished = finished_page(output_content)
        project = SESSION.project(config)
        if current_language(config, project) == project.default_language:
            SESSION.not_found_page = finished
        return finished
    return output_content
