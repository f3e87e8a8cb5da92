"""The parts every page shows around its content: demonstration banner, urgent contacts,
translation notice and "about this information" (source, owner, review dates).

They are rendered here, in the reader's language, and handed to the theme as finished
HTML, so the theme templates hold no logic and no interface text of their own.
"""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from lmo.core.i18n import (
    CatalogueProvenance,
    catalogue_provenance,
    install_escaped_gettext,
    language_name,
    long_date,
)
from lmo.core.i18n import translations as catalogue_for
from lmo.core.numbers import mark_numbers
from lmo.data.dataset import DataSet
from lmo.data.schema import SOURCE_LANGUAGE, LocalText
from lmo.data.translations import as_html, localise
from lmo.site.addresses import page_url
from lmo.site.content import english_body_hash
from lmo.site.notices import NoticeWriter
from lmo.site.render import TEMPLATES, relative_url, template_environment


@dataclass(frozen=True)
class PageChrome:
    banner: Markup
    urgent: Markup
    facts: Markup
    review_notice: Markup
    translation_notice: Markup
    # Hidden; shown by the service worker on a copy served from the cache (lmo/delivery/offline.py).
    saved_copy: Markup


@dataclass(frozen=True)
class PageLanguage:
    """How the page in front of the reader came to be in her language."""

    # The page's own text is the English page, shown because no translation exists.
    untranslated: bool = False
    # Data values on a generated page: counts from lmo.data.translations.Tally.
    tally: dict[str, int] = field(default_factory=dict)
    # A hand-written translated page's own provenance (front matter 'translation:').
    method: str | None = None
    reviewed_by: str | None = None
    reviewed_on: dt.date | None = None
    stale: bool = False


def _env(translations: gettext.NullTranslations) -> jinja2.Environment:
    env = template_environment(TEMPLATES / "chrome")
    install_escaped_gettext(env, translations)
    env.filters["numbers"] = mark_numbers
    return env


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _record_url(ref: str) -> str:
    collection, _, record_id = ref.partition("/")
    return page_url(collection, record_id)


def page_facts_from_meta(meta: dict[str, Any]) -> dict[str, Any] | None:
    """Generated pages keep their facts under ``lmo:``; hand-written pages at the top."""
    nested = meta.get("lmo")
    facts: dict[str, Any] = nested if isinstance(nested, dict) else meta
    last = _parse_date(facts.get("last_reviewed"))
    review_by = _parse_date(facts.get("review_by"))
    if last is None or review_by is None:
        return None
    source = facts.get("source")
    if isinstance(source, str):
        source = {"title": source, "reference": None, "url": None, "confirmed": True}
    return {
        "last_reviewed": last,
        "review_by": review_by,
        "owner": facts.get("owner"),
        "source": source,
    }


class ChromeRenderer:
    """Renders the chrome of every page of one language build; templates compiled once."""

    def __init__(
        self,
        ds: DataSet,
        lang: str,
        translations: gettext.NullTranslations,
        today: dt.date,
        catalogue: CatalogueProvenance,
    ) -> None:
        self.ds, self.lang, self.today, self.catalogue = ds, lang, today, catalogue
        self.translations = translations
        env = _env(translations)
        self.templates = {
            name: env.get_template(f"{name}.html.j2")
            for name in ("facts", "review_notice", "translation_notice", "site_notice")
        }
        # The banner and the urgent contacts are the same on every page of a language.
        shared = {
            "lmns": ds.lmns,
            "t": self.text,
            "date": lambda d: long_date(d, lang),
            "today": today,
        }
        self.banner = Markup(env.get_template("banner.html.j2").render(shared))
        self.urgent = Markup(env.get_template("urgent.html.j2").render(shared))
        self.saved_copy = Markup(env.get_template("saved_copy.html.j2").render(shared))

    def text(self, value: LocalText) -> Markup:
        """As lmo.site.render.Renderer.text: phone numbers linked, numbers kept in reading order."""
        return as_html(localise(value, self.lang, self.ds.translations))

    def render(
        self, meta: dict[str, Any], page_url_in_language: str, language: PageLanguage
    ) -> PageChrome:
        def url(to: str) -> str:
            return relative_url(page_url_in_language, to)

        values = {
            "notice_writer": NoticeWriter(self.ds, self.lang, self.translations, url),
            "lmns": self.ds.lmns,
            "t": self.text,
            "date": lambda d: long_date(d, self.lang),
            "url": url,
            "facts": page_facts_from_meta(meta),
            "today": self.today,
            "lang": self.lang,
            "language_name": language_name(self.lang, self.lang),
            "page": language,
            "catalogue": self.catalogue,
            "notice_url": _record_url(self.ds.lmns.site_notice.record)
            if self.ds.lmns.site_notice and self.ds.lmns.site_notice.record
            else "",
            # The same page in English: one level up from the language folder.
            "english_url": "../" * (page_url_in_language.count("/") + 1) + page_url_in_language,
        }
        rendered = {name: Markup(t.render(values)) for name, t in self.templates.items()}
        if self.lang == SOURCE_LANGUAGE:
            rendered["translation_notice"] = Markup("")
        banner = rendered.pop("site_notice") + self.banner
        return PageChrome(banner=banner, urgent=self.urgent, saved_copy=self.saved_copy, **rendered)


_renderers: dict[tuple[int, str, dt.date, Path], ChromeRenderer] = {}


def chrome_renderer(ds: DataSet, lang: str, locales_dir: Path, today: dt.date) -> ChromeRenderer:
    """The renderer of one language's chrome, made once per data set and language: its
    catalogue and the catalogue's provenance are read then, not for every page. A changed
    catalogue is a new check (lmo.session), so a new data set and a new renderer."""
    key = (id(ds), lang, today, locales_dir)
    if key not in _renderers:
        _renderers.clear()  # only the current data set is ever needed
        _renderers[key] = ChromeRenderer(
            ds,
            lang,
            catalogue_for(locales_dir, lang),
            today,
            catalogue_provenance(locales_dir, lang),
        )
    return _renderers[key]


def page_language(
    meta: dict[str, Any], lang: str, source_path: Path, content_dir: Path
) -> PageLanguage:
    """Work out how this page's text came to be in ``lang``, from where its Markdown came
    from (an English page shown as a fallback?) and what the page records."""
    if lang == SOURCE_LANGUAGE:
        return PageLanguage()
    try:
        source_lang = source_path.relative_to(content_dir).parts[0]
    except ValueError:
        source_lang = lang
    if source_lang != lang:
        return PageLanguage(untranslated=True)
    nested = meta.get("lmo")
    if isinstance(nested, dict) and isinstance(nested.get("translation"), dict):
        return PageLanguage(tally=nested["translation"])
    record = meta.get("translation")
    if not isinstance(record, dict):
        return PageLanguage(method=None)
    relative = source_path.relative_to(content_dir / lang)
    english = english_body_hash(content_dir / SOURCE_LANGUAGE / relative)
    return PageLanguage(
        method=record.get("method"),
        reviewed_by=record.get("reviewed_by"),
        reviewed_on=_parse_date(record.get("reviewed_on")),
        stale=english is not None and english != record.get("source"),
    )


# Where a page's first answers end (the home page's: how to book, where to give birth): the
# notices about the page itself (machine translation, review dates) go there rather than
# before them, so on a phone the first screen still answers her first questions.
FIRST_ANSWERS_END = "<!-- lmo:first-answers-end -->"


def place_chrome(content: str, urgent: str, notices: str, content_lang: str | None = None) -> str:
    """The urgent contacts straight after the heading; the notices about the page there
    too, or after the page's first answers when it marks their end."""
    if FIRST_ANSWERS_END in content:
        content = content.replace(FIRST_ANSWERS_END, str(notices), 1)
        return place_after_heading(content, urgent, content_lang)
    return place_after_heading(content, str(urgent) + str(notices), content_lang)


def place_after_heading(content: str, fragment: str, content_lang: str | None = None) -> str:
    """Put a fragment straight after the page's first-level heading, so the heading stays
    first for screen readers and the urgent contacts still come before everything else.
    With ``content_lang``, the page's own text is marked as being in that language (an
    untranslated page), while the fragment stays in the reader's language."""
    end = content.find("</h1>")
    end = 0 if end == -1 else end + len("</h1>")
    head, rest = content[:end], content[end:]
    if content_lang:
        head = f'<div lang="{content_lang}">{head}</div>' if head else ""
        rest = f'<div lang="{content_lang}">{rest}</div>'
    return head + str(fragment) + rest
