"""Checks of the urgent words: standard sentences filled in right, and free text translated.

A standard sentence is checked against the menu in ``lmo.data.phrases`` (its id, each fill-in and
its form), with the line to fix. Free text in a notice that is shown, with no translation in
a language the site publishes, is a warning (an error under STRICT=1): that reader would see
the most important words on the page in English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import TypeAdapter, ValidationError

from lmo.core.problems import Problem, Severity, did_you_mean, quote_value
from lmo.data.phrases import FILLS, PHRASES, PhraseUse
from lmo.data.schema import SITUATIONS, SOURCE_LANGUAGE, Date, LocalText, Phone, Status
from lmo.data.translations import Store

# file, line, column and field path of a field, from its path under the record or file.
Locate = Callable[[tuple[str | int, ...], bool], tuple[str, int, int, str]]

LIST_AT = "docs/data-reference.md#standard-sentences"

# The sentence to suggest for free text, by the record's state or the situation.
STATE_PHRASE = {
    "suspended": "suspended-until",
    "paused": "paused-until",
    "closing": "closing-on",
    "closed": "closed",
    "replaced": "replaced-by",
}
SITUATION_PHRASE = {
    "not_yet_booked": "book-with",
    "early_pregnancy": "call-midwife-to-rebook",
    "later_pregnancy": "keep-appointments",
    "in_labour": "call-triage-before-travel",
    "after_birth": "midwife-visits-as-planned",
}
_VALUE_TYPES: dict[str, TypeAdapter[Any]] = {
    "date": TypeAdapter(Date),
    "phone": TypeAdapter(Phone),
}


def status_parts(status: Status) -> list[tuple[tuple[str, ...], Any, str]]:
    """Each notice part of a status: its field path, its value and the sentence to suggest."""
    parts: list[tuple[tuple[str, ...], Any, str]] = []
    if status.note is not None:
        suggestion = STATE_PHRASE.get(status.state, "midwife-will-tell-you")
        parts.append((("status", "note"), status.note, suggestion))
    for situation in SITUATIONS:
        value = getattr(status.what_to_do_now, situation, None)
        if value is not None:
            path = ("status", "what_to_do_now", situation)
            parts.append((path, value, SITUATION_PHRASE[situation]))
    return parts


def _problem(where: tuple[str, int, int, str], message: str, **kw: Any) -> Problem:
    return Problem(where[0], where[1], where[2], where[3], message, **kw)


def check_phrase(
    use: PhraseUse, at: tuple[str | int, ...], locate: Locate, refs: list[str]
) -> list[Problem]:
    """An editor's standard sentence against the menu: every mistake, at its line."""
    phrase = PHRASES.get(use.phrase)
    if phrase is None:
        hint = did_you_mean(use.phrase, PHRASES, cutoff=0.5)
        return [
            _problem(
                locate((*at, "phrase"), False),
                f"no standard sentence has this id (the list is in {LIST_AT}){hint}"
                f" (got {quote_value(use.phrase)})",
            )
        ]
    problems = []
    given = dict(use.fills)
    for name in phrase.fills:
        if name not in given:
            problems.append(
                _problem(
                    locate(at, False),
                    f"the sentence {quote_value(phrase.id)} needs '{name}:', {FILLS[name]}",
                )
            )
    for name, value in use.fills:
        if name not in phrase.fills:
            hint = did_you_mean(name, phrase.fills, key=True)
            takes = ", ".join(phrase.fills) or "nothing"
            problems.append(
                _problem(
                    locate((*at, name), True),
                    f"unknown fill-in '{name}': {quote_value(phrase.id)} takes {takes}{hint}",
                )
            )
        elif name in _VALUE_TYPES:
            try:
                _VALUE_TYPES[name].validate_python(value)
            except ValidationError as error:
                message = error.errors(include_url=False)[0]["msg"]
                problems.append(
                    _problem(locate((*at, name), False), f"{message} (got {quote_value(value)})")
                )
        elif str(value) not in refs:
            hint = did_you_mean(str(value), refs)
            problems.append(
                _problem(
                    locate((*at, name), False),
                    f"expected a record in data/ as collection/id, such as"
                    f' "services/booking"{hint} (got {quote_value(value)})',
                )
            )
    return problems


def untranslated(
    part: Any,
    at: tuple[str | int, ...],
    locate: Locate,
    languages: Iterable[str],
    store: Store,
    suggestion: str,
) -> list[Problem]:
    """A warning for free text that a published language would see in English."""
    if not isinstance(part, LocalText):
        return []
    missing = sorted(
        lang
        for lang in set(languages) - {SOURCE_LANGUAGE}
        if store.get(lang, {}).get(part.key) is None
    )
    if not missing:
        return []
    readers = "readers of that language" if len(missing) == 1 else "readers of those languages"
    return [
        _problem(
            locate(at, False),
            f"free text in a notice with no translation in {', '.join(missing)}: {readers}"
            f" see these urgent words in English. Use a standard sentence, which every language"
            f" already has, such as 'phrase: {suggestion}' (the list is in {LIST_AT}), or"
            f' translate "{part.key}" in data/translations/<language>.yml',
            severity=Severity.WARNING,
        )
    ]


def check_status(
    status: Status, locate: Locate, refs: list[str], languages: Iterable[str], store: Store
) -> list[Problem]:
    problems = []
    for at, part, suggestion in status_parts(status):
        if isinstance(part, PhraseUse):
            problems += check_phrase(part, at, locate, refs)
        elif status.state != "available":
            problems += untranslated(part, at, locate, languages, store, suggestion)
    return problems


def check_site_notice(
    notice: Any,
    locate: Locate,
    refs: list[str],
    languages: Iterable[str],
    store: Store,
    today: dt.date,
    state_of: Callable[[str], str | None],
) -> list[Problem]:
    at = ("lmns", "site_notice", "text")
    if isinstance(notice.text, PhraseUse):
        return check_phrase(notice.text, at, locate, refs)
    if notice.until < today:
        return []  # no longer shown
    state = state_of(notice.record) if notice.record else None
    suggestion = STATE_PHRASE.get(state or "", "suspended-until")
    return untranslated(notice.text, at, locate, languages, store, suggestion)
