"""When services change: one status edit reaches every place it shows, feeds validate,
old addresses redirect, a site-wide notice ends on its date, and reviews fall due visibly."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from feedcheck import atom_errors, json_feed_errors
from sitebuild import build, make_site, run

from lmo.core.i18n import long_date

SUSPENDED = """    status:
      state: suspended
      as_of: 2026-05-20
      effective_from: 2026-05-20
      confirmed_by: Tiny LMNS community midwifery manager
      note: The hub is closed for repairs.
      fallback_provider: town-trust
      what_to_do_now:
        early_pregnancy: Go to your GP surgery for your appointments.
        after_birth: Your midwife will visit you at home.
"""


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / "site" / url / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny site after one edit: the town hub is suspended."""
    folder = make_site(tmp_path_factory.mktemp("changed"))
    hubs = folder / "data" / "hubs.yml"
    text = hubs.read_text(encoding="utf-8")
    start = text.index("    status: {state: available, as_of: 2026-01-01}")
    text = (
        text[:start]
        + SUSPENDED
        + text[start + len("    status: {state: available, as_of: 2026-01-01}\n") :]
    )
    hubs.write_text(text, encoding="utf-8")
    result = build(folder)
    assert result.returncode == 0, result.stderr
    return folder


@pytest.mark.parametrize("lang", ["", "pl/"])
def test_one_status_edit_reaches_every_place_the_hub_appears(changed: Path, lang: str) -> None:
    # Its own page: the notice, with dates, who confirmed it, what to do and the fallback.
    notice = page(changed, f"{lang}hubs/town-hub").select_one(".app-notice--suspended")
    text = notice.get_text(" ", strip=True)
    # Since when, as her language writes the date ("20 May 2026", "20 maja 2026").
    assert long_date(dt.date(2026, 5, 20), lang.rstrip("/") or "en") in text
    assert "Tiny LMNS community midwifery manager" in text
    assert "Go to your GP surgery for your appointments." in text
    assert notice.select_one("a[href$='organisations/town-trust/']") is not None
    # Every list and table it is in.
    for url in (
        f"{lang}hubs",
        f"{lang}organisations/town-trust",
        f"{lang}places/town-hospital",
        f"{lang}",
    ):
        badges = [b for b in page(changed, url).select(".app-status--suspended")]
        assert badges, f"no suspended badge on {url}"
    # The map marker, on the overview map and its own: the page carries its map's data.
    for url in (f"{lang}places", f"{lang}hubs/town-hub"):
        canvas = page(changed, url).select_one("[data-map]")
        points = {p["key"]: p for p in json.loads(canvas["data-map"])["points"]}
        assert points["hub-town-hub"]["status"] == "suspended", url
    # The service changes page.
    entry = page(changed, f"{lang}changes").select_one("#hubs-town-hub-suspended-2026-05-20")
    assert entry is not None and "The hub is closed for repairs." in entry.get_text()
    # Both feeds.
    root = changed / "site" / lang
    atom = (root / "changes" / "feed.xml").read_bytes()
    assert atom_errors(atom) == []
    assert b"changes/#hubs-town-hub-suspended-2026-05-20" in atom
    feed = (root / "changes" / "feed.json").read_text(encoding="utf-8")
    assert json_feed_errors(feed) == []
    first = json.loads(feed)["items"][0]
    assert first["id"].endswith("#hubs-town-hub-suspended-2026-05-20")
    assert first["tags"] == ["suspended"]


def test_feeds_of_the_unchanged_site_validate_and_keep_history(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    assert build(folder).returncode == 0
    for lang in ("", "pl/"):
        root = folder / "site" / lang / "changes"
        assert atom_errors((root / "feed.xml").read_bytes()) == []
        feed = json.loads((root / "feed.json").read_text(encoding="utf-8"))
        assert json_feed_errors(json.dumps(feed)) == []
        ids = [item["id"].split("#")[1] for item in feed["items"]]
        # The current planned hub, and the replaced clinic: its current status and its
        # history entry are the same change, listed once.
        assert "hubs-village-hub-planned-2018-02-09" in ids
        assert ids.count("services-old-feeding-clinic-replaced-2025-09-01") == 1
    assert (
        json.loads((folder / "site" / "pl" / "changes" / "feed.json").read_text())["language"]
        == "pl"
    )


def test_renamed_record_keeps_its_old_address(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    assert build(folder).returncode == 0
    old = page(folder, "hubs/old-town-hub")
    refresh = old.select_one('meta[http-equiv="refresh"]')
    assert refresh["content"] == "0; url=../town-hub/"
    assert old.select_one("article a[href='../town-hub/']") is not None


def test_reusing_an_old_id_is_an_error(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    hubs = folder / "data" / "hubs.yml"
    hubs.write_text(
        hubs.read_text().replace("previous_ids: [old-town-hub]", "previous_ids: [village-hub]")
    )
    result = run([sys.executable, "-m", "lmo", "check"], folder)
    assert result.returncode == 1
    assert 'hubs[town-hub].previous_ids: "village-hub" is the id of another record' in (
        result.stderr
    )


def test_site_wide_notice_shows_until_its_end_date(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    lmns = folder / "data" / "lmns.yml"
    lmns.write_text(
        lmns.read_text().replace(
            "  single_point_of_access: booking",
            "  single_point_of_access: booking\n  site_notice:\n    text: The town hub is closed.\n"
            "    until: 2026-06-30\n    record: hubs/town-hub",
        )
    )
    assert build(folder, LMO_TODAY="2026-06-30").returncode == 0
    notice = page(folder, "services").select_one(".md-banner .app-site-notice")
    assert "The town hub is closed." in notice.get_text()
    assert notice.select_one("a")["href"] == "../hubs/town-hub/"
    assert build(folder, LMO_TODAY="2026-07-01").returncode == 0
    assert page(folder, "services").select_one(".app-site-notice") is None


def test_review_report_lists_what_falls_due_by_owner(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    soon = run([sys.executable, "-m", "lmo", "review-report"], folder, LMO_TODAY="2026-12-10")
    assert soon.returncode == 0, soon.stderr
    assert "Tiny LMNS team (" in soon.stdout
    assert "2027-01-01  due     hubs/town-hub" in soon.stdout
    quiet = run([sys.executable, "-m", "lmo", "review-report"], folder, LMO_TODAY="2026-06-01")
    assert quiet.stdout.startswith("Nothing is due for review in the next 30 days")
