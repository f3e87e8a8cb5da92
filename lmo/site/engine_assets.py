"""The engine's own scripts and styles (the theme's additions, the maps, the widgets'
browser side), copied from the installed package into the site's ``content/assets/`` at
each build, so that a site's repository holds only its editors' pages and upgrading the
engine upgrades them too. Like the generated pages, a file is rewritten only when its bytes
change (live reload stays quiet), and files a feature no longer needs are removed."""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# The core's assets; each feature's are in its SitePart.assets.
SITE_ASSETS = Path(__file__).parent / "assets"
# Files published under a name that carries a hash of their content (python-worker.js ->
# python-worker.0123456789.js): a change is a new name, so the browser and the service
# worker keep them without asking the server again. Only files that name no other file and
# carry no service's status belong here, each with the folder it is published in:
# - the widgets' worker script, which a widget's first use would otherwise wait a round
#   trip for on every visit;
# - the engine's stylesheet, which every page links: revalidating it held her first paint on
#   every page she opened for a round trip, and the service worker, which fetches files
#   with a plain name network-first, did the same. It is published in lmo/, a folder only
#   the engine writes, so the year-long cache rule names no file of the site's own;
# - the two scripts that draw the maps, which every map page loads (each hub's, place's and
#   birth setting's): what a map shows is in its page, never in them.
WORKER_SCRIPT = "widgets/python-worker.js"
STYLESHEET = "app.css"
MAP_SCRIPTS = ("map-groups.js", "map.js")
HASHED_FOLDER = "lmo/"
CONTENT_HASHED = {
    WORKER_SCRIPT: "widgets/",
    STYLESHEET: HASHED_FOLDER,
    **{script: HASHED_FOLDER for script in MAP_SCRIPTS},
}
# Which files under content/assets/ the engine wrote last time (MkDocs leaves dot files out).
LISTING = ".lmo-engine-assets"


@dataclass
class AssetReport:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def hashed_name(folder: str, file_name: str, data: bytes) -> str:
    """``file_name`` in ``folder`` with the first ten hex digits of its content's sha256
    before its extension: register-sw.js -> lmo/register-sw.0123456789.js."""
    stem, _, extension = file_name.rpartition(".")
    return f"{folder}{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{extension}"


def hashed_prefix(folder: str, file_name: str) -> str:
    """The start of ``file_name``'s hashed name in ``folder``, whatever its hash
    ("lmo/register-sw."): what the hosts' long cache rules match on."""
    return f"{folder}{file_name.rpartition('.')[0]}."


def published_name(relative: str, source: Path) -> str:
    """The path under assets/ that ``source`` (at ``relative`` in its folder) is copied to."""
    folder = CONTENT_HASHED.get(relative)
    if folder is None:
        return relative
    return hashed_name(folder, relative.rpartition("/")[2], source.read_bytes())


def hashed_name_prefixes() -> tuple[str, ...]:
    """hashed_prefix of each CONTENT_HASHED file, under assets/."""
    return tuple(
        sorted(
            hashed_prefix(folder, relative.rpartition("/")[2])
            for relative, folder in CONTENT_HASHED.items()
        )
    )


def linked_stylesheets(extra_css: list[str]) -> list[str]:
    """A site's extra_css (mkdocs.yml) with the engine's stylesheet under the name it is
    published with: sites list it as assets/app.css (or ./assets/app.css, /assets/app.css),
    and keep doing so across engine versions. The plain name is no longer published, so
    every spelling of it must be mapped, or the site would lose the engine's styles."""
    published = "assets/" + published_name(STYLESHEET, SITE_ASSETS / STYLESHEET)
    linked = []
    for path in extra_css:
        root = "/" if path.startswith("/") else ""
        plain = posixpath.normpath(path.lstrip("/")) == "assets/" + STYLESHEET
        linked.append(root + published if plain else path)
    return linked


def _sources(folders: Iterable[Path]) -> Iterator[tuple[str, Path]]:
    """Each engine file's path in its folder, and the file, from each folder in turn."""
    for folder in folders:
        for source in sorted(folder.rglob("*")):
            if source.is_file() and not source.name.startswith("."):
                yield source.relative_to(folder).as_posix(), source


def published_names(folders: Iterable[Path]) -> dict[str, str]:
    """Each engine file's path in its folder -> the path under assets/ it is published at
    (the same path, or its hashed name), for the templates that link them."""
    return {relative: published_name(relative, source) for relative, source in _sources(folders)}


def engine_files(folders: Iterable[Path]) -> dict[str, Path]:
    """Target path under assets/ -> source, from each folder in turn."""
    return {published_name(relative, source): source for relative, source in _sources(folders)}


def copy_engine_assets(content_dir: Path, folders: Iterable[Path]) -> AssetReport:
    report = AssetReport()
    target_root = content_dir / "assets"
    files = engine_files(folders)
    for relative, source in files.items():
        target = target_root / relative
        data = source.read_bytes()
        if not target.exists() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            report.written.append(target)
    listing = target_root / LISTING
    before = listing.read_text(encoding="utf-8").split() if listing.exists() else []
    for relative in sorted(set(before) - set(files)):
        (target_root / relative).unlink(missing_ok=True)
        report.removed.append(target_root / relative)
    text = "\n".join(sorted(files)) + "\n"
    if not listing.exists() or listing.read_text(encoding="utf-8") != text:
        target_root.mkdir(parents=True, exist_ok=True)
        listing.write_text(text, encoding="utf-8")
    return report
