"""``organisations.yml`` and ``places.yml``: who provides care, and where it happens."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from lmo.data.schema.records import Record, Strict
from lmo.data.schema.values import (
    OdsCode,
    Phone,
    Postcode,
    Text,
    Url,
    check_latitude,
    check_longitude,
)

ORGANISATION_KINDS = ("nhs_trust", "independent_provider", "icb", "council", "voluntary", "other")


class Cqc(Strict):
    provider_id: str = Field(description="CQC provider id, such as RWP or 1-101234567.")
    url: Url


class Organisation(Record):
    kind: Literal["nhs_trust", "independent_provider", "icb", "council", "voluntary", "other"]
    ods_code: OdsCode | None = Field(None, description="NHS Organisation Data Service code.")
    cqc: Cqc | None = None
    website: Url | None = None
    phone: Phone | None = None


class Address(Strict):
    lines: list[str] = Field(default_factory=list, description="Street lines, if public.")
    town: str
    county: str | None = None
    postcode: Postcode | None = None


class Coordinates(Strict):
    lat: Annotated[float, AfterValidator(check_latitude)]
    lon: Annotated[float, AfterValidator(check_longitude)]
    approximate: bool = Field(
        False, description="True when only the town centre is known: the page says so."
    )


class GettingThere(Strict):
    bus: Text | None = None
    train: Text | None = None
    car: Text | None = None
    parking: Text | None = None
    step_free: Text | None = Field(None, description="Step-free access and lifts.")


class Place(Record):
    address: Address
    coordinates: Coordinates
    getting_there: GettingThere
    opening_hours: Text | None = None
    phone: Phone | None = None


class OrganisationsFile(Strict):
    organisations: list[Organisation]


class PlacesFile(Strict):
    places: list[Place]
