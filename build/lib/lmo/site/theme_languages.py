"""The theme's words for any language: English, in the language's direction, when the
theme has no translation of them.

Material for MkDocs keeps its interface words (the search box, "Skip to content", the
navigation's labels) in one partial per language, ``partials/languages/<code>.html``, and
mkdocs-static-i18n sets the theme's language to each language it builds. A language the
theme lacks (Punjabi, Pashto, Sindhi, ...) would stop the build with ``TemplateNotFound``.
``with_theme_language_fallback`` wraps the theme's template loader so that such a partial is
made here instead: the page's ``lang`` is the language's code, its direction comes from
``lmo.core.i18n.text_direction`` (the one right-to-left list the pages and widgets follow),
and its words are those of the code's base language if the theme has it ("ur" for
"ur-PK"), or else the theme's English. ``make translations`` says so for each such language
(``theme_has_language``).
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import jinja2

from lmo.core.i18n import text_direction

# Where the theme keeps one language's words, relative to its templates folder.
LANGUAGE_PARTIALS = "partials/languages"
ENGLISH_PARTIAL = f"{LANGUAGE_PARTIALS}/en.html"

_PARTIAL_NAME = re.compile(rf"^{LANGUAGE_PARTIALS}/(?P<code>[^/]+)\.html$")
# A language code as BCP 47 and Babel write it ("pa", "pa-Arab", "pt_BR"). Only such a code
# goes into the made partial's source, so nothing else can ever reach the template compiler.
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def _partial(code: str) -> str:
    return f"{LANGUAGE_PARTIALS}/{code}.html"


def base_language(code: str) -> str:
    """The language of a code that also names a script or region: "ur" for "ur-PK"."""
    return re.split(r"[-_]", code, maxsplit=1)[0]


def fallback_partial_source(code: str, words_from: str = ENGLISH_PARTIAL) -> str:
    """The theme's language partial for ``code``: its own code and direction, and the words
    of ``words_from`` (English, or the partial of the code's base language).

    Raises ValueError for anything but a language code."""
    if not _LANGUAGE_CODE.fullmatch(code):
        raise ValueError(f"not a language code: {code!r}")
    if words_from != ENGLISH_PARTIAL and words_from != _partial(base_language(code)):
        raise ValueError(f"not the partial of {code!r}'s language: {words_from!r}")
    own = {"language": code.replace("_", "-"), "direction": text_direction(code)}
    return (
        "{#- Made by lmo.site.theme_languages: the theme has no words for this code. -#}\n"
        f'{{% import "{words_from}" as words %}}\n'
        f"{{% macro t(key) %}}{{{{ {json.dumps(own)}.get(key) or words.t(key) }}}}"
        "{% endmacro %}\n"
    )


class ThemeLanguageFallbackLoader(jinja2.BaseLoader):
    """The theme's loader, with a made partial for each language the theme lacks."""

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        try:
            return self.inner.get_source(environment, template)
        except jinja2.TemplateNotFound:
            match = _PARTIAL_NAME.fullmatch(template)
            if match is None or not _LANGUAGE_CODE.fullmatch(match["code"]):
                raise
        code = match["code"]
        # "ur-PK" takes the theme's Urdu words; a language it lacks altogether, English.
        words_from = _partial(base_language(code))
        try:
            self.inner.get_source(environment, words_from)
        except jinja2.TemplateNotFound:
            words_from = ENGLISH_PARTIAL
        return fallback_partial_source(code, words_from), None, lambda: True

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def with_theme_language_fallback(loader: jinja2.BaseLoader | None) -> jinja2.BaseLoader | None:
    """``loader`` wrapped once (a second build of the same environment keeps one wrapper)."""
    if loader is None or isinstance(loader, ThemeLanguageFallbackLoader):
        return loader
    return ThemeLanguageFallbackLoader(loader)


def material_templates() -> Path | None:
    """The installed Material theme's templates folder, found without importing it (``lmo``
    never imports MkDocs or its theme)."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


def theme_has_language(code: str, override_dirs: Iterable[Path] = ()) -> bool:
    """Whether the theme has its own words in ``code`` or its base language (in Material, or
    in a site's ``theme_overrides/``); if not, the build shows them in English."""
    folders = [*override_dirs, material_templates()]
    return any(
        folder is not None and (folder / _partial(name)).is_file()
        for folder in folders
        for name in {code, base_language(code)}
    )
