"""Urgent words in the reader's language: status notices and the site notice.

Each part of a notice is English text (translated in data/translations/, or shown in English
marked as such) or a standard sentence from ``lmo.data.phrases`` (translated in the catalogue).
Any part shown in English brings a line in the reader's language saying so, with the way to
a free interpreter and the maternity triage numbers: the words that matter most in a change
are never left to a reader who cannot read them.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup, escape
from pydantic import TypeAdapter

from lmo.core import numbers
from lmo.core.i18n import long_date
from lmo.core.labels import N_
from lmo.core.numbers import mark_numbers
from lmo.data.dataset import DataSet
from lmo.data.phrases import PHRASES, PhraseUse
from lmo.data.schema import SOURCE_LANGUAGE, Date, LocalText, Status
from lmo.data.translations import Localised, Tally, as_html, localise
from lmo.site.addresses import page_url

NoticePart = LocalText | PhraseUse

ENGLISH_HELP = N_(
    "Part of this notice is in English because it has not been translated yet."
    " A free interpreter can read it with you: %(interpreting)s."
    " If you are in labour or worried about your baby, call maternity triage: %(triage)s."
)
INTERPRETING_LINK = N_("how to get an interpreter")
_DATE: TypeAdapter[dt.date] = TypeAdapter(Date)


def phone_link(number: str) -> Markup:
    """A tap-to-call link that keeps its reading order (lmo.core.numbers.phone_link)."""
    return Markup(numbers.phone_link(str(escape(number))))


def record_page_url(ref: str) -> str:
    collection, _, record_id = ref.partition("/")
    return page_url(collection, record_id)


@dataclass
class NoticeWords:
    """One status notice's parts, written for the page."""

    note: Markup | None
    situations: list[tuple[str, Markup]]
    english: bool


@dataclass
class NoticeWriter:
    """Writes notice parts in one language: HTML for pages, plain text for feeds."""

    ds: DataSet
    lang: str
    catalogue: gettext.NullTranslations
    url: Callable[[str], str]  # a page's address from the language root -> link from here
    tally: Callable[[], Tally | None] = field(default=lambda: None)

    def _localise(self, value: LocalText) -> Localised:
        found = localise(value, self.lang, self.ds.translations)
        tally = self.tally()
        if tally is not None:
            tally.add(found)
        return found

    def in_english(self, part: NoticePart | None) -> bool:
        if part is None or self.lang == SOURCE_LANGUAGE:
            return False
        if isinstance(part, PhraseUse):
            return not self._sentence(part)[1]
        return self.ds.translations.get(self.lang, {}).get(part.key) is None

    def _sentence(self, use: PhraseUse) -> tuple[str, bool]:
        """The sentence in her language, and whether it is (a catalogue without it gives
        the English back, which the page then marks as English like any other)."""
        english = PHRASES[use.phrase].text
        found = self.catalogue.gettext(english)
        return found, self.lang == SOURCE_LANGUAGE or found != english

    def _record_name(self, ref: str, link: bool) -> Markup | str:
        record = self.ds.record(ref)
        if record is None:
            return ref
        found = self._localise(record.name)
        name: Markup | str = found.text
        if found.fallback and link:
            name = Markup('<span lang="{}">{}</span>').format(found.lang, found.text)
        if not link:
            return name
        return Markup('<a href="{}">{}</a>').format(self.url(record_page_url(ref)), name)

    def _fills(self, use: PhraseUse, link: bool) -> dict[str, object]:
        values: dict[str, object] = {}
        for name, raw in use.fills:
            if name in ("record", "to"):
                values[name] = self._record_name(str(raw), link)
            elif name == "date":
                values[name] = long_date(_DATE.validate_python(raw), self.lang)
            elif name == "phone":
                values[name] = phone_link(str(raw)) if link else str(raw)
        return values

    def html(self, part: NoticePart | None) -> Markup:
        """The part as HTML in the reader's language, its phone numbers tap-to-call links
        that keep their reading order, as in all data text (lmo.core.numbers)."""
        if part is None:
            return Markup("")
        if not isinstance(part, PhraseUse):
            return as_html(self._localise(part))
        # Escaped first, as every catalogue text is; then the fill-ins, escaped by Markup.
        text, translated = self._sentence(part)
        sentence = Markup(escape(text) % self._fills(part, link=True))
        if not translated:
            sentence = Markup('<span lang="{}">{}</span>').format(SOURCE_LANGUAGE, sentence)
        return mark_numbers(sentence)

    def plain(self, part: NoticePart | None) -> str:
        if part is None:
            return ""
        if isinstance(part, PhraseUse):
            return self._sentence(part)[0] % self._fills(part, False)
        return self._localise(part).text

    def _triage(self, link: bool) -> list[Markup | str]:
        lines: list[Markup | str] = []
        for line in self.ds.lmns.triage_lines:
            name = self._localise(line.name).text
            number = phone_link(line.phone) if link else line.phone
            lines.append(Markup("{} {}").format(name, number) if link else f"{name} {number}")
        return lines

    def english_help(self) -> Markup:
        """In her language: this part is English, and where help in her language is."""
        link = Markup('<a href="{}">{}</a>').format(
            self.url("interpreting/"), self.catalogue.gettext(INTERPRETING_LINK)
        )
        triage = Markup(", ").join(self._triage(link=True))
        sentence = escape(self.catalogue.gettext(ENGLISH_HELP))
        return Markup(sentence % {"interpreting": link, "triage": triage})

    def english_help_plain(self, interpreting_url: str) -> str:
        return self.catalogue.gettext(ENGLISH_HELP) % {
            "interpreting": f"{self.catalogue.gettext(INTERPRETING_LINK)} ({interpreting_url})",
            "triage": ", ".join(str(t) for t in self._triage(link=False)),
        }

    def status_words(self, status: Status) -> NoticeWords:
        parts: list[NoticePart] = [status.note] if status.note is not None else []
        given = status.what_to_do_now.given() if status.what_to_do_now else []
        parts += [text for _, text in given]
        return NoticeWords(
            note=self.html(status.note) if status.note is not None else None,
            situations=[(situation, self.html(text)) for situation, text in given],
            english=any(self.in_english(part) for part in parts),
        )
