"""MkDocs hook (on_env): the theme's templates can ask which font stylesheet a language's
pages link (``lmo_font_stylesheet(config.theme.language)``, in theme/lmo.html), so only the
pages of a language with its own font load one, and which font files they ask for at once
(``lmo_font_preloads``). Both are published under names that carry their content's hash,
read from the font packages the copy step takes them from.

All logic lives in ``lmo.site.fonts``; this file only adapts it to MkDocs.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from lmo.session import SESSION
from lmo.site.fonts import PublishedFont, published_font


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    node_modules = SESSION.project(config).node_modules
    # Each language's font is read and hashed once per build of its pages, not per page.
    published: dict[str, PublishedFont | None] = {}

    def font(code: str) -> PublishedFont | None:
        if code not in published:
            published[code] = published_font(code, node_modules)
        return published[code]

    def stylesheet(code: str) -> str | None:
        found = font(code)
        return None if found is None else found.stylesheet

    def preloads(code: str) -> list[str]:
        found = font(code)
        return [] if found is None else list(found.preloads)

    env.globals["lmo_font_stylesheet"] = stylesheet
    env.globals["lmo_font_preloads"] = preloads
    return env
