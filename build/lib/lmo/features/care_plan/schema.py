"""The care-plan drafter's schema (data/care_plan.yml)."""

from __future__ import annotations

from typing import Annotated, Literal

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
    Text,
)

# --- the care-plan drafter ----------------------------------------------------------------


class CarePlanOption(Strict):
    id: Id
    label: Text


class CarePlanQuestion(Strict):
    """One prompt. Free text first; a checklist only as reminders; "not sure yet" always."""

    id: Id = Field(description="Unique across the plan; saved plans refer to it, so keep it.")
    prompt: Text
    hint: Text | None = None
    kind: Literal["text", "choice", "birth_setting", "pain_relief"] = Field(
        "text",
        description="text: her own words. choice: one of 'options'. birth_setting: one of the"
        " birth settings in the data. pain_relief: what she would like to try, checked against"
        " what her chosen setting offers.",
    )
    options: list[CarePlanOption] = Field(default_factory=list, description="For kind: choice.")
    reminders: list[Text] = Field(
        default_factory=list, description="Things she might think about (not questions)."
    )
    asks: bool = Field(
        False, description="Her answer is a list of her own questions for her midwife."
    )
    receives: Literal["birth_place_notes"] | None = Field(
        None,
        description="birth_place_notes: her notes from the birth-place page are added here"
        ' when she chooses "Add to my care plan" there (on her device only).',
    )

    @model_validator(mode="after")
    def _options_for_choice(self) -> CarePlanQuestion:
        if self.kind == "choice" and len(self.options) < 2:
            raise PydanticCustomError(
                "lmo_plan", "a question with 'kind: choice' needs at least two 'options'"
            )
        if self.kind != "choice" and self.options:
            raise PydanticCustomError(
                "lmo_plan", "only a question with 'kind: choice' has 'options'"
            )
        return self


class CarePlanSection(Strict):
    id: Id
    title: Text
    intro: Text | None = None
    questions: list[CarePlanQuestion]
    signposts: list[Annotated[Id, Refers("services")]] = Field(
        default_factory=list, description="Ids of services in services.yml that can help."
    )


class CarePlanFile(Strict):
    """The questions of the care-plan drafter (optional: without it there is no drafter)."""

    intro: Text
    privacy: Text = Field(description="What happens to what she writes, in plain words.")
    not_safe: Text = Field(description="Where to turn if she is not safe. Never a question.")
    sections: list[CarePlanSection]
    source: Source
    owner: str
    last_reviewed: Date
    review_by: Date
