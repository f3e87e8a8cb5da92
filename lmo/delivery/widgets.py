"""Put the in-browser widgets' files into a built site: the self-hosted Pyodide runtime, the
shared worker and each widget's Python as a wheel. Only a site with a widget page gets
them, and only those pages' scripts ever ask for them (see lmo/features/care_plan/plan.py and
lmo/features/birth_place/place.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lmo.core.paths import TOOL_ROOT
from lmo.delivery.pyodide_runtime import copy_runtime, pyodide_version
from lmo.delivery.widget_wheel import build_wheel
from lmo.features.birth_place import place as birth_place
from lmo.features.care_plan import plan as care_plan
from lmo.site.widget_paths import PYODIDE_DIR, WIDGET_DIR, page_paths

WIDGET_SOURCES = TOOL_ROOT / "widgets"


@dataclass(frozen=True)
class Widget:
    package: str  # the import name, also the folder in widgets/
    version: str
    page_url: str  # the page that uses it, relative to a language root
    definition: str  # the file the build writes for it; no file, no widget


WIDGETS = (
    Widget("careplan", care_plan.WHEEL_VERSION, care_plan.URL, care_plan.DEFINITION_FILE),
    Widget("birthplace", birth_place.WHEEL_VERSION, birth_place.URL, birth_place.DEFINITION_FILE),
)


@dataclass(frozen=True)
class Installed:
    """What the rest of the delivery step needs to know about the widgets it installed."""

    files: list[Path]
    # Site paths whose pages and scripts compile WebAssembly (the headers allow it there):
    # each widget page in every language (it creates the worker), the widgets' scripts and
    # the runtime. Chromium runs a worker under its own response's policy, so the worker's
    # path is the one that must allow it.
    wasm_paths: tuple[str, ...]
    # Where the runtime is, and a name for it that changes only with the Pyodide version
    # (the service worker keeps it across builds of the site).
    runtime_path: str
    runtime_cache: str


def install_widgets(site_dir: Path, languages: list[str]) -> Installed | None:
    """Copy what the built widget pages need; None for a site without a widget page."""
    present = [w for w in WIDGETS if (site_dir / w.definition).is_file()]
    if not present:
        return None
    written = copy_runtime(TOOL_ROOT, site_dir / PYODIDE_DIR)
    for widget in present:
        written.append(
            build_wheel(
                WIDGET_SOURCES / widget.package,
                widget.package,
                widget.package,
                widget.version,
                site_dir / WIDGET_DIR,
            )
        )
    pages = [path for w in present for path in page_paths(w.page_url, languages)]
    return Installed(
        files=written,
        wasm_paths=(*pages, WIDGET_DIR, PYODIDE_DIR),
        runtime_path=PYODIDE_DIR,
        runtime_cache=f"lmo-pyodide-{pyodide_version(TOOL_ROOT)}",
    )
