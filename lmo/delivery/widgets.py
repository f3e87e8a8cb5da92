"""Put the in-browser widgets' files into a built site: the self-hosted Pyodide runtime, the
shared worker and each widget's Python as a wheel. Only a site with a widget page gets
them, and only those pages' scripts ever ask for them (each feature declares its widget:
lmo.features.contract)."""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lmo.delivery.offline import RuntimeStore
from lmo.delivery.pyodide_runtime import copy_runtime, pyodide_version
from lmo.delivery.pyodide_stdlib import STDLIB_NAME, widget_imports
from lmo.delivery.widget_wheel import build_wheel
from lmo.site.widget_paths import PYODIDE_DIR, WIDGET_DIR, WORKER, Widget, page_paths


def widget_source(package: str) -> Path:
    """The folder holding a widget's package: widgets/<name>/ in a checkout, the
    site-packages folder where the engine is installed (lmo installs the widgets too)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"the widget package {package!r} is not installed with lmo")
    return Path(spec.origin).parent.parent


@dataclass(frozen=True)
class Installed:
    """What the rest of the delivery step needs to know about the widgets it installed."""

    files: list[Path]
    # Site paths whose pages and scripts compile WebAssembly (the headers allow it there):
    # each widget page in every language (it creates the worker), the widgets' scripts and
    # the runtime. Chromium runs a worker under its own response's policy, so the worker's
    # path is the one that must allow it.
    wasm_paths: tuple[str, ...]
    # Where the runtime is, its files, and a name for it that changes only with the Pyodide
    # version and the trimmed standard library (the service worker keeps it across builds
    # of the site, so a widget that starts importing a new module must not meet an old copy).
    runtime: RuntimeStore


def install_widgets(
    site_dir: Path, languages: list[str], widgets: Iterable[Widget], modules_root: Path
) -> Installed | None:
    """Copy what the built widget pages need; None for a site without a widget page.
    ``widgets`` are the features' (lmo.features.contract.Feature.widget)."""
    present = [w for w in widgets if (site_dir / w.definition).is_file()]
    if not present:
        return None
    imports = sorted(
        {name for w in present for name in widget_imports(widget_source(w.package) / w.package)}
    )
    written = copy_runtime(modules_root, site_dir / PYODIDE_DIR, imports)
    runtime_files = tuple(path.relative_to(site_dir).as_posix() for path in written)
    stdlib = hashlib.sha256((site_dir / PYODIDE_DIR / STDLIB_NAME).read_bytes()).hexdigest()
    wheels = []
    for widget in present:
        wheels.append(
            build_wheel(
                widget_source(widget.package),
                widget.package,
                widget.package,
                widget.version,
                site_dir / WIDGET_DIR,
            )
        )
    written += wheels
    pages = [path for w in present for path in page_paths(w.page_url, languages)]
    widget_files = (
        WORKER,
        *(wheel.relative_to(site_dir).as_posix() for wheel in wheels),
        # Each language's page reads its own language's definition.
        *(path for w in present for path in page_paths(w.definition, languages)),
    )
    return Installed(
        files=written,
        wasm_paths=(*pages, WIDGET_DIR, PYODIDE_DIR),
        runtime=RuntimeStore(
            path=PYODIDE_DIR,
            cache=f"lmo-pyodide-{pyodide_version(modules_root)}-{stdlib[:12]}",
            files=runtime_files,
            widget_files=widget_files,
        ),
    )
