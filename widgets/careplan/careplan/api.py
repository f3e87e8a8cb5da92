"""What the browser layer calls: JSON text in, JSON text out, so the boundary between
JavaScript and Python carries only plain strings (and is the same in tests)."""

from __future__ import annotations

import json
from typing import Any

from careplan.exports import (
    questions_for_midwife,
    to_bilingual_html,
    to_markdown,
    to_print_html,
    to_text,
)
from careplan.plan import Definition, PlanError, SavedPlan, read_answers, status_changes

FORMATS = ("text", "markdown", "json", "bilingual", "print")


def _reply(**values: Any) -> str:
    return json.dumps(values, ensure_ascii=False)


class Drafter:
    """One page's care-plan logic, bound to the definition the build wrote for its language."""

    def __init__(self, definition_json: str) -> None:
        self.definition = Definition.from_json(definition_json)

    def _answers(self, answers_json: str) -> dict[str, Any]:
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
        """A file for her to keep or share: its name, type and content."""
        answers = self._answers(answers_json)
        today = now[:10]
        stem = f"{self.definition.say('file_stem')}-{today}"
        if fmt == "text":
            return _reply(
                filename=f"{stem}.txt",
                mime="text/plain;charset=utf-8",
                content=to_text(self.definition, answers, today),
            )
        if fmt == "markdown":
            return _reply(
                filename=f"{stem}.md",
                mime="text/markdown;charset=utf-8",
                content=to_markdown(self.definition, answers, today),
            )
        if fmt == "json":
            return _reply(
                filename=f"{stem}.json",
                mime="application/json",
                content=SavedPlan.make(self.definition, answers, now).to_json(),
            )
        if fmt == "bilingual":
            return _reply(
                filename=f"{stem}-{self.definition.lang}-en.html",
                mime="text/html;charset=utf-8",
                content=to_bilingual_html(self.definition, answers, today),
            )
        if fmt == "print":
            return _reply(content=to_print_html(self.definition, answers, today))
        return _reply(error=f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")

    def questions(self, answers_json: str) -> str:
        return _reply(questions=questions_for_midwife(self.definition, self._answers(answers_json)))
