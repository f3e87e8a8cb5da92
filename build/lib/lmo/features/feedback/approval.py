"""Approving a quote: what ties an approval to the words, and what voids it.

A quote reaches a summary file only when a person pastes it there with their role and the
day. The approval covers the exact words: the fingerprint is a hash of the text, so an edit
after approval shows as a fingerprint that no longer matches, and the quote is refused until
someone approves the new words. `make feedback` and the site build both run these checks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from lmo.core.problems import Problem, quote_value
from lmo.core.yamlsource import PathKey, SourceDocument, dotted, load_yaml
from lmo.data.messages import problems_from_validation
from lmo.features.feedback import schema as feedback_schema

if TYPE_CHECKING:
    from lmo.data.dataset import DataSet

# What a reviewer must weigh for every candidate: no rule can see these, and one of them
# can make a comment point to one family in a small area.
RARE_CIRCUMSTANCES = (
    "twins, triplets or more",
    "a disability, a health condition or a rare complication",
    "a date, a day of the week or a festival (Christmas Day, Eid)",
    "a named ward or unit together with a day, a time or an event",
    "a job, an age, a nationality or a language few people in the area share",
    "a bereavement, a stay in neonatal care or a safeguarding matter",
)


def fingerprint(comment: str) -> str:
    """A quote's fingerprint, from a Row's comment: its whitespace is collapsed when it is
    read, so the same words spaced differently in two exports give the same fingerprint."""
    return hashlib.sha256(comment.encode("utf-8")).hexdigest()[:12]


def approval_block(text: str, mark: str, language: str, stage: str) -> str:
    """The quote as YAML lines to paste under 'quotes:', with the approval left blank.
    Unindented, as 'make feedback' writes the list, so pasted and written items line up.

    JSON strings are valid YAML and keep every character (a colon, a '#', a quote mark) as
    written, so the pasted text hashes to the same fingerprint."""
    return "\n".join(
        [
            f"- text: {json.dumps(text, ensure_ascii=False)}",
            f'  fingerprint: "{mark}"',
            f"  language: {language}",
            f"  stage: {stage}",
            '  approved_by: ""',
            '  approved_on: ""',
        ]
    )


def check_approvals(
    doc: SourceDocument, summary: feedback_schema.FeedbackSummary, today: dt.date
) -> list[Problem]:
    """Every quote needs a named approver, a real past date and its own words' fingerprint."""
    problems: list[Problem] = []

    def report(path: PathKey, message: str) -> None:
        line, col = doc.locate(path)
        problems.append(Problem(doc.file, line, col, dotted(path), message))

    for i, quote in enumerate(summary.quotes):
        if not quote.approved_by.strip():
            report(
                ("quotes", i, "approved_by"),
                'write who approved this quote, a role such as "MNVP chair": a quote is'
                " published only once a person has approved it"
                f" (got {quote_value(quote.approved_by)})",
            )
        if quote.approved_on > today:
            report(
                ("quotes", i, "approved_on"),
                f"the approval date is after today ({today.isoformat()}): write the day the"
                f' quote was approved, such as "{today.isoformat()}"'
                f" (got {quote_value(quote.approved_on.isoformat())})",
            )
        if quote.fingerprint != fingerprint(quote.text):
            report(
                ("quotes", i, "text"),
                "the words differ from the ones approved (the fingerprint is of other words),"
                " so the approval no longer holds: put the words back exactly, or delete the"
                " quote and approve the new words from the review report",
            )
    return problems


def load_previous(
    path: Path, display: str, today: dt.date
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """A summary file as plain data, with every problem in it: 'make feedback' keeps its
    approvals and edits, so it must be sound before they are carried into a new file."""
    if not path.exists():
        return None, []
    doc, problems = load_yaml(path, display)
    if doc.data is None:
        return None, problems
    try:
        summary = feedback_schema.FeedbackSummary.model_validate(doc.data)
    except ValidationError as error:
        return None, [
            *problems,
            *problems_from_validation(error, doc, feedback_schema.FeedbackSummary),
        ]
    problems += check_approvals(doc, summary, today)
    return (doc.data if isinstance(doc.data, dict) else None), problems


def place_words(ds: DataSet) -> frozenset[str]:
    """Words of the area's own names (settings, hubs, services, places, towns, the
    glossary), folded to lower case: capitalised in a comment, they are places and services,
    not people."""
    texts: list[str] = [ds.lmns.name.en, ds.lmns.short_name, ds.lmns.area.en]
    for table in (ds.hubs, ds.birth_settings, ds.services, ds.places, ds.organisations):
        texts += [record.name.en for record in table.values()]
    for place in ds.places.values():
        texts += [str(v) for v in place.address.model_dump().values() if v]
    for term in ds.glossary.terms if ds.glossary is not None else ():
        texts += [term.term.en, *term.also_called]
    # Towns of the area's postcode districts, when a feature gives them (birth_place).
    texts += ds.place_names
    return frozenset(w.casefold() for text in texts for w in re.findall(r"[^\W\d_]+", text))
