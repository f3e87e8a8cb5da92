"""``hubs.yml``, ``birth_settings.yml`` and ``services.yml``: the care on offer, and where."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from lmo.data.references import Refers
from lmo.data.schema.records import Record, Strict
from lmo.data.schema.values import Email, Id, Phone, Text, Url

SERVICE_CATEGORIES = (
    "routine_care",
    "specialist_care",
    "targeted_support",
    "choice_and_planning",
    "continuity_of_carer",
    "information_and_groups",
    "voices_partnership",
    "feedback_and_complaints",
)


class Access(Strict):
    self_referral: bool = Field(description="Can she contact the service herself?")
    how: Text = Field(description="How to get it, in plain words.")
    phone: Phone | None = None
    online: Url | None = None
    email: Email | None = None


class Languages(Strict):
    interpreting: Text = Field(description="How to get an interpreter for this service.")
    spoken: list[str] = Field(default_factory=list, description="Languages staff speak.")


class Service(Record):
    category: Literal[
        "routine_care",
        "specialist_care",
        "targeted_support",
        "choice_and_planning",
        "continuity_of_carer",
        "information_and_groups",
        "voices_partnership",
        "feedback_and_complaints",
    ] = Field(description="Which of the eight parts of the Local Maternity Offer it belongs to.")
    for_whom: Text
    access: Access
    provider: Annotated[Id, Refers("organisations")] = Field(
        description="Id of the organisation legally providing it."
    )
    commissioner: Annotated[Id, Refers("organisations")] | None = Field(
        None, description="Id of the organisation paying for it."
    )
    delivered_at: list[Annotated[Id, Refers("places")]] = Field(
        default_factory=list, description="Ids of places."
    )
    area: Text | None = Field(None, description="Where it is offered, if not the whole LMNS.")
    hours: Text | None = None
    languages: Languages | None = None


class Hub(Record):
    place: Annotated[Id, Refers("places")]
    provider: Annotated[Id, Refers("organisations")]
    offers: list[Text] = Field(default_factory=list, description="What happens at the hub.")
    services: list[Annotated[Id, Refers("services")]] = Field(
        default_factory=list, description="Ids of services held here."
    )


BIRTH_SETTING_TYPES = (
    "home",
    "freestanding_midwifery_unit",
    "alongside_midwifery_unit",
    "obstetric_unit",
)
PAIN_RELIEF = (
    "relaxation_and_breathing",
    "water",
    "tens",
    "gas_and_air",
    "opioid_injection",
    "remifentanil",
    "epidural",
)
YesNoUnknown = Literal["yes", "no", "unknown"]


class NeonatalUnit(Strict):
    level: Literal["none", "1", "1+", "2", "3"] = Field(
        description="1 special care, 2 local neonatal unit, 3 intensive care."
    )
    from_weeks: int | None = Field(None, ge=22, le=40, description="Earliest gestation cared for.")
    name: Text | None = None


class Facilities(Strict):
    birth_pools: int | None = Field(None, ge=0, description="Leave out if not confirmed.")
    partner_overnight: YesNoUnknown = "unknown"
    pain_relief: (
        list[
            Literal[
                "relaxation_and_breathing",
                "water",
                "tens",
                "gas_and_air",
                "opioid_injection",
                "remifentanil",
                "epidural",
            ]
        ]
        | None
    ) = Field(
        None,
        description="What is actually offered there, as confirmed by the unit. Leave out"
        " while not confirmed (the page then says so); an empty list means none.",
    )
    neonatal_unit: NeonatalUnit | None = None
    notes: Text | None = None


class Transfer(Strict):
    unit: Annotated[Id, Refers("birth_settings")] = Field(
        description="Id of the obstetric unit birth setting you would go to."
    )
    typical_minutes: int | None = Field(None, ge=1, le=600)
    what_happens: Text


class BirthSetting(Record):
    type: Literal[
        "home", "freestanding_midwifery_unit", "alongside_midwifery_unit", "obstetric_unit"
    ]
    place: Annotated[Id, Refers("places")] | None = Field(
        None, description="Id of the place; not used for home birth."
    )
    area: Text | None = Field(None, description="Where home birth is offered.")
    provider: Annotated[Id, Refers("organisations")]
    in_area: bool = Field(True, description="False for units outside the LMNS.")
    facilities: Facilities
    suits: Text = Field(description="Who the setting suits, in words. Not a clinical rule.")
    transfer: Transfer | None = Field(None, description="Required unless an obstetric unit.")

    @model_validator(mode="after")
    def _shape_for_type(self) -> BirthSetting:
        if self.type != "home" and self.place is None:
            raise PydanticCustomError(
                "lmo_setting", "a unit needs 'place: <id of a place in places.yml>'"
            )
        if self.type != "obstetric_unit" and self.transfer is None:
            raise PydanticCustomError(
                "lmo_setting",
                "a setting other than an obstetric unit needs 'transfer:' with 'unit' and"
                " 'what_happens', so women know what happens if they need to move",
            )
        return self


class HubsFile(Strict):
    hubs: list[Hub]


class BirthSettingsFile(Strict):
    birth_settings: list[BirthSetting]


class ServicesFile(Strict):
    services: list[Service]
