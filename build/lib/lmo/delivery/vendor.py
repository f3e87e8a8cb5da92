"""Front-end libraries copied from node_modules into the site, with their licences.

Only what pages load is copied (no source maps, no unused builds), into git-ignored
``content/assets/vendor/``, and only when a file changed, so live reload stays quiet.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lmo.core.problems import Problem

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


def copy_vendored(node_modules: Path, content_dir: Path) -> list[Problem]:
    problems = []
    for package, files in VENDORED.items():
        for source_name, target_name in files.items():
            source = node_modules / package / source_name
            target = vendor_dir(content_dir) / package / target_name
            if not source.exists():
                problems.append(
                    Problem(
                        "package.json",
                        1,
                        1,
                        package,
                        f"{source_name} is missing from node_modules: run 'npm ci'"
                        " (make serve and make site do it for you)",
                    )
                )
                continue
            if target.exists() and target.read_bytes() == source.read_bytes():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return problems
