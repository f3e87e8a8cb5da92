"""Front-end libraries copied from node_modules into the site, with their licences.

Only what pages load is copied (no source maps, no unused builds), into git-ignored
``content/assets/vendor/``, and only when a file changed, so live reload stays quiet.
Fonts too, for the languages the site builds only (``lmo.site.fonts``): the woff2 files of
the subsets and weights their pages use, their licence, and each language's stylesheet.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from lmo.core.problems import Problem
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


def vendor_dir(content_dir: Path) -> Path:
    return content_dir / "assets" / "vendor"


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
        published = published_font(code, node_modules)
        if absent or published is None:
            problems += [missing(font.package, name) for name in absent]
            continue
        wanted.update({assets / name: data for name, data in published.files.items()})
    for target, data in wanted.items():
        write_if_changed(target, data)
    if folder.exists():
        for old in sorted(folder.rglob("*"), reverse=True):
            if old.is_file() and old not in wanted:
                old.unlink()
            elif old.is_dir() and not any(old.iterdir()):
                old.rmdir()
    return problems


def copy_vendored(
    node_modules: Path, content_dir: Path, languages: Iterable[str] = ()
) -> list[Problem]:
    problems = copy_fonts(node_modules, content_dir, languages)
    for package, files in VENDORED.items():
        for source_name, target_name in files.items():
            source = node_modules / package / source_name
            target = vendor_dir(content_dir) / package / target_name
            if not source.exists():
                problems.append(missing(package, source_name))
                continue
            if target.exists() and target.read_bytes() == source.read_bytes():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return problems
