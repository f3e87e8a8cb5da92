"""The identifier check that decides whether a survey comment may be published as a quote.

Each kind has positive cases and the close negatives that must still pass, because a check
that withholds everything is as useless as one that withholds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import pytest

from lmo.features.feedback.identifier_hits import KINDS, REASONS
from lmo.features.feedback.identifier_patterns import nhs_check_digit_is_valid
from lmo.features.feedback.identifier_people import EXCLUDED_NAMES, FIRST_NAMES
from lmo.features.feedback.identifiers import Finding, find_identifiers, load_staff_names

# Pinned so the birth-year window does not move with the calendar.
TODAY = dt.date(2026, 11, 23)


def found(text: str, staff: Iterable[str] = ()) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_identifiers(text, staff, today=TODAY)]


# --- NHS numbers and long numbers ---------------------------------------------------------


@pytest.mark.parametrize("written", ["943 476 5919", "943-476-5919", "9434765919", "943.476.5919"])
def test_nhs_number_with_valid_check_digit(written: str) -> None:
    assert found(f"My NHS number is {written}, please check") == [("nhs_number", written)]


def test_nhs_number_reason_mentions_the_check_digit() -> None:
    [finding] = find_identifiers("943 476 5919", today=TODAY)
    assert finding == Finding("nhs_number", "943 476 5919", REASONS["nhs_number"])
    assert finding.reason == "an NHS number (the check digit is valid)"


def test_check_digit() -> None:
    assert nhs_check_digit_is_valid("9434765919")
    assert not nhs_check_digit_is_valid("9434765918")
    assert not nhs_check_digit_is_valid("943476591")


def test_nhs_number_with_wrong_check_digit_is_still_a_long_number() -> None:
    assert found("number 943 476 5918") == [("long_number", "943 476 5918")]


@pytest.mark.parametrize("written", ["12345678901234", "1234-5678-9012", "123 456 7890 1"])
def test_any_run_of_ten_or_more_digits_is_a_long_number(written: str) -> None:
    assert found(f"ref {written} ok") == [("long_number", written)]


def test_hospital_style_reference_number() -> None:
    assert found("my hospital number is K1234567.") == [("long_number", "K1234567")]


# --- phone numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "01632 960123",
        "07700 900123",
        "07700900123",
        "(01632) 960 123",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)1632 960123",
        "0800 123 4567",
        "01632-960-123",
        "020 7946 0000",
    ],
)
def test_uk_phone_numbers(written: str) -> None:
    assert found(f"Ring me on {written} any time") == [("phone", written)]


def test_phone_followed_by_another_number_keeps_only_the_phone() -> None:
    assert found("I rang 07700 900123 3 times") == [("phone", "07700 900123")]


@pytest.mark.parametrize(
    "comment",
    [
        "I called 111 and they were helpful",
        "We called 999 at 3am",
        "The 10 minute wait felt long",
        "Ward 5 was calm",
        "We were in room 12",
        "I was 39 weeks when my waters broke",
        "From 07:00 to 19:00 the ward was busy",
        "called NHS 111 and the 0300 number, bed 4, bay 3, 4cm dilated",
        "Baby weighed 7lb 2oz at 41+2 and I'm 34 years old",
        "A 1 in 10,000 chance, 0.5mg, £1,000,000, 2023-2024",
    ],
)
def test_everyday_numbers_pass(comment: str) -> None:
    assert found(comment) == []


# --- email, web and social media -------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ["jane.smith@example.com", "j_smith+baby@mail.example.co.uk", "JANE@EXAMPLE.ORG"]
)
def test_email_addresses(written: str) -> None:
    assert found(f"Email me at {written}.") == [("email", written)]


def test_email_written_out_in_words() -> None:
    assert found("write to jane.smith at example dot com") == [
        ("email", "jane.smith at example dot com")
    ]


@pytest.mark.parametrize(
    "written",
    [
        "https://example.com/page?id=3",
        "http://example.org",
        "www.example.org",
        "facebook.com/jane.smith",
        "instagram.com/janesmith",
        "example.co.uk",
        "Example.COM",
        "janesmith.me",
    ],
)
def test_web_addresses(written: str) -> None:
    assert found(f"See {written}.") == [("url", written)]


@pytest.mark.parametrize(
    "comment",
    [
        "It was great.The staff were kind",
        "They were lovely.Me and my partner felt safe",
        "Things like pain relief, e.g. gas and air, i.e. entonox",
        "It took 3.5 hours",
    ],
)
def test_missing_spaces_and_abbreviations_are_not_web_addresses(comment: str) -> None:
    assert found(comment) == []


def test_social_media_username() -> None:
    assert found("follow me @jane_smith90.") == [("social_handle", "@jane_smith90")]


def test_at_sign_as_a_word_is_not_a_username() -> None:
    assert found("Seen @ 3pm and again @ 9") == []


# --- postcodes and addresses ---------------------------------------------------------------


@pytest.mark.parametrize("written", ["WR5 1DD", "wr51dd", "B15 2TT", "SW1A 1AA", "M1 1AE"])
def test_full_postcodes(written: str) -> None:
    assert found(f"I live in {written} near the park") == [("postcode", written)]


@pytest.mark.parametrize(
    "comment", ["WR5 is a lovely area", "the M5 was busy", "A&E was full", "we moved to B15"]
)
def test_outward_code_alone_passes(comment: str) -> None:
    assert found(comment) == []


@pytest.mark.parametrize("written", ["12 Acacia Avenue", "3a High Street", "7 mill lane"])
def test_street_addresses(written: str) -> None:
    assert found(f"We live at {written} now") == [("address", written)]


@pytest.mark.parametrize(
    "comment", ["The hospital is 10 minutes down the road", "a 5 minute walk", "a 2 hour drive"]
)
def test_distances_are_not_addresses(comment: str) -> None:
    assert found(comment) == []


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "12/03/1990",
        "12.3.90",
        "3rd March 1990",
        "3 Mar 1990",
        "12th of March, 1990",
        "March 3, 1990",
        "March 3rd 1990",
        "1990-03-12",
        "03/12/1990",
        "12031990",
        "5 June 2026",
        "14/02/2027",
    ],
)
def test_full_dates_in_the_birth_year_window(written: str) -> None:
    assert found(f"It was {written} when it happened") == [("date_of_birth", written)]


@pytest.mark.parametrize(
    ("comment", "date"),
    [
        ("My son was born on 12 March by c-section", "12 March"),
        ("she was born 12th March", "12th March"),
        ("our baby was born at 3am on the 12th of March", "12th of March"),
        ("DOB: 12/03", "12/03"),
        ("d.o.b 5th June", "5th June"),
        ("my daughter arrived on June 5th", "June 5th"),
        ("my birthday is 1st May", "1st May"),
    ],
)
def test_day_and_month_after_a_birth_word(comment: str, date: str) -> None:
    assert found(comment) == [("date_of_birth", date)]


def test_birth_date_reason_says_day_and_month() -> None:
    [finding] = find_identifiers("born on 12 March", today=TODAY)
    assert finding.reason == "a birth date (day and month)"


@pytest.mark.parametrize(
    "comment",
    [
        "I went into labour in March",
        "I gave birth in 2024",
        "We came in March 2024",
        "on the 12th they moved me",
        "I was seen on 12 March and again later",
        "born at 9.15pm after a long night",
        "born at 9.15",
        "born at 39 weeks",
        "Mum was born in 1930: 12/03/1930",
        "a date far ahead: 12/03/2150",
        "I'd give them 10/10",
        "it took 5-10 minutes",
        "the 3-4 day stay",
    ],
)
def test_months_years_times_and_scores_pass(comment: str) -> None:
    assert found(comment) == []


# --- titles and names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comment", "name"),
    [
        ("Dr Patel was great", "Dr Patel"),
        ("thank you midwife Sarah", "midwife Sarah"),
        ("Midwife Sarah stayed late", "Midwife Sarah"),
        ("Sister O'Brien explained everything", "Sister O'Brien"),
        ("Mrs. Jones on the ward", "Mrs. Jones"),
        ("Dr Sarah Patel's care was excellent", "Dr Sarah Patel"),
        ("Prof Nkemelu came to see me", "Prof Nkemelu"),
        ("Nurse Łucja was kind", "Nurse Łucja"),
        ("our Consultant Midwife Adeyemi", "Midwife Adeyemi"),
        ("my sister Jane came", "sister Jane"),
    ],
)
def test_title_with_a_capitalised_name(comment: str, name: str) -> None:
    assert found(comment) == [("title_and_name", name)]


@pytest.mark.parametrize(
    "comment",
    [
        "the midwife I had was lovely",
        "the Midwife Led Unit was calm",
        "the doctor was kind",
        "the Dr. She said it was fine",
        "every nurse on the Ward was kind",
        "I have MS and they were kind",
    ],
)
def test_titles_without_a_name_pass(comment: str) -> None:
    assert found(comment) == []


def test_staff_names_case_insensitive() -> None:
    assert found("KOWALSKA was brilliant and kowalska again", ["Kowalska"]) == [
        ("staff_name", "KOWALSKA"),
        ("staff_name", "kowalska"),
    ]


def test_staff_full_name_and_its_parts() -> None:
    staff = ["Anna Kowalska", "Olu Adeyemi"]
    assert found("anna kowalska, then Kowalska, then Olu", staff) == [
        ("staff_name", "anna kowalska"),
        ("staff_name", "Kowalska"),
        ("staff_name", "Olu"),
    ]


def test_parts_of_staff_names_count_only_when_capitalised() -> None:
    # Otherwise "Will Osei" on the list would withhold every "I will".
    assert found("I will come back", ["Will Osei"]) == []
    assert found("Will was lovely", ["Will Osei"]) == [("staff_name", "Will")]


def test_staff_names_with_apostrophes_hyphens_and_accents() -> None:
    staff = ["Siobhan O'Brien", "Mary-Jane", "Łucja"]
    assert found("siobhan o’brien, Mary Jane and Lucja", staff) == [
        ("staff_name", "siobhan o’brien"),
        ("staff_name", "Mary Jane"),
        ("staff_name", "Lucja"),
    ]


def test_a_listed_everyday_word_is_matched_in_any_case() -> None:
    assert found("Hope you are well, I hope", ["Hope"]) == [
        ("staff_name", "Hope"),
        ("staff_name", "hope"),
    ]


def test_staff_name_is_whole_word() -> None:
    assert [f for f in found("Annabel read the Annals", ["Anna"]) if f[0] == "staff_name"] == []


@pytest.mark.parametrize(
    ("comment", "name"),
    [
        ("Sarah was lovely", "Sarah"),
        ("I saw Muhammad on the ward", "Muhammad"),
        ("Agnieszka translated for me", "Agnieszka"),
        ("Andreea was kind", "Andreea"),
        ("we named her Rūta", "Rūta"),
        ("Lukasz held my hand", "Lukasz"),
        ("Jack was born early", "Jack"),
        ("Sarah's care", "Sarah"),
    ],
)
def test_common_first_names_capitalised(comment: str, name: str) -> None:
    assert found(comment) == [("first_name", name)]


def test_lower_case_first_names_count_unless_they_are_everyday_words() -> None:
    # Comments typed on a phone are often all lower case.
    assert found("sarah was lovely") == [("first_name", "sarah")]
    assert found("a jack of all trades") == []


@pytest.mark.parametrize(
    "comment",
    [
        "She handled it with grace",
        "Grace and kindness all round",
        "May I say thank you",
        "Will definitely come back",
        "Hope to see them again",
        "Joy when she arrived",
    ],
)
def test_names_that_are_everyday_words_pass(comment: str) -> None:
    assert found(comment) == []


def test_built_in_name_list() -> None:
    assert len(FIRST_NAMES) >= 150
    assert {"May", "Will", "Grace", "Hope"} <= EXCLUDED_NAMES
    assert {"Agnieszka", "Andreea", "Rūta", "Muhammad", "Olivia"} <= FIRST_NAMES


def test_name_given_after_my_name_is() -> None:
    assert found("Hi, my name is Zephyrine.") == [("first_name", "Zephyrine")]


# --- whole comments ------------------------------------------------------------------------


@pytest.mark.parametrize("comment", ["", "   ", "\n"])
def test_empty_comment_passes(comment: str) -> None:
    assert find_identifiers(comment) == []


def test_realistic_comment_without_identifiers_passes() -> None:
    comment = (
        "I was 39 weeks when I went into labour in March 2024. We called 111 and then the "
        "triage line, and the midwife on Ward 5 was kind. The 10 minute wait felt long but "
        "room 12 was calm, and everyone explained what was happening. May I say the Midwife "
        "Led Unit was wonderful, and I would recommend the birth centre to any woman having "
        "her first baby. 10/10."
    )
    assert found(comment) == []


def test_realistic_comment_gives_each_identifier_in_order() -> None:
    comment = (
        "Midwife Sarah was amazing when our son was born on 12 March, and afterwards the "
        "ward rang me on 07700 900123 to check on us."
    )
    assert found(comment) == [
        ("title_and_name", "Midwife Sarah"),
        ("date_of_birth", "12 March"),
        ("phone", "07700 900123"),
    ]


def test_overlapping_matches_are_reported_once() -> None:
    # The email contains a domain and the title contains a first name: one finding each.
    assert found("Dr Sarah Patel, sarah.patel@example.com") == [
        ("title_and_name", "Dr Sarah Patel"),
        ("email", "sarah.patel@example.com"),
    ]


def test_every_finding_has_a_known_kind_and_its_reason() -> None:
    comment = "Dr Patel, 943 476 5919, WR5 1DD, www.example.org, Sarah, 12/03/1990"
    findings = find_identifiers(comment, ["Patel"], today=TODAY)
    assert len(findings) == 6
    for finding in findings:
        assert finding.kind in KINDS
        assert finding.reason
    assert set(REASONS) == set(KINDS)


# --- the staff list file -------------------------------------------------------------------


def test_load_staff_names(tmp_path: Path) -> None:
    path = tmp_path / "staff.txt"
    path.write_text(
        "\ufeff# Midwives on the birth centre\nSarah\n\n  Anna   Kowalska  \nOlu # bank staff\n#\n",
        encoding="utf-8",
    )
    assert load_staff_names(path) == ["Sarah", "Anna Kowalska", "Olu"]


# --- numbers and dates written in words -------------------------------------------------------


@pytest.mark.parametrize(
    ("comment", "kind", "text"),
    [
        (
            "My NHS number is nine four three four seven six five nine one nine, thanks.",
            "nhs_number",
            "nine four three four seven six five nine one nine",
        ),
        (
            "ring oh seven seven double oh nine double oh one two three please",
            "phone",
            "oh seven seven double oh nine double oh one two three",
        ),
        ("call 07700 nine double oh one two three", "phone", "07700 nine double oh one two three"),
        ("my number is 943 four seven six 5919", "nhs_number", "943 four seven six 5919"),
        ("hospital number is four five six, seven eight nine", "long_number",
         "four five six, seven eight nine"),
    ],
)  # fmt: skip
def test_numbers_read_out_in_words(comment: str, kind: str, text: str) -> None:
    assert found(comment) == [(kind, text)]


def test_numbers_in_words_give_their_own_reason() -> None:
    [finding] = find_identifiers("It is nine four three four seven six five nine one nine.")
    assert finding.reason == "an NHS number written in words (the check digit is valid)"


@pytest.mark.parametrize(
    "comment",
    [
        "I had two scans and three blood tests in one week.",
        "We waited twenty four hours, then another six.",
        "Oh, one of the midwives came back at two.",
        "One or two of the staff were rude, the other nine were lovely.",
    ],
)
def test_everyday_amounts_in_words_pass(comment: str) -> None:
    assert found(comment) == []


@pytest.mark.parametrize(
    ("comment", "text"),
    [
        ("she was born on the twenty third of March at home", "twenty third of March"),
        ("induced on March the twenty-first", "March the twenty-first"),
        ("due on the first of may", "first of may"),
        ("arrived the eleventh of November", "eleventh of November"),
    ],
)
def test_dates_in_words(comment: str, text: str) -> None:
    assert found(comment) == [("date_of_birth", text)]


@pytest.mark.parametrize(
    "comment",
    ["The first may help, the second did not.", "the third march through the ward"],
)
def test_ordinals_before_a_verb_pass(comment: str) -> None:
    assert found(comment) == []


# --- names on no list -------------------------------------------------------------------------


def test_a_capitalised_word_mid_sentence_that_is_not_a_word_is_held_back() -> None:
    [finding] = find_identifiers("Thanks to Ngozi on the ward, she was patient.")
    assert (finding.kind, finding.text) == ("unlisted_name", "Ngozi")
    assert finding.reason == (
        "a capitalised word mid-sentence that is not an English word, a place or a service:"
        " it may be a name"
    )


@pytest.mark.parametrize(
    ("comment", "text"),
    [
        ("If feeding is hard, ask for Kowalczyk at the desk.", "Kowalczyk"),
        ("Kowalczyk sorted out our feeding.", "Kowalczyk"),  # a sentence start too
        ("Mensah's advice helped.", "Mensah"),
        ("the nurse, doreen, was lovely", "doreen"),  # a forename typed in lower case
    ],
)
def test_forenames_and_surnames_from_the_lists(comment: str, text: str) -> None:
    assert found(comment) == [("listed_name", text)]


def test_the_areas_places_and_services_are_not_names() -> None:
    comment = "We went to Evesham and then the Kidderminster hub for the scan."
    assert {f[0] for f in found(comment)} == {"unlisted_name"}
    places = frozenset({"evesham", "kidderminster"})
    assert find_identifiers(comment, places=places) == []


@pytest.mark.parametrize(
    "comment",
    [
        "We came in on Monday and left on Christmas Day.",
        "The midwife spoke Polish and English, which helped my mum.",
        "I found the Birth Centre calm and the Labour Ward busy.",
        "There was nothing on the NHS website or on Facebook about it.",
        "Mój partner nie mógł zostać na noc. Na oddziale było za mało personelu.",
        "Moașele au fost foarte amabile. Vă mulțumesc pentru tot ajutorul.",
        "Breastfeeding support was great. Co-sleeping advice was clear.",
    ],
)
def test_days_languages_services_and_other_languages_pass(comment: str) -> None:
    assert found(comment) == []


def test_a_rare_circumstance_is_not_caught_by_any_rule() -> None:
    # Why the review report asks a person about every candidate: nothing here is a name, a
    # number or an address, yet it fits one family.
    comment = "I was the only deaf mum who had triplets at Evesham on Christmas Day 2025."
    assert find_identifiers(comment, places=frozenset({"evesham"})) == []
