"""Service changes as a list, an Atom feed and a JSON Feed, in each language.

Entries are every record's current status when it is not "available" (so a status edit
reaches the feeds with nothing else to do) and the past changes kept in data/changes.yml.
GP practices, health visitors and directories can subscribe to either feed.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from lmo.data.schema import Record
from lmo.features.changes.schema import Change
from lmo.site.addresses import SECTION
from lmo.site.notices import NoticeWriter
from lmo.site.render import Renderer

FEED_ATOM = "changes/feed.xml"
FEED_JSON = "changes/feed.json"


@dataclass(frozen=True)
class ChangeEntry:
    anchor: str  # stable id of the entry on the changes page
    date: dt.date
    collection: str
    record: Record
    state: str
    what: str  # already in the reader's language
    confirmed_by: str | None
    current: bool  # the record's status now, rather than history
    in_english: bool = False  # free text with no translation in the reader's language


def change_entries(renderer: Renderer, changes: list[Change]) -> list[ChangeEntry]:
    ds = renderer.ctx.ds
    writer = NoticeWriter(ds, renderer.ctx.lang, renderer.ctx.translations, renderer.url)
    entries = []
    for collection, record in ds.records():
        status = record.status
        if status.state == "available" or collection not in SECTION:
            continue
        date = status.effective_from or status.as_of
        what = writer.plain(status.note) if status.note else renderer.label("STATUS", status.state)
        entries.append(
            ChangeEntry(
                f"{collection}-{record.id}-{status.state}-{date.isoformat()}",
                date,
                collection,
                record,
                status.state,
                what,
                status.confirmed_by,
                True,
                writer.in_english(status.note),
            )
        )
    current = {entry.anchor for entry in entries}
    for change in changes:
        collection, _, record_id = change.record.partition("/")
        anchor = f"{collection}-{record_id}-{change.state}-{change.date.isoformat()}"
        if anchor in current:
            continue  # the same change as the record's current status, kept once
        record = getattr(ds, collection)[record_id]
        entries.append(
            ChangeEntry(
                anchor,
                change.date,
                collection,
                record,
                change.state,
                renderer.plain(change.what),
                change.confirmed_by,
                False,
                writer.in_english(change.what),
            )
        )
    # Newest first; ties in a stable order, so the feeds are the same bytes every build.
    return sorted(entries, key=lambda e: (-e.date.toordinal(), e.anchor))


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def feeds(renderer: Renderer, changes: list[Change]) -> dict[str, str]:
    """The Atom and JSON feeds of one language: file path (under content/<lang>/) -> text."""
    ctx = renderer.ctx
    _ = ctx.translations.gettext
    page = renderer.absolute_url("changes/")
    title = _("Service changes") + " – " + renderer.plain(ctx.ds.lmns.name)
    subtitle = _("Maternity services that have changed, opened, paused or closed.")
    entries = change_entries(renderer, changes)
    updated = _timestamp(entries[0].date if entries else ctx.ds.lmns.last_reviewed)
    author = ctx.ds.lmns.owner

    atom = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{ctx.lang}">',
        f"  <id>{escape(page)}</id>",
        f"  <title>{escape(title)}</title>",
        f"  <subtitle>{escape(subtitle)}</subtitle>",
        f"  <updated>{updated}</updated>",
        f"  <author><name>{escape(author)}</name></author>",
        f'  <link rel="alternate" type="text/html" href={quoteattr(page)}/>',
        f'  <link rel="self" type="application/atom+xml"'
        f" href={quoteattr(renderer.absolute_url(FEED_ATOM))}/>",
    ]
    items = []
    for entry in entries:
        record_url = renderer.absolute_url(f"{SECTION[entry.collection]}/{entry.record.id}/")
        entry_title = (
            f"{renderer.plain(entry.record.name)}: {renderer.label('STATUS', entry.state)}"
        )
        text = entry.what
        if entry.in_english:
            # Said in her language, with the way to help: a feed has no lang="en" to mark it.
            writer = NoticeWriter(ctx.ds, ctx.lang, ctx.translations, renderer.url)
            text += " " + writer.english_help_plain(renderer.absolute_url("interpreting/"))
        if entry.confirmed_by:
            text += " " + _("Confirmed by %(who)s.") % {"who": entry.confirmed_by}
        entry_id = f"{page}#{entry.anchor}"
        atom += [
            "  <entry>",
            f"    <id>{escape(entry_id)}</id>",
            f"    <title>{escape(entry_title)}</title>",
            f"    <updated>{_timestamp(entry.date)}</updated>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(record_url)}/>',
            f"    <category term={quoteattr(entry.state)}/>",
            f'    <content type="text">{escape(text)}</content>',
            "  </entry>",
        ]
        items.append(
            {
                "id": entry_id,
                "url": record_url,
                "title": entry_title,
                "content_text": text,
                "date_published": _timestamp(entry.date),
                "tags": [entry.state],
            }
        )
    atom.append("</feed>")
    json_feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "description": subtitle,
        "home_page_url": page,
        "feed_url": renderer.absolute_url(FEED_JSON),
        "language": ctx.lang,
        "authors": [{"name": author}],
        "items": items,
    }
    return {
        FEED_ATOM: "\n".join(atom) + "\n",
        FEED_JSON: json.dumps(json_feed, ensure_ascii=False, indent=2) + "\n",
    }
