"""``data/translations/<language>.yml``: translations of the data's text, each with who made
it, how, and the fingerprint of the English it was made from."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from lmo.data.schema.records import Strict, both_or_neither
from lmo.data.schema.values import Date

TRANSLATION_METHODS = ("machine", "professional", "community")


def _check_hash(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"[0-9a-f]{12}", value):
        return value
    raise PydanticCustomError(
        "lmo_hash",
        "expected the 12-character fingerprint of the English text in double quotes, as"
        " written by 'make translations-todo'",
    )


class TranslationEntry(Strict):
    text: str = Field(min_length=1, description="The text in this language.")
    method: Literal["machine", "professional", "community"] = Field(
        description="How it was made: machine (a draft by software), professional, community."
    )
    source: Annotated[str, BeforeValidator(_check_hash)] = Field(
        description="Fingerprint of the English it was translated from; when the English"
        " changes, the site shows the translation as possibly out of date."
    )
    reviewed_by: str | None = Field(None, description="Who checked it (a role, not a name).")
    reviewed_on: Date | None = None

    @model_validator(mode="after")
    def _review_pair(self) -> TranslationEntry:
        both_or_neither(self, "reviewed_by", "reviewed_on")
        return self

    @property
    def reviewed(self) -> bool:
        return self.reviewed_by is not None


class TranslationsFile(Strict):
    language: Annotated[str, AfterValidator(lambda v: v)] = Field(
        description="The language code, the same as the file name (pl for pl.yml)."
    )
    translations: dict[str, TranslationEntry] = Field(
        default_factory=dict,
        description="Key (such as hubs.town-hub.summary) -> the translation.",
    )
