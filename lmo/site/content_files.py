"""Files in content/ that must never be published: host files and raw data.

MkDocs copies every file in content/ into the site as it is, whether or not git ignores
it. So a survey export saved next to a page would be public, and a ``_headers`` or
``_redirects`` file would replace the security headers and redirects the build writes.
The folder is walked on disk, not through git, because an ignored file is published too.
"""

from __future__ import annotations

import os
from pathlib import Path

from lmo.core.problems import Problem
from lmo.site.generate import FILE_LIST

# Files a web host reads for headers, redirects, domains or access rules. The build writes the ones
# the site needs (lmo/delivery/headers.py, lmo/delivery/offline.py) from its own settings; a copy in
# content/ would silently replace or contradict them. robots.txt is not here: it only asks search
# engines what to index, changes nothing a reader's browser does, and is the ordinary way for a site
# to publish one.
HOST_FILES = frozenset(
    {
        "_headers",
        "_redirects",
        "_routes.json",
        "CNAME",
        ".htaccess",
        ".htpasswd",
        "web.config",
        "netlify.toml",
        "vercel.json",
        "staticwebapp.config.json",
        "nginx-headers.conf",
        "sw.js",
        "sitemap.xml",
    }
)

# Spreadsheets, exports, databases and data files: never pages, and exactly what a raw
# survey export or a list of names would be saved as.
DATA_SUFFIXES = frozenset(
    {
        ".csv",
        ".tsv",
        ".xlsx",
        ".xlsm",
        ".xls",
        ".ods",
        ".numbers",
        ".sav",
        ".parquet",
        ".sqlite",
        ".sqlite3",
        ".db",
        ".yml",
        ".yaml",
        ".zip",
    }
)
# Allowed only among the site's own assets (vendored packages' package.json, licences).
ASSET_ONLY_SUFFIXES = frozenset({".json", ".txt"})
ALLOWED_ANYWHERE = frozenset({"robots.txt"})


def _generated_files(content_dir: Path) -> set[Path]:
    """Files the generator wrote beside the pages (feeds, map scripts, widget definitions)."""
    found: set[Path] = set()
    for listing in content_dir.glob(f"*/{FILE_LIST}"):
        names = listing.read_text(encoding="utf-8").split()
        found.update(listing.parent / name for name in names)
    return found


def _reason(relative: Path, in_assets: bool) -> str | None:
    name = relative.name
    suffix = relative.suffix.lower()
    if name in HOST_FILES:
        return (
            f"'{name}' is a file the web host reads (headers, redirects or the service worker);"
            " the build writes the site's own, and a copy in content/ would replace it: delete"
            " it, and change the site's settings instead"
        )
    if name.lower().endswith(".review.md"):
        return (
            "this is a feedback review sheet made by 'make feedback'; it holds what people"
            " wrote before checking and must never be published: move it out of content/"
        )
    if name in ALLOWED_ANYWHERE:
        return None
    if suffix in DATA_SUFFIXES or (suffix in ASSET_ONLY_SUFFIXES and not in_assets):
        return (
            f"a data file ({suffix}) in content/ would be published as it is, so anyone could"
            " download it; raw survey exports and spreadsheets must never be in the site or"
            " the repository: move it out of content/ (data belongs in data/)"
        )
    return None


def check_content_files(content_dir: Path, root: Path) -> list[Problem]:
    if not content_dir.exists():
        return []
    generated = _generated_files(content_dir)
    problems = []
    for folder, dirs, files in os.walk(content_dir):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            relative = path.relative_to(content_dir)
            # The generator's own JSON (feeds, widget definitions) is listed when written;
            # only that kind is let through, so the listing cannot excuse a spreadsheet.
            if path in generated and path.suffix == ".json" and name not in HOST_FILES:
                continue
            reason = _reason(relative, in_assets=relative.parts[0] == "assets")
            if reason is not None:
                shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
                problems.append(Problem(shown, 1, 1, "", reason))
    return problems


def is_page(path: Path) -> bool:
    """A Markdown page, as opposed to a review sheet that only looks like one."""
    return path.suffix == ".md" and not path.name.lower().endswith(".review.md")
