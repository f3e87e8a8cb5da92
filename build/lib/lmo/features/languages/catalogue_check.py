"""Checks on the interface catalogues (``locales/<lang>/LC_MESSAGES/messages.po``).

A translation is text. The pages escape every msgstr (``lmo.core.i18n.install_escaped_gettext``),
so markup in one would show as stray symbols; this tells the translator, at the line, before
anyone sees it. A placeholder the English lacks (``%(name)s``) would stop the build with an
error deep in a template, and a lone ``%`` would too, since every message is formatted.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from lmo.core.problems import Problem

# A tag (<b>, </a>, <script ...>) or an HTML entity (&amp; &#60;): markup, not text.
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")


def _strings(value: str | tuple[str, ...] | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else [v for v in value if v]


def _formats(text: str, names: set[str]) -> bool:
    try:
        text % {name: "" for name in names}
    except (ValueError, TypeError, KeyError):
        return False
    return True


def _message_problems(shown: str, message: Message) -> list[Problem]:
    msgids = _strings(message.id)
    english = msgids[0] if msgids else ""
    names = {name for msgid in msgids for name in _PLACEHOLDER.findall(msgid)}
    english_formats = all(_formats(msgid, names) for msgid in msgids)
    where = f'msgstr for "{english[:50]}"'
    line = message.lineno or 1
    problems = []
    for translated in _strings(message.string or ""):
        markup = _MARKUP.search(translated)
        if markup:
            problems.append(
                Problem(
                    shown,
                    line,
                    1,
                    where,
                    f"contains markup ({markup.group(0)!r}); write plain text: the site adds"
                    " any formatting itself, and shows markup here as symbols",
                )
            )
        extra = sorted(set(_PLACEHOLDER.findall(translated)) - names)
        if extra:
            expected = ", ".join(f"%({n})s" for n in sorted(names)) or "none"
            problems.append(
                Problem(
                    shown,
                    line,
                    1,
                    where,
                    f"uses {', '.join(f'%({n})s' for n in extra)}, which the English does not"
                    f" have; keep the English placeholders exactly (here: {expected})",
                )
            )
        elif english_formats and not _formats(translated, names):
            problems.append(
                Problem(
                    shown,
                    line,
                    1,
                    where,
                    "has a '%' that is not a placeholder; write a percent sign as '%%'",
                )
            )
    return problems


@lru_cache(maxsize=32)
def _read(path: Path, mtime_ns: int) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=False)


def catalogues(
    locales_dir: Path, root: Path
) -> tuple[list[tuple[str, str, Catalog]], list[Problem]]:
    """Every language's catalogue under ``locales_dir`` as (file as shown, language,
    catalogue), read once for all the checks that look at them; and a problem for each that
    cannot be read."""
    found, problems = [], []
    for path in sorted(locales_dir.glob("*/LC_MESSAGES/messages.po")):
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        try:
            catalog = _read(path, path.stat().st_mtime_ns)
        except Exception as error:  # babel raises several kinds for a broken file
            problems.append(Problem(shown, 1, 1, "", f"could not read the catalogue: {error}"))
            continue
        found.append((shown, path.parent.parent.name, catalog))
    return found, problems


def check_catalogues(locales_dir: Path, root: Path) -> list[Problem]:
    """Every language's catalogue under ``locales_dir``."""
    found, problems = catalogues(locales_dir, root)
    for shown, _, catalog in found:
        for message in catalog:
            if message.id and message.string:
                problems += _message_problems(shown, message)
    return problems
