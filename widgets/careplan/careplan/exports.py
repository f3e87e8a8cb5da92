"""Her plan as something to take to her midwife: plain text, Markdown, a printable page and
a bilingual page (each question in her language and in English, her own words as written).

Her free text is always escaped: it is shown, never interpreted as markup."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from careplan.plan import Answer, Definition, Question, Section


def _chosen_setting(definition: Definition, answers: dict[str, Answer]) -> str | None:
    """Her first choice of place of birth: the first birth-setting question she answered."""
    for question in definition.questions().values():
        if question.kind == "birth_setting":
            answer = answers.get(question.id)
            if answer is not None and answer.choice in definition.settings:
                return answer.choice
            return None
    return None


def questions_for_midwife(definition: Definition, answers: dict[str, Answer]) -> list[str]:
    """Questions gathered from her answers: what she is not sure about yet, what the site
    could not confirm about the setting she chose, and her own questions."""
    asked: list[str] = []
    setting_id = _chosen_setting(definition, answers)
    setting = definition.settings.get(setting_id) if setting_id else None
    if setting is not None and setting.state != "available":
        asked.append(
            definition.say(
                "ask_setting_status",
                setting=setting.name.local,
                state=definition.state_label(setting.state),
            )
        )
    own: list[str] = []
    for question in definition.questions().values():
        answer = answers.get(question.id)
        if answer is None:
            continue
        if answer.not_sure:
            asked.append(definition.say("ask_not_sure", prompt=question.prompt.local))
        if question.asks:
            own.extend(line.strip() for line in answer.text.splitlines() if line.strip())
        if question.kind == "pain_relief" and setting is not None and answer.choices:
            if setting.pain_relief is None:
                asked.append(
                    definition.say("ask_pain_relief_unconfirmed", setting=setting.name.local)
                )
            else:
                for option in definition.pain_relief:
                    if option.id in answer.choices and option.id not in setting.pain_relief:
                        asked.append(
                            definition.say(
                                "ask_pain_relief_not_offered",
                                option=option.label.local,
                                setting=setting.name.local,
                            )
                        )
    return asked + own


def answer_words(
    question: Question, answer: Answer, definition: Definition, english: bool = False
) -> list[str]:
    """Her structured choices in words (translated), without her free text."""

    def pick(local: str, en: str) -> str:
        return en if english else local

    words: list[str] = []
    if answer.not_sure:
        words.append(definition.say("not_sure", english))
    if question.kind == "birth_setting" and answer.choice in definition.settings:
        setting = definition.settings[answer.choice]
        name = pick(setting.name.local, setting.name.en)
        if setting.state != "available":
            name += f" ({definition.state_label(setting.state, english)})"
        words.append(name)
    elif question.kind == "choice" and answer.choice:
        option = question.option(answer.choice)
        if option is not None:
            words.append(pick(option.label.local, option.label.en))
    if question.kind == "pain_relief":
        words.extend(
            pick(o.label.local, o.label.en)
            for o in definition.pain_relief
            if o.id in answer.choices
        )
    return words


def _answered(
    definition: Definition, answers: dict[str, Answer]
) -> Iterator[tuple[Section, list[tuple[Question, Answer]]]]:
    """Each section with the questions she answered, in the site's order."""
    for section in definition.sections:
        rows = [
            (q, answers[q.id])
            for q in section.questions
            if q.id in answers and not answers[q.id].is_empty()
        ]
        yield section, rows


def _services(definition: Definition, section_signposts: tuple[str, ...]) -> list[str]:
    lines = []
    for service_id in section_signposts:
        service = definition.services.get(service_id)
        if service is not None:
            lines.append(f"{service.name.local}: {service.url}")
    return lines


def to_text(definition: Definition, answers: dict[str, Answer], today: str) -> str:
    return _plain(definition, answers, today, markdown=False)


def to_markdown(definition: Definition, answers: dict[str, Answer], today: str) -> str:
    return _plain(definition, answers, today, markdown=True)


def _plain(definition: Definition, answers: dict[str, Answer], today: str, markdown: bool) -> str:
    def heading(text: str, level: int) -> list[str]:
        if markdown:
            return [f"{'#' * level} {text}", ""]
        return [text, ("=" if level == 1 else "-") * len(text), ""]

    def quoted(line: str) -> str:
        if markdown:
            return f"> {line}" if line else ">"
        return f"  {line}" if line else ""

    out = heading(definition.say("plan_title"), 1)
    out += [definition.say("prepared_on", date=today), ""]
    written = False
    for section, rows in _answered(definition, answers):
        if not rows:
            continue
        written = True
        out += heading(section.title.local, 2)
        for question, answer in rows:
            out.append(f"**{question.prompt.local}**" if markdown else question.prompt.local)
            out += [f"- {word}" for word in answer_words(question, answer, definition)]
            out += [quoted(line) for line in answer.text.strip().splitlines()]
            out.append("")
        services = _services(definition, section.signposts)
        if services:
            out += [definition.say("local_services"), *(f"- {line}" for line in services), ""]
    asked = questions_for_midwife(definition, answers)
    if asked:
        written = True
        out += heading(definition.say("questions_heading"), 2)
        out += [*(f"- {line}" for line in asked), ""]
    if not written:
        out.append(definition.say("nothing_yet"))
    return "\n".join(out).rstrip() + "\n"


def to_print_html(definition: Definition, answers: dict[str, Answer], today: str) -> str:
    """Her plan as an HTML fragment for the page's print view (her language)."""
    parts = [
        f"<h2>{escape(definition.say('plan_title'))}</h2>",
        f"<p>{escape(definition.say('prepared_on', date=today))}</p>",
    ]
    for section, rows in _answered(definition, answers):
        if not rows:
            continue
        parts.append(f"<h3>{escape(section.title.local)}</h3><dl>")
        for question, answer in rows:
            parts.append(f"<dt>{escape(question.prompt.local)}</dt>")
            for word in answer_words(question, answer, definition):
                parts.append(f"<dd>{escape(word)}</dd>")
            if answer.text.strip():
                parts.append(f'<dd class="app-plan-print__text">{escape(answer.text.strip())}</dd>')
        parts.append("</dl>")
    asked = questions_for_midwife(definition, answers)
    if asked:
        parts.append(f"<h3>{escape(definition.say('questions_heading'))}</h3><ul>")
        parts.extend(f"<li>{escape(line)}</li>" for line in asked)
        parts.append("</ul>")
    return "\n".join(parts)


def to_bilingual_html(definition: Definition, answers: dict[str, Answer], today: str) -> str:
    """A page a midwife who reads only English can use: each question in her language and in
    English side by side, choices in both, her own words as written and marked with their
    language."""
    lang, direction = definition.lang, definition.direction
    title = definition.say("plan_title", english=True)
    local_title = definition.say("plan_title")
    rows: list[str] = []
    for section, answered in _answered(definition, answers):
        if not answered:
            continue
        rows.append(
            '<tr class="section"><th colspan="3" scope="colgroup">'
            f'<span lang="{lang}" dir="{direction}">{escape(section.title.local)}</span>'
            f"{' / ' + escape(section.title.en) if section.title.en != section.title.local else ''}"
            "</th></tr>"
        )
        for question, answer in answered:
            local_words = answer_words(question, answer, definition)
            en_words = answer_words(question, answer, definition, english=True)
            cells = [
                f'<td lang="{lang}" dir="{direction}">{escape(question.prompt.local)}</td>',
                f'<td lang="en">{escape(question.prompt.en)}</td>',
            ]
            answer_parts = []
            for local, en in zip(local_words, en_words, strict=True):
                answer_parts.append(
                    f'<p><span lang="{lang}" dir="{direction}">{escape(local)}</span>'
                    + (f' / <span lang="en">{escape(en)}</span>' if en != local else "")
                    + "</p>"
                )
            if answer.text.strip():
                marker = definition.say(
                    "written_in", english=True, language=definition.language_name
                )
                answer_parts.append(
                    f'<p class="note" lang="en">{escape(marker)}</p>'
                    f'<p lang="{lang}" dir="{direction}" class="free">'
                    f"{escape(answer.text.strip())}</p>"
                )
            cells.append(f"<td>{''.join(answer_parts)}</td>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
    asked_local = questions_for_midwife(definition, answers)
    asked_block = ""
    if asked_local:
        heading = definition.say("questions_heading")
        heading_en = definition.say("questions_heading", english=True)
        items = "".join(
            f'<li lang="{lang}" dir="{direction}">{escape(line)}</li>' for line in asked_local
        )
        asked_block = (
            f'<h2><span lang="{lang}" dir="{direction}">{escape(heading)}</span>'
            f"{' / ' + escape(heading_en) if heading_en != heading else ''}</h2><ul>{items}</ul>"
        )
    local_heading = (
        ""
        if local_title == title
        else f' / <span lang="{lang}" dir="{direction}">{escape(local_title)}</span>'
    )
    note = definition.say("bilingual_note", english=True, language=definition.language_name)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        "<style>body{font-family:system-ui,sans-serif;margin:1rem;line-height:1.45}"
        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #555;padding:.4rem;"
        "vertical-align:top;text-align:start}tr.section th{background:#e8edee}"
        ".free{white-space:pre-wrap}.note{font-size:.85em;color:#333;margin:0}"
        # On A4 a question and its answer stay together and the column headings repeat.
        "@page{size:A4;margin:15mm}@media print{body{margin:0;font-size:11pt;color:#000}"
        "thead{display:table-header-group}tr{break-inside:avoid}"
        "h1,h2,tr.section{break-after:avoid}}</style>\n"
        "</head>\n<body>\n"
        f"<h1>{escape(title)}{local_heading}</h1>\n"
        f"<p>{escape(definition.say('prepared_on', english=True, date=today))}</p>\n"
        f"<p>{escape(note)}</p>\n"
        "<table>\n<thead><tr>"
        f'<th scope="col" lang="{lang}" dir="{direction}">{escape(definition.say("question"))}</th>'
        f'<th scope="col">{escape(definition.say("question_in_english", english=True))}</th>'
        f'<th scope="col">{escape(definition.say("answer", english=True))}</th>'
        "</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n"
        f"{asked_block}\n</body>\n</html>\n"
    )
