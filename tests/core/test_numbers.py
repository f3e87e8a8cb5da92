"""Phone numbers in escaped text become tap-to-call links; other numbers do not (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import escape
from sitebuild import build, make_site

from lmo.core.numbers import LRI, PDI, isolate_plain, mark_numbers


def _links(html: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(html, "html.parser")
    return [(a["href"], a.get_text()) for a in soup.select("a.app-phone[dir=ltr]")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call 01632 960100 at any time.", [("tel:01632960100", "01632 960100")]),
        ("free on 0808 2000 247.", [("tel:08082000247", "0808 2000 247")]),
        ("In an emergency call 999.", [("tel:999", "999")]),
        ("ask your midwife or call NHS 111.", [("tel:111", "111")]),
        # The number stops where a UK number does, not where the digits do.
        ("01632 960100 7 days a week", [("tel:01632960100", "01632 960100")]),
        ("پر 01632 960100 کال کریں", [("tel:01632960100", "01632 960100")]),
    ],
)
def test_a_uk_phone_number_in_text_becomes_a_link(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _links(mark_numbers(escape(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2015/16, 5,381 babies were born here.",  # a year and a count
        "7,500 births a year; 111 home births",  # a count, and a bare 111 is a count
        "Postcodes WR5 1DD, B15 2TT and HR1",  # postcode districts
        "lines 969-1031 of the plan",
        "If you cannot speak, press 55 when asked.",
        "0123",  # too short to be a UK number
        "01632 960100123",  # too long
        "1999 and 9991",
    ],
)
def test_what_is_not_a_phone_number_is_not_linked(text: str) -> None:
    assert _links(mark_numbers(escape(text))) == []


def test_numbers_inside_links_attributes_and_summaries_are_not_linked() -> None:
    html = (
        '<a href="../x/" title="01632 960100">Ward 01632 960100</a>'
        " <summary>When to call 999</summary> then 999"
    )
    marked = str(mark_numbers(html))
    soup = BeautifulSoup(marked, "html.parser")
    assert soup.select("a a") == []
    assert soup.select_one('a[href="../x/"]')["title"] == "01632 960100"
    assert soup.select_one('a[href="../x/"] span.app-num[dir=ltr]').get_text() == "01632 960100"
    assert soup.select_one("summary span.app-num").get_text() == "999"
    assert _links(marked) == [("tel:999", "999")]


def test_escaped_text_stays_escaped() -> None:
    hostile = '<script>alert("01632 960100")</script> & 999'
    marked = str(mark_numbers(escape(hostile)))
    soup = BeautifulSoup(marked, "html.parser")
    assert soup.find("script") is None
    assert "&lt;script&gt;" in marked and "&amp; " in marked
    assert _links(marked) == [("tel:01632960100", "01632 960100"), ("tel:999", "999")]


def test_numbers_grouped_with_spaces_are_isolated() -> None:
    soup = BeautifulSoup(str(mark_numbers(escape("7\u00a0500 porodów"))), "html.parser")
    assert soup.select_one("span.app-num[dir=ltr]").get_text() == "7\u00a0500"


def test_plain_text_gets_invisible_isolates_around_multi_part_numbers_only() -> None:
    assert isolate_plain("Ring 01632 960100 or 999, 2018") == (
        f"Ring {LRI}01632 960100{PDI} or 999, 2018"
    )


def test_a_hand_written_page_links_its_phone_numbers_too(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    page = site / "content" / "en" / "questions.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\nCall the helpline on 0808 2000 247, or [our line](tel:01632960000)"
        " on 01632 960000. In 2026, 7,500 babies.\n\n`01632 960999` is an example.\n",
        encoding="utf-8",
    )
    assert build(site).returncode == 0
    html = (site / "site" / "questions" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    links = {a.get_text(): a["href"] for a in soup.select("article a.app-phone")}
    assert links["0808 2000 247"] == "tel:08082000247"
    assert soup.select_one('article a[href="tel:01632960000"]').get_text() == "our line"
    assert "01632 960999" not in links and "2026" not in links
    assert soup.select_one("article code a") is None
    # The page's urgent contacts, added after, are still markup (not escaped text).
    assert soup.select_one(".app-urgent a.app-phone") is not None
    assert "&lt;section" not in html
