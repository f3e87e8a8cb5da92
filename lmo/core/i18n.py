"""Interface text from gettext catalogues, and per-language values of data fields.

Catalogues are the ``.po`` files translators' tools read (``locales/<lang>/LC_MESSAGES/
messages.po``). They are compiled in memory at build time, so nothing compiled is
committed and a catalogue edit shows at the next build.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from markupsafe import escape

# The language the data and the interface are written in; translations are of it.
SOURCE_LANGUAGE = "en"


# Babel locales for our language codes: English is British English.
_BABEL_LOCALE = {"en": "en_GB"}


def babel_locale(lang: str) -> str:
    """Babel's name for a language code: "pt-BR" (as MkDocs and the theme write it) is
    Babel's "pt_BR"."""
    return _BABEL_LOCALE.get(lang, lang.replace("-", "_"))


def known_locale(lang: str) -> bool:
    """Whether Babel has the dates, numbers and names of this language: every page of it
    needs them, so an unknown one must be refused before the build."""
    try:
        Locale.parse(babel_locale(lang))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def catalogue_path(locales_dir: Path, lang: str) -> Path:
    return locales_dir / lang / "LC_MESSAGES" / "messages.po"


@lru_cache(maxsize=32)
def _compiled(path: Path, mtime_ns: int) -> gettext.GNUTranslations:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=None)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


_NULL = gettext.NullTranslations()


def translations(locales_dir: Path, lang: str) -> gettext.NullTranslations:
    """The catalogue for a language; English (the msgids) when there is none."""
    path = catalogue_path(locales_dir, lang)
    if lang == SOURCE_LANGUAGE or not path.exists():
        return _NULL
    return _compiled(path, path.stat().st_mtime_ns)


# The same few dozen review dates are written on hundreds of pages in each language; Babel
# read its locale data for each (0.08 s of each build of the example).
@lru_cache(maxsize=4096)
def long_date(day: dt.date, lang: str) -> str:
    return format_date(day, format="long", locale=babel_locale(lang))


# Babel reads its locale data for each call; the feedback pages ask for the same few hundred
# counts in every language, so the answers are kept (typed: 1 and 1.0 are asked apart).
@lru_cache(maxsize=4096, typed=True)
def number(value: float, lang: str) -> str:
    """A number the site computes, as a reader of ``lang`` writes it: "7 500" in Polish
    (with a no-break space), "7.500" in Romanian, "12,5" for 12.5 in both."""
    return format_decimal(value, locale=babel_locale(lang))


@lru_cache(maxsize=4096, typed=True)
def percent(value: int, lang: str) -> str:
    """A whole percentage as the language writes it: "87%", "87 %" in Lithuanian."""
    return format_percent(value / 100, locale=babel_locale(lang))


# Languages written right to left when no script is named. The one list that the theme
# (lmo.site.theme_languages), the pages and the widgets all follow, so they never disagree.
# "ku" is here although Babel takes it for Kurmanji (Latin letters): mkdocs-static-i18n
# refuses three-letter codes such as "ckb", so a site for Sorani readers writes "ku", as the
# theme's own Kurdish ("ku-IQ") does; Kurmanji is "ku-Latn".
RIGHT_TO_LEFT_LANGUAGES = frozenset(
    {
        "ar",  # Arabic
        "arc",  # Aramaic
        "ckb",  # Central Kurdish (Sorani)
        "dv",  # Dhivehi
        "fa",  # Persian
        "he",  # Hebrew
        "iw",  # Hebrew (the withdrawn code)
        "ji",  # Yiddish (the withdrawn code)
        "ks",  # Kashmiri
        "ku",  # Kurdish (Sorani)
        "mzn",  # Mazanderani
        "nqo",  # N'Ko
        "pnb",  # Western Punjabi (Shahmukhi)
        "prs",  # Dari
        "ps",  # Pashto
        "sd",  # Sindhi
        "syr",  # Syriac
        "ug",  # Uyghur
        "ur",  # Urdu
        "yi",  # Yiddish
    }
)
# Scripts written right to left (ISO 15924): a code that names its script ("pa-Arab",
# Punjabi in Shahmukhi; "ku-Latn", Kurmanji) takes the script's direction.
RIGHT_TO_LEFT_SCRIPTS = frozenset(
    {"Adlm", "Arab", "Aran", "Hebr", "Mand", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi"}
)


def text_direction(lang: str) -> str:
    """ "rtl" or "ltr" for a language code such as "ur", "pa-Arab" or "pt_BR"."""
    language, *rest = re.split(r"[-_]", lang)
    script = next((tag.title() for tag in rest if len(tag) == 4 and tag.isalpha()), None)
    if script is not None:
        return "rtl" if script in RIGHT_TO_LEFT_SCRIPTS else "ltr"
    return "rtl" if language.lower() in RIGHT_TO_LEFT_LANGUAGES else "ltr"


@dataclass(frozen=True)
class CatalogueProvenance:
    """How a language's interface catalogue was made, from its PO header fields
    ``X-Translation-Method``, ``X-Reviewed-By`` and ``X-Reviewed-On``."""

    method: str | None = None
    reviewed_by: str | None = None
    reviewed_on: str | None = None

    @property
    def machine_unreviewed(self) -> bool:
        return self.method == "machine" and not self.reviewed_by


def catalogue_provenance(locales_dir: Path, lang: str) -> CatalogueProvenance:
    path = catalogue_path(locales_dir, lang)
    if lang == SOURCE_LANGUAGE or not path.exists():
        return CatalogueProvenance()
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    fields = dict(re.findall(r'^"([A-Za-z-]+): ?(.*?)\\n"$', header, flags=re.M))
    return CatalogueProvenance(
        method=fields.get("X-Translation-Method") or None,
        reviewed_by=fields.get("X-Reviewed-By") or None,
        reviewed_on=fields.get("X-Reviewed-On") or None,
    )


def language_name(lang: str, in_lang: str) -> str:
    """A language's name as a reader of ``in_lang`` writes it: "polski", "Polish"."""
    return Locale.parse(babel_locale(lang)).get_language_name(babel_locale(in_lang)) or lang


def install_escaped_gettext(env: jinja2.Environment, catalogue: gettext.NullTranslations) -> None:
    """Give templates ``_()`` and ``ngettext()`` whose translations are text, never markup.

    Jinja's own i18n functions mark every translation as safe HTML, so a ``<script>`` in a
    catalogue's msgstr would reach the page as it is. Here the translation is escaped first,
    and the values put into its placeholders are escaped by Markup's ``%`` as before.
    (``lmo.features.languages.catalogue_check`` also refuses markup in a msgstr, so a translator
    hears of it.)"""

    def escaped_gettext(message: str) -> str:
        return escape(catalogue.gettext(message))

    def escaped_ngettext(singular: str, plural: str, count: int) -> str:
        return escape(catalogue.ngettext(singular, plural, count))

    def escaped_pgettext(context: str, message: str) -> str:
        return escape(catalogue.pgettext(context, message))

    def escaped_npgettext(context: str, singular: str, plural: str, count: int) -> str:
        return escape(catalogue.npgettext(context, singular, plural, count))

    env.install_gettext_callables(  # type: ignore[attr-defined]
        escaped_gettext,
        escaped_ngettext,
        newstyle=True,
        pgettext=escaped_pgettext,
        npgettext=escaped_npgettext,
    )
