"""The birth-place logic, tested the same way under CPython (pytest) and inside Pyodide
(tests/pyodide/run_widget_tests.mjs): plain functions and asserts, no fixtures, no files."""

from __future__ import annotations

import json
import re

from birthplace.api import Explorer
from birthplace.definition import Definition
from birthplace.pictures import icon_array
from birthplace.where import district_of, look_up, miles_between

TYPES = ("home", "freestanding_midwifery_unit", "alongside_midwifery_unit", "obstetric_unit")


def per(home: int, fmu: int, amu: int, ou: int) -> dict[str, int]:
    return dict(zip(TYPES, (home, fmu, amu, ou), strict=True))


def figure(values: dict[str, int], verification: str = "to_confirm") -> dict[str, object]:
    return {"per_1000": values, "source": "NICE NG235", "url": None, "verification": verification}


STRINGS = {
    "decimal_separator": ",",
    "group_separator": "\u00a0",
    "results_heading": "Dla ciebie",
    "complication": "Te liczby dotyczą ciąż bez powikłań.",
    "no_parity": "Obie grupy.",
    "where_not_found": "Nie znaleziono „%(text)s”.",
    "where_found": "Od %(where)s.",
    "where_found_approximate": "W przybliżeniu od %(where)s.",
    "know_midwife": "Zapytaj o stałą położną.",
    "matters_to_you": "(ważne dla ciebie)",
    "ways_sentence": "%(setting)s: %(spontaneous)s / %(instrumental)s / %(caesarean)s na 1000.",
    "moved": "Przeniesione",
    "moved_between_labour_wards": "Przeniesione z jednej sali porodowej na inną",
    "did_not_move": "Nie przeniesione",
    "transfer_sentence": "%(setting)s: %(count)s na 1000 przeniesiono.",
    "reasons_intro": "Powody:",
    "reason_share": "%(reason)s: %(share)s na 100",
    "transfer_time": "Mediana %(minutes)s minut.",
    "baby_sentence": "%(count)s na 1000 dzieci.",
    "table_caption": "%(setting)s, %(parity)s",
    "outcome": "Co się stało",
    "per_1000": "Na 1000",
    "source_column": "Źródło",
    "source": "Źródło:",
    "places_of_type": "%(setting)s: miejsca",
    "none_of_type": "Brak miejsc.",
    "outside_area": "Sąsiedni obszar.",
    "distance": "Około %(miles)s mil od %(where)s",
    "distance_under_one": "Mniej niż 1 mila od %(where)s",
    "at_home": "W domu: %(area)s",
    "pools": "Baseny: %(count)s",
    "pools_none": "Brak basenu",
    "pools_unknown": "Baseny: niepotwierdzone",
    "partner_yes": "Partner może zostać",
    "partner_no": "Partner nie może zostać",
    "partner_unknown": "Partner: niepotwierdzone",
    "transfer_to": "Przeniesienie: %(unit)s",
    "transfer_to_minutes": "Przeniesienie: %(unit)s, około %(minutes)s minut",
    "summary": "Pokazano: %(parity)s. Miejsca: %(count)s.",
    "note_title": "Ze strony o miejscu porodu (%(date)s):",
    "note_parity": "Liczby: %(parity)s",
    "note_matters": "Ważne: %(matters)s",
    "note_nearest": "Najbliżej %(where)s: %(places)s",
    "note_miles": "około %(miles)s mil",
    "note_mine": "Moje notatki: %(notes)s",
}


def setting(
    sid: str, kind: str, lat: float | None, lon: float | None, **extra: object
) -> dict[str, object]:
    return {
        "id": sid,
        "name": sid.replace("-", " ").title(),
        "type": kind,
        "url": f"../birth-settings/{sid}/",
        "state": "available",
        "state_label": "Dostępne",
        "lat": lat,
        "lon": lon,
        "approximate": True,
        "in_area": True,
        "area": None,
        "birth_pools": None,
        "partner_overnight": "unknown",
        "transfer": None,
        **extra,
    }


DEFINITION: dict[str, object] = {
    "format": 1,
    "lang": "pl",
    "dir": "ltr",
    "strings": STRINGS,
    "setting_types": {t: t.upper() for t in TYPES},
    "outcomes": {
        "spontaneous_vaginal_birth": "Poród siłami natury",
        "instrumental_birth": "Kleszcze lub próżnociąg",
        "caesarean_birth": "Cesarskie cięcie",
        "transferred": "Przeniesienie",
        "epidural": "Znieczulenie",
    },
    "parities": {"first_birth": "Pierwsze dziecko", "later_birth": "Kolejne dziecko"},
    "verification": {"checked": "Sprawdzone", "to_confirm": "Do potwierdzenia"},
    "matters": {
        "birth_pool": "Basen",
        "partner_overnight": "Partner na noc",
        "close_to_home": "Blisko domu",
        "know_midwife": "Znana położna",
        "fewer_interventions": "Mniej interwencji",
    },
    "figures": {
        "first_birth": {
            "spontaneous_vaginal_birth": figure(per(794, 813, 765, 688)),
            "instrumental_birth": figure(per(126, 118, 159, 191)),
            "caesarean_birth": figure(per(80, 69, 76, 121)),
            "transferred": figure(per(450, 363, 402, 10)),
            "epidural": figure(per(218, 160, 235, 388)),
        },
        "later_birth": {
            "spontaneous_vaginal_birth": figure(per(984, 980, 967, 927), "checked"),
            "instrumental_birth": figure(per(9, 12, 23, 38)),
            "caesarean_birth": figure(per(7, 8, 10, 35)),
            "transferred": figure(per(116, 94, 125, 10)),
        },
    },
    "transfer": {
        "source": "NICE NG235 Table 1",
        "url": None,
        "verification": "checked",
        "reasons": [
            {
                "id": "delay",
                "label": "Opóźnienie",
                "share": {
                    "home": 32.4,
                    "freestanding_midwifery_unit": 37.1,
                    "alongside_midwifery_unit": 35.2,
                },
            },
            {
                "id": "other",
                "label": "Inne",
                "share": {
                    "home": 60.0,
                    "freestanding_midwifery_unit": 50.0,
                    "alongside_midwifery_unit": 50.0,
                },
            },
            {
                "id": "epidural",
                "label": "Znieczulenie",
                "share": {
                    "home": 5.1,
                    "freestanding_midwifery_unit": 6.6,
                    "alongside_midwifery_unit": 13.3,
                },
            },
        ],
        "times": {"home": {"minutes": 49, "source": "Follow-up", "verification": "checked"}},
    },
    "settings": [
        setting("far-unit", "obstetric_unit", 52.5, -2.0),
        setting("near-unit", "obstetric_unit", 52.1, -1.95, birth_pools=2),
        setting(
            "centre",
            "alongside_midwifery_unit",
            52.19,
            -2.22,
            birth_pools=1,
            partner_overnight="yes",
            state="paused",
            state_label="Wstrzymane",
        ),
        setting(
            "home-birth",
            "home",
            None,
            None,
            area="Cały powiat",
            transfer={"name": "Near Unit", "url": "../near-unit/", "minutes": 30},
        ),
    ],
    "districts": [
        {"code": "WR11", "towns": ["Evesham"], "lat": 52.09, "lon": -1.94},
        {"code": "WR1", "towns": ["Worcester"], "lat": 52.19, "lon": -2.22},
        {"code": "WR5", "towns": ["Worcester"], "lat": 52.17, "lon": -2.19},
        {"code": "HR9", "towns": ["Ross-on-Wye"], "lat": 51.91, "lon": -2.58},
    ],
    "districts_approximate": True,
}


def explorer() -> Explorer:
    return Explorer(json.dumps(DEFINITION))


def explore(**choice: object) -> dict[str, object]:
    return json.loads(explorer().explore(json.dumps(choice)))


def text_of(html: str) -> str:
    """The words of some HTML, with spacing normalised."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" ,", ",")


def section(html: str, kind: str) -> str:
    """One setting type's part of the results."""
    start = html.index(f'aria-labelledby="bp-{kind}"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else len(html)]


def test_a_full_postcode_is_cut_to_its_district_and_towns_are_found_loosely() -> None:
    assert district_of("wr11 4ab") == "WR11"
    assert district_of("WR114AB") == "WR11"
    assert district_of(" b98 ") == "B98"
    assert district_of("Evesham") is None
    districts = Definition.from_json(json.dumps(DEFINITION)).districts
    assert look_up("ross on wye", districts).label == "Ross-on-Wye"  # type: ignore[union-attr]
    worcester = look_up("WORCESTER", districts)
    assert worcester is not None and round(worcester.lat, 2) == 52.18  # the average of WR1, WR5
    assert look_up("Atlantis", districts) is None
    assert look_up("ZZ9 9ZZ", districts) is None


def test_straight_line_distances_are_in_miles() -> None:
    # Worcester to Hereford is about 23 miles as the crow flies.
    assert 21 < miles_between(52.192, -2.22, 52.056, -2.716) < 25
    assert miles_between(52.0, -2.0, 52.0, -2.0) == 0


def test_first_baby_shows_first_birth_figures_for_all_four_settings() -> None:
    reply = explore(parity="first_birth")
    html = str(reply["html"])
    for kind, ways in zip(
        TYPES,
        ("794 / 126 / 80", "813 / 118 / 69", "765 / 159 / 76", "688 / 191 / 121"),
        strict=True,
    ):
        assert f"{kind.upper()}: {ways} na 1000." in text_of(html)
    assert "984" not in html  # no later-birth figures
    assert html.count('<svg class="app-bp__picture"') == 4 + 3  # ways for 4, moves for 3
    assert "Pokazano: Pierwsze dziecko." in str(reply["summary"])


def test_not_first_baby_shows_later_birth_figures_and_no_choice_shows_both() -> None:
    later = text_of(str(explore(parity="later_birth")["html"]))
    assert "HOME: 984 / 9 / 7 na 1000." in later and "794" not in later
    both = text_of(str(explore()["html"]))
    assert "794 / 126 / 80" in both and "984 / 9 / 7" in both and "Obie grupy." in both


def test_every_figure_shows_its_source_and_whether_it_is_confirmed() -> None:
    html = str(explore(parity="later_birth")["html"])
    rows = re.findall(r"<tr[^>]*><th scope=\"row\">.*?</tr>", html)
    assert len(rows) == 4 * 4  # four outcomes given for later births, in four settings
    for row in rows:
        assert "NICE NG235" in row and ("Sprawdzone" in row or "Do potwierdzenia" in row)
    spontaneous = [r for r in rows if "Poród siłami natury" in r]
    assert all("Sprawdzone" in r for r in spontaneous)


def test_places_of_each_type_are_listed_nearest_first_with_distances() -> None:
    html = str(explore(where="WR11 4AB")["html"])
    units = section(html, "obstetric_unit")
    near, far = units.index("Near Unit"), units.index("Far Unit")
    assert near < far
    assert "Około 1 mil od WR11" in text_of(html) or "Mniej niż 1 mila od WR11" in text_of(html)
    assert "W przybliżeniu od WR11." in html
    # Without a place, the data's order stands and no distance is given.
    plain = section(str(explore()["html"]), "obstetric_unit")
    assert plain.index("Far Unit") < plain.index("Near Unit") and "mil od" not in plain


def test_an_unknown_place_is_said_plainly_and_her_words_are_escaped() -> None:
    reply = explore(where="<b>Atlantis</b>")
    html = str(reply["html"])
    assert "Nie znaleziono „&lt;b&gt;Atlantis&lt;/b&gt;”." in html
    assert "<b>" not in html and reply["where"] is None


def test_an_unknown_place_is_answered_with_the_areas_own_example_district() -> None:
    strings = {**STRINGS, "where_not_found": "Nie znaleziono „%(text)s”. Wpisz np. %(district)s."}
    definition = {**DEFINITION, "strings": strings, "where_example": "WR11"}
    reply = Explorer(json.dumps(definition)).explore(json.dumps({"where": "Atlantis"}))
    html = str(json.loads(reply)["html"])
    assert "Nie znaleziono „Atlantis”. Wpisz np. WR11." in html


def test_what_matters_marks_matching_facts_without_ranking() -> None:
    plain = str(explore(parity="first_birth", where="Evesham")["html"])
    marked = str(
        explore(
            parity="first_birth",
            where="Evesham",
            matters=["birth_pool", "partner_overnight", "fewer_interventions", "know_midwife"],
        )["html"]
    )
    order = [m.group(0) for m in re.finditer(r"Near Unit|Far Unit|Centre|Home Birth", plain)]
    assert order == [
        m.group(0) for m in re.finditer(r"Near Unit|Far Unit|Centre|Home Birth", marked)
    ], "choices never reorder places"
    assert "(ważne dla ciebie)" not in plain
    assert 'Baseny: 2 <strong class="app-bp__matters">' in marked
    assert "Partner może zostać <strong" in marked
    assert "Baseny: niepotwierdzone <strong" not in marked  # unknown is not a match
    assert 'app-bp__row--matters"><th scope="row">Kleszcze' in marked
    assert "Zapytaj o stałą położną." in marked


def test_a_complication_brings_the_straightforward_pregnancy_notice_and_no_risk_sum() -> None:
    assert "Te liczby dotyczą ciąż bez powikłań." in str(explore(complication=True)["html"])
    assert "Te liczby dotyczą" not in str(explore(complication=False)["html"])


def test_a_changed_status_and_transfer_details_are_shown() -> None:
    html = text_of(str(explore(parity="first_birth")["html"]))
    assert "Wstrzymane" in html
    assert "Przeniesienie: Near Unit, około 30 minut" in html
    assert "Opóźnienie: 32,4 na 100" in html  # local decimal separator
    assert "Inne: " not in html  # "other" is not a reason to list
    assert "Mediana 49 minut." in html


def test_the_pictures_add_up_to_1000_squares() -> None:
    svg = icon_array("t", [794, 126, 80], "t-text")
    cells = 0
    for w, h in re.findall(r'<rect x="\d+" y="\d+" width="(\d+)" height="(\d+)"', svg):
        cells += (int(w) // 10) * (int(h) // 10)
    assert cells == 1000
    assert 'aria-labelledby="t-text"' in svg and 'role="img"' in svg
    try:
        icon_array("t", [500, 400], "x")
    except ValueError as problem:
        assert "1,000" in str(problem)
    else:
        raise AssertionError("a picture of fewer than 1,000 must be refused")


def test_the_care_plan_note_has_her_choices_in_words() -> None:
    choice = {
        "parity": "first_birth",
        "matters": ["birth_pool", "close_to_home"],
        "where": "WR11",
        "notes": "Chcę basen.",
    }
    text = json.loads(explorer().care_plan_note(json.dumps(choice), "2026-11-23T10:00:00Z"))["text"]
    assert text.splitlines() == [
        "Ze strony o miejscu porodu (2026-11-23):",
        "Liczby: Pierwsze dziecko",
        "Ważne: Basen, Blisko domu",
        "Najbliżej WR11: Near Unit (około 1 mil), Centre (około 14 mil), Far Unit (około 28 mil)",
        "Moje notatki: Chcę basen.",
    ]


def test_a_definition_of_another_format_is_refused() -> None:
    try:
        Explorer(json.dumps({**DEFINITION, "format": 99}))
    except ValueError as problem:
        assert "format 99" in str(problem)
    else:
        raise AssertionError("an unknown definition format must be refused")


def test_numbers_are_written_with_the_separators_the_build_gave_for_the_language() -> None:
    polish = Definition.from_json(json.dumps(DEFINITION))
    assert polish.number(7500) == "7\u00a0500"
    assert polish.number(1000000) == "1\u00a0000\u00a0000"
    assert polish.number(32.4) == "32,4"
    assert polish.number(999) == "999"
    # In a sentence too: the moved and did-not-move counts of the legend are out of 1,000.
    assert polish.say("baby_sentence", count=1000) == polish.strings["baby_sentence"] % {
        "count": "1\u00a0000"
    }
    english = Definition.from_json(
        json.dumps(
            {**DEFINITION, "strings": {**STRINGS, "decimal_separator": ".", "group_separator": ","}}
        )
    )
    assert english.number(7500) == "7,500" and english.number(4.3) == "4.3"


def test_the_labour_wards_own_moves_are_between_labour_wards() -> None:
    html = str(explore(parity="first_birth")["html"])
    tables = re.findall(r"<table><caption>(.*?)</caption>(.*?)</table>", html)
    rows = {
        caption: dict(re.findall(r'<th scope="row">(.*?)</th><td>(\d+)</td>', body))
        for caption, body in tables
    }
    # In a labour ward, "moved to a labour ward" would read as nonsense or as zero risk:
    # the 10 in 1,000 moved from one labour ward to another.
    ward = rows["OBSTETRIC_UNIT, Pierwsze dziecko"]
    assert ward["Przeniesione z jednej sali porodowej na inną"] == "10"
    assert "Przeniesienie" not in ward
    assert rows["HOME, Pierwsze dziecko"]["Przeniesienie"] == "450"
