"""With the network cut after a first visit, the visited pages and the urgent contacts are
still there (the service worker from lmo/delivery/offline.py, served by nginx like production)."""

from __future__ import annotations

from typing import Any

from harness import wait_for_service_worker


def test_visited_pages_and_urgent_contacts_work_offline(example_url: str, page: Any) -> None:
    hub = example_url + "hubs/redditch-hub/"
    page.goto(hub)
    # The worker installs on the first visit and takes control of the open page.
    wait_for_service_worker(page)
    page.goto(hub)  # now through the worker, which keeps a copy
    heading = page.locator("h1").inner_text()
    assert page.locator(".app-saved-copy").is_hidden()  # the page from the network is current
    assert page.locator('nav a[href$="offline/"]').count() == 0  # the offline page is in no menu
    page.goto(example_url + "pl/")  # the Polish home page was stored when the worker installed
    page.context.set_offline(True)
    try:
        page.goto(hub)
        assert page.locator("h1").inner_text() == heading
        # The visited page says it is a saved copy, and when it was saved.
        assert page.locator(".app-saved-copy").is_visible()
        assert page.locator(".app-saved-copy time").get_attribute("datetime")
        # A page she never opened is her language's offline page, at its own address, with
        # the urgent contacts (maternity triage phone numbers) and the pages she saved.
        page.goto(example_url + "pl/birth-settings/")
        assert page.url == example_url + "pl/birth-settings/"
        assert page.locator("html").get_attribute("lang") == "pl"
        assert page.locator("a.app-phone").count() > 0
        assert page.locator(f'.app-offline__saved a[href="{hub}"]').count() == 1
        page.goto(example_url + "services/")
        assert page.locator("a.app-phone").first.is_visible()
    finally:
        page.context.set_offline(False)
