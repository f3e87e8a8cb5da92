"""The quality and safety schema (data/quality.yml): what may be published (seed 003, Appendix
2)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
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
    Url,
)

# --- quality and safety (seed 003, Appendix 2: what may be public) --------------------------

# Measures that are for internal quality surveillance, never for a public page. They are
# named so that an editor who adds one learns why it is refused, not just that it is unknown.
INTERNAL_MEASURES = {
    "incidents": "incident counts",
    "incident_counts": "incident counts",
    "serious_incidents": "incident counts",
    "staffing": "staffing and rota gaps",
    "staffing_gaps": "staffing and rota gaps",
    "rota_gaps": "staffing and rota gaps",
    "vacancies": "staffing and rota gaps",
    "training": "training compliance",
    "training_compliance": "training compliance",
    "perinatal_mortality_reviews": "perinatal death review findings",
    "pmrt": "perinatal death review findings",
    "perinatal_deaths": "perinatal death review findings",
    "coroner_reports": "coroner reports",
    "prevention_of_future_deaths": "coroner reports",
    "complaints_count": "complaint counts",
}

CqcRating = Literal["outstanding", "good", "requires_improvement", "inadequate", "not_rated"]


class CqcRatings(Strict):
    overall: CqcRating
    safe: CqcRating
    effective: CqcRating
    caring: CqcRating
    responsive: CqcRating
    well_led: CqcRating
    scope: Literal["maternity", "whole_trust"] = Field(
        description="Whether the ratings are for the maternity service or the whole trust."
    )
    published: Date = Field(description="Date of the CQC report.")
    url: Url


class IncentiveScheme(Strict):
    year: str = Field(pattern=r"^\d{4}/\d{2}$", description="Scheme year, such as 2023/24.")
    result: Literal["met", "not_met"] = Field(description="Met all ten safety actions or not.")
    source: Source


class QualityRecord(Strict):
    """What may be published about a provider's maternity quality and safety."""

    provider: Annotated[Id, Refers("organisations")]
    cqc: CqcRatings | None = None
    maternity_incentive_scheme: IncentiveScheme | None = None
    board_papers: Url | None = Field(None, description="Where public board papers are.")
    raise_concern: Annotated[Id, Refers("concerns")] | None = Field(
        None, description="Id of a route in concerns.yml."
    )
    source: Source
    owner: str
    last_reviewed: Date
    review_by: Date

    @model_validator(mode="before")
    @classmethod
    def _refuse_internal_measures(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in data:
                if key in INTERNAL_MEASURES:
                    raise PydanticCustomError(
                        "lmo_internal",
                        "'{key}' is an internal quality measure ({what}): it is for the trust"
                        " board and regulators, never a public page (NHS England's perinatal"
                        " quality surveillance model, Appendix 2); remove it",
                        {"key": key, "what": INTERNAL_MEASURES[key]},
                    )
        return data


class QualityFile(Strict):
    providers: list[QualityRecord] = Field(default_factory=list)
