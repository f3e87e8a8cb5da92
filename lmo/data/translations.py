"""Translations of data values: keys, loading with provenance, and what a reader sees.

Each translatable value in data/ has a key that says where it is, such as
``hubs.town-hub.summary``. ``data/translations/<lang>.yml`` maps keys to the text in
that language, with how it was made, who reviewed it and a fingerprint of the English it
was made from. When the English changes, the fingerprint no longer matches and the site
shows the translation as possibly out of date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from pydantic import BaseModel, ValidationError

from lmo.core.numbers import mark_numbers
from lmo.core.problems import Problem, did_you_mean, quote_value
from lmo.core.yamlsource import SourceDocument, load_yaml
from lmo.data.messages import problems_from_validation
from lmo.data.number_separators import number_problems
from lmo.data.schema import SOURCE_LANGUAGE, LocalText, TranslationEntry, TranslationsFile


class Store(dict[str, dict[str, TranslationEntry]]):
    """Translations by language, then by key; and, per language, the translation memory.

    A translation records the fingerprint of the English it was made from, so the same
    English under another key can reuse it: the memory maps a fingerprint to the best
    entry made from that English. It is built once per language, on first use, because a
    store is filled when the data is loaded and not changed after.

    ``sources`` keeps each language's file as it was read, with where each value was
    written, so later checks of the drafts (the safety terms) can point at a line without
    reading the file again."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._memory: dict[str, dict[str, tuple[str, TranslationEntry]]] = {}
        self.sources: dict[str, SourceDocument] = {}

    def memory(self, lang: str) -> dict[str, tuple[str, TranslationEntry]]:
        if lang not in self._memory:
            self._memory[lang] = build_memory(self.get(lang, {}))
        return self._memory[lang]


def build_memory(entries: dict[str, TranslationEntry]) -> dict[str, tuple[str, TranslationEntry]]:
    """English fingerprint -> (key, entry) of the translation to reuse for that English: a
    reviewed one before a draft, a person's before a machine's, then the first key in
    sorted order, so the choice does not depend on the order of the file."""
    best: dict[str, tuple[str, TranslationEntry]] = {}
    for key in sorted(entries, key=lambda k: (_trust(entries[k]), k)):
        best.setdefault(entries[key].source, (key, entries[key]))
    return best


def _trust(entry: TranslationEntry) -> int:
    return (0 if entry.reviewed else 2) + (1 if entry.method == "machine" else 0)


def _walk(value: Any, key: str) -> Iterator[tuple[str, LocalText]]:
    if isinstance(value, LocalText):
        yield key, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), f"{key}.{name}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, f"{key}[{i}]")


def assign_keys(roots: Iterable[tuple[str, Any]]) -> dict[str, LocalText]:
    """Give every translatable value its key; returns them all, key -> text."""
    found: dict[str, LocalText] = {}
    for prefix, root in roots:
        for key, text in _walk(root, prefix):
            text.key = key
            found[key] = text
    return found


def unknown_key_problems(
    doc: SourceDocument, model: TranslationsFile, texts: dict[str, LocalText]
) -> list[Problem]:
    """A problem at each key that names no value in data/, and, when most of them do not,
    one line first that says why: the file was written for other data, most often the
    worked example's, copied along with the repository."""
    unknown = [key for key in model.translations if key not in texts]
    problems = []
    if unknown and len(unknown) * 2 > len(model.translations):
        line, col = doc.locate(("translations",), key=True)
        problems.append(
            Problem(
                doc.file,
                line,
                col,
                "translations",
                f"{len(unknown)} of the {len(model.translations)} keys name no translatable"
                " text in data/: this file seems to be left over from other data (such as the"
                " worked example's). Delete it, or start it again from your own data with"
                f" `make translations-todo LANG={model.language}`",
            )
        )
    for key in unknown:
        line, col = doc.locate(("translations", key), key=True)
        problems.append(
            Problem(
                doc.file,
                line,
                col,
                f"translations.{key}",
                f"no translatable text in data/ has this key{did_you_mean(key, texts)}",
            )
        )
    return problems


def load_translations(
    folder: Path, display_prefix: str, texts: dict[str, LocalText]
) -> tuple[Store, list[Problem]]:
    store = Store()
    problems: list[Problem] = []
    if not folder.exists():
        return store, problems
    for path in sorted(folder.glob("*.yml")):
        display = f"{display_prefix}{path.name}"
        doc, found = load_yaml(path, display)
        problems.extend(found)
        if doc.data is None:
            continue
        try:
            model = TranslationsFile.model_validate(doc.data)
        except ValidationError as error:
            problems.extend(problems_from_validation(error, doc, TranslationsFile))
            continue
        if model.language != path.stem or model.language == SOURCE_LANGUAGE:
            line, col = doc.locate(("language",))
            problems.append(
                Problem(
                    display,
                    line,
                    col,
                    "language",
                    f"expected {quote_value(path.stem)}, the language of this file's name"
                    f" (got {quote_value(model.language)})",
                )
            )
            continue
        problems.extend(unknown_key_problems(doc, model, texts))
        problems.extend(number_problems(doc, model, texts))
        store[model.language] = dict(model.translations)
        store.sources[model.language] = doc
    return store, problems


@dataclass(frozen=True)
class Localised:
    """A data value as a reader of one language sees it, and how far to trust it."""

    text: str
    lang: str
    fallback: bool = False
    method: str | None = None
    reviewed: bool = False
    stale: bool = False
    # The key whose translation of the same English is shown (translation memory).
    reused_from: str | None = None


def as_html(found: Localised, *, link: bool = True) -> Markup:
    """A localised value as HTML: escaped, marked lang="en" (for screen readers) when it
    falls back to English, its phone numbers tap-to-call links (``link=False`` where it goes
    inside a link) and its numbers kept in reading order (lmo.core.numbers). Every page part that
    shows data text goes through here, so none of them can forget one of the three."""
    if found.fallback:
        shown = Markup('<span lang="{}">{}</span>').format(found.lang, found.text)
    else:
        shown = escape(found.text)
    return mark_numbers(shown, link=link)


def localise(value: LocalText, lang: str, store: Store) -> Localised:
    """What a reader of ``lang`` sees: the value's own current translation; else the same
    English translated under another key; else its own out-of-date translation; else the
    English."""
    if lang == SOURCE_LANGUAGE:
        return Localised(value.en, SOURCE_LANGUAGE)
    fingerprint = value.source_hash
    entry = store.get(lang, {}).get(value.key)
    reused_from = None
    if entry is None or entry.source != fingerprint:
        found = store.memory(lang).get(fingerprint) if isinstance(store, Store) else None
        if found is not None:
            reused_from, entry = found
    if entry is None:
        return Localised(value.en, SOURCE_LANGUAGE, fallback=True)
    return Localised(
        entry.text,
        lang,
        method=entry.method,
        reviewed=entry.reviewed,
        stale=entry.source != fingerprint,
        reused_from=reused_from,
    )


@dataclass
class Tally:
    """What the values on one page were: counted while the page renders."""

    values: int = 0
    fallback: int = 0
    machine_unreviewed: int = 0
    machine_reviewed: int = 0
    stale: int = 0
    # Shown through translation memory; also counted under their method, as the
    # translation they came from is.
    reused: int = 0
    methods: set[str] = field(default_factory=set)

    def add(self, found: Localised) -> None:
        self.values += 1
        if found.fallback:
            self.fallback += 1
        if found.reused_from:
            self.reused += 1
        if found.stale:
            self.stale += 1
        if found.method:
            self.methods.add(found.method)
            if found.method == "machine":
                if found.reviewed:
                    self.machine_reviewed += 1
                else:
                    self.machine_unreviewed += 1

    def as_meta(self) -> dict[str, Any]:
        return {
            "values": self.values,
            "fallback": self.fallback,
            "machine_unreviewed": self.machine_unreviewed,
            "machine_reviewed": self.machine_reviewed,
            "stale": self.stale,
            "reused": self.reused,
        }
