"""Write a SYNTHETIC raw feedback survey export for the example area, for demos and tests.

Every response here is invented by a seeded random generator. No row describes a real person
or a real experience: the names, NHS numbers, phone numbers, email addresses, postcodes, dates
and web addresses are all made up, and are chosen from ranges that cannot reach anyone:

- phone numbers are in Ofcom's drama ranges (01632 960xxx and 07700 900xxx);
- NHS numbers start with 999, a range kept for test data and never issued to a patient, but
  carry a valid modulus-11 check digit so that a checker cannot wave them through as typos;
- email addresses and web addresses use example.com and example.org (RFC 2606);
- postcodes only look like Worcestershire (WR) and Herefordshire (HR) ones.

The MNVP feedback summariser must never publish an identifying detail in a quote, and that is
only testable if we know where the details are. So about 3% of the comments carry one planted
identifier of a known kind, and `planted.json` lists each one with its file, its row as a
spreadsheet shows it, and the exact text. A test can then assert that none of those texts
survives into a summary. Nothing that looks like an identifier is written anywhere else, so
anything else the summariser withholds is a false positive worth looking at.

The last rows of the Google Forms file are hard cases, one each (HARD_CASES): numbers and a
date written in words, names on no staff list, a rare circumstance no rule can catch, HTML in
a comment and a one-megabyte comment. They are in `planted.json` too; the rare circumstance
is the one a person has to turn down.

Usage: python scripts/synthetic_feedback.py OUT_FOLDER [--data data] [--seed 2026] [--rows N]
       [--start 2025-10-01] [--end 2026-09-30]

It writes `google-forms.csv` (about 60% of the rows), `microsoft-forms.xlsx` (the rest),
`planted.json` and `staff-names.txt` into OUT_FOLDER. The same seed and arguments give
byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import itertools
import json
import re
import sys
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from random import Random
from typing import Any

import yaml
from openpyxl import Workbook

REPO = Path(__file__).resolve().parent.parent
MAPPINGS = REPO / "lmo" / "features" / "feedback" / "mappings"
GOOGLE_FILE = "google-forms.csv"
MICROSOFT_FILE = "microsoft-forms.xlsx"
GOOGLE_SHARE = 0.6
# A fixed time for the workbook's own properties and zip entries, so reruns are byte-identical.
FIXED_STAMP = dt.datetime(2026, 1, 1, 0, 0, 0)

FIELDS = ("submitted", "setting", "stage", "rating", "comment", "consent_to_publish")
STAGES = ("antenatal", "birth", "postnatal", "neonatal", "other")
RATINGS = ("very good", "good", "neither good nor poor", "poor", "very poor", "don't know")

EMPTY_COMMENT = 0.15
FOREIGN_COMMENT = 0.03
CONSENT_YES = 0.55
PLANTED_SHARE = 0.032
KINDS = (
    "nhs_number",
    "phone",
    "email",
    "postcode",
    "date_of_birth",
    "url",
    "title_and_name",
    "staff_name",
    "first_name",
)

# --- where people had their care -------------------------------------------------------------

# Rows per unit of weight is about rows / 80, so a weight of 0.1 gives one or two responses in
# the default run: the small counts a summary has to suppress.
SETTING_WEIGHTS = {
    "worcestershire-royal-obstetric-unit": 30.0,
    "hereford-county-obstetric-unit": 12.0,
    "worcestershire-royal-birth-centre": 7.0,
    "home-birth-worcestershire": 2.2,
    "home-birth-herefordshire": 1.1,
    "kidderminster-hub": 9.0,
    "redditch-hub": 6.0,
    "evesham-hub": 4.0,
    "bromsgrove-hub": 0.15,
    "leominster-hub": 0.12,
    "malvern-hub": 0.08,
    "ledbury-hub": 0.06,
    "ludlow-midwife-led-unit": 0.25,
    "powys-birth-centres": 0.14,
    "princess-royal-telford-obstetric-unit": 0.18,
    "bridgnorth-midwife-led-unit": 0.1,
}
# Anything not listed is out of area (or an unfamiliar data folder): rare, so it shows as a
# suppressed count rather than vanishing.
DEFAULT_SETTING_WEIGHT = 0.07
DEFAULT_HUB_WEIGHT = 0.5
ELSEWHERE_WEIGHT = 1.2

# Stage weights (antenatal, birth, postnatal, neonatal, other) by kind of place: nobody gives
# birth at a hub, and only hospitals with a labour ward have a neonatal unit.
STAGE_WEIGHTS = {
    "obstetric_unit": (28, 34, 26, 8, 4),
    "midwifery_unit": (12, 58, 26, 0, 4),
    "home": (14, 60, 23, 0, 3),
    "hub": (66, 0, 28, 0, 6),
    "elsewhere": (30, 28, 24, 8, 10),
}

# Ratings in RATINGS order. Together they come to roughly 60/22/6/5/4/3; the postnatal ward
# and "something else" fare worst, as they tend to in real surveys.
RATING_WEIGHTS = {
    "antenatal": (62, 23, 6, 4, 2, 3),
    "birth": (66, 20, 4, 4, 4, 2),
    "postnatal": (52, 24, 7, 7, 7, 3),
    "neonatal": (58, 21, 6, 6, 4, 5),
    "other": (42, 20, 12, 9, 8, 9),
}
RATING_OVERRIDES = {
    ("obstetric_unit", "postnatal"): (44, 25, 9, 9, 9, 4),
    ("hub", "antenatal"): (68, 22, 3, 3, 1, 3),
    ("hub", "postnatal"): (63, 23, 5, 4, 2, 3),
    ("home", "birth"): (80, 12, 2, 2, 2, 2),
}

# --- comment text ----------------------------------------------------------------------------

SHORT = {
    "pos": (
        "All good",
        "All good.",
        "Fab",
        "Brilliant care, thank you",
        "Couldn't fault them",
        "No complaints",
        "Excellent",
        "Amazing staff x",
        "5 stars",
        "Very happy",
        "Thank you!!",
        "Lovely team",
        "Great",
        "Really good experience",
        "Nothing but praise",
        "Felt very looked after",
    ),
    "mixed": (
        "Ok",
        "It was fine",
        "Mixed",
        "Some good some bad",
        "Could be better",
        "average",
        "Fine I suppose",
    ),
    "neg": (
        "Not good",
        "Awful",
        "Poor communication",
        "Never again",
        "Needs improving",
        "Short staffed",
        "Parking!!",
        "Very disappointed",
    ),
    "dk": ("n/a", "Not sure", "Too early to say", "-", "Prefer not to say", "Nothing to add"),
}

POSITIVE = {
    "antenatal": (
        "My community midwife was brilliant and always had time for my questions.",
        "I saw the same midwife at nearly every appointment, which made a huge difference.",
        "The scan staff were so kind when we were nervous at the 12 week scan.",
        "Day assessment saw me quickly when I had reduced movements.",
        "The antenatal classes were really useful, especially the one on feeding.",
        "I felt listened to when I talked about my anxiety and was referred for extra support.",
        "The booking appointment was thorough and nothing felt rushed.",
        "The consultant clinic explained all my options for birth clearly.",
        "Appointments mostly ran on time.",
        "They were really supportive about my previous traumatic birth.",
        "Having my bloods done at the GP surgery instead of the hospital was so much easier.",
        "The diabetes team were great and got back to me the same day.",
        "Everyone was respectful and explained things without jargon.",
        "I was given plenty of information about where I could give birth.",
        "The text reminders for appointments were really helpful.",
    ),
    "birth": (
        "The midwife who delivered my baby was calm and made me feel safe.",
        "My birth plan was read and respected as much as possible.",
        "When things changed quickly the team explained what was happening and why.",
        "I got my epidural when I asked for it.",
        "My partner was included in everything.",
        "The theatre team for my caesarean were amazing, they even played my music.",
        "Even though the unit was busy I never felt left alone.",
        "I had the water birth I wanted.",
        "The student midwife was fantastic and so encouraging.",
        "We had skin to skin straight away and delayed cord clamping like we asked.",
        "I felt really in control the whole time.",
        "The doctors were respectful and asked before every examination.",
        "The room was calm and the lights were kept low like I wanted.",
    ),
    "postnatal": (
        "The support with breastfeeding on the ward was brilliant.",
        "The infant feeding team came to see me the next morning and it made all the difference.",
        "My partner was allowed to stay overnight, which really helped.",
        "The community midwives who came to our house were lovely.",
        "The handover to the health visitor was smooth.",
        "The maternity care assistants on the ward were so kind at 3am.",
        "I was discharged quickly and everything was explained.",
        "They checked on my mental health at every visit.",
        "The postnatal drop-in was really reassuring.",
        "Someone sat with me for ages to help with expressing.",
    ),
    "neonatal": (
        "The neonatal nurses were incredible, they treated our baby like their own.",
        "We were involved in cares from day one.",
        "The doctors on the unit updated us every day on the ward round.",
        "They found us a room so we could stay close to our baby.",
        "The support with expressing milk was fantastic.",
        "The transfer between hospitals was well organised and they kept us informed.",
    ),
    "other": (
        "The perinatal mental health team really helped me.",
        "The website had the information I needed about the hubs.",
        "The maternity app was really handy.",
        "The pelvic health physio was great.",
        "The listening event was a good chance to be heard.",
    ),
}

NEGATIVE = {
    "antenatal": (
        "I saw a different midwife every time and had to repeat my history over and over.",
        "Continuity of carer just didn't happen for me.",
        "The triage phone line took ages to answer and I ended up just going in.",
        "I waited over two hours for a 10 minute glucose test appointment.",
        "No interpreter was booked for my appointments even though it was in my notes, so my"
        " husband had to translate.",
        "Parking at the hospital is a nightmare, I was late for my scan because I couldn't find"
        " a space.",
        "Clinic was always running at least an hour late.",
        "I felt rushed and my concerns about my blood pressure were brushed off.",
        "My appointments kept being cancelled and rebooked by text with no explanation.",
        "Nobody really talked to me about my mental health.",
        "I was told different things by different people about being induced.",
        "It took three weeks to get a booking appointment.",
        "Results from my blood tests were never followed up until I chased them.",
    ),
    "birth": (
        "My induction was delayed for two days because there were no beds on labour ward.",
        "I was told I wasn't in established labour and sent home, then my baby came an hour"
        " after I got back.",
        "I waited a long time for pain relief.",
        "I asked for an epidural for hours and the anaesthetist never came.",
        "No one explained why I needed an assisted delivery until afterwards.",
        "The induction bay was noisy and my partner had to leave at night.",
        "I felt like I wasn't listened to when I said something was wrong.",
        "There was no interpreter in labour, we used a translation app on a phone.",
        "My birth plan was ignored.",
        "Lots of people came in and out of the room without introducing themselves.",
        "I was left for a long time after the birth before anyone checked my stitches.",
        "The birth centre was closed due to staffing so I had to go to labour ward instead.",
    ),
    "postnatal": (
        "The postnatal ward was really short staffed and I waited ages when I pressed the buzzer.",
        "My partner wasn't allowed to stay overnight and I struggled on my own after a c-section.",
        "I waited all day to be discharged, mostly for medication and the baby check.",
        "Feeding support was almost non-existent, I was just handed formula.",
        "Nobody helped me with latching and I gave up breastfeeding after a week.",
        "The ward was so hot and noisy that I couldn't sleep at all.",
        "The food was cold and I missed meals because nobody told me when it came round.",
        "I felt forgotten once the baby was born.",
        "I got conflicting advice about feeding from every midwife.",
        "My day 5 visit was moved to a clinic I couldn't get to without a car.",
        "The staff were clearly doing their best but there just weren't enough of them.",
        "Discharge took nine hours because we were waiting for a paediatrician.",
        "Visiting hours for my older children were too short.",
        "No one asked how I was feeling emotionally.",
    ),
    "neonatal": (
        "Parking charges added up quickly over three weeks on the unit.",
        "There was nowhere for us to stay and we live an hour away.",
        "We were told different things by different doctors.",
        "We were separated from our baby for hours with no updates.",
        "There were not enough breast pumps on the unit.",
        "The transfer back to our local hospital kept being delayed.",
        "Nobody explained what the alarms meant and it was terrifying.",
    ),
    "other": (
        "It was hard to find out who to contact after discharge.",
        "The maternity app kept logging me out.",
        "The hospital website is out of date.",
        "I had to chase my GP for a referral.",
        "The waiting list for the pelvic health physio is months long.",
        "My complaint to PALS took months to get a response.",
    ),
}

PLACE_POSITIVE = {
    "hub": (
        "Having appointments at the hub so close to home was much easier than going into"
        " Worcester.",
        "The hub is lovely, calm and easy to park at.",
        "Scans at the hub meant no long drive.",
        "I could drop in at the hub without an appointment.",
    ),
    "home": (
        "Our home birth was everything we hoped for.",
        "The two midwives who came to our home were calm and respectful.",
        "Being at home with my other children nearby was perfect.",
    ),
    "midwifery_unit": (
        "The birth centre rooms are beautiful and calm.",
        "I loved the pool.",
        "The midwife-led unit felt like a home from home.",
    ),
}
PLACE_NEGATIVE = {
    "hub": (
        "The hub only had clinics on certain days so I still had to travel.",
        "I was told the scan would be at the hub but it ended up being in Worcester.",
        "The hub phone number always went to voicemail.",
    ),
    "home": (
        "The home birth service was suspended on the night so I had to go in.",
        "The midwife took over an hour to arrive.",
        "We were told late in pregnancy that home births might not be covered.",
    ),
    "midwifery_unit": (
        "I was transferred out of the unit and nobody told my partner where I had gone.",
        "The unit was closed when I rang in labour.",
    ),
}

OPENERS = (
    "This was my first baby.",
    "Second baby, very different experience to my first.",
    "This was my third pregnancy.",
    "We moved to the area halfway through my pregnancy.",
    "I was high risk because of my blood pressure.",
    "I was induced at 41 weeks.",
    "Emergency c-section after a long labour.",
    "Planned caesarean.",
    "I had gestational diabetes this time.",
    "I'm a first time dad filling this in for us both.",
)
CLOSERS = {
    "pos": (
        "Thank you all so much.",
        "Would recommend to anyone.",
        "Keep up the good work!",
        "Can't thank them enough x",
        "Thank you for everything.",
    ),
    "mixed": (
        "Overall ok but room for improvement.",
        "Good and bad bits really.",
        "Staff are great, the system lets them down.",
    ),
    "neg": (
        "Something needs to change.",
        "Please fix this for other women.",
        "I hope this feedback is actually used.",
        "Not what I expected at all.",
        "I'd like someone to look into this.",
    ),
}
CONNECTORS = ("But ", "However, ", "Only downside was that ", "On the other hand ")

# Common misspellings, and the letters a hurried thumb tends to swap.
MISSPELLINGS = {
    "definitely": "definately",
    "received": "recieved",
    "separate": "seperate",
    "absolutely": "absolutly",
    "midwives": "midwifes",
    "really": "realy",
    "appointment": "appointmnet",
    "breastfeeding": "breast feeding",
    "because": "becuase",
    "experience": "experiance",
    "anaesthetist": "anesthetist",
    "caesarean": "cesarean",
    "through": "thru",
}

FOREIGN: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        "pos": (
            "Położne były bardzo miłe i pomocne.",
            "Dziękuję za wspaniałą opiekę.",
            "Wszystko było dobrze wytłumaczone.",
            "Czułam się bezpiecznie przez cały poród.",
            "Bardzo dobra opieka, polecam.",
        ),
        "neg": (
            "Nie było tłumacza, chociaż o to prosiłam.",
            "Długo czekałam na wypis ze szpitala.",
            "Mój partner nie mógł zostać na noc.",
            "Na oddziale było za mało personelu.",
            "Nikt nie pomógł mi przy karmieniu piersią.",
        ),
    },
    "ro": {
        "pos": (
            "Moașele au fost foarte amabile.",
            "Vă mulțumesc pentru tot ajutorul.",
            "M-am simțit în siguranță tot timpul.",
            "Totul a fost explicat foarte bine.",
        ),
        "neg": (
            "Nu a fost niciun interpret, deși am cerut.",
            "Am așteptat foarte mult pentru externare.",
            "Partenerul meu nu a putut rămâne peste noapte.",
            "Nu am primit ajutor cu alăptarea.",
            "Personalul a fost foarte ocupat și nu a avut timp pentru mine.",
        ),
    },
}
# Many people type Romanian on an English keyboard, without the diacritics.
PLAIN_ROMANIAN = str.maketrans("ășțâîĂȘȚÂÎ", "astaiASTAI")

# --- planted identifiers ---------------------------------------------------------------------

# Staff surnames that are not everyday words, so a list match cannot hit ordinary text.
STAFF_SURNAMES = (
    "Kowalska",
    "Adeyemi",
    "Thornbury",
    "Marchetti",
    "Popescu",
    "Haverstock",
    "Nwachukwu",
    "Lindqvist",
)
TITLED_SURNAMES = ("Okafor", "O'Neill", "Chaudhry", "Fairbairn", "Lewandowski", "Mensah")
# On the staff list but never planted, as a real list would be.
UNPLANTED_STAFF = ("Achterberg", "Pemberton-Wray")
STAFF_FIRST_NAMES = (
    "Sarah",
    "Priya",
    "Bethany",
    "Aisha",
    "Gemma",
    "Kirsty",
    "Shona",
    "Hannah",
    "Megan",
    "Niamh",
)
SURNAME_TITLES = ("Dr", "Dr.", "Dr", "Sister", "Mr", "Mrs", "Miss")
FIRST_NAME_TITLES = ("midwife", "Midwife", "Nurse", "student midwife")
# People writing in, for email addresses only: kept apart from staff names so one planted
# text never turns up inside another.
PATIENT_FIRST = ("amy", "zoe", "laura", "natalia", "ioana", "fatima", "jess", "kayleigh", "tom")
PATIENT_LAST = ("whitcombe", "baxendale", "nowak", "ionescu", "rahman", "tillbrook", "penhale")
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Each template holds {x}, the planted text; the tag says which comments it suits.
PLANT_TEMPLATES: dict[str, tuple[tuple[str, str], ...]] = {
    "nhs_number": (
        ("0", "My NHS number is {x} if you need to look me up."),
        ("-", "Please can someone call me back about this, NHS number {x}."),
        ("0", "(NHS no. {x})"),
        ("-", "My notes are under {x} if you want to check what happened."),
        ("0", "nhs number {x}"),
    ),
    "phone": (
        ("0", "Please ring me on {x}, happy to talk about it."),
        ("-", "I'd like someone to call me on {x} about this."),
        ("0", "My mobile is {x} if anyone wants more detail."),
        ("+", "Happy to help with anything, just call {x}."),
    ),
    "email": (
        ("0", "Happy to be contacted at {x}."),
        ("-", "Please email me at {x}, I never heard back from anyone."),
        ("0", "email me {x}"),
        ("+", "If you want to use my story, my email is {x}."),
    ),
    "postcode": (
        ("-", "We live at {x} and the drive in labour was over an hour."),
        ("-", "I'm at {x} and the community team never turned up for my day 5 check."),
        ("0", "Postcode {x} in case it matters for which team covers me."),
        ("-", "We're out at {x} so it is a long way to the hospital."),
        ("+", "We're at {x} and the community midwives still came out to us every time."),
    ),
    "date_of_birth_baby": (
        ("+", "My daughter was born on {x} and we were home the next day."),
        ("0", "Our son was born {x} after a long labour."),
        ("0", "baby born {x} at 38 weeks"),
        ("-", "Our little girl arrived on {x} and it was chaos on the ward."),
    ),
    "date_of_birth_mother": (
        ("0", "My date of birth is {x} in case you need to find my notes."),
        ("0", "DOB {x}"),
        ("-", "(my DOB is {x}, the letters kept getting it wrong)"),
    ),
    "url": (
        ("+", "I wrote up our birth story here: {x}"),
        ("-", "There's a petition about the parking at {x}"),
        ("0", "More about what happened on my blog {x}"),
    ),
    "title_and_name": (
        ("+", "{x} was fantastic and explained everything so clearly."),
        ("+", "Huge thanks to {x} on the day."),
        ("-", "{x} was dismissive and didn't listen to me."),
        ("+", "Please pass on our thanks to {x}."),
        ("-", "I didn't feel {x} took my pain seriously."),
    ),
    "staff_name": (
        ("+", "{x} was brilliant."),
        ("+", "{x} on the postnatal ward was so kind to us."),
        ("+", "Ask for {x}, she is the best."),
        ("-", "{x} was quite rude when I asked for help."),
    ),
    "first_name": (
        ("+", "{x} was amazing."),
        ("+", "{x} the student was so kind."),
        ("+", "Special mention to {x} who stayed past the end of her shift."),
        ("-", "{x} on nights made me feel like a nuisance."),
        ("+", "{x} on the night shift made me feel safe."),
    ),
}


class SetupError(Exception):
    """An author's mistake (missing file, bad argument): reported in one line, no traceback."""


@dataclass(frozen=True)
class Setting:
    answer: str
    kind: str
    weight: float


@dataclass(frozen=True)
class Mapping:
    headings: dict[str, str]
    date_format: str
    answers: dict[str, dict[str, str]]


@dataclass
class Response:
    when: dt.datetime
    setting: str
    stage: str
    rating: str
    comment: str
    consent: bool


@dataclass(frozen=True)
class Planted:
    file: str
    row: int
    kind: str
    text: str


# --- reading the mappings and the data folder ------------------------------------------------


def load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SetupError(
            f"{path}: file not found (--data names the folder holding birth_settings.yml and"
            " hubs.yml, e.g. --data data)"
        ) from None
    except (OSError, yaml.YAMLError) as error:
        raise SetupError(f"{path}: cannot read: {error}") from None


def load_mapping(path: Path) -> Mapping:
    data = load_yaml(path)
    columns = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(columns, dict) or any(not columns.get(f) for f in FIELDS):
        raise SetupError(f"{path}: columns: expected a heading for each of {', '.join(FIELDS)}")
    formats = data.get("date_formats") or []
    if not formats:
        raise SetupError(f'{path}: date_formats: expected a list, e.g. ["%d/%m/%Y %H:%M:%S"]')
    # The mapping says answer text -> canonical value; to write answers we need it backwards.
    answers: dict[str, dict[str, str]] = {}
    for field, table in (data.get("values") or {}).items():
        answers[str(field)] = {str(value): str(text) for text, value in table.items()}
    for field, wanted in (("stage", STAGES), ("rating", RATINGS), ("consent_to_publish", ())):
        table = answers.setdefault(field, {})
        for value in wanted:
            table.setdefault(value, value)
    answers["consent_to_publish"].setdefault("yes", "Yes")
    answers["consent_to_publish"].setdefault("no", "No")
    answers.setdefault("setting", {}).setdefault("other", "other")
    return Mapping({f: str(columns[f]) for f in FIELDS}, str(formats[0]), answers)


def english_name(record: dict[str, Any]) -> str:
    name = record.get("name")
    if isinstance(name, dict):
        name = name.get("en")
    return str(name)


def load_settings(data: Path) -> list[Setting]:
    """Every place a response can name; "other" stands for each mapping's "Somewhere else"."""
    settings: list[Setting] = []
    births = load_yaml(data / "birth_settings.yml")
    hubs = load_yaml(data / "hubs.yml")
    for path, records, key in (
        (data / "birth_settings.yml", births, "birth_settings"),
        (data / "hubs.yml", hubs, "hubs"),
    ):
        if not isinstance(records, dict) or not isinstance(records.get(key), list):
            raise SetupError(f"{path}: expected a list under '{key}:'")
    for record in births["birth_settings"]:
        kind = str(record.get("type", ""))
        if kind.endswith("midwifery_unit"):
            kind = "midwifery_unit"
        elif kind not in STAGE_WEIGHTS:
            kind = "elsewhere"
        weight = SETTING_WEIGHTS.get(str(record.get("id")), DEFAULT_SETTING_WEIGHT)
        settings.append(Setting(english_name(record), kind, weight))
    for record in hubs["hubs"]:
        weight = SETTING_WEIGHTS.get(str(record.get("id")), DEFAULT_HUB_WEIGHT)
        settings.append(Setting(english_name(record), "hub", weight))
    settings.append(Setting("other", "elsewhere", ELSEWHERE_WEIGHT))
    return settings


# --- when people answered --------------------------------------------------------------------

# Uneven quarters, as a real survey has: a push after the MNVP's winter listening events,
# then a summer lull.
QUARTER_WEIGHTS = (0.85, 1.3, 0.8, 1.05)
WEEKDAY_WEIGHTS = (1.15, 1.1, 1.05, 1.05, 0.95, 0.8, 0.9)
# Most people fill in surveys in the evening, often during night feeds.
HOUR_WEIGHTS = (3, 3, 2, 2, 1, 1, 2, 3, 4, 5, 6, 6, 6, 6, 5, 5, 5, 6, 7, 8, 9, 9, 7, 5)


def timestamps(rng: Random, start: dt.date, end: dt.date, count: int) -> list[dt.datetime]:
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    first_quarter = start.year * 4 + (start.month - 1) // 3
    weights = [
        QUARTER_WEIGHTS[(d.year * 4 + (d.month - 1) // 3 - first_quarter) % 4]
        * WEEKDAY_WEIGHTS[d.weekday()]
        for d in days
    ]
    chosen_days = rng.choices(days, weights=weights, k=count)
    hours = rng.choices(range(24), weights=HOUR_WEIGHTS, k=count)
    stamps = [
        dt.datetime(d.year, d.month, d.day, h, rng.randrange(60), rng.randrange(60))
        for d, h in zip(chosen_days, hours, strict=True)
    ]
    stamps.sort()
    return stamps


# --- comments --------------------------------------------------------------------------------


def sentiment_of(rating: str) -> str:
    if rating == "very good":
        return "pos"
    if rating == "good":
        return "good"
    if rating == "neither good nor poor":
        return "mixed"
    if rating == "don't know":
        return "dk"
    return "neg"


def lower_first(sentence: str) -> str:
    if sentence.startswith(("I ", "I'")):
        return sentence
    return sentence[0].lower() + sentence[1:]


def add_typos(rng: Random, text: str) -> str:
    words = text.split(" ")
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(words))
        word = words[i]
        bare = word.strip(".,!").lower()
        if bare in MISSPELLINGS:
            words[i] = word.lower().replace(bare, MISSPELLINGS[bare])
        elif len(word) > 5 and word.isalpha():
            j = rng.randrange(1, len(word) - 2)
            words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    text = " ".join(words)
    if rng.random() < 0.3:
        text = text.replace("I ", "i ").replace("I'", "i'")
    return text


def compose(rng: Random, stage: str, kind: str, sentiment: str) -> str:
    """An English comment that reads like a survey answer and holds no identifier."""
    length = rng.random()
    if sentiment == "dk" or length < 0.2:
        group = "pos" if sentiment == "good" else sentiment
        return rng.choice(SHORT[group])
    pos = POSITIVE[stage] + PLACE_POSITIVE.get(kind, ())
    neg = NEGATIVE[stage] + PLACE_NEGATIVE.get(kind, ())
    body_size = 1 + (length > 0.55) + (length > 0.8) + (length > 0.93)
    if sentiment == "pos":
        body = rng.sample(pos, min(body_size, len(pos)))
        closer = "pos"
    elif sentiment == "good":
        body = rng.sample(pos, min(body_size, len(pos)))
        if rng.random() < 0.35:
            body.append(rng.choice(CONNECTORS) + lower_first(rng.choice(neg)))
        closer = "pos"
    elif sentiment == "mixed":
        body = [rng.choice(pos), rng.choice(CONNECTORS) + lower_first(rng.choice(neg))]
        closer = "mixed"
    else:
        body = rng.sample(neg, min(body_size, len(neg)))
        if rng.random() < 0.3:
            body.append(f"{rng.choice(pos)[:-1]} though.")
        closer = "neg"
    if length > 0.7:
        body.insert(0, rng.choice(OPENERS))
    if length > 0.6:
        body.append(rng.choice(CLOSERS[closer]))
    text = " ".join(body)
    # Long answers sometimes come in two paragraphs, which a CSV has to quote.
    if len(body) > 3 and rng.random() < 0.25:
        half = len(body) // 2
        text = " ".join(body[:half]) + "\n\n" + " ".join(body[half:])
    if rng.random() < 0.12:
        text = add_typos(rng, text)
    if rng.random() < 0.1:
        text = text.rstrip(".")
    return text


def foreign(rng: Random, sentiment: str) -> str:
    language = "pl" if rng.random() < 0.6 else "ro"
    pool = FOREIGN[language]["pos" if sentiment in ("pos", "good", "dk") else "neg"]
    text = " ".join(rng.sample(pool, rng.randint(1, 2)))
    if language == "ro" and rng.random() < 0.4:
        text = text.translate(PLAIN_ROMANIAN)
    if rng.random() < 0.25:
        text = "Thank you. " + text
    return text


# --- planted identifiers ---------------------------------------------------------------------


def nhs_check_digit(nine: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def nhs_number(rng: Random) -> str:
    while True:
        nine = "999" + f"{rng.randrange(10**6):06d}"
        check = nhs_check_digit(nine)
        if check is not None:
            digits = f"{nine}{check}"
            return rng.choice((f"{digits[:3]} {digits[3:6]} {digits[6:]}", digits))


def phone(rng: Random) -> str:
    line = f"{rng.randrange(1000):03d}"
    return rng.choice(
        (
            f"07700 900{line}",
            f"07700900{line}",
            f"+44 7700 900{line}",
            f"01632 960{line}",
            f"(01632) 960{line}",
        )
    )


def email(rng: Random) -> str:
    first, last = rng.choice(PATIENT_FIRST), rng.choice(PATIENT_LAST)
    domain = rng.choice(("example.com", "example.org"))
    return rng.choice(
        (
            f"{first}.{last}@{domain}",
            f"{first}{last[0]}{rng.randint(80, 99)}@{domain}",
            f"{first}_{last}{rng.randint(1, 9)}@{domain}",
        )
    )


def postcode(rng: Random) -> str:
    area, districts = rng.choice((("WR", 15), ("WR", 15), ("HR", 9)))
    outward = f"{area}{rng.randint(1, districts)}"
    inward = f"{rng.randint(1, 9)}{rng.choice(POSTCODE_LETTERS)}{rng.choice(POSTCODE_LETTERS)}"
    return f"{outward}{'' if rng.random() < 0.15 else ' '}{inward}"


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def written_date(rng: Random, day: dt.date) -> str:
    month = MONTHS[day.month - 1]
    return rng.choice(
        (
            day.strftime("%d/%m/%Y"),
            f"{ordinal(day.day)} {month}",
            f"{ordinal(day.day)} {month} {day.year}",
            f"{day.day} {month} {day.year}",
            day.strftime("%d.%m.%y"),
        )
    )


def url(rng: Random, template: str) -> str:
    if "petition" in template:
        return f"https://petition.example.org/hospital-parking-{rng.randint(100, 999)}"
    slug = rng.choice(("our-birth-story", "rainbow-baby", "induction-diary", "fourth-trimester"))
    return rng.choice(
        (
            f"https://www.example.com/blog/{slug}",
            f"https://example.com/{slug}-{rng.randint(2, 40)}",
            f"www.example.org/p/{slug}",
        )
    )


def title_and_name(rng: Random) -> str:
    if rng.random() < 0.6:
        return f"{rng.choice(SURNAME_TITLES)} {rng.choice(TITLED_SURNAMES)}"
    return f"{rng.choice(FIRST_NAME_TITLES)} {rng.choice(STAFF_FIRST_NAMES)}"


def plant(rng: Random, kind: str, sentiment: str, response: Response) -> tuple[str, str]:
    """A sentence carrying one invented identifier, and the identifier's exact text."""
    template_kind = kind
    if kind == "nhs_number":
        text = nhs_number(rng)
    elif kind == "phone":
        text = phone(rng)
    elif kind == "email":
        text = email(rng)
    elif kind == "postcode":
        text = postcode(rng)
    elif kind == "url":
        text = ""  # chosen with its template below: a petition link for the petition sentence
    elif kind == "title_and_name":
        text = title_and_name(rng)
    elif kind == "staff_name":
        text = rng.choice(STAFF_SURNAMES)
    elif kind == "first_name":
        text = rng.choice(STAFF_FIRST_NAMES)
    elif response.stage in ("birth", "postnatal", "neonatal") and rng.random() < 0.75:
        template_kind = "date_of_birth_baby"
        text = written_date(rng, response.when.date() - dt.timedelta(days=rng.randint(2, 70)))
    else:
        template_kind = "date_of_birth_mother"
        born = dt.date(1985, 1, 1) + dt.timedelta(days=rng.randrange(7300))
        text = written_date(rng, born)
    tag = "+" if sentiment in ("pos", "good") else "-" if sentiment in ("neg", "mixed") else "0"
    templates = [t for s, t in PLANT_TEMPLATES[template_kind] if s in (tag, "0")]
    if not templates:
        templates = [t for _, t in PLANT_TEMPLATES[template_kind]]
    template = rng.choice(templates)
    if kind == "url":
        text = url(rng, template)
    return template.format(x=text), text


# --- the responses ---------------------------------------------------------------------------


def cumulative(weights: Sequence[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def generate(
    rng: Random, settings: list[Setting], stamps: list[dt.datetime], file: str
) -> tuple[list[Response], list[Planted]]:
    setting_cum = cumulative([s.weight for s in settings])
    stage_cum = {kind: cumulative(w) for kind, w in STAGE_WEIGHTS.items()}
    rating_cum = {
        (kind, stage): cumulative(RATING_OVERRIDES.get((kind, stage), RATING_WEIGHTS[stage]))
        for kind in STAGE_WEIGHTS
        for stage in STAGES
    }
    count = len(stamps)
    # An exact number of planted rows per file, kinds dealt in shuffled rounds, so that at the
    # default size every kind turns up at least twice in each file, whatever the seed.
    planted_rows = rng.sample(range(count), int(count * PLANTED_SHARE))
    deal: list[str] = []
    while len(deal) < len(planted_rows):
        round_ = list(KINDS)
        rng.shuffle(round_)
        deal.extend(round_)
    kind_of = dict(zip(planted_rows, deal, strict=False))
    # The first round is published (the dangerous case), the second is not; after that, chance.
    consent_of = {row: n < len(KINDS) for n, row in enumerate(planted_rows[: 2 * len(KINDS)])}

    responses: list[Response] = []
    planted: list[Planted] = []
    for index, when in enumerate(stamps):
        setting = settings[rng.choices(range(len(settings)), cum_weights=setting_cum)[0]]
        stage = STAGES[rng.choices(range(5), cum_weights=stage_cum[setting.kind])[0]]
        rating = RATINGS[rng.choices(range(6), cum_weights=rating_cum[setting.kind, stage])[0]]
        sentiment = sentiment_of(rating)
        consent = consent_of.get(index, rng.random() < CONSENT_YES)
        response = Response(when, setting.answer, stage, rating, "", consent)
        roll = rng.random()
        if index in kind_of:
            sentence, text = plant(rng, kind_of[index], sentiment, response)
            base = compose(rng, stage, setting.kind, sentiment if sentiment != "dk" else "mixed")
            if base in SHORT["dk"] or rng.random() < 0.15:
                response.comment = sentence
            elif rng.random() < 0.3:
                response.comment = f"{sentence} {base}"
            else:
                stop = "" if base.endswith((".", "!", "x")) else "."
                response.comment = f"{base}{stop} {sentence}"
            if text not in response.comment:
                raise AssertionError(f"planted text {text!r} lost from its comment")
            planted.append(Planted(file, index + 2, kind_of[index], text))
        elif roll < EMPTY_COMMENT:
            pass
        elif roll < EMPTY_COMMENT + FOREIGN_COMMENT:
            response.comment = foreign(rng, sentiment)
        else:
            response.comment = compose(rng, stage, setting.kind, sentiment)
        responses.append(response)
    return responses, planted


# --- hard cases ------------------------------------------------------------------------------

# Details that slipped past the first identifier check, planted once each with consent given
# (the dangerous case). Numbers and dates read out in words, and names on no staff list, are
# caught by rule; a rare circumstance cannot be, and must wait for a person to turn it down.
# Markup and a megabyte comment test the tool itself. {x} is the planted text.
HARD_CASES: tuple[tuple[str, str, str], ...] = (
    ("nhs_number_words", "{x}", "My NHS number is {x} if you need to find my notes."),
    ("phone_words", "{x}", "Please ring me on {x}, I am happy to talk about the night shift."),
    ("phone_mixed", "{x}", "Call me on {x} about the wait for the induction bed please."),
    ("date_words", "the twenty third of March", "Our son was born on {x} and we went home happy."),
    ("unlisted_name", "Ngozi", "Thanks to {x} on the ward, she was so patient with feeding."),
    ("unlisted_name", "Kowalczyk", "If breastfeeding is hard, ask for {x} at the hub clinic."),
    (
        "rare_circumstance",
        "the only deaf mum who had triplets at Evesham on Christmas Day 2025",
        "I was probably {x} and the staff still made time to sign with me.",
    ),
    ("markup", "<script>alert(1)</script>", "Lovely midwives {x} and a clean room."),
    ("markup", '<img src=x onerror="alert(1)">', "The postnatal ward was calm {x} and quiet."),
    (
        "too_long",
        "Every single day",
        "{x} " + "of my stay the care was kind and patient. " * 25_000,
    ),
)
NUMBER_WORDS = ("oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def spoken(digits: str) -> str:
    """Digits as people say them on the phone: "double seven" for a repeated digit."""
    words: list[str] = []
    i = 0
    while i < len(digits):
        word = NUMBER_WORDS[int(digits[i])]
        if i + 1 < len(digits) and digits[i + 1] == digits[i]:
            words.append(f"double {word}")
            i += 2
        else:
            words.append(word)
            i += 1
    return " ".join(words)


def hard_cases(
    seed: int, settings: list[Setting], stamps: list[dt.datetime], first_row: int, file: str
) -> tuple[list[Response], list[Planted]]:
    """One response per hard case, from a generator of their own, so the everyday rows
    (and the example's published summaries) stay as they were."""
    rng = Random(seed + 1)
    responses: list[Response] = []
    planted: list[Planted] = []
    for number, (kind, text, template) in enumerate(HARD_CASES):
        if kind == "nhs_number_words":
            text = spoken(nhs_number(rng).replace(" ", "")).replace("double ", "")
        elif kind == "phone_words":
            text = spoken(f"07700900{rng.randrange(1000):03d}")
        elif kind == "phone_mixed":
            text = f"07700 {spoken(f'900{rng.randrange(1000):03d}')}"
        when = rng.choice(stamps)
        setting = rng.choice([s for s in settings if s.kind == "hub"] or settings)
        comment = template.format(x=text)
        responses.append(Response(when, setting.answer, "postnatal", "very good", comment, True))
        planted.append(Planted(file, first_row + number, kind, text))
    return responses, planted


# --- writing ---------------------------------------------------------------------------------


def answers(mapping: Mapping, response: Response) -> dict[str, str]:
    return {
        "setting": mapping.answers["setting"].get(response.setting, response.setting),
        "stage": mapping.answers["stage"][response.stage],
        "rating": mapping.answers["rating"][response.rating],
        "comment": response.comment,
        "consent_to_publish": mapping.answers["consent_to_publish"][
            "yes" if response.consent else "no"
        ],
    }


def write_google(path: Path, mapping: Mapping, responses: list[Response]) -> None:
    # Plain UTF-8 with CRLF line ends, as the Google Forms download is.
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([mapping.headings[f] for f in FIELDS])
        for response in responses:
            cells = answers(mapping, response)
            stamp = response.when.strftime(mapping.date_format)
            writer.writerow([stamp, *(cells[f] for f in FIELDS[1:])])


def write_microsoft(path: Path, mapping: Mapping, responses: list[Response], rng: Random) -> None:
    # ID, Start time, Email and Name are columns a real Microsoft Forms download has and the
    # mapping ignores; the reader has to cope with them. The times go in as plain datetimes,
    # so openpyxl gives them its own date format: a styled cell per row for Microsoft's
    # "m/d/yy" look would add a third to the time at 100,000 rows.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Sheet1")
    questions = [mapping.headings[f] for f in FIELDS[1:]]
    sheet.append(["ID", "Start time", mapping.headings["submitted"], "Email", "Name", *questions])
    for number, response in enumerate(responses, start=1):
        started = response.when - dt.timedelta(seconds=rng.randint(40, 1200))
        cells = answers(mapping, response)
        sheet.append(
            [number, started, response.when, "anonymous", None, *(cells[f] for f in FIELDS[1:])]
        )
    workbook.properties.creator = "scripts/synthetic_feedback.py"
    workbook.properties.created = FIXED_STAMP
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_stable_zip(path, buffer.getvalue())


def write_stable_zip(path: Path, data: bytes) -> None:
    """Copy an xlsx with fixed entry times and a fixed 'modified' property.

    openpyxl stamps both with the current time on save, which would make every run differ.
    """
    fixed = FIXED_STAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + fixed.encode() + rb"\g<2>",
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_STAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)


def write_staff_names(path: Path) -> None:
    lines = [
        "# Invented staff names for the synthetic feedback export. No real person.",
        "# Written by scripts/synthetic_feedback.py. One name per line; '#' starts a comment.",
        '# Some appear in comments without a title ("Kowalska was brilliant"), which only a',
        '# list like this can catch; titled names ("Dr Okafor") should be caught by the title.',
        *STAFF_SURNAMES,
        "Okafor",
        "O'Neill",
        *UNPLANTED_STAFF,
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- command line ----------------------------------------------------------------------------


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date like 2025-10-01, found {text!r}"
        ) from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="folder to write the export files into")
    parser.add_argument("--data", type=Path, default=REPO / "data", help="data folder")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument("--rows", type=int, default=1600, help="responses in all (default 1600)")
    parser.add_argument(
        "--start", type=parse_date, default=dt.date(2025, 10, 1), help="first day (2025-10-01)"
    )
    parser.add_argument(
        "--end", type=parse_date, default=dt.date(2026, 9, 30), help="last day (2026-09-30)"
    )
    args = parser.parse_args(argv)
    if args.rows < 1:
        parser.error(f"--rows: expected a positive number, e.g. 1600; found {args.rows}")
    if args.end < args.start:
        parser.error(f"--end ({args.end}) is before --start ({args.start})")

    began = time.perf_counter()
    try:
        google = load_mapping(MAPPINGS / "google-forms.yml")
        microsoft = load_mapping(MAPPINGS / "microsoft-forms.yml")
        settings = load_settings(args.data)
    except SetupError as error:
        print(f"synthetic_feedback: {error}", file=sys.stderr)
        return 1

    rng = Random(args.seed)
    stamps = timestamps(rng, args.start, args.end, args.rows)
    in_google = set(rng.sample(range(args.rows), round(args.rows * GOOGLE_SHARE)))
    google_stamps = [s for i, s in enumerate(stamps) if i in in_google]
    microsoft_stamps = [s for i, s in enumerate(stamps) if i not in in_google]
    google_rows, google_planted = generate(rng, settings, google_stamps, GOOGLE_FILE)
    microsoft_rows, microsoft_planted = generate(rng, settings, microsoft_stamps, MICROSOFT_FILE)
    hard_rows, hard_planted = hard_cases(
        args.seed, settings, google_stamps, len(google_rows) + 2, GOOGLE_FILE
    )
    google_rows += hard_rows
    google_planted += hard_planted

    args.out.mkdir(parents=True, exist_ok=True)
    write_google(args.out / GOOGLE_FILE, google, google_rows)
    write_microsoft(args.out / MICROSOFT_FILE, microsoft, microsoft_rows, rng)
    planted = [vars(p) for p in google_planted + microsoft_planted]
    (args.out / "planted.json").write_text(
        json.dumps(planted, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    write_staff_names(args.out / "staff-names.txt")
    print(
        f"{len(google_rows)} rows in {GOOGLE_FILE}, {len(microsoft_rows)} in {MICROSOFT_FILE},"
        f" {len(planted)} planted identifiers, in {time.perf_counter() - began:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
