"""The source text of the disclosure rules, read without importing them.

A site build remembers each summary's passed audit keyed on this text, so that a change to
any rule can never reuse a pass made under the old one. Reading the files instead of the
imported modules keeps numpy (which the rules' solver needs) out of a build whose summaries
all passed before: about a tenth of a second of every build.
"""

from __future__ import annotations

from pathlib import Path


def disclosure_code_fingerprint_source() -> bytes:
    """The source of every module the rules live in (every ``disclosure*.py`` of this folder,
    this one included), in a fixed order. Found by name, not listed, so a rule module added
    later is in the key without anyone remembering to add it."""
    modules = sorted(Path(__file__).parent.glob("disclosure*.py"))
    return b"\0".join(module.read_bytes() for module in modules)
