"""Build data/postcode_districts.yml from the ONS Postcode Directory (ONSPD).

The birth-place page can show how far each place of birth is from her postcode district.
This writes the districts' centres: the average position of each district's live postcodes.

Download the ONSPD (a large zip, free, under the Open Government Licence v3.0)
from the ONS Open Geography Portal, https://geoportal.statistics.gov.uk/ (search for "ONS
Postcode Directory"), then run, for example:

    python scripts/import_postcode_districts.py --onspd ~/Downloads/ONSPD_FEB_2025.zip \\
        --districts HR,WR,DY10,DY11,DY12,DY13,DY14,B60,B61,B96,B97,B98

or `make postcode-districts ONSPD=~/Downloads/ONSPD_FEB_2025.zip`. The zip need not be
unpacked; a CSV taken out of it works too.

--districts takes postcode areas (HR: every HR district) and single districts (DY10).
--authorities takes local authority codes (the ONSPD's oslaua column, such as E06000019 for
Herefordshire) and adds every district with a live postcode in them. Given neither, the
districts already in the output file are rebuilt. The towns lists and the owner in the output
file are kept: add towns by hand, and they survive the next rebuild.

LMO_TODAY=YYYY-MM-DD pins the review dates written, as it does for the build.

Exit status: 0 when written, 1 with a one-line message when something needs putting right.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from lmo.config.project import today_from_environment
from lmo.features.birth_place.postcode_import import PostcodeImportError, import_districts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Build data/postcode_districts.yml from the ONS Postcode Directory."
    )
    parser.add_argument(
        "--onspd", type=Path, required=True, help="the ONSPD .zip, or the CSV from inside it"
    )
    parser.add_argument(
        "--districts",
        action="append",
        default=[],
        help="postcode areas and districts, such as HR,WR,DY10,B60",
    )
    parser.add_argument(
        "--authorities",
        action="append",
        default=[],
        help="local authority codes (ONSPD oslaua), such as E06000019",
    )
    parser.add_argument("--out", type=Path, default=Path("data/postcode_districts.yml"))
    parser.add_argument(
        "--owner", help="the team that keeps the file true (default: kept from --out)"
    )
    args = parser.parse_args(argv)
    try:
        result = import_districts(
            args.onspd,
            args.out,
            districts=args.districts,
            authorities=args.authorities,
            owner=args.owner,
            today=today_from_environment(),
        )
    except PostcodeImportError as error:
        print(error, file=sys.stderr)
        return 1
    for note in result.warnings():
        print(note, file=sys.stderr)
    print(result.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
