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
    # Every page, and the files they share (theme, Leaflet, the map and widget scripts,
    # feeds): a crawl that found far fewer would prove nothing.
    assert len(pages) > 500 and len(targets) > 20


@pytest.mark.parametrize("path", ["", "hubs/", "assets/lmo/app.*.css", "search/search_index.json"])
def test_compressed_copies_are_served(example_site: Path, example_url: str, path: str) -> None:
    if "*" in path:  # a name that carries its content's hash
        path = next(example_site.glob(path)).relative_to(example_site).as_posix()
    on_disk = (example_site / path / "index.html") if not Path(path).suffix else example_site / path
    status, headers, body = fetch(example_url + path, "br")
    assert status == 200 and headers.get("Content-Encoding") == "br"
    assert brotli.decompress(body) == on_disk.read_bytes()
    status, headers, _ = fetch(example_url + path, "gzip")
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    status, headers, body = fetch(example_url + path)
    assert "Content-Encoding" not in headers and body == on_disk.read_bytes()


def netlify_rules(site: Path) -> dict[str, dict[str, str]]:
    """_headers as {path pattern: {header: value}} (detach lines left out)."""
    rules: dict[str, dict[str, str]] = {}
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.startswith(" "):
            current = rules.setdefault(line.strip(), {})
        elif not line.strip().startswith("!"):
            name, value = line.strip().split(": ", 1)
            current[name] = value
    return rules


def test_security_and_cache_headers_are_the_ones_the_build_wrote(
    example_site: Path, example_url: str
) -> None:
    """nginx serves what _headers says for each path: the site-wide rule, the theme's long
    cache, the care-plan page's policy in every language."""
    rules = netlify_rules(example_site)
    base = SUB_PATH
    site_wide = rules[f"{base}*"]
    _, page, _ = fetch(example_url + "hubs/")
    for name, value in site_wide.items():
        assert page.get(name) == value, name
    assert page["Cache-Control"] == "public, max-age=0, must-revalidate"
    theme = next(example_site.glob("assets/stylesheets/main.*.min.css")).name
    _, asset, _ = fetch(example_url + f"assets/stylesheets/{theme}")
    assert asset["Cache-Control"] == rules[f"{base}assets/stylesheets/*"]["Cache-Control"]
    assert "immutable" in asset["Cache-Control"]
    worker = next(example_site.glob("assets/widgets/python-worker.*.js")).name
    _, worker_headers, _ = fetch(example_url + f"assets/widgets/{worker}")
    assert "immutable" in worker_headers["Cache-Control"], "the worker's name carries its hash"
    # What every page loads besides the theme: the engine's stylesheet and the script that
    # registers the offline worker, each under its hashed name.
    # And what every Urdu page loads: its font's stylesheet and the Nastaliq file.
    for every_page in (
        "assets/lmo/app.*.css",
        "assets/lmo/register-sw.*.js",
        "assets/vendor/fonts/ur.*.css",
        "assets/vendor/fonts/noto-nastaliq-urdu/*.woff2",
        # And what every map page loads.
        "assets/vendor/leaflet/leaflet.*.css",
        "assets/vendor/leaflet/leaflet.*.js",
        "assets/lmo/map.*.js",
        "assets/lmo/map-groups.*.js",
    ):
        [file] = example_site.glob(every_page)
        _, file_headers, _ = fetch(example_url + file.relative_to(example_site).as_posix())
        assert "immutable" in file_headers["Cache-Control"], every_page
    for path, rule in (
        ("care-plan/", "care-plan/*"),
        ("ur/care-plan/", "ur/care-plan/*"),
        (f"assets/widgets/{worker}", "assets/widgets/*"),
    ):
        _, widget, _ = fetch(example_url + path)
        expected = rules[base + rule]["Content-Security-Policy"]
        assert widget["Content-Security-Policy"] == expected, path
        assert "'wasm-unsafe-eval'" in widget["Content-Security-Policy"]
    assert "'wasm-unsafe-eval'" not in page["Content-Security-Policy"]


@pytest.mark.parametrize(
    "missing",
    [
        "assets/lmo/app.0000000000.css",
        "assets/lmo/register-sw.0000000000.js",
        "assets/widgets/python-worker.0000000000.js",
        "assets/javascripts/bundle.00000000.min.js",
        "assets/vendor/fonts/ur.0000000000.css",
        "assets/vendor/leaflet/leaflet.0000000000.css",
        "assets/lmo/map.0000000000.js",
    ],
)
def test_a_hashed_name_not_yet_uploaded_is_never_kept_for_long(
    example_url: str, missing: str
) -> None:
    """An upload that puts a page before the stylesheet it names (a copy to a department's
    server, file by file) must not leave phones holding the "not found" for a year: the 404
    is served as the site's 404 page, under the revalidating rule, not the long one."""
    status, headers, _ = fetch(example_url + missing)
    assert status == 404
    assert headers["Cache-Control"] == "public, max-age=0, must-revalidate"


def test_a_missing_page_gets_the_sites_404_page(example_url: str) -> None:
    status, headers, body = fetch(example_url + "hubs/no-such-hub/")
    assert status == 404
    assert b'class="md-content"' in body, "the site's own 404 page, not nginx's"
    assert "Content-Security-Policy" in headers
