"""The one schema for every core data file in ``data/``, a module per file or group of files.

| module | what it checks |
| --- | --- |
| ``values`` | the shared value types: ids, text, dates, phones, web addresses, postcodes |
| ``records`` | ``Strict`` (every block), and what every record carries: status, source, review |
| ``places`` | ``organisations.yml``, ``places.yml`` |
| ``care`` | ``hubs.yml``, ``birth_settings.yml``, ``services.yml`` |
| ``lmns`` | ``lmns.yml`` (with the MNVPs), ``concerns.yml``, ``glossary.yml`` |
| ``translations`` | ``data/translations/<language>.yml`` |

Every name is also here, so ``schema.Hub`` and ``from lmo.data.schema import Date`` work
without knowing the module. Models reject unknown keys, so a misspelt field is an error
rather than silently ignored text. Field descriptions feed the generated field reference and
the JSON Schema that gives editors completion. Cross-file checks (references between files,
duplicate ids) live in ``lmo.data.load`` and ``lmo.data.references``; the schema only knows
one file at a time. Each feature's files have their schema in its own package.
"""

from __future__ import annotations

from lmo.core.i18n import SOURCE_LANGUAGE
from lmo.data.schema.care import (
    BIRTH_SETTING_TYPES,
    PAIN_RELIEF,
    SERVICE_CATEGORIES,
    Access,
    BirthSetting,
    BirthSettingsFile,
    Facilities,
    Hub,
    HubsFile,
    Languages,
    NeonatalUnit,
    Service,
    ServicesFile,
    Transfer,
    YesNoUnknown,
)
from lmo.data.schema.lmns import (
    ConcernRoute,
    ConcernsFile,
    GlossaryFile,
    Lmns,
    LmnsFile,
    Mnvp,
    SiteNotice,
    Term,
    TriageLine,
)
from lmo.data.schema.places import (
    ORGANISATION_KINDS,
    Address,
    Coordinates,
    Cqc,
    GettingThere,
    Organisation,
    OrganisationsFile,
    Place,
    PlacesFile,
)
from lmo.data.schema.records import (
    SITUATIONS,
    STATUS_STATES,
    Record,
    Source,
    Status,
    StatusState,
    Strict,
    WhatToDoNow,
    both_or_neither,
)
from lmo.data.schema.translations import TRANSLATION_METHODS, TranslationEntry, TranslationsFile
from lmo.data.schema.values import (
    DATE_RE,
    LANGUAGE_CODE_RE,
    RECORD_REF,
    RESERVED_IDS,
    UK_LATITUDE,
    UK_LONGITUDE,
    Date,
    Email,
    Id,
    LocalText,
    NoticeText,
    OdsCode,
    Phone,
    Postcode,
    RecordId,
    Text,
    Url,
    check_latitude,
    check_longitude,
    check_record_ref,
    source_hash,
)

# The core's files, read by lmo.data.load. Each feature declares its own files
# (lmo/features/<name>/__init__.py); a feature whose files are absent is off.
DATA_FILES: dict[str, type[Strict]] = {
    "lmns.yml": LmnsFile,
    "organisations.yml": OrganisationsFile,
    "places.yml": PlacesFile,
    "hubs.yml": HubsFile,
    "birth_settings.yml": BirthSettingsFile,
    "services.yml": ServicesFile,
    "concerns.yml": ConcernsFile,
    "glossary.yml": GlossaryFile,
}
# The one file a site cannot do without: the LMNS, its urgent contacts and its MNVPs. The
# others may be left out while a site is being set up; their pages are then not made.
REQUIRED_DATA_FILES = frozenset({"lmns.yml"})

__all__ = [
    "BIRTH_SETTING_TYPES",
    "DATA_FILES",
    "DATE_RE",
    "LANGUAGE_CODE_RE",
    "ORGANISATION_KINDS",
    "PAIN_RELIEF",
    "RECORD_REF",
    "REQUIRED_DATA_FILES",
    "RESERVED_IDS",
    "SERVICE_CATEGORIES",
    "SITUATIONS",
    "SOURCE_LANGUAGE",
    "STATUS_STATES",
    "TRANSLATION_METHODS",
    "UK_LATITUDE",
    "UK_LONGITUDE",
    "Access",
    "Address",
    "BirthSetting",
    "BirthSettingsFile",
    "ConcernRoute",
    "ConcernsFile",
    "Coordinates",
    "Cqc",
    "Date",
    "Email",
    "Facilities",
    "GettingThere",
    "GlossaryFile",
    "Hub",
    "HubsFile",
    "Id",
    "Languages",
    "Lmns",
    "LmnsFile",
    "LocalText",
    "Mnvp",
    "NeonatalUnit",
    "NoticeText",
    "OdsCode",
    "Organisation",
    "OrganisationsFile",
    "Phone",
    "Place",
    "PlacesFile",
    "Postcode",
    "Record",
    "RecordId",
    "Service",
    "ServicesFile",
    "SiteNotice",
    "Source",
    "Status",
    "StatusState",
    "Strict",
    "Term",
    "Text",
    "Transfer",
    "TranslationEntry",
    "TranslationsFile",
    "TriageLine",
    "Url",
    "WhatToDoNow",
    "YesNoUnknown",
    "both_or_neither",
    "check_latitude",
    "check_longitude",
    "check_record_ref",
    "source_hash",
]
