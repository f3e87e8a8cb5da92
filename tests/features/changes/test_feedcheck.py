"""The feed validators accept small valid feeds and reject each kind of broken one."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import pytest
from feedcheck import (
    ATOM_SCHEMA,
    JSON_FEED_SCHEMA,
    atom_errors,
    json_feed_errors,
    parse_date_time,
)
from jsonschema import Draft202012Validator
from lxml import etree

# --------------------------------------------------------------------------------------
# Atom
# --------------------------------------------------------------------------------------

FEED_META = """
  <id>urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6</id>
  <title>Local Maternity Offer</title>
  <updated>2024-05-01T09:30:00Z</updated>
"""
FEED_AUTHOR = "<author><name>Tiny LMNS</name></author>"
ENTRY = """
  <entry>
    <id>tag:example.org,2024:services/booking</id>
    <title>Booking</title>
    <updated>2024-05-01T10:30:00+01:00</updated>
    {body}
  </entry>
"""
CONTENT = "<content type='html'>&lt;p&gt;Book early.&lt;/p&gt;</content>"


def atom(*parts: str, meta: str = FEED_META) -> bytes:
    return (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:ext='urn:example:ext'"
        " xml:lang='en-GB'>" + meta + "".join(parts) + "</feed>\n"
    ).encode()


def entry(body: str = CONTENT) -> str:
    return ENTRY.format(body=body)


FULL_FEED = atom(
    FEED_AUTHOR,
    """
    <subtitle type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Maternity <b>care</b></div>
    </subtitle>
    <link rel="self" type="application/atom+xml" href="https://example.org/en/feed.xml"/>
    <link href="https://example.org/en/" hreflang="en"/>
    <link rel="alternate" type="text/html" hreflang="pl" href="https://example.org/pl/"
          title="Polski" length="1024"/>
    <category term="services" scheme="https://example.org/categories" label="Services"/>
    <contributor><name>Editor</name><uri>https://example.org/</uri>
      <email>editor@example.org</email><ext:role>maintainer</ext:role></contributor>
    <generator uri="https://example.org/lmo" version="0.1.0">lmo</generator>
    <icon>/favicon.png</icon>
    <logo>https://example.org/logo.png</logo>
    <rights type="html">&amp;copy; 2024</rights>
    <ext:updatedBy xml:lang="en">build</ext:updatedBy>
    """,
    entry(
        CONTENT
        + """
        <link href="https://example.org/en/services/booking/"/>
        <summary>How to book.</summary>
        <published>2024-04-30T23:59:59.25-05:00</published>
        <category term="booking"/>
        <author><name>Midwife</name></author>
        <ext:priority ext:level="1">high</ext:priority>
        """
    ),
    entry('<link rel="alternate" type="text/html" href="/en/services/feeding/"/>'),
    entry(
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p></div></content>'
    ),
    entry(
        '<content src="https://example.org/leaflet.pdf" type="application/pdf"/>'
        "<summary>A leaflet.</summary>"
    ),
)


# Shaped like the site's own feed: the entry's alternate link and category come before its content.
# libxml2 used to reject this shape when the schema nested choices inside interleaves.
SITE_SHAPED_FEED = atom(
    "<subtitle>Maternity services that have changed.</subtitle>",
    FEED_AUTHOR,
    '<link rel="alternate" type="text/html" href="https://example.org/ur/changes/"/>',
    '<link rel="self" type="application/atom+xml" href="https://example.org/ur/changes/feed.xml"/>',
    entry(
        '<link rel="alternate" type="text/html" href="https://example.org/ur/services/booking/"/>'
        '<category term="paused"/>'
        '<content type="text">Paused. Confirmed by &amp; Tiny ICB.</content>'
    ),
)


def test_atom_schema_is_valid_relax_ng() -> None:
    # It compiles, and it tells a feed from a document that is not one.
    schema = etree.RelaxNG(etree.parse(str(ATOM_SCHEMA)))
    assert schema.validate(etree.fromstring(FULL_FEED))
    not_a_feed = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>'
    assert not schema.validate(etree.fromstring(not_a_feed))


@pytest.mark.parametrize(
    "document",
    [
        pytest.param(atom(FEED_AUTHOR), id="minimal"),
        pytest.param(FULL_FEED, id="full"),
        pytest.param(SITE_SHAPED_FEED, id="site-shaped"),
        pytest.param(atom(entry("<author><name>A</name></author>" + CONTENT)), id="entry-authors"),
        pytest.param(
            atom(
                entry(CONTENT + "<source><id>urn:x:y</id><author><name>S</name></author></source>")
            ),
            id="author-from-source",
        ),
        pytest.param(
            atom(FEED_AUTHOR, entry('<link rel="self" href="/s"/><link href="/a"/>')),
            id="alternate-link-after-other-link",
        ),
        pytest.param(
            atom(
                FEED_AUTHOR,
                entry("<content type='image/png'>aGVsbG8=</content><summary>s</summary>"),
            ),
            id="base64-content-with-summary",
        ),
    ],
)
def test_valid_atom_is_accepted(document: bytes) -> None:
    assert atom_errors(document) == []


ATOM = "{http://www.w3.org/2005/Atom}"


def shuffled_children(document: bytes, rng: random.Random) -> bytes:
    """The same feed with the children of feed, entries, sources and persons reordered.

    RFC 4287 gives those children no required order, so validity must not change.
    """
    root = etree.fromstring(document)
    for parent in [root, *root.iter(f"{ATOM}entry", f"{ATOM}source", f"{ATOM}author")]:
        children = [child for child in parent if isinstance(child.tag, str)]
        for child in children:
            parent.remove(child)
        rng.shuffle(children)
        parent.extend(children)
    return etree.tostring(root)


SHUFFLE_VALID = {
    "full": FULL_FEED,
    "site-shaped": SITE_SHAPED_FEED,
    "entry-and-source-authors": atom(
        entry("<author><name>A</name></author><category term='k'/>" + CONTENT),
        entry(
            '<link rel="self" href="/s"/><category term="k"/><link href="/a"/>'
            "<source><id>urn:x:y</id><link href='/s'/><author><name>S</name></author></source>"
        ),
    ),
}
SHUFFLE_INVALID = {
    "self-link-only": atom(
        FEED_AUTHOR, entry('<link rel="self" href="/s"/><category term="k"/><summary>s</summary>')
    ),
    "src-without-summary": atom(
        FEED_AUTHOR,
        entry(
            '<content src="/x.pdf" type="application/pdf"/><link href="/a"/><category term="k"/>'
        ),
    ),
    "entry-without-author": atom(
        entry("<author><name>A</name></author>" + CONTENT),
        entry(CONTENT + '<category term="k"/><link href="/a"/>'),
    ),
}


@pytest.mark.parametrize("name", sorted(SHUFFLE_VALID))
def test_atom_validity_ignores_child_order_of_valid_feeds(name: str) -> None:
    rng = random.Random(name)
    for _ in range(40):
        document = shuffled_children(SHUFFLE_VALID[name], rng)
        assert atom_errors(document) == [], document.decode()


@pytest.mark.parametrize("name", sorted(SHUFFLE_INVALID))
def test_atom_validity_ignores_child_order_of_invalid_feeds(name: str) -> None:
    rng = random.Random(name)
    for _ in range(40):
        document = shuffled_children(SHUFFLE_INVALID[name], rng)
        assert atom_errors(document) != [], document.decode()


def test_atom_accepts_str() -> None:
    assert atom_errors(atom(FEED_AUTHOR).decode()) == []


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(b"<feed xmlns='http://www.w3.org/2005/Atom'>", "not well-formed", id="xml"),
        pytest.param(b"<rss version='2.0'/>", "root element", id="not-atom"),
        pytest.param(
            atom(FEED_AUTHOR, meta=FEED_META.replace("<id>", "<!--").replace("</id>", "-->")),
            "needs exactly one atom:id, found none",
            id="feed-missing-id",
        ),
        pytest.param(
            atom(FEED_AUTHOR, "<id>urn:x:second</id>"),
            "needs exactly one atom:id, found 2",
            id="feed-two-ids",
        ),
        pytest.param(
            atom(FEED_AUTHOR, meta=FEED_META.replace("<title>Local Maternity Offer</title>", "")),
            "needs exactly one atom:title",
            id="feed-missing-title",
        ),
        pytest.param(
            atom(FEED_AUTHOR, meta=FEED_META.replace("urn:uuid:", "/relative/")),
            "anyURI",
            id="relative-id",
        ),
        pytest.param(
            atom(FEED_AUTHOR, meta=FEED_META.replace("09:30:00Z", "09:30:00")),
            "'2024-05-01T09:30:00' is not an RFC 3339 date-time",
            id="date-without-timezone",
        ),
        pytest.param(
            atom(FEED_AUTHOR, meta=FEED_META.replace("2024-05-01T09:30:00Z", "1 May 2024")),
            "is not an RFC 3339 date-time",
            id="date-not-rfc3339",
        ),
        pytest.param(
            atom(FEED_AUTHOR, meta=FEED_META.replace("2024-05-01", "2024-02-30")),
            "is not an RFC 3339 date-time",
            id="date-impossible",
        ),
        pytest.param(
            atom(FEED_AUTHOR, meta=FEED_META.replace("T09", "t09")),
            "is not an RFC 3339 date-time",
            id="date-lowercase-t",
        ),
        pytest.param(
            atom(FEED_AUTHOR, entry(CONTENT + "<published>2024-05-01</published>")),
            "atom:published '2024-05-01'",
            id="entry-published-date-only",
        ),
        pytest.param(atom(entry()), "has no atom:author", id="no-author-anywhere"),
        pytest.param(
            atom(entry(CONTENT + "<source><id>urn:x:y</id></source>")),
            "has no atom:author",
            id="source-without-author",
        ),
        pytest.param(
            atom(FEED_AUTHOR, entry("")),
            "has neither atom:content nor an alternate atom:link",
            id="entry-without-content",
        ),
        pytest.param(
            atom(FEED_AUTHOR, entry('<link rel="self" href="/s"/>')),
            "has neither atom:content nor an alternate atom:link",
            id="entry-with-only-self-link",
        ),
        pytest.param(
            atom(
                FEED_AUTHOR,
                entry(CONTENT).replace("<id>tag:example.org,2024:services/booking</id>", ""),
            ),
            "needs exactly one atom:id, found none",
            id="entry-missing-id",
        ),
        pytest.param(
            atom(FEED_AUTHOR, entry(CONTENT).replace("<title>Booking</title>", "")),
            "needs exactly one atom:title",
            id="entry-missing-title",
        ),
        pytest.param(
            atom(FEED_AUTHOR, "<summary>no</summary>"), "extra content", id="unknown-atom-el"
        ),
        pytest.param(atom(FEED_AUTHOR, '<link rel="self"/>'), "link", id="link-without-href"),
        pytest.param(
            atom(FEED_AUTHOR, '<link href="/x" length="big"/>'), "length", id="link-bad-length"
        ),
        pytest.param(atom(FEED_AUTHOR, "<category label='x'/>"), "category", id="category-no-term"),
        pytest.param(
            atom("<author><email>a@example.org</email></author>"), "name", id="person-without-name"
        ),
        pytest.param(
            atom(FEED_AUTHOR, "<subtitle type='markdown'>*x*</subtitle>"),
            "type",
            id="text-type-unknown",
        ),
        pytest.param(
            atom(FEED_AUTHOR, "<subtitle type='xhtml'>no div</subtitle>"),
            "subtitle",
            id="xhtml-without-div",
        ),
        pytest.param(
            atom(FEED_AUTHOR, "<subtitle>a <ext:b/></subtitle>"),
            "subtitle",
            id="text-with-child-element",
        ),
        pytest.param(
            atom(FEED_AUTHOR, entry("<content src='/leaflet.pdf' type='application/pdf'/>")),
            "content",
            id="out-of-line-content-without-summary",
        ),
        pytest.param(
            atom(FEED_AUTHOR, entry("<content type='image/png'>aGVsbG8=</content>")),
            "content",
            id="base64-content-without-summary",
        ),
        pytest.param(
            atom(FEED_AUTHOR, meta=FEED_META.replace("<title>", "<title colour='red'>")),
            "Invalid attribute colour",
            id="unknown-attribute",
        ),
    ],
)
def test_invalid_atom_is_rejected(document: bytes, expected: str) -> None:
    errors = atom_errors(document)
    assert errors, "expected the feed to be rejected"
    assert any(expected in error for error in errors), errors


# --------------------------------------------------------------------------------------
# JSON Feed
# --------------------------------------------------------------------------------------

JSON_FEED: dict[str, Any] = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Local Maternity Offer",
    "home_page_url": "https://example.org/en/",
    "feed_url": "https://example.org/en/feed.json",
    "description": "Services for pregnant people",
    "user_comment": "Subscribe in a feed reader.",
    "next_url": "https://example.org/en/feed-2.json",
    "icon": "https://example.org/icon.png",
    "favicon": "/favicon.png",
    "authors": [{"name": "Tiny LMNS", "url": "https://example.org/"}],
    "language": "en-GB",
    "expired": False,
    "hubs": [{"type": "WebSub", "url": "https://hub.example.org/"}],
    "_lmo": {"about": "https://example.org/extension", "build": 7},
    "items": [
        {
            "id": "https://example.org/en/services/booking/",
            "url": "https://example.org/en/services/booking/",
            "external_url": "https://nhs.example/booking",
            "title": "Booking",
            "content_html": "<p>Book early.</p>",
            "content_text": "Book early.",
            "summary": "How to book",
            "image": "https://example.org/booking.png",
            "banner_image": "https://example.org/booking-wide.png",
            "date_published": "2024-04-30T23:59:59.25-05:00",
            "date_modified": "2024-05-01T10:30:00Z",
            "authors": [{"avatar": "https://example.org/a.png"}],
            "tags": ["booking", "antenatal"],
            "language": "en",
            "attachments": [
                {
                    "url": "https://example.org/leaflet.pdf",
                    "mime_type": "application/pdf",
                    "title": "Leaflet",
                    "size_in_bytes": 12345,
                    "duration_in_seconds": 0,
                    "_pages": 2,
                }
            ],
            "_lmo": {"record": "services/booking"},
        },
        {"id": "feeding", "content_text": "Feeding support."},
    ],
}


def feed_with(**changes: Any) -> dict[str, Any]:
    feed = copy.deepcopy(JSON_FEED)
    feed.update(changes)
    return feed


def item_with(index: int = 1, drop: tuple[str, ...] = (), **changes: Any) -> dict[str, Any]:
    feed = copy.deepcopy(JSON_FEED)
    item = feed["items"][index]
    for key in drop:
        del item[key]
    item.update(changes)
    return feed


def test_json_feed_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(JSON_FEED_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)  # raises if the schema itself is broken
    validator = Draft202012Validator(schema)
    assert validator.is_valid(JSON_FEED)
    assert not validator.is_valid({key: v for key, v in JSON_FEED.items() if key != "version"})


@pytest.mark.parametrize(
    "feed",
    [
        pytest.param(JSON_FEED, id="full"),
        pytest.param(
            {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []},
            id="minimal",
        ),
        pytest.param(
            feed_with(author={"name": "Old style"}), id="deprecated-author-kept-for-1.0-readers"
        ),
        pytest.param(item_with(content_html="<p>x</p>", drop=("content_text",)), id="html-only"),
        pytest.param(item_with(date_published="2024-05-01t10:30:00z"), id="lowercase-t-and-z"),
    ],
)
def test_valid_json_feed_is_accepted(feed: dict[str, Any]) -> None:
    assert json_feed_errors(json.dumps(feed)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("{", "not valid JSON", id="not-json"),
        pytest.param("[]", "is not of type 'object'", id="not-object"),
        pytest.param(
            json.dumps(feed_with(version="https://jsonfeed.org/version/1")),
            "$.version: 'https://jsonfeed.org/version/1.1' was expected",
            id="wrong-version",
        ),
        pytest.param(
            json.dumps({k: v for k, v in JSON_FEED.items() if k != "title"}),
            "'title' is a required property",
            id="missing-title",
        ),
        pytest.param(
            json.dumps({k: v for k, v in JSON_FEED.items() if k != "items"}),
            "'items' is a required property",
            id="missing-items",
        ),
        pytest.param(json.dumps(feed_with(title=3)), "$.title: 3 is not of type", id="title-type"),
        pytest.param(
            json.dumps(feed_with(colour="red")),
            "$: unexpected member 'colour'",
            id="unknown-top-key",
        ),
        pytest.param(json.dumps(feed_with(expired="no")), "$.expired", id="expired-not-bool"),
        pytest.param(json.dumps(feed_with(authors=[{}])), "$.authors[0]", id="empty-author"),
        pytest.param(
            json.dumps(feed_with(hubs=[{"type": "WebSub"}])),
            "'url' is a required property",
            id="hub-without-url",
        ),
        pytest.param(
            json.dumps(item_with(drop=("id",))),
            "$.items[1]: 'id' is a required property",
            id="item-missing-id",
        ),
        pytest.param(
            json.dumps(item_with(id=2)), "$.items[1].id: 2 is not of type", id="numeric-id"
        ),
        pytest.param(
            json.dumps(item_with(drop=("content_text",))),
            "'content_html' is a required property; or 'content_text' is a required property",
            id="item-without-content",
        ),
        pytest.param(
            json.dumps(item_with(date_published="2024-05-01")),
            "$.items[1].date_published",
            id="date-only",
        ),
        pytest.param(
            json.dumps(item_with(date_modified="2024-05-01T10:30:00")),
            "$.items[1].date_modified",
            id="date-without-timezone",
        ),
        pytest.param(
            json.dumps(item_with(date_modified="2024-02-30T10:30:00Z")),
            "is not a 'date-time'",
            id="impossible-date",
        ),
        pytest.param(
            json.dumps(item_with(colour="red")),
            "$.items[1]: unexpected member 'colour'",
            id="unknown-item-key",
        ),
        pytest.param(json.dumps(item_with(tags=["a", 1])), "$.items[1].tags[1]", id="tag-type"),
        pytest.param(
            json.dumps(item_with(attachments=[{"url": "https://example.org/x.pdf"}])),
            "'mime_type' is a required property",
            id="attachment-without-mime-type",
        ),
        pytest.param(
            json.dumps(item_with(id=JSON_FEED["items"][0]["id"])),
            "$.items[1].id: duplicate id",
            id="duplicate-id",
        ),
    ],
)
def test_invalid_json_feed_is_rejected(text: str, expected: str) -> None:
    errors = json_feed_errors(text)
    assert errors, "expected the feed to be rejected"
    assert any(expected in error for error in errors), errors


# --------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "atom_ok", "json_ok"),
    [
        ("2024-05-01T10:30:00Z", True, True),
        ("2024-05-01T10:30:00.123456789+05:30", True, True),
        ("2016-12-31T23:59:60Z", True, True),
        ("2024-05-01t10:30:00z", False, True),
        ("2024-05-01T10:30:00", False, False),
        ("2024-05-01 10:30:00Z", False, False),
        ("2024-05-01T24:00:00Z", False, False),
        ("2024-05-01T10:30:00+24:00", False, False),
        (" 2024-05-01T10:30:00Z", False, False),
    ],
)
def test_parse_date_time(value: str, atom_ok: bool, json_ok: bool) -> None:
    assert (parse_date_time(value, atom=True) is not None) is atom_ok
    assert (parse_date_time(value) is not None) is json_ok
