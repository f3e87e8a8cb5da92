"""MkDocs hook (on_env): the theme's words for a language it has no translation for are
English, with that language's code and direction, instead of a failed build.

mkdocs-static-i18n builds each language with a fresh environment, so this runs for each;
the environments share one cache of compiled templates, so the theme compiles once.
All logic lives in ``lmo.site.theme_languages`` and ``lmo.site.theme_cache``; this file only
adapts it to MkDocs.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from lmo.site.theme_cache import with_shared_bytecode
from lmo.site.theme_languages import with_theme_language_fallback


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.loader = with_theme_language_fallback(env.loader)
    return with_shared_bytecode(env)
