"""Write generated Markdown pages into the content folder, one tree per language.

Pages are real files (git-ignored) because mkdocs-static-i18n only sees files that
exist when MkDocs collects them. A file is rewritten only when its text changes, so
``mkdocs serve`` does not reload in a loop, and a file that does not carry our marker
is never overwritten: an editor's hand-written page always wins, with a clear error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lmo.config.settings import MapSettings
from lmo.core.i18n import translations
from lmo.core.problems import Problem
from lmo.data.dataset import DataSet
from lmo.site.contract import ActiveSitePart
from lmo.site.render import GENERATED_MARKER, GeneratedPage, render_language

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class WriteReport:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    removed: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def page_text(page: GeneratedPage) -> str:
    front = yaml.dump(page.meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, width=1000)
    return f"---\n{front}---\n\n{GENERATED_MARKER}\n\n{page.body.strip()}\n"


def is_generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            head = handle.read(4096)
    except (OSError, UnicodeDecodeError):
        return False
    return GENERATED_MARKER in head


def _read_existing(path: Path) -> str | None:
    """The text of a file already at a page's address, or None if there is none. A file
    that is not UTF-8 is not ours: it reads as a hand-written page (empty text)."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return ""


def _existing_generated(
    root: Path, skip: set[Path] | frozenset[Path] = frozenset()
) -> Iterable[Path]:
    """Generated pages under ``root``, except those in ``skip`` (known to be, without
    opening them again)."""
    if root.exists():
        for path in root.rglob("*.md"):
            if path not in skip and is_generated(path):
                yield path


# Each language's files beside the pages (map scripts, feeds, the care plan's definition)
# are listed here when written, so the next run removes those no longer made, whatever
# their kind; MkDocs leaves dot files out of the site.
FILE_LIST = ".lmo-generated-files"


def _listed_files(root: Path) -> list[str]:
    listing = root / FILE_LIST
    return listing.read_text(encoding="utf-8").split() if listing.exists() else []


def remove_generated(content_dir: Path) -> list[Path]:
    removed = list(_existing_generated(content_dir))
    for listing in sorted(content_dir.glob(f"*/{FILE_LIST}")):
        removed += [listing.parent / name for name in _listed_files(listing.parent)]
        removed.append(listing)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def write_pages(
    ds: DataSet,
    content_dir: Path,
    languages: list[str],
    locales_dir: Path,
    today: dt.date,
    maps: MapSettings | None = None,
    site_url: str = "http://127.0.0.1:8000/",
    parts: tuple[ActiveSitePart, ...] = (),
) -> WriteReport:
    report = WriteReport()
    for lang in languages:
        root = content_dir / lang
        pages, files = render_language(
            ds, lang, translations(locales_dir, lang), today, maps, site_url, languages[0], parts
        )
        for relative, text in files.items():
            target = root / relative
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                report.written.append(target)
        # A file no longer made (a map whose record was removed, the care plan's definition
        # once data/care_plan.yml is gone) must not stay behind to be published.
        for relative in sorted(set(_listed_files(root)) - set(files)):
            (root / relative).unlink(missing_ok=True)
            report.removed.append(root / relative)
        listing = "\n".join(sorted(files)) + "\n"
        if _listed_files(root) != sorted(files):
            root.mkdir(parents=True, exist_ok=True)
            (root / FILE_LIST).write_text(listing, encoding="utf-8")
        wanted: set[Path] = set()
        for page in pages:
            target = root / page.path
            wanted.add(target)
            text = page_text(page)
            existing = _read_existing(target)
            if existing is not None:
                if GENERATED_MARKER not in existing[:4096]:
                    report.problems.append(
                        Problem(
                            str(target.relative_to(content_dir.parent)),
                            1,
                            1,
                            "",
                            "this hand-written page has the address of a generated page; rename"
                            " or move it, or delete it to use the generated one",
                        )
                    )
                    continue
                if existing == text:
                    report.unchanged += 1
                    continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            report.written.append(target)
        # A record removed from data/ must not leave its old page behind.
        for path in _existing_generated(root, skip=wanted):
            path.unlink()
            report.removed.append(path)
    return report
