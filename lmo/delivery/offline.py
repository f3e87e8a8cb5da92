"""The service worker that keeps the site readable with no signal, and never passes off an
old copy as current. Its JavaScript is lmo/delivery/assets/sw.js; each build copies it with the
build's settings, as JSON, on its CONFIG line.

What it stores, and why:
- on install, each language's home page and offline page and the theme's files: the home and
  offline pages carry the urgent contacts (maternity triage, when to call 999), so they are
  there offline even before she has opened any other page;
- every page and file she opens, as she opens it, with the time it was saved: a page read
  once (her hub, her birth setting) can be read again on a bus with no signal;
- the widgets' Pyodide runtime (about 5 MB compressed) once she has used a widget, in a cache
  named after the Pyodide version, so a new build of the site does not download it again.
  On her first visit the page is not yet under the worker when the widget starts, so the
  runtime's files pass it by; once the widget is ready, the page asks the worker to keep
  them (RuntimeStore.files, fetched again from the browser's own cache, which revalidates
  each with a "304 Not Modified"), with the widgets' own files (RuntimeStore.widget_files:
  the worker script, wheels and definitions), so a repeat visit reads the whole runtime
  from the device rather than revalidating five files over a phone's signal before Python
  starts, and the tools she used once work later with no signal.
It never stores anything from another site (the map tiles), and holds nothing she typed.

How it stays truthful:
- Network first for pages and for every file whose name stays the same between builds (the
  widgets' definition JSON, maps' data and scripts, the search index): with signal she
  always gets this build's page and this build's files together, so a page saying
  "Suspended" can never sit beside an older map or widget saying "Available". Only the
  theme's content-hashed files, the engine's stylesheet, the widgets' worker script (a
  change is a new name: lmo.site.engine_assets.CONTENT_HASHED), the script that registers
  this worker (REGISTER_SCRIPT) and the Pyodide runtime (named by its version) are served
  from the store first; none of them carries a service's status. We chose this over hashing the
  widget and map file names because it covers every such file, present and future, with one
  rule in one place, where hashed names would need each feature, and each script that
  fetches a file, to learn the new name; the cost is one revalidation per file per visit,
  which nginx answers with "304 Not Modified".
- A page served from the store because the network failed shows the notice every page
  carries hidden (lmo/site/templates/chrome/saved_copy.html.j2): a saved copy, saved at this
  time (in her language), services may have changed, the urgent contacts. The worker edits
  the page's HTML itself, so this works with the page's own JavaScript off.
- A page never stored, asked for offline, is her language's offline page (urgent contacts,
  the list of stored pages) at the address she asked for, with a <base> set to the offline
  page's own address so its links and styles resolve (the CSP's base-uri 'self' allows it).
- The worker's text includes a fingerprint of the build, so a new build is a new worker: it
  installs on the next visit with signal, stores the new home and offline pages, and takes
  over. The pages she saved are kept across builds (each says when it was saved), so her
  hub's page is still there on the bus after the site changes; stores of earlier workers
  with other names are deleted.

Why not Workbox (workbox-build): its precaching and strategies would replace the parts of
this worker that are simple already, while the parts that matter here (rewriting a stored
page to show the saved-copy notice, serving the offline page at another address) would
still be our own code inside its plugin hooks; it would add a Node build step and its
runtime (tens of KB more for a phone on a poor signal) to a worker of about 250 lines that
a reviewer can read in one sitting.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lmo.site.engine_assets import HASHED_FOLDER, hashed_name, hashed_prefix
from lmo.site.render import OFFLINE_URL

SERVICE_WORKER = "sw.js"
SOURCES = Path(__file__).resolve().parent / "assets"
# Every page loads the script that registers the worker: under a name that carries a hash of
# its content it is kept for a year, where its plain name was revalidated on every page she
# opened. The worker itself keeps its plain name: browsers look for a new one at that address.
REGISTER_SOURCE = SOURCES / "register-sw.js"
REGISTER_SCRIPT = "assets/" + hashed_name(
    HASHED_FOLDER, REGISTER_SOURCE.name, REGISTER_SOURCE.read_bytes()
)
# The start of its name whatever the hash, for the hosts' long cache rules (headers.py).
REGISTER_SCRIPT_PREFIX = "assets/" + hashed_prefix(HASHED_FOLDER, REGISTER_SOURCE.name)
# The one line of sw.js the build replaces; everything else is copied as it is.
CONFIG_LINE = (
    'const CONFIG = {"version": "source", "precache": [], "homes": [], "runtime": null};\n'
)


@dataclass(frozen=True)
class RuntimeStore:
    """The widgets' runtime as the service worker keeps it: its folder (such as
    assets/pyodide/), the name of the cache that keeps it across builds, its files, and the
    widgets' own files (the worker script, wheels, definitions), kept with the pages. Paths
    are from the site's root: the worker stores these and nothing a message names."""

    path: str
    cache: str
    files: tuple[str, ...]
    widget_files: tuple[str, ...]


def _theme_files(site_dir: Path) -> list[str]:
    """The styles and scripts every page loads (the search worker and language packs are
    fetched only when used, and then stored as they are fetched)."""
    wanted = []
    patterns = (
        "assets/stylesheets/*.css",
        "assets/javascripts/bundle.*.js",
        "assets/*.css",
        f"assets/{HASHED_FOLDER}*.css",
    )
    for pattern in patterns:
        wanted += sorted(p.relative_to(site_dir).as_posix() for p in site_dir.glob(pattern))
    return wanted


def worker_text(config: Mapping[str, object]) -> str:
    """sw.js with the build's settings: the source with its CONFIG line's value replaced by
    JSON, so no setting can become code."""
    source = (SOURCES / SERVICE_WORKER).read_text(encoding="utf-8")
    if source.count(CONFIG_LINE) != 1:
        raise RuntimeError(f"{SOURCES / SERVICE_WORKER} must have this line once: {CONFIG_LINE}")
    value = json.dumps(config, ensure_ascii=True, sort_keys=True)
    return source.replace(CONFIG_LINE, f"const CONFIG = {value};\n")


def write_service_worker(
    site_dir: Path, languages: list[str], runtime: RuntimeStore | None = None
) -> str:
    """Write sw.js at the site's root (its scope is the whole site); returns its version.
    ``runtime``: the widgets' runtime, for a site with widgets."""
    homes = ["./"] + [f"./{lang}/" for lang in languages[1:]]
    pages = [page for home in homes for page in (home, home + OFFLINE_URL)]
    precache = pages + [f"./{path}" for path in _theme_files(site_dir)]
    digest = hashlib.sha256()
    for page in sorted(site_dir.rglob("*.html")):
        digest.update(page.read_bytes())
    for path in precache[len(pages) :]:
        digest.update((site_dir / path).read_bytes())
    digest.update((SOURCES / SERVICE_WORKER).read_bytes())
    version = digest.hexdigest()[:12]
    config = {
        "version": version,
        "precache": precache,
        "homes": [{"home": home, "offline": home + OFFLINE_URL} for home in homes],
        "runtime": None
        if runtime is None
        else {
            "path": "/" + runtime.path,
            "cache": runtime.cache,
            "files": [f"./{file}" for file in runtime.files],
            "widgetFiles": [f"./{file}" for file in runtime.widget_files],
        },
    }
    (site_dir / SERVICE_WORKER).write_text(worker_text(config), encoding="utf-8")
    (site_dir / REGISTER_SCRIPT).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / REGISTER_SCRIPT).write_bytes(REGISTER_SOURCE.read_bytes())
    return version
