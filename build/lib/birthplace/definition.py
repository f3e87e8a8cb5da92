"""The definition the build writes for one language (lmo/features/birth_place/place.py), read into
plain
objects. Its words are already in the page's language."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

SETTING_TYPES = (
    "home",
    "freestanding_midwifery_unit",
    "alongside_midwifery_unit",
    "obstetric_unit",
)
PARITIES = ("first_birth", "later_birth")
# The order the results explain the outcomes in (the definition's JSON keeps no order).
OUTCOMES = (
    "spontaneous_vaginal_birth",
    "instrumental_birth",
    "caesarean_birth",
    "epidural",
    "episiotomy",
    "blood_transfusion",
    "transferred",
    "baby_serious_problems",
)
WAYS_OF_GIVING_BIRTH = ("spontaneous_vaginal_birth", "instrumental_birth", "caesarean_birth")
# The rows "fewer interventions" points her to, when she says it matters to her.
INTERVENTIONS = ("instrumental_birth", "caesarean_birth", "epidural", "episiotomy")


class DefinitionError(ValueError):
    """The definition file is not one this version of the tool can read."""


@dataclass(frozen=True)
class Figure:
    per_1000: dict[str, int]
    source: str
    url: str | None
    verification: str


@dataclass(frozen=True)
class Setting:
    id: str
    name: str
    type: str
    url: str
    state: str
    state_label: str
    lat: float | None
    lon: float | None
    approximate: bool
    in_area: bool
    area: str | None
    birth_pools: int | None
    partner_overnight: str
    transfer_unit: str | None
    transfer_url: str | None
    transfer_minutes: int | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Setting:
        transfer = data.get("transfer") or {}
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            url=data["url"],
            state=data["state"],
            state_label=data["state_label"],
            lat=data.get("lat"),
            lon=data.get("lon"),
            approximate=bool(data.get("approximate", True)),
            in_area=bool(data.get("in_area", True)),
            area=data.get("area"),
            birth_pools=data.get("birth_pools"),
            partner_overnight=data.get("partner_overnight", "unknown"),
            transfer_unit=transfer.get("name"),
            transfer_url=transfer.get("url"),
            transfer_minutes=transfer.get("minutes"),
        )


@dataclass(frozen=True)
class District:
    code: str
    towns: tuple[str, ...]
    lat: float
    lon: float


@dataclass(frozen=True)
class Definition:
    lang: str
    strings: dict[str, str]
    setting_types: dict[str, str]
    outcomes: dict[str, str]
    parities: dict[str, str]
    verification: dict[str, str]
    matters: dict[str, str]
    figures: dict[str, dict[str, Figure]]
    transfer_reasons: list[dict[str, Any]]
    transfer_source: Figure
    # Setting type -> (median minutes from the decision to transfer to arrival, its source).
    transfer_times: dict[str, tuple[int, Figure]]
    settings: list[Setting]
    districts: list[District]
    districts_approximate: bool
    # The district the page gives as an example of what to type (from the area's own file).
    where_example: str | None = None

    FORMAT = 1

    @classmethod
    def from_json(cls, text: str) -> Definition:
        data = json.loads(text)
        if data.get("format") != cls.FORMAT:
            raise DefinitionError(
                f"definition format {data.get('format')!r}; this tool reads {cls.FORMAT}"
            )

        def figure(item: dict[str, Any]) -> Figure:
            return Figure(
                per_1000=dict(item.get("per_1000") or {}),
                source=item["source"],
                url=item.get("url"),
                verification=item["verification"],
            )

        transfer = data["transfer"]
        return cls(
            lang=data["lang"],
            strings=dict(data["strings"]),
            setting_types=dict(data["setting_types"]),
            outcomes=dict(data["outcomes"]),
            parities=dict(data["parities"]),
            verification=dict(data["verification"]),
            matters=dict(data["matters"]),
            figures={
                parity: {outcome: figure(item) for outcome, item in rows.items()}
                for parity, rows in data["figures"].items()
            },
            transfer_reasons=list(transfer["reasons"]),
            transfer_source=figure(transfer),
            transfer_times={
                k: (int(v["minutes"]), figure(v)) for k, v in transfer["times"].items()
            },
            settings=[Setting.from_json(s) for s in data["settings"]],
            districts=[
                District(d["code"], tuple(d.get("towns", ())), d["lat"], d["lon"])
                for d in data["districts"]
            ],
            districts_approximate=bool(data.get("districts_approximate", True)),
            where_example=data.get("where_example"),
        )

    def say(self, key: str, **values: object) -> str:
        """A sentence in the page's language. Values are filled by name (%(name)s), so a
        translation may put them in any order; numbers are written the language's way."""
        return self.strings[key] % {
            name: self.number(value)
            if isinstance(value, int | float) and not isinstance(value, bool)
            else str(value)
            for name, value in values.items()
        }

    def number(self, value: float) -> str:
        """A number with the separators the build took from CLDR for the page's language
        ("1 000" and "12,5" in Polish), as Babel writes it: Babel is not in the browser."""
        text = f"{value:g}" if isinstance(value, float) else str(value)
        whole, dot, fraction = text.partition(".")
        sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
        group = self.strings.get("group_separator", "")
        if len(digits) > 3 and digits.isdigit():
            head = len(digits) % 3 or 3
            rest = [digits[i : i + 3] for i in range(head, len(digits), 3)]
            digits = group.join([digits[:head], *rest])
        decimal = self.strings.get("decimal_separator", ".")
        return sign + digits + (decimal + fraction if dot else "")
