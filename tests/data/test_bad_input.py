"""One bad-input fixture per class of editor mistake, each asserting the exact message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sitebuild import check, copy_data, edit, make_site

from lmo.pipeline import load_dataset

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def messages(data: Path, today: dt.date = TODAY) -> list[str]:
    _, problems = load_dataset(data, today=today)
    return [str(p) for p in problems]


def test_the_fixture_itself_is_clean(data: Path) -> None:
    dataset, problems = load_dataset(data, today=TODAY)
    assert problems == []
    assert dataset is not None and set(dataset.hubs) == {"town-hub", "village-hub"}


CASES = [
    pytest.param(
        "hubs.yml",
        "    offers: [Scans, Antenatal clinics]",
        "    offers: [Scans, Antenatal clinics",
        "data/hubs.yml:9:13: YAML syntax error: did not find expected ',' or ']' (check the"
        " indentation and that every 'key:' has a space after the colon; put text containing"
        " ': ' or '#' in quotes)",
        id="yaml-syntax",
    ),
    pytest.param(
        "hubs.yml",
        "    provider: town-trust\n    offers",
        "    provider: town-trust\n    ofers",
        "data/hubs.yml:8:5: hubs[0].ofers: unknown field 'ofers'; did you mean 'offers'? Fields"
        " allowed here: id, last_reviewed, name, offers, owner, place, previous_ids, provider,"
        " review_by, services, source, status, summary",
        id="unknown-key",
    ),
    pytest.param(
        "hubs.yml",
        "    summary: A hub in the town hospital.\n",
        "",
        "data/hubs.yml:2:5: hubs[0].summary: required field is missing: add 'summary:'",
        id="missing-field",
    ),
    pytest.param(
        "birth_settings.yml",
        "birth_pools: 1",
        "birth_pools: one",
        "data/birth_settings.yml:9:20: birth_settings[0].facilities.birth_pools: expected a"
        ' whole number (got "one")',
        id="wrong-type",
    ),
    pytest.param(
        "birth_settings.yml",
        'partner_overnight: "yes"',
        "partner_overnight: yes",
        "data/birth_settings.yml:10:26: birth_settings[0].facilities.partner_overnight: expected"
        " one of yes, no or unknown (got true: YAML reads yes, no, on, off, true and false without"
        ' quotes as true or false; write "yes" in quotes)',
        id="bare-yes-for-yes-no-unknown",
    ),
    pytest.param(
        "birth_settings.yml",
        'partner_overnight: "yes"',
        "partner_overnight: off",
        "data/birth_settings.yml:10:26: birth_settings[0].facilities.partner_overnight: expected"
        " one of yes, no or unknown (got false: YAML reads yes, no, on, off, true and false without"
        ' quotes as true or false; write "no" in quotes)',
        id="bare-off-for-yes-no-unknown",
    ),
    pytest.param(
        "birth_settings.yml",
        "suits: Anyone, and especially women who may need doctors.",
        "suits: Yes",
        "data/birth_settings.yml:13:12: birth_settings[0].suits: expected text (got true: YAML"
        " reads yes, no, on, off, true and false without quotes as true or false; put the text"
        " in quotes)",
        id="bare-yes-for-text",
    ),
    pytest.param(
        "hubs.yml",
        "  - id: village-hub",
        "  - id: town-hub",
        'data/hubs.yml:15:9: hubs[1].id: id "town-hub" is already used on line 2; every record'
        " needs its own id",
        id="duplicate-id",
    ),
    pytest.param(
        "hubs.yml",
        "    place: village-centre",
        "    place: vilage-centre",
        "data/hubs.yml:18:12: hubs[1].place: no record with this id in data/places.yml; did you"
        ' mean "village-centre"? (got "vilage-centre")',
        id="unknown-reference",
    ),
    pytest.param(
        "places.yml",
        "lat: 52.19, lon: -2.22",
        "lat: 48.85, lon: -2.22",
        "data/places.yml:6:24: places[0].coordinates.lat: latitude is outside the UK: expected a"
        " number between 49.8 and 60.9, such as 52.19 (got 48.85)",
        id="coordinates-outside-uk",
    ),
    pytest.param(
        "services.yml",
        "phone: 01632 960100",
        'phone: "0123"',
        "data/services.yml:10:14: services[0].access.phone: expected a UK number such as"
        ' "01632 960123" (got "0123")',
        id="malformed-phone",
    ),
    pytest.param(
        "organisations.yml",
        'url: "https://www.cqc.org.uk/provider/RZZ"',
        "url: www.cqc",
        "data/organisations.yml:7:34: organisations[0].cqc.url: expected a web address starting"
        ' https://, such as "https://www.nhs.uk/" (got "www.cqc")',
        id="malformed-url",
    ),
    pytest.param(
        "places.yml",
        "address: {town: Worcester, county: Worcestershire}",
        "address: {town: Worcester, postcode: wr5 1dd}",
        "data/places.yml:5:42: places[0].address.postcode: expected a UK postcode in capitals"
        ' with one space, such as "XY1 2AB" (got "wr5 1dd")',
        id="malformed-postcode",
    ),
    pytest.param(
        "hubs.yml",
        "    last_reviewed: 2026-01-01\n    review_by: 2027-01-01\n  - id: village",
        "    last_reviewed: 2026-02-30\n    review_by: 2027-01-01\n  - id: village",
        "data/hubs.yml:13:20: hubs[0].last_reviewed: expected a real date written"
        ' year-month-day, such as "2026-03-31" (got "2026-02-30")',
        id="malformed-date",
    ),
    pytest.param(
        "hubs.yml",
        "      what_to_do_now:\n        early_pregnancy: See your midwife at your GP surgery.\n",
        "",
        "data/hubs.yml:21:7: hubs[1].status: a status other than 'available' needs"
        " 'what_to_do_now' with at least one of not_yet_booked, early_pregnancy, later_pregnancy,"
        " in_labour, after_birth, so nobody travels to a service that is not there",
        id="status-without-what-to-do-now",
    ),
    pytest.param(
        "hubs.yml",
        "state: planned",
        "state: open",
        "data/hubs.yml:21:14: hubs[1].status.state: expected one of planned, available, limited,"
        ' paused, suspended, closing, closed or replaced (got "open")',
        id="unknown-status",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES)
def test_each_mistake_gives_one_exact_message(
    data: Path, file: str, old: str, new: str, expected: str
) -> None:
    edit(data, file, old, new)
    assert messages(data) == [expected]


def test_passed_review_date_is_a_warning_with_its_location(data: Path) -> None:
    found = messages(data, today=dt.date(2027, 1, 2))
    assert (
        "data/hubs.yml:14:16: warning: hubs[town-hub].review_by: review date 2027-01-01 has"
        " passed: check the facts with the owner, then update 'last_reviewed' and 'review_by'"
        in found
    )
    assert all(": warning: " in m for m in found)


def test_all_problems_are_reported_at_once(data: Path) -> None:
    edit(data, "services.yml", "phone: 01632 960100", 'phone: "0123"')
    edit(
        data, "hubs.yml", "    provider: town-trust\n    offers", "    provider: nobody\n    offers"
    )
    edit(data, "places.yml", "lat: 52.19", "lat: 12.0")
    found = messages(data)
    assert [m.split(":")[0] for m in found] == [
        "data/hubs.yml",
        "data/places.yml",
        "data/services.yml",
    ]


def test_check_command_exits_1_without_traceback(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    edit(site / "data", "services.yml", "phone: 01632 960100", 'phone: "0123"')
    result = check(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert (
        "data/services.yml:10:14: services[0].access.phone: expected a UK number such as"
        ' "01632 960123" (got "0123")' in result.stderr
    )
    assert "check failed: 1 error, 0 warnings" in result.stderr


def test_strict_turns_passed_review_into_failure(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    assert check(site, LMO_TODAY="2027-01-02").returncode == 0
    strict = check(site, LMO_TODAY="2027-01-02", STRICT="1")
    assert strict.returncode == 1
    assert "STRICT=1" in strict.stderr


def test_github_format_prints_annotations(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    edit(site / "data", "services.yml", "phone: 01632 960100", 'phone: "0123"')
    result = check(site, "--format", "github")
    assert (
        "::error file=data/services.yml,line=10,col=14::services[0].access.phone: expected"
        in result.stderr
    )


def test_content_page_without_review_dates_is_an_error(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    (site / "content" / "en" / "extra.md").write_text("# No front matter\n", encoding="utf-8")
    result = check(site)
    assert result.returncode == 1
    assert (
        "content/en/extra.md:1:1: front matter: a content page starts with '---'" in result.stderr
    )
