"""What the page shows for her choices: the figures for her kind of birth, setting type by
setting type, as pictures, sentences and tables, then the area's settings of that type,
nearest first. Every value from the definition or from her is escaped here: this is the
only HTML the browser layer inserts.

Neutral throughout: nothing is ranked or recommended. Her "what matters" choices only mark
the facts that touch them.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from birthplace.definition import (
    INTERVENTIONS,
    OUTCOMES,
    PARITIES,
    SETTING_TYPES,
    WAYS_OF_GIVING_BIRTH,
    Definition,
    Figure,
    Setting,
)
from birthplace.pictures import icon_array, legend_swatch
from birthplace.where import Found, look_up, miles_between

MATTERS = (
    "birth_pool",
    "partner_overnight",
    "close_to_home",
    "know_midwife",
    "fewer_interventions",
)


@dataclass(frozen=True)
class Choice:
    """What she told the page; every part is optional."""

    parity: str | None = None  # first_birth, later_birth or None
    complication: bool = False
    matters: tuple[str, ...] = ()
    where: str = ""
    notes: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Choice:
        parity = data.get("parity")
        matters = data.get("matters") or []
        return cls(
            parity=parity if parity in PARITIES else None,
            complication=data.get("complication") is True,
            matters=tuple(m for m in MATTERS if m in matters),
            where=str(data.get("where") or "")[:100],
            notes=str(data.get("notes") or "")[:5000],
        )


@dataclass
class Placed:
    setting: Setting
    miles: float | None


@dataclass
class Results:
    html: str
    summary: str
    where: Found | None


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _source(d: Definition, figure: Figure) -> str:
    title = _e(figure.source)
    if figure.url:
        title = f'<a href="{_e(figure.url)}">{title}</a>'
    state = d.verification[figure.verification]
    css = "app-bp__check" + (" app-bp__check--pending" if figure.verification != "checked" else "")
    return f'{title} <span class="{css}">({_e(state)})</span>'


def _miles(d: Definition, miles: float, where: Found) -> str:
    if miles < 1:
        return d.say("distance_under_one", where=where.label)
    return d.say("distance", miles=round(miles), where=where.label)


def place_settings(d: Definition, kind: str, where: Found | None) -> list[Placed]:
    """The area's settings of one type: nearest first when she said where she lives, else
    in the order of the data. A setting without a position (home birth) has no distance."""
    placed = []
    for setting in d.settings:
        if setting.type != kind:
            continue
        miles = None
        if where is not None and setting.lat is not None and setting.lon is not None:
            miles = miles_between(where.lat, where.lon, setting.lat, setting.lon)
        placed.append(Placed(setting, miles))
    if where is not None:
        placed.sort(key=lambda p: (p.miles is None, p.miles or 0.0))
    return placed


def nearest(d: Definition, where: Found, count: int) -> list[Placed]:
    """The settings nearest her, of any type (those with a position)."""
    placed = [p for kind in SETTING_TYPES for p in place_settings(d, kind, where)]
    with_miles = [p for p in placed if p.miles is not None]
    return sorted(with_miles, key=lambda p: p.miles or 0.0)[:count]


def _matters_mark(d: Definition, wanted: bool) -> str:
    if not wanted:
        return ""
    return f' <strong class="app-bp__matters">{_e(d.say("matters_to_you"))}</strong>'


def _setting_item(d: Definition, placed: Placed, choice: Choice, where: Found | None) -> str:
    s = placed.setting
    state_css = "app-bp__state" + ("" if s.state == "available" else " app-bp__state--changed")
    state = f'<span class="{state_css}">{_e(s.state_label)}</span>'
    name = f'<a href="{_e(s.url)}">{_e(s.name)}</a> {state}'
    facts = []
    if not s.in_area:
        facts.append(_e(d.say("outside_area")))
    if placed.miles is not None and where is not None:
        facts.append(
            _e(_miles(d, placed.miles, where)) + _matters_mark(d, "close_to_home" in choice.matters)
        )
    if s.type == "home":
        facts.append(
            _e(d.say("at_home", area=s.area or ""))
            + _matters_mark(d, "close_to_home" in choice.matters)
        )
    else:
        if s.birth_pools is None:
            pools = d.say("pools_unknown")
        elif s.birth_pools == 0:
            pools = d.say("pools_none")
        else:
            pools = d.say("pools", count=s.birth_pools)
        wanted = "birth_pool" in choice.matters
        facts.append(_e(pools) + _matters_mark(d, wanted and bool(s.birth_pools)))
        partner = d.say(f"partner_{s.partner_overnight}")
        wanted = "partner_overnight" in choice.matters
        facts.append(_e(partner) + _matters_mark(d, wanted and s.partner_overnight == "yes"))
    if s.transfer_unit is not None:
        unit = _e(s.transfer_unit)
        if s.transfer_url:
            unit = f'<a href="{_e(s.transfer_url)}">{unit}</a>'
        if s.transfer_minutes is not None:
            text = _e(d.say("transfer_to_minutes", unit="\x00", minutes=s.transfer_minutes))
        else:
            text = _e(d.say("transfer_to", unit="\x00"))
        facts.append(text.replace("\x00", unit))
    items = "".join(f"<li>{fact}</li>" for fact in facts)
    return f"<li>{name}<ul>{items}</ul></li>"


def _ways_picture(d: Definition, parity: str, kind: str) -> str:
    rows = d.figures[parity]
    counts = [rows[o].per_1000[kind] for o in WAYS_OF_GIVING_BIRTH]
    pid = f"bp-{parity}-{kind}-ways"
    sentence = d.say(
        "ways_sentence",
        setting=d.setting_types[kind],
        spontaneous=counts[0],
        instrumental=counts[1],
        caesarean=counts[2],
    )
    key = "".join(
        f"<li>{legend_swatch(pid, i)} {_e(d.outcomes[o])}: {d.number(counts[i])}</li>"
        for i, o in enumerate(WAYS_OF_GIVING_BIRTH)
    )
    return (
        f'<figure class="app-bp__figure">{icon_array(pid, counts, pid + "-text")}'
        f'<figcaption id="{pid}-text">{_e(sentence)}</figcaption>'
        f'<ul class="app-bp__key">{key}</ul></figure>'
    )


def _transfer_part(d: Definition, parity: str, kind: str) -> str:
    if kind == "obstetric_unit":
        return ""
    rows = d.figures[parity]
    moved = rows["transferred"].per_1000[kind]
    pid = f"bp-{parity}-{kind}-moved"
    sentence = d.say("transfer_sentence", setting=d.setting_types[kind], count=moved)
    key = (
        f"<li>{legend_swatch(pid, 1)} {_e(d.say('moved'))}: {d.number(moved)}</li>"
        f"<li>{legend_swatch(pid, 0)} {_e(d.say('did_not_move'))}: {d.number(1000 - moved)}</li>"
    )
    parts = [
        f'<figure class="app-bp__figure">{icon_array(pid, [1000 - moved, moved], pid + "-text")}'
        f'<figcaption id="{pid}-text">{_e(sentence)}</figcaption>'
        f'<ul class="app-bp__key">{key}</ul></figure>',
        f'<p class="app-bp__source">{_e(d.say("source"))} {_source(d, rows["transferred"])}</p>',
    ]
    reasons = sorted(d.transfer_reasons, key=lambda r: -float(r["share"][kind]))
    top = [r for r in reasons if r["id"] != "other"][:3]
    items = "".join(
        "<li>"
        + _e(d.say("reason_share", reason=r["label"], share=float(r["share"][kind])))
        + "</li>"
        for r in top
    )
    parts.append(f"<p>{_e(d.say('reasons_intro'))}</p><ul>{items}</ul>")
    time = d.transfer_times.get(kind)
    if time is not None:
        minutes, source = time
        parts.append(f"<p>{_e(d.say('transfer_time', minutes=minutes))}</p>")
        parts.append(f'<p class="app-bp__source">{_e(d.say("source"))} {_source(d, source)}</p>')
    parts.append(
        f'<p class="app-bp__source">{_e(d.say("source"))} {_source(d, d.transfer_source)}</p>'
    )
    return "".join(parts)


def _table(d: Definition, parity: str, kind: str, choice: Choice) -> str:
    rows = d.figures[parity]
    caption = d.say("table_caption", setting=d.setting_types[kind], parity=d.parities[parity])
    body = []
    for outcome in OUTCOMES:
        if outcome not in rows:
            continue
        label = d.outcomes[outcome]
        if outcome == "transferred" and kind == "obstetric_unit":
            label = d.say("moved_between_labour_wards")
        figure = rows[outcome]
        marked = "fewer_interventions" in choice.matters and outcome in INTERVENTIONS
        css = ' class="app-bp__row--matters"' if marked else ""
        body.append(
            f'<tr{css}><th scope="row">{_e(label)}{_matters_mark(d, marked)}</th>'
            f"<td>{d.number(figure.per_1000[kind])}</td><td>{_source(d, figure)}</td></tr>"
        )
    return (
        f'<div class="app-bp__table"><table><caption>{_e(caption)}</caption>'
        f'<thead><tr><th scope="col">{_e(d.say("outcome"))}</th>'
        f'<th scope="col">{_e(d.say("per_1000"))}</th>'
        f'<th scope="col">{_e(d.say("source_column"))}</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _baby_sentence(d: Definition, parity: str, kind: str) -> str:
    figure = d.figures[parity].get("baby_serious_problems")
    if figure is None:
        return ""
    count = figure.per_1000[kind]
    return f"<p>{_e(d.say('baby_sentence', count=count))}</p>"


def results(d: Definition, choice: Choice) -> Results:
    parities = [choice.parity] if choice.parity else list(PARITIES)
    where = look_up(choice.where, d.districts) if choice.where.strip() else None
    out = ['<h2 id="bp-results-title" tabindex="-1">' + _e(d.say("results_heading")) + "</h2>"]
    notes = []
    if choice.complication:
        notes.append(
            '<div class="app-notice" role="note"><p>' + _e(d.say("complication")) + "</p></div>"
        )
    if choice.parity is None:
        notes.append("<p>" + _e(d.say("no_parity")) + "</p>")
    if choice.where.strip() and where is None:
        not_found = d.say("where_not_found", text=choice.where, district=d.where_example or "")
        notes.append('<p class="app-bp__where">' + _e(not_found) + "</p>")
    elif where is not None:
        approximate = d.districts_approximate or any(s.approximate for s in d.settings)
        key = "where_found_approximate" if approximate else "where_found"
        notes.append('<p class="app-bp__where">' + _e(d.say(key, where=where.label)) + "</p>")
    if "know_midwife" in choice.matters:
        notes.append("<p>" + _e(d.say("know_midwife")) + _matters_mark(d, True) + "</p>")
    out.extend(notes)
    listed = 0
    for kind in SETTING_TYPES:
        out.append(f'<section class="app-bp__type" aria-labelledby="bp-{kind}">')
        out.append(f'<h3 id="bp-{kind}">{_e(d.setting_types[kind])}</h3>')
        for parity in parities:
            if len(parities) > 1:
                out.append(f"<h4>{_e(d.parities[parity])}</h4>")
            out.append(_ways_picture(d, parity, kind))
            out.append(_transfer_part(d, parity, kind))
            out.append(_baby_sentence(d, parity, kind))
            out.append(_table(d, parity, kind, choice))
        placed = place_settings(d, kind, where)
        listed += len(placed)
        heading = d.say("places_of_type", setting=d.setting_types[kind])
        out.append(f"<h4>{_e(heading)}</h4>")
        if placed:
            items = "".join(_setting_item(d, p, choice, where) for p in placed)
            out.append(f'<ul class="app-bp__places">{items}</ul>')
        else:
            out.append(f"<p>{_e(d.say('none_of_type'))}</p>")
        out.append("</section>")
    summary = d.say(
        "summary",
        parity=" / ".join(d.parities[p] for p in parities),
        count=listed,
    )
    return Results("".join(out), summary, where)
