"""Put the in-browser widgets' files into a built site: the self-hosted Pyodide runtime and
each widget's Python as a wheel. Only a site with a widget page gets them, and only that
page's script ever asks for them (see lmo/care_plan.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lmo import care_plan
from lmo.pyodide_runtime import copy_runtime, pyodide_version
from lmo.widget_wheel import build_wheel

TOOL_ROOT = Path(__file__).resolve().parent.parent
WIDGET_SOURCES = TOOL_ROOT / "widgets"


@dataclass(frozen=True)
class Installed:
    """What the rest of the delivery step needs to know about the widgets it installed."""

    files: list[Path]
    # Site paths whose pages and scripts compile WebAssembly (the headers allow it there).
    wasm_paths: tuple[str, ...]
    # Where the runtime is, and a name for it that changes only with the Pyodide version
    # (the service worker keeps it across builds of the site).
    runtime_path: str
    runtime_cache: str


def install_widgets(site_dir: Path, languages: list[str]) -> Installed | None:
    """Copy what the built widget pages need; None for a site without a widget page."""
    if not (site_dir / care_plan.DEFINITION_FILE).is_file():
        return None
    written = copy_runtime(TOOL_ROOT, site_dir / care_plan.PYODIDE_DIR)
    wheel = build_wheel(
        WIDGET_SOURCES / "careplan",
        "careplan",
        "careplan",
        care_plan.WHEEL_VERSION,
        (site_dir / care_plan.WHEEL).parent,
    )
    return Installed(
        files=[*written, wheel],
        wasm_paths=care_plan.wasm_paths(languages),
        runtime_path=care_plan.PYODIDE_DIR,
        runtime_cache=f"lmo-pyodide-{pyodide_version(TOOL_ROOT)}",
    )
