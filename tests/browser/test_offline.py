"""With the network cut after a first visit, the visited pages and the urgent contacts are
still there (the service worker from lmo/offline.py, served by nginx like production)."""

from __future__ import annotations

from typing import Any


def test_visited_pages_and_urgent_contacts_work_offline(example_url: str, page: Any) -> None:
    hub = example_url + "hubs/redditch-hub/"
    page.goto(hub)
    # The worker installs on the first visit and takes control of the open page. Polled from
    # here: wait_for_function evaluates a string, which the site's CSP rightly refuses.
    for _ in range(150):
        if page.evaluate("Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)"):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("the service worker did not take control within 15 s")
    page.goto(hub)  # now through the worker, which keeps a copy
    heading = page.locator("h1").inner_text()
    page.goto(example_url + "pl/")  # the Polish home page was stored when the worker installed
    page.context.set_offline(True)
    try:
        page.goto(hub)
        assert page.locator("h1").inner_text() == heading
        # A page she never opened falls back to her language's home page, with the urgent
        # contacts (maternity triage phone numbers).
        page.goto(example_url + "pl/birth-settings/")
        assert page.locator("html").get_attribute("lang") == "pl"
        assert page.locator("a.app-phone").count() > 0
        page.goto(example_url + "services/")
        assert page.locator("a.app-phone").first.is_visible()
    finally:
        page.context.set_offline(False)
