"""The review facts a page carries in its front matter (who checked it, when, from which
source): the chrome around the page reads them back (lmo.site.chrome)."""

from __future__ import annotations

from typing import Any

from lmo.data import schema


def reviewed_facts(kind: str, reviewed: Any) -> dict[str, Any]:
    """The front-matter facts of something with review dates, an owner and a source."""
    return {
        "kind": kind,
        "last_reviewed": reviewed.last_reviewed.isoformat(),
        "review_by": reviewed.review_by.isoformat(),
        "owner": reviewed.owner,
        "source": source_facts(reviewed.source),
    }


def source_facts(source: schema.Source) -> dict[str, Any]:
    return {
        "title": source.title,
        "reference": source.reference,
        "url": source.url,
        "confirmed": source.confirmed,
    }
