"""What the browser layer calls: JSON text in, JSON text out, so the boundary between
JavaScript and Python carries only plain strings (and is the same in tests)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from careplan.exports import (
    questions_for_midwife,
    to_bilingual_html,
    to_markdown,
    to_print_html,
    to_text,
)
from careplan.plan import (
    Answer,
    Definition,
    PlanError,
    SavedPlan,
    read_answers,
    status_changes,
)

Make = Callable[[Definition, dict[str, Answer], str], str]
# Each download: the end of its file name, its type, and what writes it from her answers
# and the time now (ISO 8601; the exports show the date).
DOWNLOADS: dict[str, tuple[str, str, Make]] = {
    "text": (".txt", "text/plain;charset=utf-8", lambda d, a, now: to_text(d, a, now[:10])),
    "markdown": (
        ".md",
        "text/markdown;charset=utf-8",
        lambda d, a, now: to_markdown(d, a, now[:10]),
    ),
    "json": (".json", "application/json", lambda d, a, now: SavedPlan.make(d, a, now).to_json()),
    "bilingual": (
        "-{lang}-en.html",
        "text/html;charset=utf-8",
        lambda d, a, now: to_bilingual_html(d, a, now[:10]),
    ),
}
FORMATS = (*DOWNLOADS, "print")


def _reply(**values: Any) -> str:
    return json.dumps(values, ensure_ascii=False)


class Drafter:
    """One page's care-plan logic, bound to the definition the build wrote for its language."""

    def __init__(self, definition_json: str) -> None:
        self.definition = Definition.from_json(definition_json)

    def _answers(self, answers_json: str) -> dict[str, Answer]:
        return read_answers(json.loads(answers_json), self.definition)

    def save(self, answers_json: str, now: str) -> str:
        """The text to keep in the browser's storage (the same as the JSON export)."""
        plan = SavedPlan.make(self.definition, self._answers(answers_json), now)
        return _reply(saved=plan.to_json(), count=len(plan.answers))

    def restore(self, saved_text: str) -> str:
        """Answers to put back into the form, with warnings about what has changed since."""
        try:
            plan, dropped = SavedPlan.from_json(saved_text, self.definition)
        except PlanError as problem:
            return _reply(error=str(problem))
        warnings = status_changes(plan, self.definition)
        if dropped:
            warnings.append(self.definition.say("import_dropped", count=str(len(dropped))))
        return _reply(
            answers={k: a.to_json() for k, a in plan.answers.items()},
            saved_at=plan.saved_at,
            lang=plan.lang,
            warnings=warnings,
        )

    def export(self, answers_json: str, fmt: str, now: str) -> str:
        """A file for her to keep or share (its name, type and content), or for "print" the
        page's print view."""
        answers = self._answers(answers_json)
        if fmt == "print":
            return _reply(content=to_print_html(self.definition, answers, now[:10]))
        if fmt not in DOWNLOADS:
            return _reply(error=f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
        ending, mime, make = DOWNLOADS[fmt]
        stem = f"{self.definition.say('file_stem')}-{now[:10]}"
        return _reply(
            filename=stem + ending.format(lang=self.definition.lang),
            mime=mime,
            content=make(self.definition, answers, now),
        )

    def questions(self, answers_json: str) -> str:
        return _reply(questions=questions_for_midwife(self.definition, self._answers(answers_json)))
