"""Links between generated pages: relative URLs that a browser resolves to the page meant."""

from __future__ import annotations

import posixpath
import random
from urllib.parse import urljoin

import pytest

from lmo.site.addresses import relative_url

SEGMENTS = ["hubs", "town-hub", "services", "booking", "ur", "pl", "a", "ł", "", ".", ".."]


def random_url(rng: random.Random) -> str:
    parts = [rng.choice(SEGMENTS) for _ in range(rng.randrange(0, 5))]
    url = "/".join(parts)
    return url + "/" if url and rng.random() < 0.8 else url


def test_every_link_matches_what_relpath_would_write() -> None:
    """The generator's own walk of the two paths gives the link relpath gives, for paths
    with shared beginnings, none, empty parts, and dot parts (those go to relpath)."""
    rng = random.Random(20261206)
    for _ in range(20_000):
        start, target = random_url(rng), random_url(rng)
        anchor = rng.choice(["", "#where"])
        expected = posixpath.relpath(target or ".", start or ".")
        expected = ("./" if expected == "." else expected + "/") + anchor
        assert relative_url(start, target + anchor) == expected, (start, target)


@pytest.mark.parametrize(
    ("page", "target"),
    [
        ("hubs/town-hub/", "services/booking/"),
        ("hubs/town-hub/", "hubs/"),
        ("hubs/", "hubs/town-hub/"),
        ("", "hubs/town-hub/"),
        ("hubs/town-hub/", ""),
        ("hubs/town-hub/", "hubs/town-hub/#contact"),
    ],
)
def test_a_browser_on_the_page_reaches_the_target(page: str, target: str) -> None:
    base = "https://lmns.example/ur/"
    href = relative_url(page, target)
    assert urljoin(base + page, href) == base + target
