"""The birth-place schema: published outcomes by place of birth (data/birthplace_figures.yml) and
the area's postcode districts (data/postcode_districts.yml)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from lmo.data.references import Refers
from lmo.data.schema import (
    Date,
    Id,
    Source,
    Strict,
    Text,
    Url,
    both_or_neither,
    check_latitude,
    check_longitude,
)

# --- birth-place information ----------------------------------------------------------------

# The outcomes the birth-place page knows how to explain, in the order it shows them. The
# three ways of giving birth add up to 1,000 in every setting (checked at build time).
BIRTH_OUTCOMES = (
    "spontaneous_vaginal_birth",
    "instrumental_birth",
    "caesarean_birth",
    "epidural",
    "episiotomy",
    "blood_transfusion",
    "transferred",
    "baby_serious_problems",
)
WAYS_OF_GIVING_BIRTH = BIRTH_OUTCOMES[:3]
PARITIES = ("first_birth", "later_birth")


class PerThousand(Strict):
    """One figure per birth setting type, per 1,000 women (or babies)."""

    home: int = Field(ge=0, le=1000)
    freestanding_midwifery_unit: int = Field(ge=0, le=1000)
    alongside_midwifery_unit: int = Field(ge=0, le=1000)
    obstetric_unit: int = Field(ge=0, le=1000)


class FigureSource(Strict):
    """Where a published figure comes from, and whether anyone has checked it there."""

    title: str = Field(description="The guideline or paper, such as NICE NG235 Intrapartum care.")
    reference: str | None = Field(None, description="The table or page, such as Table 5.")
    url: Url | None = None
    verification: Literal["checked", "to_confirm"] = Field(
        description="checked: compared with a retrieved copy of the source. to_confirm: not"
        " yet; the page says the figure is awaiting confirmation."
    )
    checked_by: str | None = Field(None, description="Who checked it (a role, not a name).")
    checked_on: Date | None = None

    @model_validator(mode="after")
    def _check_recorded(self) -> FigureSource:
        both_or_neither(self, "checked_by", "checked_on")
        return self


class OutcomeFigures(Strict):
    outcome: Literal[
        "spontaneous_vaginal_birth",
        "instrumental_birth",
        "caesarean_birth",
        "epidural",
        "episiotomy",
        "blood_transfusion",
        "transferred",
        "baby_serious_problems",
    ]
    parity: Literal["first_birth", "later_birth"] = Field(
        description="first_birth: a first baby. later_birth: she has given birth before."
    )
    per_1000: PerThousand
    source: FigureSource


class TransferShares(Strict):
    """Percentages of the women transferred from each setting (an obstetric unit has none)."""

    home: float = Field(ge=0, le=100)
    freestanding_midwifery_unit: float = Field(ge=0, le=100)
    alongside_midwifery_unit: float = Field(ge=0, le=100)


class TransferReason(Strict):
    id: Id
    label: Text
    share: TransferShares


class TransferReasons(Strict):
    transferred_women: dict[
        Literal["home", "freestanding_midwifery_unit", "alongside_midwifery_unit"], int
    ] = Field(description="How many transferred women the shares are of, per setting.")
    reasons: list[TransferReason]
    source: FigureSource


class TransferTime(Strict):
    setting: Literal["home", "freestanding_midwifery_unit", "alongside_midwifery_unit"]
    median_minutes: int = Field(ge=1, le=600)
    source: FigureSource


class Finding(Strict):
    """A published finding in words, such as the study's result for babies."""

    id: Id
    text: Text
    source: FigureSource


class BirthplaceFiguresFile(Strict):
    """Published outcomes by place of birth (optional: without it there is no birth-place
    page). The figures are for healthy women with straightforward pregnancies."""

    study: Text = Field(description="What the figures are from, in one or two sentences.")
    framing: Text = Field(description="How the national guideline frames the choice.")
    figures: list[OutcomeFigures]
    findings: list[Finding] = Field(default_factory=list)
    transfer_reasons: TransferReasons
    transfer_times: list[TransferTime] = Field(default_factory=list)
    signposts: list[Annotated[Id, Refers("services")]] = Field(
        default_factory=list,
        description="Ids of services in services.yml that talk the choice through with her,"
        " such as a birth-planning clinic.",
    )
    source: Source
    owner: str
    last_reviewed: Date
    review_by: Date


def _check_district(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"[A-Z]{1,2}[0-9][0-9A-Z]?", value):
        return value
    raise PydanticCustomError(
        "lmo_district",
        'expected the first half of a postcode in capitals, such as "XY1" or "XY12"',
    )


class PostcodeDistrict(Strict):
    code: Annotated[str, BeforeValidator(_check_district)] = Field(
        description="The postcode district (the first half of a postcode), such as XY1."
    )
    towns: list[str] = Field(
        default_factory=list,
        description="Towns and villages in the district a woman might type instead.",
    )
    lat: Annotated[float, AfterValidator(check_latitude)]
    lon: Annotated[float, AfterValidator(check_longitude)]


class PostcodeDistrictsFile(Strict):
    """Approximate centres of the area's postcode districts, for straight-line distances
    worked out in her browser (optional). Built by scripts/import_postcode_districts.py."""

    approximate: bool = Field(
        True, description="True: the centres are approximate, and the page says so."
    )
    districts: list[PostcodeDistrict]
    source: Source
    owner: str
    last_reviewed: Date
    review_by: Date
