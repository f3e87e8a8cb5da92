"""Standard sentences for urgent changes, translated once in the interface catalogue.

A status notice, its "what to do now" and the site-wide notice are read by people about to
travel, or in labour. Free text there waits for a translator; a sentence from this menu does
not: its translation is already in every language's catalogue (``locales/``), so the change
reaches every language the moment it is published. The editor fills it in with a record,
a date or a phone number, which the page writes in the reader's language.

The English of each sentence is its gettext msgid, so the catalogue checks (every catalogue
has every message, no new placeholders) hold the translations to the same rules as the rest
of the interface.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lmo.core.labels import N_


@dataclass(frozen=True)
class Phrase:
    id: str
    text: str  # the English, with %(fill)s placeholders: the catalogue's msgid
    fits: str  # where it fits, for the editors' list

    @property
    def fills(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_FILL_RE.findall(self.text)))


_FILL_RE = re.compile(r"%\((\w+)\)s")

# What each fill-in takes, as the editors' list and the error messages say it.
FILLS = {
    "record": 'the record that changed, as collection/id, such as "hubs/town-hub"',
    "to": 'where care has moved, as collection/id, such as "birth_settings/city-labour-ward"',
    "date": 'a date written year-month-day, such as "2030-01-31"',
    "phone": 'a UK number such as "01632 960100"',
}

_NOTICE = "a status note or the site notice"
_TO_DO = "what to do now"

PHRASES: dict[str, Phrase] = {
    p.id: p
    for p in (
        Phrase("suspended-until", N_("%(record)s is suspended until %(date)s."), _NOTICE),
        Phrase("paused-until", N_("%(record)s is paused until %(date)s."), _NOTICE),
        Phrase("closing-on", N_("%(record)s will close on %(date)s."), _NOTICE),
        Phrase("closed", N_("%(record)s has closed."), _NOTICE),
        Phrase(
            "closed-until-call-triage",
            N_(
                "Do not go to %(record)s: it is closed until %(date)s. If you are in labour,"
                " call %(phone)s before you set off."
            ),
            _NOTICE,
        ),
        Phrase("births-moved", N_("Births at %(record)s have moved to %(to)s."), _NOTICE),
        Phrase(
            "appointments-moved",
            N_("Appointments at %(record)s now take place at %(to)s."),
            _NOTICE,
        ),
        Phrase("replaced-by", N_("%(record)s has been replaced by %(to)s."), _NOTICE),
        Phrase("book-with", N_("To book your pregnancy care, contact %(to)s."), _TO_DO),
        Phrase(
            "keep-appointments",
            N_("Nothing changes for your pregnancy care: keep your appointments as booked."),
            _TO_DO,
        ),
        Phrase("call-midwife-to-rebook", N_("Call your midwife to rebook."), _TO_DO),
        Phrase(
            "midwife-will-tell-you",
            N_("Your midwife will tell you where your care will be before your next appointment."),
            _TO_DO,
        ),
        Phrase(
            "call-triage-before-travel",
            N_("Call the maternity triage line on %(phone)s before you set off."),
            _TO_DO,
        ),
        Phrase(
            "midwife-visits-as-planned",
            N_("Your community midwife will visit you at home as planned."),
            _TO_DO,
        ),
        Phrase(
            "feeding-help",
            N_("For help with feeding, call %(phone)s or ask your midwife."),
            _TO_DO,
        ),
    )
}


@dataclass(frozen=True)
class PhraseUse:
    """A standard sentence as an editor picked it: its id and fill-ins, as written. The data
    check (``lmo.site.notices``) holds the id and the fill-ins to the menu, with their lines."""

    phrase: str
    fills: tuple[tuple[str, Any], ...] = ()

    def fill(self, name: str) -> Any:
        return dict(self.fills).get(name)

    def as_mapping(self) -> dict[str, Any]:
        return {"phrase": self.phrase, **{k: str(v) for k, v in self.fills}}


def phrase_json_schema() -> dict[str, Any]:
    """A standard sentence as editors' tools complete it."""
    return {
        "type": "object",
        "required": ["phrase"],
        "additionalProperties": False,
        "properties": {
            "phrase": {"enum": sorted(PHRASES)},
            "record": {"type": "string"},
            "to": {"type": "string"},
            "date": {"type": "string", "format": "date"},
            "phone": {"type": "string"},
        },
    }


def phrase_reference() -> list[str]:
    """The menu as Markdown, for docs/data-reference.md."""
    lines = [
        "## Standard sentences",
        "",
        "A status `note`, each situation under `what_to_do_now` and the site notice's `text`"
        " take either English text or a standard sentence. A standard sentence is already"
        " translated into every language the site publishes, so the change needs no"
        " translator. Write it as `phrase:` and its fill-ins, for example:",
        "",
        "```yaml",
        "what_to_do_now:",
        "  in_labour:",
        "    phrase: call-triage-before-travel",
        '    phone: "01632 960100"',
        "```",
        "",
        "Fill-ins: "
        + "; ".join(f"`{name}`: {what}" for name, what in FILLS.items()).replace("|", "\\|")
        + ". A record's name, a date and a phone number are written in the reader's language.",
        "",
        "| phrase | English | fill-ins | fits |",
        "| --- | --- | --- | --- |",
    ]
    for phrase in PHRASES.values():
        english = _FILL_RE.sub(r"{\1}", phrase.text)
        fills = ", ".join(f"`{f}`" for f in phrase.fills) or "none"
        lines.append(f"| `{phrase.id}` | {english} | {fills} | {phrase.fits} |")
    return [*lines, ""]
