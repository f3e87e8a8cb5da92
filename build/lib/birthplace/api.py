"""What the browser layer calls: JSON text in, JSON text out, so the boundary between
JavaScript and Python carries only plain strings (and is the same in tests)."""

from __future__ import annotations

import json
from typing import Any

from birthplace.definition import Definition
from birthplace.results import Choice, nearest, results
from birthplace.where import look_up


def _reply(**values: Any) -> str:
    return json.dumps(values, ensure_ascii=False)


def _choice(choice_json: str) -> Choice:
    data = json.loads(choice_json)
    return Choice.from_json(data if isinstance(data, dict) else {})


class Explorer:
    """One page's birth-place logic, bound to the definition the build wrote for its
    language."""

    def __init__(self, definition_json: str) -> None:
        self.definition = Definition.from_json(definition_json)

    def explore(self, choice_json: str) -> str:
        """The results to show for her choices, and a one-line summary to announce."""
        found = results(self.definition, _choice(choice_json))
        where = None if found.where is None else found.where.label
        return _reply(html=found.html, summary=found.summary, where=where)

    def care_plan_note(self, choice_json: str, today: str) -> str:
        """Her notes on place of birth, in words, for the care plan's place-of-birth
        question (the browser layer hands it over on this device only)."""
        d = self.definition
        choice = _choice(choice_json)
        lines = [d.say("note_title", date=today[:10])]
        if choice.parity is not None:
            lines.append(d.say("note_parity", parity=d.parities[choice.parity]))
        if choice.matters:
            wanted = ", ".join(d.matters[m] for m in choice.matters)
            lines.append(d.say("note_matters", matters=wanted))
        where = look_up(choice.where, d.districts)
        if where is not None:
            names = ", ".join(
                f"{p.setting.name} ({d.say('note_miles', miles=max(1, round(p.miles or 0)))})"
                for p in nearest(d, where, 3)
            )
            if names:
                lines.append(d.say("note_nearest", where=where.label, places=names))
        if choice.notes.strip():
            lines.append(d.say("note_mine", notes=choice.notes.strip()))
        return _reply(text="\n".join(lines))
