"""Front-end libraries copied from node_modules into the site, with their licences.

Only what pages load is copied (no source maps, no unused builds), into git-ignored
``content/assets/vendor/``, and only when a file changed, so live reload stays quiet.
Fonts too, for the languages the site builds only (``lmo.site.fonts``): the woff2 files of
the subsets and weights their pages use, their licence, and each language's stylesheet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lmo.core.problems import Problem
from lmo.site.engine_assets import hashed_name, hashed_prefix
from lmo.site.fonts import FONTS_FOLDER, font_for, package_files, published_font

# package -> files to copy (relative to the package folder) -> target name
VENDORED: dict[str, dict[str, str]] = {
    "leaflet": {
        "dist/leaflet.js": "leaflet.js",
        "dist/leaflet.css": "leaflet.css",
        "dist/images/layers.png": "images/layers.png",
        "dist/images/layers-2x.png": "images/layers-2x.png",
        "LICENSE": "LICENSE.txt",
    },
}


# Published under a name that carries a hash of their content (leaflet.css ->
# leaflet.0123456789.css), so hosts and the offline worker keep them for a year: every map
# page loads them, and under plain names a phone revalidated both on each map page she
# opened (the stylesheet held the page's first paint). (package, target name)
HASHED_VENDORED = (("leaflet", "leaflet.css"), ("leaflet", "leaflet.js"))
# What the hosts' long cache rules match, under assets/ ("vendor/leaflet/leaflet.").
HASHED_VENDORED_PREFIXES = tuple(
    sorted({hashed_prefix(f"vendor/{package}/", name) for package, name in HASHED_VENDORED})
)


def vendor_dir(content_dir: Path) -> Path:
    return content_dir / "assets" / "vendor"


@dataclass(frozen=True)
class VendoredFile:
    source_name: str  # in its package's folder
    source: Path  # in node_modules
    target: str  # under assets/vendor/: its hashed name for HASHED_VENDORED


def vendored_files(node_modules: Path) -> dict[tuple[str, str], VendoredFile]:
    """Every file of VENDORED, keyed by (package, target name). A source that is missing
    keeps its plain name (the copy step reports it)."""
    found = {}
    for package, files in VENDORED.items():
        for source_name, target_name in files.items():
            source = node_modules / package / source_name
            target = f"{package}/{target_name}"
            if (package, target_name) in HASHED_VENDORED and source.is_file():
                target = hashed_name(f"{package}/", target_name, source.read_bytes())
            found[(package, target_name)] = VendoredFile(source_name, source, target)
    return found


def hashed_vendored_names(node_modules: Path) -> dict[tuple[str, str], str]:
    """Where pages find each HASHED_VENDORED file, under the site's root
    ("assets/vendor/leaflet/leaflet.0123456789.css"), keyed by (package, target name)."""
    files = vendored_files(node_modules)
    return {key: "assets/vendor/" + files[key].target for key in HASHED_VENDORED}


def missing(package: str, source_name: str) -> Problem:
    return Problem(
        "package.json",
        1,
        1,
        package,
        f"{source_name} is missing from node_modules: run 'npm ci'"
        " (make serve and make site do it for you)",
    )


def write_if_changed(target: Path, data: bytes) -> None:
    if target.exists() and target.read_bytes() == data:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def keep_only(folder: Path, wanted: Iterable[Path]) -> None:
    """Remove every file under ``folder`` that is not ``wanted``, and the folders left empty:
    a file an earlier build copied under another name (a plain or an older hashed name)
    goes, since the hosts' long cache rules match by name and nothing links it."""
    keep = set(wanted)
    if not folder.is_dir():
        return
    for old in sorted(folder.rglob("*"), reverse=True):
        if old.is_file() and old not in keep:
            old.unlink()
        elif old.is_dir() and not any(old.iterdir()):
            old.rmdir()


def copy_fonts(node_modules: Path, content_dir: Path, languages: Iterable[str]) -> list[Problem]:
    """Each built language's font and stylesheet; files of languages no longer built go."""
    problems: list[Problem] = []
    assets = content_dir / "assets"
    folder = assets / FONTS_FOLDER
    wanted: dict[Path, bytes] = {}
    for code in languages:
        font = font_for(code)
        if font is None:
            continue
        package_dir = node_modules / font.package
        absent = [name for name in package_files(font) if not (package_dir / name).is_file()]
        problems += [missing(font.package, name) for name in absent]
        published = None if absent else published_font(code, node_modules)
        if published is not None:
            wanted.update({assets / name: data for name, data in published.files.items()})
    for target, data in wanted.items():
        write_if_changed(target, data)
    keep_only(folder, wanted)
    return problems


def copy_vendored(
    node_modules: Path, content_dir: Path, languages: Iterable[str] = ()
) -> list[Problem]:
    problems = copy_fonts(node_modules, content_dir, languages)
    files = vendored_files(node_modules)
    for (package, _), file in files.items():
        if file.source.is_file():
            write_if_changed(vendor_dir(content_dir) / file.target, file.source.read_bytes())
        else:
            problems.append(missing(package, file.source_name))
    for package in VENDORED:
        keep_only(
            vendor_dir(content_dir) / package,
            (vendor_dir(content_dir) / file.target for file in files.values()),
        )
    return problems
