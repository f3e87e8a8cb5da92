from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from harness import (
    AXE_SCRIPT,
    BROTLI_STATIC,
    CHROMIUM,
    CHROMIUM_ARGS,
    NGINX,
    build_example,
    is_csp_violation,
    serve_like_production,
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() or not AXE_SCRIPT.exists():
        pytest.fail("browser tests need Debian's chromium and node_modules: run `make test`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's example site, built once into a temporary folder."""
    out = tmp_path_factory.mktemp("example") / "site"
    result = build_example(out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def example_url(example_site: Path) -> Iterator[str]:
    """The example as production serves it: nginx, a sub-path, the build's headers."""
    if not NGINX.exists() or not BROTLI_STATIC.exists():
        pytest.fail("browser tests need Debian's nginx with brotli_static: run `make test`")
    with serve_like_production(example_site) as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A phone-sized tab. Any refusal by the site's Content-Security-Policy fails the test."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    # axe as an init script: a script tag added by a test would be refused by the CSP.
    context.add_init_script(path=str(AXE_SCRIPT))
    tab = context.new_page()
    refused: list[str] = []
    tab.on(
        "console",
        lambda message: refused.append(message.text) if is_csp_violation(message.text) else None,
    )
    yield tab
    context.close()
    assert refused == [], "Content-Security-Policy violations:\n" + "\n".join(refused)
