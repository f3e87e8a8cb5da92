"""The birth-place information page, on the build side: renders the page (complete
without JavaScript: every figure for both kinds of birth, with its source, and the area's
settings), and writes the definition the widget's Python reads in her browser
(widgets/birthplace). Its data's checks are in ``checks``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel.numbers import get_decimal_symbol, get_group_symbol

from lmo.core import labels
from lmo.core.i18n import babel_locale, text_direction
from lmo.core.labels import N_
from lmo.data import schema
from lmo.data.dataset import DataSet
from lmo.features.birth_place import icon_arrays
from lmo.features.birth_place import schema as birth_place_schema
from lmo.site.addresses import page_url, relative_url
from lmo.site.facts import source_facts
from lmo.site.render import GeneratedPage, Renderer
from lmo.site.widget_paths import WIDGET_DIR, definition_text, script_files

URL = "birth-place/"
DEFINITION_FILE = "birth-place/places.json"
SCRIPT = WIDGET_DIR + "birth-place.js"
WHEEL_VERSION = "1.0.0"
WHEEL = f"{WIDGET_DIR}birthplace-{WHEEL_VERSION}-py3-none-any.whl"
# The definition's layout; widgets/birthplace/birthplace/definition.py reads this version.
FORMAT = 1

# Words the widget's Python puts on the page, from the interface catalogue so translators
# see them with the rest of the site's text. Values are filled in by name.
STRINGS: dict[str, str] = {
    "results_heading": N_("The figures and places for you"),
    "complication": N_(
        "You said you have been told about a complication. These figures are for women with"
        " straightforward pregnancies, so they may not apply to you. Your midwife or the"
        " birth-planning clinic will talk through your options with you."
    ),
    "no_parity": N_(
        "You did not say whether this is your first baby, so the figures for both are shown."
    ),
    "where_not_found": N_(
        "\u201c%(text)s\u201d is not in this website's list of postcode districts and towns."
        " Try the first half of your postcode, such as %(district)s, or the name of your town."
        " The places are listed without distances."
    ),
    "where_found": N_("Distances are in a straight line from %(where)s."),
    "where_found_approximate": N_(
        "Distances are in a straight line from the approximate centre of %(where)s to the"
        " approximate position of each place. The journey by road is longer."
    ),
    "know_midwife": N_(
        "Ask your midwife whether you could be cared for by the same small team of midwives"
        " in pregnancy, birth and afterwards. This website does not yet list which teams"
        " offer this."
    ),
    "matters_to_you": N_("(matters to you)"),
    "ways_sentence": N_(
        "%(setting)s: out of every 1,000 women, %(spontaneous)s had a vaginal birth without"
        " forceps or ventouse, %(instrumental)s had a birth with forceps or ventouse and"
        " %(caesarean)s had a caesarean birth."
    ),
    "moved": N_("Moved to a labour ward"),
    # A woman already in a labour ward who "moved to a labour ward" went to another one.
    "moved_between_labour_wards": N_(
        "Moved from one labour ward to another during or after labour"
    ),
    "did_not_move": N_("Did not move"),
    "transfer_sentence": N_(
        "%(setting)s: out of every 1,000 women, %(count)s moved to a labour ward during or"
        " after labour."
    ),
    "reasons_intro": N_("The most common reasons for moving were:"),
    "reason_share": N_("%(reason)s: %(share)s in every 100 moves"),
    "transfer_time": N_(
        "Half of these moves took less than %(minutes)s minutes from the decision to move to"
        " arriving (a national figure)."
    ),
    "baby_sentence": N_("Out of every 1,000 babies, %(count)s had a serious medical problem."),
    "table_caption": N_("%(setting)s, %(parity)s: per 1,000 women"),
    "outcome": N_("What happened"),
    "per_1000": N_("Out of 1,000"),
    "source_column": N_("Source"),
    "source": N_("Source:"),
    "places_of_type": N_("%(setting)s: places in and near this area"),
    "none_of_type": N_("There are no places of this kind in this website's list."),
    "outside_area": N_("Run by a neighbouring area."),
    "distance": N_("About %(miles)s miles in a straight line from %(where)s"),
    "distance_under_one": N_("Less than 1 mile in a straight line from %(where)s"),
    "at_home": N_("Midwives come to you at home. Where: %(area)s"),
    "pools": N_("Birth pools: %(count)s"),
    "pools_none": N_("No birth pool"),
    "pools_unknown": N_("Birth pools: not confirmed. Ask the unit."),
    "partner_yes": N_("Your birth partner can stay overnight"),
    "partner_no": N_("Your birth partner cannot stay overnight"),
    "partner_unknown": N_("Whether your birth partner can stay overnight: not confirmed"),
    "transfer_to": N_("If you need to move: %(unit)s"),
    "transfer_to_minutes": N_(
        "If you need to move: %(unit)s, usually about %(minutes)s minutes away"
    ),
    "summary": N_("Figures shown: %(parity)s. Places listed: %(count)s."),
    "note_title": N_("From the birth-place page (%(date)s):"),
    "note_parity": N_("Figures I looked at: %(parity)s"),
    "note_matters": N_("What matters to me: %(matters)s"),
    "note_nearest": N_("Nearest to %(where)s: %(places)s"),
    "note_miles": N_("about %(miles)s miles"),
    "note_mine": N_("My notes: %(notes)s"),
}


def source_text(source: birth_place_schema.FigureSource) -> str:
    return source.title + (f", {source.reference}" if source.reference else "")


def _per_setting(values: birth_place_schema.PerThousand) -> dict[str, int]:
    return {kind: getattr(values, kind) for kind in schema.BIRTH_SETTING_TYPES}


@dataclass(frozen=True)
class BirthPlaceData:
    """The feature's checked value: the figures, and the area's districts if given."""

    figures: birth_place_schema.BirthplaceFiguresFile
    districts: birth_place_schema.PostcodeDistrictsFile | None


def figure_entry(source: birth_place_schema.FigureSource, **extra: Any) -> dict[str, Any]:
    """A figure for the widget, with where it comes from and how sure it is."""
    return {
        "source": source_text(source),
        "url": source.url,
        "verification": source.verification,
        **extra,
    }


def setting_entry(renderer: Renderer, s: schema.BirthSetting) -> dict[str, Any]:
    """A birth setting as the widget lists it, with where to go if she needs to move."""
    ds = renderer.ctx.ds
    gettext = renderer.ctx.translations.gettext
    place = ds.places.get(s.place) if s.place else None
    transfer = None
    if s.transfer is not None:
        unit = ds.birth_settings[s.transfer.unit]
        transfer = {
            "name": renderer.plain(unit.name),
            "url": relative_url(URL, page_url("birth_settings", unit.id)),
            "minutes": s.transfer.typical_minutes,
        }
    return {
        "id": s.id,
        "name": renderer.plain(s.name),
        "type": s.type,
        # Relative to the page the results appear on, so links work under any host.
        "url": relative_url(URL, page_url("birth_settings", s.id)),
        "state": s.status.state,
        "state_label": gettext(labels.STATUS[s.status.state]),
        "lat": None if place is None else place.coordinates.lat,
        "lon": None if place is None else place.coordinates.lon,
        "approximate": True if place is None else place.coordinates.approximate,
        "in_area": s.in_area,
        "area": None if s.area is None else renderer.plain(s.area),
        "birth_pools": s.facilities.birth_pools,
        "partner_overnight": s.facilities.partner_overnight,
        "transfer": transfer,
    }


def widget_words(renderer: Renderer) -> dict[str, Any]:
    """The words and labels the widget puts on the page, in the page's language."""
    gettext = renderer.ctx.translations.gettext
    locale = babel_locale(renderer.ctx.lang)
    return {
        "strings": {
            **{key: gettext(msgid) for key, msgid in STRINGS.items()},
            "decimal_separator": get_decimal_symbol(locale),
            "group_separator": get_group_symbol(locale),
        },
        "setting_types": {k: gettext(v) for k, v in labels.SETTING_TYPE.items()},
        "outcomes": {k: gettext(v) for k, v in labels.BIRTH_OUTCOME.items()},
        "parities": {k: gettext(v) for k, v in labels.PARITY.items()},
        "verification": {k: gettext(v) for k, v in labels.VERIFICATION.items()},
        "matters": {k: gettext(v) for k, v in labels.WHAT_MATTERS.items()},
    }


def transfer_entry(
    renderer: Renderer, data: birth_place_schema.BirthplaceFiguresFile
) -> dict[str, Any]:
    """Why women moved to a labour ward, and how long the move took."""
    return figure_entry(
        data.transfer_reasons.source,
        reasons=[
            {
                "id": r.id,
                "label": renderer.plain(r.label),
                "share": r.share.model_dump(),
            }
            for r in data.transfer_reasons.reasons
        ],
        times={
            t.setting: figure_entry(t.source, minutes=t.median_minutes) for t in data.transfer_times
        },
    )


@dataclass(frozen=True)
class WhereExample:
    """What the page gives as an example of what to type: the first district in the area's
    own file, and a town listed in it (or in the next district that lists one), so no
    area's postcode or town is written into the page."""

    district: str
    town: str | None


def where_example(
    districts: birth_place_schema.PostcodeDistrictsFile | None,
) -> WhereExample | None:
    if districts is None or not districts.districts:
        return None
    with_town = next((d for d in districts.districts if d.towns), None)
    if with_town is None:
        return WhereExample(districts.districts[0].code, None)
    return WhereExample(with_town.code, with_town.towns[0])


def definition(renderer: Renderer, given: BirthPlaceData) -> dict[str, Any]:
    """What the widget's Python reads: birthplace.definition.Definition.from_json."""
    data = given.figures
    districts = given.districts
    example = where_example(districts)
    return {
        "format": FORMAT,
        "lang": renderer.ctx.lang,
        "dir": text_direction(renderer.ctx.lang),
        **widget_words(renderer),
        "figures": {
            parity: {
                row.outcome: figure_entry(row.source, per_1000=_per_setting(row.per_1000))
                for row in data.figures
                if row.parity == parity
            }
            for parity in birth_place_schema.PARITIES
        },
        "transfer": transfer_entry(renderer, data),
        "settings": [setting_entry(renderer, s) for s in renderer.ctx.ds.birth_settings.values()],
        "districts": []
        if districts is None
        else [
            {"code": d.code, "towns": list(d.towns), "lat": d.lat, "lon": d.lon}
            for d in districts.districts
        ],
        "districts_approximate": True if districts is None else districts.approximate,
        # The district the page's hint names, for the message when hers is not found.
        "where_example": None if example is None else example.district,
    }


def figure_rows(
    data: birth_place_schema.BirthplaceFiguresFile, parity: str
) -> list[birth_place_schema.OutcomeFigures]:
    """One kind of birth's rows, in the order the page explains them."""
    order = {outcome: i for i, outcome in enumerate(birth_place_schema.BIRTH_OUTCOMES)}
    return sorted((r for r in data.figures if r.parity == parity), key=lambda r: order[r.outcome])


def every_type(ds: DataSet) -> list[tuple[str, list[schema.BirthSetting]]]:
    """The settings grouped as in the forms' lists, with every type present: the page says
    so when the area has none of a kind."""
    groups = dict(ds.settings_by_type())
    return [(kind, groups.get(kind, [])) for kind in schema.BIRTH_SETTING_TYPES]


def birth_place_page(renderer: Renderer, given: BirthPlaceData) -> GeneratedPage:
    ds = renderer.ctx.ds
    data = given.figures
    gettext = renderer.ctx.translations.gettext
    renderer.ctx.files[DEFINITION_FILE] = definition_text(definition(renderer, given))
    # The widget's own sentences, so the page's pictures and her own view say the same.
    words = widget_words(renderer)
    picture_words = icon_arrays.Words(
        lang=renderer.ctx.lang,
        rtl=renderer.rtl,
        ways_sentence=words["strings"]["ways_sentence"],
        moved_sentence=words["strings"]["transfer_sentence"],
        moved=words["strings"]["moved"],
        did_not_move=words["strings"]["did_not_move"],
        settings=words["setting_types"],
        outcomes=words["outcomes"],
    )
    return renderer.render_page(
        "birth_place.md.j2",
        URL,
        path="birth-place/index.md",
        title=gettext("Where to give birth: the figures and the places"),
        description=gettext(
            "National figures on how births went in each kind of place, beside the places"
            " to give birth in this area."
        ),
        facts={
            "kind": "birth_place",
            "widget": "birthplace",
            "widget_files": script_files(SCRIPT, WHEEL),
            "last_reviewed": data.last_reviewed.isoformat(),
            "review_by": data.review_by.isoformat(),
            "owner": data.owner,
            "source": source_facts(data.source),
        },
        figures=data,
        parities=birth_place_schema.PARITIES,
        rows={parity: figure_rows(data, parity) for parity in birth_place_schema.PARITIES},
        pictures=icon_arrays.page_pictures(data, picture_words),
        setting_types=schema.BIRTH_SETTING_TYPES,
        setting_groups=every_type(ds),
        transfer_times={t.setting: t for t in data.transfer_times},
        source_text=source_text,
        districts=given.districts,
        where_example=where_example(given.districts),
        signposts=[ds.services[i] for i in data.signposts],
        # A page on this site that takes her notes (the care-plan drafter), if there is one.
        care_plan_url=renderer.receiver("birth_place_notes"),
        matters=list(labels.WHAT_MATTERS),
        widget={"definition": DEFINITION_FILE.rsplit("/", 1)[1]},
    )
