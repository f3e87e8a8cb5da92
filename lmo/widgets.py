"""Put the in-browser widgets' files into a built site: the self-hosted Pyodide runtime and
each widget's Python as a wheel. Only a site with a widget page gets them, and only that
page's script ever asks for them (see lmo/care_plan.py)."""

from __future__ import annotations

from pathlib import Path

from lmo import care_plan
from lmo.pyodide_runtime import copy_runtime
from lmo.widget_wheel import build_wheel

TOOL_ROOT = Path(__file__).resolve().parent.parent
WIDGET_SOURCES = TOOL_ROOT / "widgets"


def install_widgets(site_dir: Path) -> list[Path]:
    """Copy what the built widget pages need; returns the files written (none without one)."""
    if not (site_dir / care_plan.DEFINITION_FILE).is_file():
        return []
    written = copy_runtime(TOOL_ROOT, site_dir / care_plan.PYODIDE_DIR)
    wheel = build_wheel(
        WIDGET_SOURCES / "careplan",
        "careplan",
        "careplan",
        care_plan.WHEEL_VERSION,
        (site_dir / care_plan.WHEEL).parent,
    )
    return [*written, wheel]
