"""The source text of the disclosure rules, read without importing them.

A site build remembers each summary's passed audit keyed on this text, so that a change to
any rule can never reuse a pass made under the old one. Reading the files instead of the
imported modules keeps numpy (which the rules' solver needs) out of a build whose summaries
all passed before: about a tenth of a second of every build.
"""

from __future__ import annotations

from pathlib import Path

# Every module the rules live in, this one included (it decides what the key covers).
RULE_MODULES = (
    "disclosure",
    "disclosure_figures",
    "disclosure_reader",
    "disclosure_audit",
    "disclosure_protect",
    "disclosure_source",
)


def disclosure_code_fingerprint_source() -> bytes:
    """The source of every rule module, in a fixed order."""
    folder = Path(__file__).parent
    return b"\0".join((folder / f"{name}.py").read_bytes() for name in RULE_MODULES)
