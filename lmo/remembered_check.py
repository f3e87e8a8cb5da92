"""A build whose every input is the same as at the end of the last build of that site takes
that build's check and pages, instead of checking and writing them again.

Checking the data and writing the generated pages is about a second of a build of the
example and four of a site ten times its size, and it is the same work, to the same result,
every time nothing has changed: a comms team building again before an upload, `mkdocs
build` after `mkdocs serve`, a preview rebuilt after a change to the theme only.

What decides "the same" is a digest of the contents (never a file's time or size, which an
edit can keep) of everything the check and the page writer read:
- every file under the project's data, content and locales folders: the hand-written pages
  and the generated ones, so a generated page edited or deleted by hand is written again;
- the engine: every file of the lmo package (code, templates, word lists, assets), the
  message template it falls back on, Python's version and every installed package's name
  and version (Babel's locale data, Jinja, PyYAML and Folium all shape the pages);
- the project's settings (folders, languages, today's date, site address, map tiles) and
  the bytes of mkdocs.yml.
The digest is taken after the pages are written, so the next build finds the same one.

Only a check with no error is kept: a build that failed checks afresh next time, so an
editor's fix is always checked. Warnings are kept with the result and shown again, and
STRICT still turns them into a failure. `make check` (lmo check) never uses what is kept,
and neither does a build with LMO_CHECK_AFRESH=1 (nor does it keep anything).

One result per site is kept (named after its content folder), in a folder only this user
can write (lmo.delivery.build_cache): it is read back as Python objects (pickle), which is
as trusted as the compiled templates Jinja keeps for us, and no more. A file that cannot
be read back is a miss; the build then does the work afresh.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from functools import cache
from pathlib import Path

from lmo.config.project import Project
from lmo.core.paths import PACKAGE_ROOT, TOOL_ROOT
from lmo.delivery.build_cache import BuildCache, folder_slot
from lmo.pipeline import CheckResult, check_and_generate, check_and_write_pages, copy_site_files
from lmo.site.generate import WriteReport

# Part of every digest: a change to how results are kept makes every kept one a miss.
FORMAT = b"lmo remembered check 1\n"


def check_and_generate_remembered(
    project: Project, kept: BuildCache | None = None
) -> tuple[CheckResult, WriteReport | None]:
    """lmo.pipeline.check_and_generate, or the kept result of the last build of this site
    when every input is the same (then no report: nothing was written)."""
    if os.environ.get("LMO_CHECK_AFRESH", "") not in ("", "0"):
        return check_and_generate(project)
    kept = BuildCache.named("checks") if kept is None else kept
    slot = folder_slot(project.content_dir)
    recalled = _recall(kept, slot, inputs_digest(project))
    if recalled is not None:
        # node_modules is not part of the digest: its copies are compared file by file.
        copy_site_files(project, recalled)
        return recalled, None
    result, report = check_and_write_pages(project)
    if report is None:
        return result, None
    checked = CheckResult(result.dataset, list(result.problems))
    copy_site_files(project, result)
    kept.put(slot, inputs_digest(project).encode() + b"\n" + pickle.dumps(checked, protocol=5))
    kept.prune()
    return result, report


def _recall(kept: BuildCache, slot: str, digest: str) -> CheckResult | None:
    content = kept.get(slot)
    if content is None:
        return None
    stored, _, payload = content.partition(b"\n")
    if stored != digest.encode():
        return None
    try:
        result = pickle.loads(payload)  # a private folder: see the module notes
    except Exception:  # a file cut short or from another version: do the work afresh
        return None
    return result if isinstance(result, CheckResult) else None


def inputs_digest(project: Project) -> str:
    digest = hashlib.sha256(FORMAT + engine_digest())
    digest.update(repr(project).encode() + b"\0")
    config = project.root / "mkdocs.yml"
    digest.update(config.read_bytes() if config.is_file() else b"no mkdocs.yml")
    for folder in (project.data_dir, project.locales_dir, project.content_dir):
        digest.update(f"\0folder {folder}\0".encode())
        _add_folder(digest, folder)
    return digest.hexdigest()


@cache  # the engine does not change while a process runs
def engine_digest() -> bytes:
    digest = hashlib.sha256(sys.version.encode())
    for entry in sys.path:
        # Each installed package's metadata folder is named after its version.
        try:
            names = sorted(n for n in os.listdir(entry) if n.endswith(("-info", ".pth")))
        except OSError:
            continue
        digest.update(f"\0{entry}\0{'|'.join(names)}".encode())
    _add_folder(digest, PACKAGE_ROOT)
    template = TOOL_ROOT / "locales" / "messages.pot"
    digest.update(template.read_bytes() if template.is_file() else b"no template")
    return digest.digest()


def _add_folder(digest: hashlib._Hash, folder: Path) -> None:
    """Every file's path (relative to ``folder``), size and contents, in a fixed order;
    folders reached through a link are followed once."""
    seen: set[tuple[int, int]] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            info = os.stat(current)
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            digest.update(f"\0missing {current}".encode())
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        for entry in entries:
            if entry.name == "__pycache__":
                continue  # compiled copies of the .py files that are read here
            try:
                mode = entry.stat().st_mode
                if stat.S_ISDIR(mode):
                    pending.append(Path(entry.path))
                    continue
                content = Path(entry.path).read_bytes()
            except OSError:
                digest.update(f"\0unreadable {entry.path}".encode())
                continue
            name = os.path.relpath(entry.path, folder)
            digest.update(f"\0{name}\0{len(content)}\0".encode() + content)
