"""The plan's shape: the questions the site asks (the definition the build writes for each
language) and her answers, saved, restored and checked against what the site says now."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

# What a saved plan says it is, so an unrelated JSON file is refused with a clear message.
SAVED_KIND = "local-maternity-offer/care-plan"
SAVED_VERSION = 1
# Generous for a plan, small enough that a damaged or hostile file cannot stall the page.
MAX_TEXT = 20_000
MAX_FILE = 2_000_000

KINDS = ("text", "choice", "birth_setting", "pain_relief")


class PlanError(ValueError):
    """A saved or imported plan that cannot be used; the message is for her, translated."""


@dataclass(frozen=True)
class Pair:
    """A text in her language and in English (the same text on an English page)."""

    local: str
    en: str

    @classmethod
    def of(cls, value: Any) -> Pair:
        if isinstance(value, str):
            return cls(value, value)
        return cls(str(value.get("local", "")), str(value.get("en", value.get("local", ""))))


@dataclass(frozen=True)
class Option:
    id: str
    label: Pair


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    prompt: Pair
    options: tuple[Option, ...] = ()
    # Her free text here is a list of her own questions for her midwife, one per line.
    asks: bool = False

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Section:
    id: str
    title: Pair
    questions: tuple[Question, ...]
    signposts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Record:
    """A birth setting or service as the site describes it today."""

    id: str
    name: Pair
    state: str
    url: str
    pain_relief: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Definition:
    """What the build publishes for one language: questions, records, words for exports."""

    lang: str
    language_name: str
    direction: str
    sections: tuple[Section, ...]
    settings: dict[str, Record]
    services: dict[str, Record]
    pain_relief: tuple[Option, ...]
    states: dict[str, Pair]
    strings: dict[str, Pair]

    @classmethod
    def from_json(cls, text: str) -> Definition:
        raw = json.loads(text)

        def records(block: dict[str, Any]) -> dict[str, Record]:
            return {
                key: Record(
                    id=key,
                    name=Pair.of(value["name"]),
                    state=value["state"],
                    url=value["url"],
                    pain_relief=None
                    if value.get("pain_relief") is None
                    else tuple(value["pain_relief"]),
                )
                for key, value in block.items()
            }

        def options(items: list[dict[str, Any]]) -> tuple[Option, ...]:
            return tuple(Option(o["id"], Pair.of(o["label"])) for o in items)

        return cls(
            lang=raw["lang"],
            language_name=raw["language_name"],
            direction=raw.get("dir", "ltr"),
            sections=tuple(
                Section(
                    id=s["id"],
                    title=Pair.of(s["title"]),
                    questions=tuple(
                        Question(
                            q["id"],
                            q["kind"],
                            Pair.of(q["prompt"]),
                            options(q.get("options", [])),
                            bool(q.get("asks", False)),
                        )
                        for q in s["questions"]
                    ),
                    signposts=tuple(s.get("signposts", ())),
                )
                for s in raw["sections"]
            ),
            settings=records(raw["settings"]),
            services=records(raw["services"]),
            pain_relief=options(raw["pain_relief"]),
            states={k: Pair.of(v) for k, v in raw["states"].items()},
            strings={k: Pair.of(v) for k, v in raw["strings"].items()},
        )

    def questions(self) -> dict[str, Question]:
        return {q.id: q for s in self.sections for q in s.questions}

    def say(self, key: str, english: bool = False, **values: str) -> str:
        """A sentence for exports and messages, in her language (or English)."""
        pair = self.strings.get(key)
        template = key if pair is None else (pair.en if english else pair.local)
        return template % values if values else template

    def state_label(self, state: str, english: bool = False) -> str:
        pair = self.states.get(state)
        if pair is None:
            return state
        return pair.en if english else pair.local


@dataclass
class Answer:
    """Her answer to one question. Every kind can be "not sure yet"; text sits beside any kind."""

    text: str = ""
    choice: str | None = None
    choices: list[str] = field(default_factory=list)
    not_sure: bool = False

    def is_empty(self) -> bool:
        return not (self.text.strip() or self.choice or self.choices or self.not_sure)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.text:
            out["text"] = self.text
        if self.choice:
            out["choice"] = self.choice
        if self.choices:
            out["choices"] = list(self.choices)
        if self.not_sure:
            out["not_sure"] = True
        return out


def read_answers(
    raw: Any, definition: Definition, dropped: list[str] | None = None
) -> dict[str, Answer]:
    """Answers from the browser or a file, keeping only what the questions allow.

    Unknown questions and options are left out (and listed in ``dropped``) rather than
    refused: a plan saved before the site changed a question should still come back."""
    if not isinstance(raw, dict):
        raise PlanError(definition.say("import_not_plan"))
    questions = definition.questions()
    answers: dict[str, Answer] = {}
    for question_id, value in raw.items():
        question = questions.get(question_id)
        if question is None or not isinstance(value, dict):
            if dropped is not None:
                dropped.append(str(question_id))
            continue
        answer = Answer(
            text=str(value.get("text", ""))[:MAX_TEXT],
            not_sure=value.get("not_sure") is True,
        )
        allowed = _allowed_values(question, definition)
        choice = value.get("choice")
        if isinstance(choice, str) and choice in allowed:
            answer.choice = choice
        elif choice and dropped is not None:
            dropped.append(f"{question_id}={choice}")
        choices = value.get("choices", [])
        if isinstance(choices, list):
            answer.choices = [c for c in choices if isinstance(c, str) and c in allowed]
            if dropped is not None:
                dropped.extend(f"{question_id}={c}" for c in choices if c not in allowed)
        if not answer.is_empty():
            answers[question_id] = answer
    return answers


def _allowed_values(question: Question, definition: Definition) -> set[str]:
    if question.kind == "birth_setting":
        return set(definition.settings)
    if question.kind == "pain_relief":
        return {o.id for o in definition.pain_relief}
    return {o.id for o in question.options}


def named_records(definition: Definition, answers: dict[str, Answer]) -> dict[str, str]:
    """The settings and services her plan names, with their status as the site says now.

    A setting is named when she chose it; a service when it is signposted in a section she
    has answered (it is then in her exported plan)."""
    named: dict[str, str] = {}
    for section in definition.sections:
        answered = False
        for question in section.questions:
            answer = answers.get(question.id)
            if answer is None or answer.is_empty():
                continue
            answered = True
            if question.kind == "birth_setting" and answer.choice in definition.settings:
                named[f"settings/{answer.choice}"] = definition.settings[answer.choice].state
        if answered:
            for service_id in section.signposts:
                if service_id in definition.services:
                    named[f"services/{service_id}"] = definition.services[service_id].state
    return dict(sorted(named.items()))


@dataclass
class SavedPlan:
    """Her plan as kept in the browser or in a file she exports: answers, the language she
    wrote in, when, and the status of what it names at that time."""

    lang: str
    saved_at: str
    answers: dict[str, Answer]
    named: dict[str, str]

    @classmethod
    def make(cls, definition: Definition, answers: dict[str, Answer], now: str) -> SavedPlan:
        return cls(definition.lang, now, answers, named_records(definition, answers))

    def to_json(self) -> str:
        return json.dumps(
            {
                "kind": SAVED_KIND,
                "version": SAVED_VERSION,
                "lang": self.lang,
                "saved_at": self.saved_at,
                "answers": {k: a.to_json() for k, a in sorted(self.answers.items())},
                "named": self.named,
            },
            ensure_ascii=False,
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str, definition: Definition) -> tuple[SavedPlan, list[str]]:
        """The plan in ``text`` and what was left out of it; PlanError when it is not one."""
        if len(text) > MAX_FILE:
            raise PlanError(definition.say("import_too_big"))
        try:
            raw = json.loads(text)
        except ValueError:
            raise PlanError(definition.say("import_not_json")) from None
        if not isinstance(raw, dict) or raw.get("kind") != SAVED_KIND:
            raise PlanError(definition.say("import_not_plan"))
        version = raw.get("version")
        if not isinstance(version, int) or version > SAVED_VERSION:
            raise PlanError(definition.say("import_newer"))
        dropped: list[str] = []
        answers = read_answers(raw.get("answers", {}), definition, dropped)
        named = raw.get("named", {})
        named = {str(k): str(v) for k, v in (named.items() if isinstance(named, dict) else ())}
        lang = raw.get("lang") if isinstance(raw.get("lang"), str) else definition.lang
        saved_at = raw.get("saved_at") if isinstance(raw.get("saved_at"), str) else ""
        return cls(str(lang), str(saved_at), answers, named), dropped


def status_changes(plan: SavedPlan, definition: Definition) -> list[str]:
    """A warning for each setting or service her plan names whose status has changed (or
    which the site no longer lists) since she saved it."""
    warnings: list[str] = []
    for ref, before in plan.named.items():
        collection, _, record_id = ref.partition("/")
        table = definition.settings if collection == "settings" else definition.services
        record = table.get(record_id)
        if record is None:
            warnings.append(definition.say("status_gone", name=record_id))
        elif record.state != before:
            warnings.append(
                definition.say(
                    "status_changed",
                    name=record.name.local,
                    before=definition.state_label(before),
                    now=definition.state_label(record.state),
                    url=record.url,
                )
            )
    return warnings
