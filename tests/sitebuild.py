"""Build a site in a temporary folder, the way an LMNS would: real MkDocs, real hooks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "tiny"


def fixture_config(languages: list[str], **overrides: Any) -> dict[str, Any]:
    """The tiny site's mkdocs.yml, pointing at this repository's hooks and theme overrides."""
    config: dict[str, Any] = {
        "site_name": "Tiny LMNS",
        "site_url": "http://127.0.0.1:8000/",
        "docs_dir": "content",
        "site_dir": "site",
        "strict": True,
        "theme": {
            "name": "material",
            "custom_dir": str(REPO / "theme_overrides"),
            "language": "en",
            "font": False,
        },
        "extra_css": ["assets/app.css"],
        "markdown_extensions": ["attr_list", {"toc": {"permalink": False}}],
        "hooks": [
            str(REPO / "hooks" / "generate_pages.py"),
            str(REPO / "hooks" / "add_page_chrome.py"),
            str(REPO / "hooks" / "prepare_delivery.py"),
            str(REPO / "hooks" / "theme_languages.py"),
        ],
        "plugins": [
            "search",
            {
                "i18n": {
                    "docs_structure": "folder",
                    "fallback_to_default": True,
                    "reconfigure_material": True,
                    "languages": [
                        {"locale": lang, "default": i == 0, "name": lang, "build": True}
                        for i, lang in enumerate(languages)
                    ],
                }
            },
        ],
        "extra": {"lmo": {"data_dir": "data", "locales_dir": "locales"}},
    }
    config.update(overrides)
    return config


def make_site(tmp: Path, languages: list[str] | None = None) -> Path:
    """Copy the tiny fixture into ``tmp`` and write its mkdocs.yml. Returns the folder."""
    site = tmp / "tiny"
    shutil.copytree(FIXTURE, site)
    shutil.copytree(REPO / "content" / "assets", site / "content" / "assets")
    config = fixture_config(languages or ["en", "pl"])
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return site


# The tier of the test that is running (tests/conftest.py), or None outside a test.
CURRENT_TIER: str | None = None


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    if CURRENT_TIER == "unit":
        raise AssertionError(
            "this test runs a program (a site build or check): mark it @pytest.mark.build"
        )
    full_env = {**os.environ, "LMO_TODAY": "2026-06-01", **env}
    return subprocess.run(args, cwd=cwd, env=full_env, capture_output=True, text=True, check=False)


def build(site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict"], site, **env)


def check(site: Path, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "lmo", *extra, "check"], site, **env)


def copy_data(tmp: Path) -> Path:
    """The tiny fixture's data/ in ``tmp``, for tests that edit one file and check."""
    target = tmp / "data"
    shutil.copytree(FIXTURE / "data", target)
    return target


def edit(data: Path, name: str, old: str, new: str) -> None:
    """Replace the first ``old`` in data/<name>; fails if the fixture no longer has it."""
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
