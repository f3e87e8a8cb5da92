"""The engine's own scripts and styles (the theme's additions, the maps, the widgets'
browser side), copied from the installed package into the site's ``content/assets/`` at
each build, so that a site's repository holds only its editors' pages and upgrading the
engine upgrades them too. Like the generated pages, a file is rewritten only when its bytes
change (live reload stays quiet), and files a feature no longer needs are removed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# The core's assets; each feature's are in its SitePart.assets.
SITE_ASSETS = Path(__file__).parent / "assets"
# Files published under a name that carries a hash of their content (python-worker.js ->
# python-worker.0123456789.js): a change is a new name, so the browser and the service
# worker keep them without asking the server again. Only files that name no other file and
# carry no service's status belong here: the widgets' worker script, which a widget's first
# use would otherwise wait a round trip for on every visit.
WORKER_SCRIPT = "widgets/python-worker.js"
CONTENT_HASHED = frozenset({WORKER_SCRIPT})
# Which files under content/assets/ the engine wrote last time (MkDocs leaves dot files out).
LISTING = ".lmo-engine-assets"


@dataclass
class AssetReport:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def published_name(relative: str, source: Path) -> str:
    """The path under assets/ that ``source`` (at ``relative`` in its folder) is copied to."""
    if relative not in CONTENT_HASHED:
        return relative
    stem, _, extension = relative.rpartition(".")
    return f"{stem}.{hashlib.sha256(source.read_bytes()).hexdigest()[:10]}.{extension}"


def hashed_name_prefixes() -> tuple[str, ...]:
    """The start of each CONTENT_HASHED file's published name under assets/, whatever its
    hash ("widgets/python-worker."): the hosts' long cache rules match on it."""
    return tuple(sorted(name.rpartition(".")[0] + "." for name in CONTENT_HASHED))


def engine_files(folders: Iterable[Path]) -> dict[str, Path]:
    """Target path under assets/ -> source, from each folder in turn."""
    found: dict[str, Path] = {}
    for folder in folders:
        for source in sorted(folder.rglob("*")):
            if source.is_file() and not source.name.startswith("."):
                relative = source.relative_to(folder).as_posix()
                found[published_name(relative, source)] = source
    return found


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
