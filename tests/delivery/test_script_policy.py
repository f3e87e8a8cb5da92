"""Only the scripts the build writes may run: the list, the check of every page, the meta policy."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuild import build, make_site

from lmo.delivery.script_policy import ALLOWED_INLINE_SCRIPTS, csp_hash, scan_page

SCOPE = ALLOWED_INLINE_SCRIPTS[0].text


def page(body: str, head: str = "") -> str:
    return (
        f'<!doctype html><html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    )


@pytest.mark.parametrize("base", ["..", "../../..", "/maternity/", "."])
def test_the_themes_scripts_are_accepted_at_every_depth_and_hashed(base: str) -> None:
    script = SCOPE.replace("{base}", base)
    scan = scan_page(page(f"<script>{script}</script>"))
    assert scan.findings == []
    assert scan.hashes == {csp_hash(script)}


@pytest.mark.parametrize(
    ("html", "what"),
    [
        ("<script>alert(1)</script>", "an inline script the build did not write"),
        # The theme's script with something added is not the theme's script.
        (f"<script>{SCOPE.replace('{base}', '..')};alert(1)</script>", "inline script"),
        # A base that is not a path cannot smuggle code into the listed text.
        ("<script>" + SCOPE.replace("{base}", 'x",alert(1),"') + "</script>", "inline script"),
        ('<script type="module">alert(1)</script>', "inline script"),
        ('<script type="text/javascript">alert(1)</script>', "inline script"),
        ('<img src="x" onerror="alert(1)">', "event-handler attribute (onerror=)"),
        ('<svg><a onClick="alert(1)">x</a></svg>', "event-handler attribute (onclick=)"),
        ('<a href="javascript:alert(1)">x</a>', "'javascript:alert(1)' address"),
        ('<a href="java&#x09;script:alert(1)">x</a>', "address in <a href=>"),
        ('<a href=" JAVASCRIPT:alert(1)">x</a>', "address in <a href=>"),
        ('<iframe src="https://example.org/"></iframe>', "a <iframe> element"),
        ('<object data="x.swf"></object>', "a <object> element"),
        ('<embed src="x">', "a <embed> element"),
        ('<form action="vbscript:x"></form>', "address in <form action=>"),
        ('<base href="https://evil.example/">', "a <base> element"),
    ],
)
def test_anything_else_that_runs_is_found_with_its_line(html: str, what: str) -> None:
    scan = scan_page(page("<p>text</p>\n<p>\n" + html + "</p>"))
    assert len(scan.findings) == 1, scan.findings
    finding = scan.findings[0]
    assert what in finding.what
    assert finding.line == 3


def test_data_and_files_are_not_inline_scripts() -> None:
    scan = scan_page(
        page(
            '<script id="__config" type="application/json">{"a": "</p>"}</script>'
            '<script defer src="../assets/map.js"></script>'
            '<div data-map="{&#34;name&#34;:&#34;x onload=alert(1) javascript:&#34;}"></div>'
            '<a href="tel:01632960000">call</a><a href="https://www.nhs.uk/">NHS</a>'
        )
    )
    assert scan.findings == [] and scan.hashes == set()


def test_a_build_that_carries_an_unlisted_script_fails_and_publishes_nothing_of_it(
    tmp_path: Path,
) -> None:
    """An LMNS adds an analytics snippet to its theme overrides: the build names the pages
    and takes them out of the site folder, so a hurried upload cannot publish them."""
    site = make_site(tmp_path)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    main = overrides / "main.html"
    # As the theme_overrides README says: extend the engine's page, add to a block.
    main.write_text(
        '{% extends "lmo.html" %}\n{% block scripts %}\n  {{ super() }}\n'
        "  <script>track(location.href)</script>\n{% endblock %}\n",
        encoding="utf-8",
    )
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(overrides)
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = build(site)
    assert result.returncode == 1
    assert "the build did not write ('track(location.href)')" in result.stderr
    assert "site/hubs/town-hub/index.html:" in result.stderr
    assert not (site / "site" / "hubs" / "town-hub" / "index.html").exists()
    assert "Traceback" not in result.stderr


def policy_of(html_file: Path) -> str:
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    meta = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
    assert meta is not None, html_file
    # Before every script, so it covers them all.
    assert not meta.find_all_previous("script")
    return str(meta["content"])


def test_each_page_carries_its_own_policy_for_hosts_without_headers(tiny_site: Path) -> None:
    site = tiny_site / "site"
    headers = (site / "_headers").read_text(encoding="utf-8")
    for url in ("index.html", "hubs/town-hub/index.html", "pl/index.html", "404.html"):
        policy = policy_of(site / url)
        assert "script-src 'self' 'sha256-" in policy
        assert "wasm-unsafe-eval" not in policy
        assert "frame-ancestors" not in policy  # a meta policy cannot carry it
        # Each hash in the page's policy is one the headers list too.
        for source in policy.split("script-src ")[1].split(";")[0].split()[1:]:
            assert source in headers
    assert "'wasm-unsafe-eval'" in policy_of(site / "care-plan" / "index.html")
    first = (site / "index.html").read_text(encoding="utf-8")
    assert first.index('<meta charset="utf-8">') < 100
