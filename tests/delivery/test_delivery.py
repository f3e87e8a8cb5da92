"""What the build leaves for the host: compressed copies, headers, and the same bytes twice."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import brotli
import pytest
from bs4 import BeautifulSoup
from sitebuild import REPO, build, make_site


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
        # The widget pages, in the order features are found (their package names).
        r"/birth\-place/|/pl/birth\-place/|/care\-plan/|/pl/care\-plan/"
        r"|/assets/widgets/|/assets/pyodide/"
    )
    assert f'if ($uri ~ "^({paths})") {{ set $lmo_script_src "' in nginx


def test_only_files_with_a_content_hash_in_their_names_are_cached_for_long(built: Path) -> None:
    out = built / "site"
    headers = (out / "_headers").read_text(encoding="utf-8").split("\n/")
    site_wide, rest = headers[0], headers[1:]
    # Netlify and Cloudflare join every matching rule's values: one Cache-Control only.
    assert "Cache-Control" not in site_wide
    long = [r for r in rest if "Cache-Control: public, max-age=31536000, immutable" in r]
    assert [r.split("\n")[0] for r in long] == [
        "assets/javascripts/*",
        "assets/stylesheets/*",
        "assets/lmo/app.*",
        "assets/lmo/map-groups.*",
        "assets/lmo/map.*",
        "assets/widgets/python-worker.*",
        "assets/lmo/register-sw.*",
        "assets/vendor/fonts/*",
        "assets/vendor/leaflet/leaflet.*",
    ]
    # The engine's stylesheet and the worker's registration script, which every page loads,
    # are published only under their hashed names, and every page links those.
    assert not (out / "assets" / "app.css").exists()
    assert not (out / "assets" / "register-sw.js").exists()
    [stylesheet] = (out / "assets" / "lmo").glob("app.*.css")
    assert re.fullmatch(r"app\.[0-9a-f]{10}\.css", stylesheet.name)
    for html in (out / "hubs" / "town-hub" / "index.html", out / "pl" / "index.html"):
        text = html.read_text(encoding="utf-8")
        assert f'assets/lmo/{stylesheet.name}"' in text, html
        assert "assets/app.css" not in text and "assets/register-sw.js" not in text, html
    # The one widget file under the long rule is the worker, under its hashed name, and the
    # widget page names that file.
    workers = [p.name for p in (out / "assets" / "widgets").glob("python-worker.*.js")]
    assert len(workers) == 1 and re.fullmatch(r"python-worker\.[0-9a-f]{10}\.js", workers[0])
    page = (out / "care-plan" / "index.html").read_text(encoding="utf-8")
    assert f'data-worker="../assets/widgets/{workers[0]}"' in page
    nginx = (out / "nginx-headers.conf").read_text(encoding="utf-8")
    assert 'set $lmo_cache "public, max-age=0, must-revalidate";' in nginx
    assert (
        'if ($uri ~ "^(/assets/javascripts/|/assets/stylesheets/|/assets/lmo/app\\.'
        "|/assets/lmo/map\\-groups\\.|/assets/lmo/map\\."
        "|/assets/widgets/python\\-worker\\.|/assets/lmo/register\\-sw\\.|/assets/vendor/fonts/"
        '|/assets/vendor/leaflet/leaflet\\.)") '
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


def worker_config(worker: str) -> dict[str, Any]:
    """The build's settings in sw.js: the one line lmo/delivery/offline.py writes, as JSON."""
    line = worker_config_line(worker)
    config: dict[str, Any] = json.loads(line.removeprefix("const CONFIG = ").removesuffix(";"))
    return config


def test_service_worker_precaches_the_homes_offline_pages_and_theme_files(built: Path) -> None:
    out = built / "site"
    worker = (out / "sw.js").read_text(encoding="utf-8")
    config = worker_config(worker)
    precache = config["precache"]
    assert precache[:4] == ["./", "./offline/", "./pl/", "./pl/offline/"]
    assert config["homes"] == [
        {"home": "./", "offline": "./offline/"},
        {"home": "./pl/", "offline": "./pl/offline/"},
    ]
    for path in precache[4:]:
        assert (out / path).is_file(), path
    assert any(re.fullmatch(r"\./assets/lmo/app\.[0-9a-f]{10}\.css", p) for p in precache)
    # Everything else is the source file as it is, so what runs is what was reviewed.
    source = (REPO / "lmo" / "delivery" / "assets" / "sw.js").read_text(encoding="utf-8")
    assert worker.replace(worker_config_line(worker), "") == source.replace(
        worker_config_line(source), ""
    )
    registers = [p.name for p in (out / "assets" / "lmo").glob("register-sw.*.js")]
    assert len(registers) == 1 and re.fullmatch(r"register-sw\.[0-9a-f]{10}\.js", registers[0])
    page = (out / "hubs" / "town-hub" / "index.html").read_text(encoding="utf-8")
    assert f'src="../../assets/lmo/{registers[0]}" data-worker="../../sw.js"' in page


def worker_config_line(worker: str) -> str:
    return next(line for line in worker.splitlines() if line.startswith("const CONFIG = "))


def test_the_service_worker_is_valid_javascript(built: Path) -> None:
    result = subprocess.run(
        ["node", "--check", str(built / "site" / "sw.js")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_every_page_carries_the_hidden_saved_copy_notice_in_its_language(built: Path) -> None:
    out = built / "site"
    for path, lang in ((out / "hubs" / "index.html", "en"), (out / "pl" / "index.html", "pl")):
        html = path.read_text(encoding="utf-8")
        # The worker matches these two tags exactly (lmo/delivery/assets/sw.js).
        assert '<div class="app-saved-copy" data-app-saved-copy hidden>' in html
        assert '<time class="app-saved-copy__time" datetime=""></time>' in html
        notice = BeautifulSoup(html, "html.parser").select_one("article .app-saved-copy")
        assert notice is not None and notice.has_attr("hidden")
        assert notice.select_one('a[href="#app-urgent-title"]') is not None
        assert BeautifulSoup(html, "html.parser").select_one("#app-urgent-title") is not None
        assert BeautifulSoup(html, "html.parser").html["lang"] == lang


def test_each_language_has_an_offline_page_with_the_urgent_contacts(built: Path) -> None:
    out = built / "site"
    for folder in (out, out / "pl"):
        html = (folder / "offline" / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert soup.select_one("article .app-urgent a.app-phone") is not None
        assert '<ul class="app-offline__saved" data-app-saved-pages>' in html


def test_a_new_build_is_a_new_service_worker(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    assert build(site).returncode == 0
    first = worker_config((site / "site" / "sw.js").read_text())["version"]
    hubs = site / "data" / "hubs.yml"
    hubs.write_text(hubs.read_text().replace("name: Town hub", "name: Town family hub"))
    assert build(site).returncode == 0
    second = worker_config((site / "site" / "sw.js").read_text())["version"]
    assert first != second


def test_the_search_dialog_has_a_name(built: Path) -> None:
    page = (built / "site" / "hubs" / "index.html").read_text(encoding="utf-8")
    dialog = BeautifulSoup(page, "html.parser").select_one("div.md-search[role=dialog]")
    assert dialog is not None and dialog.get("aria-label")
