"""The care-plan logic, tested the same way under CPython (pytest) and inside Pyodide
(tests/pyodide/run_widget_tests.mjs): plain functions and asserts, no fixtures, no files."""

from __future__ import annotations

import json

from careplan.api import Drafter
from careplan.plan import Definition, SavedPlan, read_answers

NOW = "2026-11-23T10:15:00Z"


def pair(local: str, en: str) -> dict[str, str]:
    return {"local": local, "en": en}


STRINGS = {
    "plan_title": pair("Mój plan", "My care plan"),
    "prepared_on": pair("Przygotowano %(date)s", "Prepared on %(date)s"),
    "not_sure": pair("Jeszcze nie wiem", "Not sure yet"),
    "questions_heading": pair("Pytania do położnej", "Questions to ask my midwife"),
    "ask_not_sure": pair("Nie wiem jeszcze: %(prompt)s", "I am not sure yet about: %(prompt)s"),
    "ask_setting_status": pair("%(setting)s: %(state)s. Co dalej?", "%(setting)s is %(state)s."),
    "ask_pain_relief_unconfirmed": pair(
        "Jakie leki przeciwbólowe są w %(setting)s?", "Which pain relief at %(setting)s?"
    ),
    "ask_pain_relief_not_offered": pair(
        "%(option)s nie ma w %(setting)s", "%(option)s is not offered at %(setting)s"
    ),
    "status_changed": pair(
        "%(name)s: było %(before)s, jest %(now)s (%(url)s)",
        "%(name)s was %(before)s, now %(now)s (%(url)s)",
    ),
    "status_gone": pair("Nie ma już %(name)s", "%(name)s is no longer listed"),
    "local_services": pair("Usługi lokalne", "Local services"),
    "written_in": pair("Napisane po: %(language)s", "Written in %(language)s"),
    "bilingual_note": pair("notatka", "Questions in %(language)s and English"),
    "question": pair("Pytanie", "Question"),
    "question_in_english": pair("Pytanie po angielsku", "Question in English"),
    "answer": pair("Odpowiedź", "Her answer"),
    "file_stem": pair("moj-plan", "my-care-plan"),
    "nothing_yet": pair("Nic jeszcze", "Nothing yet"),
    "import_not_json": pair("To nie jest JSON", "Not JSON"),
    "import_not_plan": pair("To nie jest plan", "Not a plan"),
    "import_newer": pair("Nowsza wersja", "Newer version"),
    "import_too_big": pair("Za duży", "Too big"),
    "import_dropped": pair("Pominięto %(count)s", "%(count)s left out"),
}

DEFINITION: dict[str, object] = {
    "lang": "pl",
    "language_name": "Polski",
    "dir": "ltr",
    "strings": STRINGS,
    "states": {
        "available": pair("dostępne", "available"),
        "paused": pair("wstrzymane", "paused"),
    },
    "pain_relief": [
        {"id": "water", "label": pair("woda", "water")},
        {"id": "epidural", "label": pair("znieczulenie zewnątrzoponowe", "epidural")},
    ],
    "settings": {
        "unit-a": {
            "name": pair("Oddział A", "Unit A"),
            "state": "available",
            "url": "https://example.test/pl/birth-settings/unit-a/",
            "pain_relief": ["water"],
        },
        "unit-b": {
            "name": pair("Oddział B", "Unit B"),
            "state": "paused",
            "url": "https://example.test/pl/birth-settings/unit-b/",
            "pain_relief": None,
        },
    },
    "services": {
        "talking-therapy": {
            "name": pair("Terapia", "Talking therapy"),
            "state": "available",
            "url": "https://example.test/pl/services/talking-therapy/",
        }
    },
    "sections": [
        {
            "id": "about-me",
            "title": pair("O mnie", "About me"),
            "signposts": ["talking-therapy"],
            "questions": [
                {
                    "id": "what-matters",
                    "kind": "text",
                    "prompt": pair("Co jest ważne?", "What matters?"),
                },
                {
                    "id": "birth-partner",
                    "kind": "choice",
                    "prompt": pair("Kto ze mną?", "Who with me?"),
                    "options": [{"id": "friend", "label": pair("przyjaciółka", "a friend")}],
                },
            ],
        },
        {
            "id": "birth",
            "title": pair("Poród", "Birth"),
            "questions": [
                {"id": "place", "kind": "birth_setting", "prompt": pair("Gdzie?", "Where?")},
                {"id": "plan-b", "kind": "birth_setting", "prompt": pair("Plan B?", "Plan B?")},
                {"id": "pain", "kind": "pain_relief", "prompt": pair("Ból?", "Pain relief?")},
            ],
        },
        {
            "id": "questions",
            "title": pair("Pytania", "Questions"),
            "questions": [
                {
                    "id": "my-questions",
                    "kind": "text",
                    "asks": True,
                    "prompt": pair("Pytania", "Qs"),
                }
            ],
        },
    ],
}


def drafter() -> Drafter:
    return Drafter(json.dumps(DEFINITION))


def definition() -> Definition:
    return Definition.from_json(json.dumps(DEFINITION))


def call(method: str, *args: str) -> dict[str, object]:
    return json.loads(getattr(drafter(), method)(*args))


def test_free_text_is_kept_as_written_and_unknown_answers_are_left_out() -> None:
    dropped: list[str] = []
    answers = read_answers(
        {
            "what-matters": {"text": "Spokój <b>i</b> cisza\nDruga linia"},
            "birth-partner": {"choice": "husband"},
            "no-such-question": {"text": "x"},
            "pain": {"choices": ["water", "laughing-gas"]},
        },
        definition(),
        dropped,
    )
    assert answers["what-matters"].text == "Spokój <b>i</b> cisza\nDruga linia"
    assert "birth-partner" not in answers, "an unknown option is not a choice"
    assert answers["pain"].choices == ["water"]
    assert sorted(dropped) == ["birth-partner=husband", "no-such-question", "pain=laughing-gas"]


def test_not_sure_yet_is_an_answer_and_becomes_a_question_for_the_midwife() -> None:
    reply = call("questions", json.dumps({"birth-partner": {"not_sure": True}}))
    assert reply["questions"] == ["Nie wiem jeszcze: Kto ze mną?"]


def test_questions_gather_her_own_lines_and_what_the_site_could_not_confirm() -> None:
    answers = {
        "place": {"choice": "unit-b"},
        "pain": {"choices": ["water", "epidural"]},
        "my-questions": {"text": "Czy mogę mieć basen?\n\n  Czy partner może zostać?  "},
    }
    asked = call("questions", json.dumps(answers))["questions"]
    assert asked == [
        "Oddział B: wstrzymane. Co dalej?",
        "Jakie leki przeciwbólowe są w Oddział B?",
        "Czy mogę mieć basen?",
        "Czy partner może zostać?",
    ]


def test_pain_relief_is_checked_against_what_the_chosen_setting_offers() -> None:
    answers = {"place": {"choice": "unit-a"}, "pain": {"choices": ["water", "epidural"]}}
    asked = call("questions", json.dumps(answers))["questions"]
    assert asked == ["znieczulenie zewnątrzoponowe nie ma w Oddział A"]


def test_a_saved_plan_comes_back_the_same() -> None:
    answers = {
        "what-matters": {"text": "Cisza"},
        "place": {"choice": "unit-a"},
        "plan-b": {"not_sure": True},
        "pain": {"choices": ["water"], "text": "Chcę spróbować bez"},
    }
    saved = call("save", json.dumps(answers), NOW)
    assert saved["count"] == 4
    restored = call("restore", str(saved["saved"]))
    assert restored["answers"] == answers
    assert restored["saved_at"] == NOW
    assert restored["warnings"] == []


def test_saved_plan_records_the_status_of_what_it_names() -> None:
    plan = SavedPlan.make(
        definition(),
        read_answers({"what-matters": {"text": "x"}, "place": {"choice": "unit-a"}}, definition()),
        NOW,
    )
    assert plan.named == {"services/talking-therapy": "available", "settings/unit-a": "available"}


def test_a_status_change_since_saving_is_announced() -> None:
    saved = json.loads(str(call("save", json.dumps({"place": {"choice": "unit-b"}}), NOW)["saved"]))
    saved["named"]["settings/unit-b"] = "available"
    saved["named"]["services/closed-service"] = "available"
    restored = call("restore", json.dumps(saved))
    assert restored["warnings"] == [
        "Oddział B: było dostępne, jest wstrzymane (https://example.test/pl/birth-settings/unit-b/)",
        "Nie ma już closed-service",
    ]


def test_files_that_are_not_plans_are_refused_in_her_language() -> None:
    assert call("restore", "{not json")["error"] == "To nie jest JSON"
    assert call("restore", json.dumps({"answers": {}}))["error"] == "To nie jest plan"
    newer = {"kind": "local-maternity-offer/care-plan", "version": 99, "answers": {}}
    assert call("restore", json.dumps(newer))["error"] == "Nowsza wersja"
    assert call("restore", "x" * 2_000_001)["error"] == "Za duży"


def test_an_old_plan_with_a_removed_question_still_restores() -> None:
    old = {
        "kind": "local-maternity-offer/care-plan",
        "version": 1,
        "answers": {"what-matters": {"text": "Cisza"}, "retired-question": {"text": "x"}},
    }
    restored = call("restore", json.dumps(old))
    assert restored["answers"] == {"what-matters": {"text": "Cisza"}}
    assert restored["warnings"] == ["Pominięto 1"]


def test_text_and_markdown_exports_hold_her_answers_in_her_language() -> None:
    answers = json.dumps(
        {
            "what-matters": {"text": "Cisza\nI spokój"},
            "birth-partner": {"choice": "friend"},
            "plan-b": {"not_sure": True},
        }
    )
    text = call("export", answers, "text", NOW)
    assert text["filename"] == "moj-plan-2026-11-23.txt"
    content = str(text["content"])
    assert content.startswith("Mój plan\n")
    assert "  Cisza\n  I spokój" in content
    assert "- przyjaciółka" in content
    assert "- Jeszcze nie wiem" in content
    assert "Usługi lokalne\n- Terapia: https://example.test/pl/services/talking-therapy/" in content
    assert "Pytania do położnej" in content and "- Nie wiem jeszcze: Plan B?" in content
    markdown = str(call("export", answers, "markdown", NOW)["content"])
    assert markdown.startswith("# Mój plan\n")
    assert "## O mnie" in markdown and "> Cisza\n> I spokój" in markdown


def test_json_export_imports_again() -> None:
    answers = {"what-matters": {"text": "Cisza"}, "pain": {"choices": ["epidural"]}}
    exported = call("export", json.dumps(answers), "json", NOW)
    assert exported["mime"] == "application/json"
    assert call("restore", str(exported["content"]))["answers"] == answers


def test_bilingual_export_puts_each_question_in_both_languages_and_keeps_her_words() -> None:
    answers = {
        "what-matters": {"text": "<script>alert(1)</script> Cisza"},
        "birth-partner": {"choice": "friend"},
        "place": {"choice": "unit-b"},
    }
    page = str(call("export", json.dumps(answers), "bilingual", NOW)["content"])
    assert '<td lang="pl" dir="ltr">Co jest ważne?</td><td lang="en">What matters?</td>' in page
    assert 'przyjaciółka</span> / <span lang="en">a friend</span>' in page
    assert 'Oddział B (wstrzymane)</span> / <span lang="en">Unit B (paused)' in page
    assert '<p class="note" lang="en">Written in Polski</p>' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Cisza" in page
    assert "<script>" not in page


def test_print_view_escapes_her_text_and_says_when_nothing_is_answered() -> None:
    fragment = str(
        call("export", json.dumps({"what-matters": {"text": "a < b"}}), "print", NOW)["content"]
    )
    assert '<dd class="app-plan-print__text">a &lt; b</dd>' in fragment
    empty = str(call("export", "{}", "text", NOW)["content"])
    assert empty.rstrip().endswith("Nic jeszcze")


def test_unknown_export_format_is_refused() -> None:
    assert "unknown format" in str(call("export", "{}", "pdf", NOW)["error"])
