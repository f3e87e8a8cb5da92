"""The care-plan drafter, on the build side: checks data/care_plan.yml, renders the plain
HTML form (which works with JavaScript off), and writes the definition the widget's Python
reads in the browser: every question in the page's language and in English, and the
settings and services it may name with their status today."""

from __future__ import annotations

from typing import Any

from lmo.core import labels
from lmo.core.i18n import language_name, text_direction
from lmo.core.labels import N_
from lmo.core.problems import Problem
from lmo.core.yamlsource import SourceDocument, dotted
from lmo.data import schema
from lmo.data.references import report_repeated_ids
from lmo.data.schema import SOURCE_LANGUAGE
from lmo.features.care_plan.schema import CarePlanFile
from lmo.site.addresses import page_url
from lmo.site.facts import source_facts
from lmo.site.render import GeneratedPage, Renderer
from lmo.site.widget_paths import WIDGET_DIR, definition_text, script_files

URL = "care-plan/"
DEFINITION_FILE = "care-plan/plan.json"
SCRIPT = WIDGET_DIR + "care-plan.js"
# The wheel's version changes only with its format; a new build is a new service worker
# and the page revalidates, so browsers never keep an old wheel.
WHEEL_VERSION = "1.0.0"
WHEEL = f"{WIDGET_DIR}careplan-{WHEEL_VERSION}-py3-none-any.whl"


# Words the widget's Python uses in exports and messages, from the interface catalogue so
# translators see them with the rest of the site's text.
EXPORT_STRINGS: dict[str, str] = {
    "plan_title": N_("My care and support plan: notes for talking with my midwife"),
    "prepared_on": N_(
        "Prepared on %(date)s. This is my draft: my midwife and I agree my plan together."
    ),
    "not_sure": N_("Not sure yet"),
    "questions_heading": N_("Questions to ask my midwife"),
    "ask_not_sure": N_("I am not sure yet about: %(prompt)s"),
    "ask_setting_status": N_(
        "%(setting)s is marked \u201c%(state)s\u201d on the website. What are my options?"
    ),
    "ask_pain_relief_unconfirmed": N_("Which pain relief is offered at %(setting)s?"),
    "ask_pain_relief_not_offered": N_(
        "The website does not list %(option)s at %(setting)s. Could I have it, and if not, where?"
    ),
    "status_changed": N_(
        "%(name)s was \u201c%(before)s\u201d when you saved your plan. It is now"
        " \u201c%(now)s\u201d. Check its page before you rely on it: %(url)s"
    ),
    "status_gone": N_(
        "Your plan names something this website no longer lists (%(name)s). Ask your midwife."
    ),
    "local_services": N_("Local services that can help:"),
    "written_in": N_("Written in %(language)s, as she wrote it:"),
    "bilingual_note": N_(
        "Each question is shown in %(language)s and in English. Her choices are given in both"
        " languages. Her own words are kept exactly as she wrote them."
    ),
    "question": N_("Question"),
    "question_in_english": N_("Question in English"),
    "answer": N_("Her answer"),
    "file_stem": N_("my-care-plan"),
    "nothing_yet": N_("Nothing written yet."),
    "import_not_json": N_(
        "This file could not be read. Choose a plan you downloaded from this page (a .json file)."
    ),
    "import_not_plan": N_("This file is not a care plan from this website."),
    "import_newer": N_(
        "This plan was saved by a newer version of this website. Reload the page and try again."
    ),
    "import_too_big": N_("This file is too big to be a care plan."),
    "import_dropped": N_(
        "%(count)s answers were to questions this page no longer asks, so they were left out."
    ),
}


def check_care_plan(doc: SourceDocument, plan: CarePlanFile, problems: list[Problem]) -> None:
    """Check the plan's ids, and that one question at most takes notes from another page
    (its references to services are declared in its schema and checked by the walker)."""

    why = "saved plans find their answers by id, so each needs its own"
    sections = [(("sections", s), section) for s, section in enumerate(plan.sections)]
    report_repeated_ids(doc, (((*at, "id"), section.id) for at, section in sections), problems, why)
    questions = [
        ((*at, "questions", q), question)
        for at, section in sections
        for q, question in enumerate(section.questions)
    ]
    report_repeated_ids(doc, (((*at, "id"), q.id) for at, q in questions), problems, why)
    for question_at, question in questions:
        options = (
            ((*question_at, "options", o, "id"), option.id)
            for o, option in enumerate(question.options)
        )
        report_repeated_ids(doc, options, problems, why)
    receiving = [(at, q) for at, q in questions if q.receives is not None]
    for at, question in receiving:
        if question.kind != "text":
            line, col = doc.locate((*at, "receives"))
            problems.append(
                Problem(
                    doc.file,
                    line,
                    col,
                    dotted((*at, "receives")),
                    "only a question with 'kind: text' can receive notes from another page",
                )
            )
    for at, _question in receiving[1:]:
        line, col = doc.locate((*at, "receives"))
        first, _ = doc.locate((*receiving[0][0], "receives"))
        problems.append(
            Problem(
                doc.file,
                line,
                col,
                dotted((*at, "receives")),
                f"the notes already go to the question on line {first}; keep one",
            )
        )


def definition(renderer: Renderer, plan: CarePlanFile) -> dict[str, Any]:
    """What the widget's Python reads: careplan.plan.Definition.from_json."""
    ds = renderer.ctx.ds
    gettext = renderer.ctx.translations.gettext

    def pair(value: schema.LocalText) -> dict[str, str]:
        return {"local": renderer.plain(value), "en": value.en}

    def words(msgid: str) -> dict[str, str]:
        return {"local": gettext(msgid), "en": msgid}

    def record(collection: str, item: Any, **extra: Any) -> dict[str, Any]:
        return {
            "name": pair(item.name),
            "state": item.status.state,
            "url": renderer.absolute_url(page_url(collection, item.id)),
            **extra,
        }

    return {
        "lang": renderer.ctx.lang,
        "language_name": language_name(renderer.ctx.lang, renderer.ctx.lang),
        "dir": text_direction(renderer.ctx.lang),
        "strings": {key: words(msgid) for key, msgid in EXPORT_STRINGS.items()},
        "states": {state: words(msgid) for state, msgid in labels.STATUS.items()},
        "pain_relief": [
            {"id": key, "label": words(msgid)} for key, msgid in labels.PAIN_RELIEF.items()
        ],
        "settings": {
            s.id: record(
                "birth_settings",
                s,
                pain_relief=None
                if s.facilities.pain_relief is None
                else list(s.facilities.pain_relief),
            )
            for s in ds.birth_settings.values()
        },
        "services": {
            service_id: record("services", ds.services[service_id])
            for service_id in sorted({i for s in plan.sections for i in s.signposts})
        },
        "sections": [
            {
                "id": section.id,
                "title": pair(section.title),
                "signposts": list(section.signposts),
                "questions": [
                    {
                        "id": q.id,
                        "kind": q.kind,
                        "prompt": pair(q.prompt),
                        "options": [{"id": o.id, "label": pair(o.label)} for o in q.options],
                        "asks": q.asks,
                    }
                    for q in section.questions
                ],
            }
            for section in plan.sections
        ],
    }


def care_plan_page(renderer: Renderer, plan: CarePlanFile) -> GeneratedPage:
    ds = renderer.ctx.ds
    gettext = renderer.ctx.translations.gettext
    renderer.ctx.files[DEFINITION_FILE] = definition_text(definition(renderer, plan))
    return renderer.render_page(
        "care_plan.md.j2",
        URL,
        path="care-plan/index.md",
        title=gettext("Prepare your care plan"),
        description=gettext(
            "Write down what matters to you before you talk with your midwife. It stays on"
            " your phone or computer."
        ),
        facts={
            "kind": "care_plan",
            "widget": "careplan",
            # Site-root paths for the theme's script tag (theme_overrides/main.html).
            "widget_files": script_files(SCRIPT, WHEEL),
            "last_reviewed": plan.last_reviewed.isoformat(),
            "review_by": plan.review_by.isoformat(),
            "owner": plan.owner,
            "source": source_facts(plan.source),
        },
        plan=plan,
        setting_groups=ds.settings_by_type(),
        # The services the sections point to, by id: their status is shown beside each.
        signposts={i: ds.services[i] for section in plan.sections for i in section.signposts},
        pain_relief=labels.PAIN_RELIEF,
        source_language=SOURCE_LANGUAGE,
        widget={"definition": DEFINITION_FILE.rsplit("/", 1)[1]},
    )
