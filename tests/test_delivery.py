"""What the build leaves for the host: compressed copies, headers, and the same bytes twice."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import shutil
from pathlib import Path

import brotli
import pytest
from bs4 import BeautifulSoup
from sitebuild import build, make_site


@pytest.fixture
def built(tiny_site: Path) -> Path:
    return tiny_site


def test_every_text_file_has_identical_gzip_and_brotli_copies(built: Path) -> None:
    out = built / "site"
    pages = sorted(out.rglob("*.html"))
    assert pages
    for page in pages:
        data = page.read_bytes()
        if len(data) < 512:
            continue
        assert gzip.decompress(page.with_name(page.name + ".gz").read_bytes()) == data
        assert brotli.decompress(page.with_name(page.name + ".br").read_bytes()) == data
    index = out / "search" / "search_index.json"
    assert brotli.decompress((out / "search" / "search_index.json.br").read_bytes()) == (
        index.read_bytes()
    )
    assert not (out / "staticwebapp.config.json.gz").exists()  # host configuration


def test_the_policy_allows_exactly_the_inline_scripts_the_pages_have(built: Path) -> None:
    out = built / "site"
    wanted = set()
    for page in out.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script", src=False):
            if script.get("type") in (None, "text/javascript", "module"):
                digest = hashlib.sha256((script.string or "").encode("utf-8")).digest()
                wanted.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    headers = (out / "_headers").read_text(encoding="utf-8")
    policy = next(
        line.split(": ", 1)[1]
        for line in headers.splitlines()
        if line.strip().startswith("Content-Security-Policy")
    )
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    sources = directives["script-src"].split()
    assert sources[0] == "'self'" and set(sources[1:]) == wanted
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert directives["img-src"] == "'self' data: https://tile.openstreetmap.org"
    assert directives["connect-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    for name in ("Strict-Transport-Security", "Referrer-Policy", "Permissions-Policy"):
        assert f"  {name}: " in headers
    assert "  X-Content-Type-Options: nosniff" in headers
    azure = json.loads((out / "staticwebapp.config.json").read_text(encoding="utf-8"))
    assert azure["globalHeaders"]["Content-Security-Policy"] == policy
    nginx = (out / "nginx-headers.conf").read_text(encoding="utf-8")
    # nginx sets script-src from a variable, which the widget paths change (tested below).
    plain = directives["script-src"]
    assert f'set $lmo_script_src "{plain}";' in nginx
    in_nginx = policy.replace(f"script-src {plain}", "script-src $lmo_script_src")
    assert f'add_header Content-Security-Policy "{in_nginx}" always;' in nginx
    assert "brotli_static on;" in nginx and "gzip_static on;" in nginx


def test_only_the_widget_pages_and_files_may_compile_webassembly(built: Path) -> None:
    out = built / "site"
    headers = (out / "_headers").read_text(encoding="utf-8")
    rules: dict[str, list[str]] = {}
    for line in headers.splitlines():
        if line.startswith("/"):
            current = rules.setdefault(line, [])
        else:
            current.append(line.strip())
    site_wide = next(v for v in rules["/*"] if v.startswith("Content-Security-Policy"))
    assert "'wasm-unsafe-eval'" not in site_wide
    widget_paths = (
        "/care-plan/*",
        "/pl/care-plan/*",
        "/birth-place/*",
        "/pl/birth-place/*",
        "/assets/widgets/*",
        "/assets/pyodide/*",
    )
    for path in widget_paths:
        assert rules[path][0] == "! Content-Security-Policy", "detach the site-wide policy"
        widget = rules[path][1]
        assert widget == site_wide.replace(
            "script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"
        )
    azure = json.loads((out / "staticwebapp.config.json").read_text(encoding="utf-8"))
    routes = {r["route"]: r["headers"] for r in azure["routes"]}
    for route in widget_paths:
        assert "'wasm-unsafe-eval'" in routes[route]["Content-Security-Policy"]
    assert "'wasm-unsafe-eval'" not in azure["globalHeaders"]["Content-Security-Policy"]
    nginx = (out / "nginx-headers.conf").read_text(encoding="utf-8")
    paths = (
        r"/care\-plan/|/pl/care\-plan/|/birth\-place/|/pl/birth\-place/"
        r"|/assets/widgets/|/assets/pyodide/"
    )
    assert f'if ($uri ~ "^({paths})") {{ set $lmo_script_src "' in nginx


def test_only_the_theme_files_are_cached_for_long_on_every_host(built: Path) -> None:
    out = built / "site"
    headers = (out / "_headers").read_text(encoding="utf-8").split("\n/")
    site_wide, rest = headers[0], headers[1:]
    # Netlify and Cloudflare join every matching rule's values: one Cache-Control only.
    assert "Cache-Control" not in site_wide
    long = [r for r in rest if "Cache-Control: public, max-age=31536000, immutable" in r]
    assert [r.split("\n")[0] for r in long] == ["assets/javascripts/*", "assets/stylesheets/*"]
    nginx = (out / "nginx-headers.conf").read_text(encoding="utf-8")
    assert 'set $lmo_cache "public, max-age=0, must-revalidate";' in nginx
    assert (
        'if ($uri ~ "^(/assets/javascripts/|/assets/stylesheets/)") '
        '{ set $lmo_cache "public, max-age=31536000, immutable"; }'
    ) in nginx
    assert "error_page 404 /404.html;" in nginx


def test_two_builds_of_the_same_inputs_are_byte_identical(tmp_path: Path) -> None:
    first = make_site(tmp_path / "one")
    second = tmp_path / "two" / "tiny"
    shutil.copytree(first, second)
    for folder in (first, second):
        assert build(folder).returncode == 0

    def tree(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }

    one, two = tree(first / "site"), tree(second / "site")
    assert sorted(one) == sorted(two)
    different = [name for name in one if one[name] != two[name]]
    assert different == []


def test_service_worker_precaches_the_homes_and_theme_files_that_exist(built: Path) -> None:
    import re

    out = built / "site"
    worker = (out / "sw.js").read_text(encoding="utf-8")
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", worker).group(1))
    assert precache[:2] == ["./", "./pl/"]
    for path in precache[2:]:
        assert (out / path).is_file(), path
    assert any(p.endswith("app.css") for p in precache)
    assert (out / "assets" / "register-sw.js").is_file()
    page = (out / "hubs" / "town-hub" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../assets/register-sw.js" data-worker="../../sw.js"' in page


def test_a_new_build_is_a_new_service_worker(tmp_path: Path) -> None:
    import re

    site = make_site(tmp_path)
    assert build(site).returncode == 0
    first = re.search(r'const CACHE = "([^"]+)"', (site / "site" / "sw.js").read_text()).group(1)
    hubs = site / "data" / "hubs.yml"
    hubs.write_text(hubs.read_text().replace("name: Town hub", "name: Town family hub"))
    assert build(site).returncode == 0
    second = re.search(r'const CACHE = "([^"]+)"', (site / "site" / "sw.js").read_text()).group(1)
    assert first != second


def test_the_search_dialog_has_a_name(built: Path) -> None:
    page = (built / "site" / "hubs" / "index.html").read_text(encoding="utf-8")
    dialog = BeautifulSoup(page, "html.parser").select_one("div.md-search[role=dialog]")
    assert dialog is not None and dialog.get("aria-label")
