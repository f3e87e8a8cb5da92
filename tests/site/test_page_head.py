"""The theme's head, trimmed: language alternates go (the sitemap has them), feeds stay, the
body is never touched; the 404 page's language menu leads home."""

from __future__ import annotations

from lmo.site.page_head import (
    language_homes,
    with_theme_script_deferred,
    without_language_alternates,
)

PAGE = """<html><head>
  <link rel="canonical" href="https://example.org/hubs/a/">
          <link rel="alternate" href="../../pl/hubs/a/" hreflang="pl">
  <link rel="alternate" type="application/atom+xml" href="feed.xml" title="Atom">
</head><body>
<pre><link rel="alternate" href="x" hreflang="pl"></pre>
</body></html>"""


def test_hreflang_links_leave_the_head_and_nothing_else_does() -> None:
    trimmed = without_language_alternates(PAGE)
    head, body = trimmed.split("</head>")
    assert "hreflang" not in head
    assert 'rel="canonical"' in head and "application/atom+xml" in head
    assert body == PAGE.split("</head>")[1]


def test_a_document_without_a_head_is_left_alone() -> None:
    fragment = '<link rel="alternate" href="x" hreflang="pl">'
    assert without_language_alternates(fragment) == fragment


def test_language_homes_keep_the_sub_path_and_the_names() -> None:
    menu = [
        {"name": "English", "link": "/maternity/hubs/a/", "lang": "en"},
        {"name": "Polski", "link": "/maternity/pl/hubs/a/", "lang": "pl"},
    ]
    assert language_homes(menu, "/maternity", "en") == [
        {"name": "English", "link": "/maternity/", "lang": "en"},
        {"name": "Polski", "link": "/maternity/pl/", "lang": "pl"},
    ]


def test_the_theme_script_is_deferred_and_nothing_else_changes() -> None:
    page = (
        '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
        '<script src="../assets/other.js"></script>'
    )
    assert with_theme_script_deferred(page) == (
        '<script defer src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
        '<script src="../assets/other.js"></script>'
    )
