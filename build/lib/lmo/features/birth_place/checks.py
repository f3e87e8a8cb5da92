"""The checks of data/birthplace_figures.yml and data/postcode_districts.yml that their
schema cannot make alone: every row given once, and the figures adding up."""

from __future__ import annotations

from lmo.core.problems import Problem
from lmo.core.yamlsource import SourceDocument
from lmo.data import schema
from lmo.data.references import report_repeated_ids
from lmo.features.birth_place import schema as birth_place_schema

# Shares of transfer reasons are rounded in the source, so they add up to about 100.
SHARE_TOLERANCE = 1.0


def check_birthplace(
    doc: SourceDocument, figures: birth_place_schema.BirthplaceFiguresFile, problems: list[Problem]
) -> None:
    """Check that the figures are whole and add up (their references to services are
    declared in the schema and checked by the walker)."""
    rows = index_rows(doc, figures, problems)
    for parity in birth_place_schema.PARITIES:
        check_parity(doc, figures, rows, parity, problems)
    check_transfer_reasons(doc, figures, problems)


def index_rows(
    doc: SourceDocument, figures: birth_place_schema.BirthplaceFiguresFile, problems: list[Problem]
) -> dict[tuple[str, str], int]:
    """Where each (outcome, parity) row is first given; a second one is an error."""
    rows: dict[tuple[str, str], int] = {}
    for i, row in enumerate(figures.figures):
        key = (row.outcome, row.parity)
        if key in rows:
            line, col = doc.locate(("figures", i, "outcome"))
            first, _ = doc.locate(("figures", rows[key], "outcome"))
            problems.append(
                Problem(
                    doc.file,
                    line,
                    col,
                    f"figures[{i}]",
                    f"{row.outcome} for {row.parity} is already given on line {first}; keep one",
                )
            )
        else:
            rows[key] = i
    return rows


def check_parity(
    doc: SourceDocument,
    figures: birth_place_schema.BirthplaceFiguresFile,
    rows: dict[tuple[str, str], int],
    parity: str,
    problems: list[Problem],
) -> None:
    """One kind of birth has a row for each outcome, and in each kind of place its ways of
    giving birth add up to 1000 women."""
    missing = [
        o
        for o in (*birth_place_schema.WAYS_OF_GIVING_BIRTH, "transferred")
        if (o, parity) not in rows
    ]
    if missing:
        problems.append(
            Problem(
                doc.file,
                *doc.locate(("figures",)),
                "figures",
                f"{parity} needs a row for each of {', '.join(missing)}: the page's"
                " pictures are drawn from them",
            )
        )
        return
    ways = [figures.figures[rows[(o, parity)]] for o in birth_place_schema.WAYS_OF_GIVING_BIRTH]
    for kind in schema.BIRTH_SETTING_TYPES:
        values = [getattr(w.per_1000, kind) for w in ways]
        if sum(values) != 1000:
            at = (
                "figures",
                rows[(birth_place_schema.WAYS_OF_GIVING_BIRTH[0], parity)],
                "per_1000",
                kind,
            )
            sums = " + ".join(
                f"{o} {v}"
                for o, v in zip(birth_place_schema.WAYS_OF_GIVING_BIRTH, values, strict=True)
            )
            problems.append(
                Problem(
                    doc.file,
                    *doc.locate(at),
                    f"figures[{at[1]}].per_1000.{kind}",
                    f"for {parity} at {kind}, {sums} = {sum(values)}; the three ways of"
                    " giving birth must add up to 1000: check each against the source",
                )
            )


def check_transfer_reasons(
    doc: SourceDocument, figures: birth_place_schema.BirthplaceFiguresFile, problems: list[Problem]
) -> None:
    """Each reason for moving has its own id, and each kind of place's shares add up to
    about 100."""
    reasons = figures.transfer_reasons.reasons
    report_repeated_ids(
        doc,
        ((("transfer_reasons", "reasons", i, "id"), r.id) for i, r in enumerate(reasons)),
        problems,
        "each reason needs its own id",
    )
    for kind in ("home", "freestanding_midwifery_unit", "alongside_midwifery_unit"):
        total = sum(getattr(r.share, kind) for r in reasons)
        if reasons and abs(total - 100) > SHARE_TOLERANCE:
            problems.append(
                Problem(
                    doc.file,
                    *doc.locate(("transfer_reasons", "reasons")),
                    "transfer_reasons.reasons",
                    f"the shares for {kind} add up to {total:g}, not about 100: check each"
                    " against the source",
                )
            )


def check_postcode_districts(
    doc: SourceDocument,
    table: birth_place_schema.PostcodeDistrictsFile,
    problems: list[Problem],
) -> None:
    report_repeated_ids(
        doc,
        ((("districts", i, "code"), d.code) for i, d in enumerate(table.districts)),
        problems,
        "a district is looked up by its code, so each needs its own",
    )
