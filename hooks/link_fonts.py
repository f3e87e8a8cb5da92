"""MkDocs hook (on_env): the theme's templates can ask which font stylesheet a language's
pages link (``lmo_font_stylesheet(config.theme.language)``, in theme/lmo.html), so only the
pages of a language with its own font load one, and which font files they ask for at once
(``lmo_font_preloads``).

All logic lives in ``lmo.site.fonts``; this file only adapts it to MkDocs.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from lmo.site.fonts import preload_paths, stylesheet_path


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.globals["lmo_font_stylesheet"] = stylesheet_path
    env.globals["lmo_font_preloads"] = preload_paths
    return env
