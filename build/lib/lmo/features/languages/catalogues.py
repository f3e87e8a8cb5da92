"""Keep the interface catalogues in step with the templates (`make messages`).

Babel's own `pybabel update` drops header fields it does not know, and our catalogues
record how they were translated in `X-Translation-Method`, `X-Reviewed-By` and
`X-Reviewed-On`; so the update is done here, putting those fields back.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.pofile import read_po, write_po

_PROVENANCE = re.compile(r'^"X-(?:Translation-Method|Reviewed-By|Reviewed-On): .*\\n"$', re.M)


def update_catalogue(template: Path, catalogue: Path) -> list[str]:
    """Add new messages, drop removed ones; returns the ids still untranslated."""
    original = catalogue.read_text(encoding="utf-8")
    provenance = _PROVENANCE.findall(original.split("\n\n", 1)[0])
    with template.open("rb") as handle:
        pot = read_po(handle)
    with catalogue.open("rb") as handle:
        catalog = read_po(handle)
    catalog.update(pot, no_fuzzy_matching=True, update_header_comment=False)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, ignore_obsolete=True, include_previous=False)
    text = buffer.getvalue().decode("utf-8")
    header, rest = text.split("\n\n", 1)
    if provenance:
        header = header + "\n" + "\n".join(provenance)
    catalogue.write_text(header + "\n\n" + rest, encoding="utf-8")
    return [
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalog
        if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)
    ]
