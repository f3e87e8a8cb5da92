"""Where the in-browser widgets' shared files live in a built site, relative to its root,
and what a widget page writes for them.
Both widgets (the care plan and the birth-place page) run their Python in the same worker
script on the same self-hosted Pyodide runtime, so a woman who used one downloads nothing
more for the other."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from lmo.site.engine_assets import SITE_ASSETS, WORKER_SCRIPT, published_name

WIDGET_DIR = "assets/widgets/"
# One worker for every widget: it loads Pyodide and the widget's wheel, then calls the
# factory it is told to (see lmo/site/assets/widgets/python-worker.js). Its name carries a
# hash of its content (lmo.site.engine_assets.CONTENT_HASHED), so it is kept, not revalidated.
WORKER = "assets/" + published_name(WORKER_SCRIPT, SITE_ASSETS / WORKER_SCRIPT)
# What every widget page loads before its own script: starts and talks to the worker.
SHARED_SCRIPT = WIDGET_DIR + "python-widget.js"
PYODIDE_DIR = "assets/pyodide/"


@dataclass(frozen=True)
class Widget:
    """An in-browser tool a feature ships: its Python is widgets/<package>/ (built into a
    wheel), its page is ``page_url`` in every language, and the build writes ``definition``
    for it. A built site without the definition file gets no widget files."""

    package: str  # the import name, also the folder in widgets/
    version: str
    page_url: str  # the page that uses it, relative to a language root
    definition: str  # the file the build writes for it; no file, no widget


def page_paths(url: str, languages: list[str]) -> list[str]:
    """A page's path in every language: the first language is at the site root."""
    return [url] + [f"{lang}/{url}" for lang in languages[1:]]


def script_files(script: str, wheel: str) -> dict[str, str]:
    """The site-root paths a widget page's front matter gives the theme, which writes the
    script tags (theme_overrides/main.html)."""
    return {
        "shared": SHARED_SCRIPT,
        "script": script,
        "worker": WORKER,
        "wheel": wheel,
        "pyodide": PYODIDE_DIR,
    }


def definition_text(definition: dict[str, Any]) -> str:
    """The definition file a widget's Python reads, the same bytes for the same data."""
    return json.dumps(definition, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
