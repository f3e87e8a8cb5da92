"""The parts every page shows around its content: demonstration banner, urgent contacts,
and "about this information" (source, owner, review dates).

They are rendered here, in the reader's language, and handed to the theme as finished
HTML, so the theme templates hold no logic and no interface text of their own.
"""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from lmo.i18n import localise, long_date
from lmo.render import TEMPLATES, relative_url, template_environment
from lmo.validate import DataSet


@dataclass(frozen=True)
class PageChrome:
    banner: Markup
    urgent: Markup
    facts: Markup
    review_notice: Markup


def _env(translations: gettext.NullTranslations) -> jinja2.Environment:
    env = template_environment(TEMPLATES / "chrome")
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
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
        self, ds: DataSet, lang: str, translations: gettext.NullTranslations, today: dt.date
    ) -> None:
        self.ds, self.lang, self.today = ds, lang, today
        env = _env(translations)
        self.templates = {
            name: env.get_template(f"{name}.html.j2") for name in ("facts", "review_notice")
        }
        # The banner and the urgent contacts are the same on every page of a language.
        shared = {"ds": ds, "t": self.text, "date": lambda d: long_date(d, lang)}
        self.banner = Markup(env.get_template("banner.html.j2").render(shared))
        self.urgent = Markup(env.get_template("urgent.html.j2").render(shared))

    def text(self, value: dict[str, str]) -> Markup:
        found = localise(value, self.lang)
        if found.fallback:
            return Markup('<span lang="{}">{}</span>').format(found.lang, found.text)
        return Markup.escape(found.text)

    def render(self, meta: dict[str, Any], page_url_in_language: str) -> PageChrome:
        values = {
            "ds": self.ds,
            "t": self.text,
            "date": lambda d: long_date(d, self.lang),
            "url": lambda to: relative_url(page_url_in_language, to),
            "facts": page_facts_from_meta(meta),
            "today": self.today,
        }
        rendered = {name: Markup(t.render(values)) for name, t in self.templates.items()}
        return PageChrome(banner=self.banner, urgent=self.urgent, **rendered)


_renderers: dict[tuple[int, str, dt.date], ChromeRenderer] = {}


def chrome_renderer(
    ds: DataSet, lang: str, translations: gettext.NullTranslations, today: dt.date
) -> ChromeRenderer:
    key = (id(ds), lang, today)
    if key not in _renderers:
        _renderers.clear()  # only the current data set is ever needed
        _renderers[key] = ChromeRenderer(ds, lang, translations, today)
    return _renderers[key]


def place_after_heading(content: str, fragment: str) -> str:
    """Put a fragment straight after the page's first-level heading, so the heading stays
    first for screen readers and the urgent contacts still come before everything else."""
    end = content.find("</h1>")
    if end == -1:
        return str(fragment) + content
    end += len("</h1>")
    return content[:end] + str(fragment) + content[end:]
