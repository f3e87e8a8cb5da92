"""The example served like production (nginx, a sub-path, the build's headers, pre-compressed
files): every internal link and asset resolves, and the compressed copies are what is sent."""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import brotli
import pytest
from harness import SUB_PATH


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "src" or (name == "href" and tag in ("a", "link"))):
                self.found.append(value)


def fetch(url: str, encoding: str = "identity") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def page_urls(site: Path, base: str) -> list[str]:
    return [
        base + p.relative_to(site).as_posix().removesuffix("index.html")
        for p in sorted(site.rglob("*.html"))
    ]


def test_every_internal_link_and_asset_resolves_under_the_sub_path(
    example_site: Path, example_url: str
) -> None:
    assert urlsplit(example_url).path == SUB_PATH
    pages = page_urls(example_site, example_url)

    def links_of(url: str) -> tuple[str, int, set[str]]:
        status, _, body = fetch(url)
        parser = _Links()
        parser.feed(body.decode("utf-8", "replace"))
        targets = set()
        for link in parser.found:
            absolute = urldefrag(urljoin(url, link))[0]
            if absolute.startswith(example_url[: -len(SUB_PATH)]):
                targets.add(absolute)
        return url, status, targets

    with ThreadPoolExecutor(max_workers=8) as pool:
        crawled = list(pool.map(links_of, pages))
    assert [u for u, status, _ in crawled if status != 200] == []
    targets = set().union(*(t for _, _, t in crawled)) - set(pages)
    outside = sorted(t for t in targets if not urlsplit(t).path.startswith(SUB_PATH))
    assert outside == [], "links that leave the sub-path (would break on GitHub Pages)"
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = dict(zip(targets, pool.map(lambda t: fetch(t)[0], targets), strict=True))
    assert sorted(t for t, s in statuses.items() if s != 200) == []
    assert len(pages) > 500 and len(targets) > 50


@pytest.mark.parametrize("path", ["", "hubs/", "assets/app.css", "search/search_index.json"])
def test_compressed_copies_are_served(example_site: Path, example_url: str, path: str) -> None:
    on_disk = (example_site / path / "index.html") if not Path(path).suffix else example_site / path
    status, headers, body = fetch(example_url + path, "br")
    assert status == 200 and headers.get("Content-Encoding") == "br"
    assert brotli.decompress(body) == on_disk.read_bytes()
    status, headers, _ = fetch(example_url + path, "gzip")
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    status, headers, body = fetch(example_url + path)
    assert "Content-Encoding" not in headers and body == on_disk.read_bytes()


def test_security_headers_are_the_ones_the_build_wrote(
    example_site: Path, example_url: str
) -> None:
    written = {}
    for line in (example_site / "_headers").read_text(encoding="utf-8").splitlines()[1:6]:
        name, value = line.strip().split(": ", 1)
        written[name] = value
    _, headers, _ = fetch(example_url + "hubs/")
    for name, value in written.items():
        assert headers.get(name) == value, name


def test_a_missing_page_gets_the_sites_404_page(example_url: str) -> None:
    status, headers, body = fetch(example_url + "hubs/no-such-hub/")
    assert status == 404
    assert b"<html" in body and "Content-Security-Policy" in headers
