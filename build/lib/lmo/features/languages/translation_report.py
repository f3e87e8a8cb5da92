"""How far each language is translated: `make translations` and `make translations-todo`."""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

from lmo.config.project import Project
from lmo.core.i18n import catalogue_path
from lmo.core.paths import TOOL_ROOT
from lmo.data.dataset import DataSet
from lmo.data.schema import SOURCE_LANGUAGE, LocalText
from lmo.data.translations import localise
from lmo.site.content import english_body_hash, read_front_matter
from lmo.site.generate import is_generated
from lmo.site.theme_languages import theme_has_language

# A site's own theme templates (mkdocs.yml's theme.custom_dir, as the README names it).
THEME_OVERRIDES = "theme_overrides"


@dataclass
class Coverage:
    total: int = 0
    translated: int = 0
    machine_draft: int = 0
    reviewed: int = 0
    stale: int = 0
    # Of the translated: shown through translation memory (the same English translated
    # under another key). Pages and interface messages have none.
    reused: int = 0

    @property
    def missing(self) -> int:
        return self.total - self.translated

    def count(self, method: str | None, reviewed: bool, stale: bool, reused: bool = False) -> None:
        self.translated += 1
        self.machine_draft += method == "machine" and not reviewed
        self.reviewed += reviewed
        self.stale += stale
        self.reused += reused


def data_coverage(ds: DataSet, lang: str) -> Coverage:
    """Counted as a reader sees the values: a value shown through translation memory is
    translated (and a machine draft if the translation it reuses is one)."""
    coverage = Coverage(total=len(ds.texts))
    for text in ds.texts.values():
        found = localise(text, lang, ds.translations)
        if not found.fallback:
            coverage.count(found.method, found.reviewed, found.stale, found.reused_from is not None)
    return coverage


def english_pages(project: Project) -> list[Path]:
    root = project.content_dir / SOURCE_LANGUAGE
    return sorted(p.relative_to(root) for p in root.rglob("*.md") if not is_generated(p))


def page_coverage(project: Project, lang: str) -> Coverage:
    pages = english_pages(project)
    coverage = Coverage(total=len(pages))
    for relative in pages:
        translated = project.content_dir / lang / relative
        if not translated.exists():
            continue
        record = (read_front_matter(translated) or {}).get("translation")
        if not isinstance(record, dict):
            record = {}
        english = english_body_hash(project.content_dir / SOURCE_LANGUAGE / relative)
        coverage.count(
            record.get("method"), bool(record.get("reviewed_by")), english != record.get("source")
        )
    return coverage


def message_coverage(project: Project, lang: str) -> tuple[int, int]:
    """Translated and total interface messages, against the catalogue template."""
    template = project.locales_dir / "messages.pot"
    if not template.exists():
        # A site without its own template uses the generator's.
        template = TOOL_ROOT / "locales" / "messages.pot"
    with template.open("rb") as handle:
        wanted = {m.id for m in read_po(handle) if m.id}
    path = catalogue_path(project.locales_dir, lang)
    if not path.exists():
        return 0, len(wanted)
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    done = {m.id for m in catalogue if m.id and m.string and not m.fuzzy and _complete(m.string)}
    return len(wanted & done), len(wanted)


def _complete(value: str | tuple[str, ...] | list[str]) -> bool:
    return all(value) if isinstance(value, tuple | list) else bool(value)


def report(project: Project, ds: DataSet) -> str:
    header = (
        f"{'language':<9}| {'what':<12}| {'total':>5} | {'translated':>10} | {'machine draft':>13}"
        f" | {'reviewed':>8} | {'stale':>5} | {'reused':>6} | {'missing':>7}"
    )
    lines = [header, "-" * len(header)]
    for lang in project.languages:
        if lang == SOURCE_LANGUAGE:
            continue
        for what, cov in (
            ("pages", page_coverage(project, lang)),
            ("data fields", data_coverage(ds, lang)),
        ):
            lines.append(
                f"{lang:<9}| {what:<12}| {cov.total:>5} | {cov.translated:>10} |"
                f" {cov.machine_draft:>13} | {cov.reviewed:>8} | {cov.stale:>5} |"
                f" {cov.reused if what == 'data fields' else '':>6} | {cov.missing:>7}"
            )
        done, total = message_coverage(project, lang)
        lines.append(
            f"{lang:<9}| {'interface':<12}| {total:>5} | {done:>10} | {'':>13} | {'':>8} |"
            f" {'':>5} | {'':>6} | {total - done:>7}"
        )
    notices = theme_language_notices(project)
    if notices:
        lines.extend(["", *notices])
    return "\n".join(lines)


def theme_language_notices(project: Project) -> list[str]:
    """A line for each language the theme has no words in: the build shows them in English
    (``lmo.site.theme_languages``), which its readers should not first hear of on the site."""
    overrides = [project.root / THEME_OVERRIDES]
    return [
        f"{lang}: the theme's own words (the search box, navigation labels such as 'Skip to"
        " content' and 'Back to top') are shown in English: the theme (Material for MkDocs)"
        " has no translation into this language"
        for lang in project.languages
        if lang != SOURCE_LANGUAGE and not theme_has_language(lang, overrides)
    ]


def pages_to_translate(project: Project, lang: str) -> list[tuple[Path, str]]:
    """Hand-written English pages with no current translation, and their fingerprints."""
    result = []
    for relative in english_pages(project):
        english = english_body_hash(project.content_dir / SOURCE_LANGUAGE / relative) or ""
        translated = project.content_dir / lang / relative
        record = (
            (read_front_matter(translated) or {}).get("translation")
            if translated.exists()
            else None
        )
        if not isinstance(record, dict) or record.get("source") != english:
            result.append((relative, english))
    return result


def todo(ds: DataSet, lang: str, prefixes: list[str]) -> str:
    """A YAML fragment of every English text still to translate, English as comments.

    Each English text is listed once, under one of its keys, with the other keys that show
    the same English as comments: translation memory shows the one translation under all of
    them, so a volunteer writes it once and the file keeps one simple entry per key."""
    out = [
        f"# To translate into {lang}. Fill in 'text', then move the entries into",
        f"# data/translations/{lang}.yml under 'translations:'.",
        "translations:",
    ]
    for group in _untranslated_groups(ds, lang, prefixes):
        key, text = group[0]
        entry = ds.translations.get(lang, {}).get(key)
        state = "stale: the English changed" if entry is not None else "missing"
        out.append(f"  # {state}. English: {json.dumps(text.en, ensure_ascii=False)}")
        for other, _ in group[1:]:
            out.append(f"  # Also shown for {other} (the same English: translate it once).")
        out.append(f"  {key}:")
        out.append(f"    text: {json.dumps(entry.text if entry else '', ensure_ascii=False)}")
        out.append("    method: machine")
        out.append(f'    source: "{text.source_hash}"')
    return "\n".join(out) + "\n"


def _untranslated_groups(
    ds: DataSet, lang: str, prefixes: list[str]
) -> list[list[tuple[str, LocalText]]]:
    """The values a reader sees in English or out of date, grouped by their English, in data
    order; in each group a key with an old translation first (its entry is the one to update)."""
    store = ds.translations.get(lang, {})
    groups: dict[str, list[tuple[str, LocalText]]] = {}
    for key, text in ds.texts.items():
        if prefixes and not any(fnmatch.fnmatchcase(key, p) for p in prefixes):
            continue
        found = localise(text, lang, ds.translations)
        if found.fallback or found.stale:
            groups.setdefault(text.source_hash, []).append((key, text))
    return [
        sorted(group, key=lambda item: item[0] not in store)  # stable: data order otherwise
        for group in groups.values()
    ]
