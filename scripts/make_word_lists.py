"""Rebuild lmo/features/feedback/wordlists/ from its public sources (run by hand; the lists are
committed).

    python scripts/make_word_lists.py /usr/share/dict/british-english NAMES_DIR

/usr/share/dict/british-english comes from Debian's wbritish package (SCOWL). NAMES_DIR is
the ``names`` folder of the ``names`` 0.3.0 package from PyPI (``pip download names==0.3.0``),
which holds the US Census Bureau's 1990 name frequency files (public domain). Only the words
and names are kept, lower-cased and gzipped, so the identifier check needs no package and no
download at run time.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "lmo" / "wordlists"
# Surnames by frequency rank: the first 50,000 of 88,799 cover about 90% of people in the
# 1990 census and keep the list small enough to ship.
SURNAME_RANKS = 50_000


def names(path: Path, limit: int | None = None) -> set[str]:
    found = set()
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if parts and (limit is None or int(parts[3]) <= limit):
            found.add(parts[0].casefold())
    return found


def write(name: str, words: set[str]) -> None:
    text = "\n".join(sorted(words)) + "\n"
    with gzip.GzipFile(OUT / name, "wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))
    print(f"{name}: {len(words)} entries")


def main(dictionary: Path, names_dir: Path) -> None:
    entries = [w for w in dictionary.read_text(encoding="utf-8").splitlines() if w]
    entries = [w for w in entries if not w.endswith("'s")]
    forenames = names(names_dir / "dist.female.first") | names(names_dir / "dist.male.first")
    surnames = names(names_dir / "dist.all.last", SURNAME_RANKS)
    lower = {w for w in entries if w[0].islower()}
    # Capitalised entries that are not names: days, months, festivals, languages, brands.
    # Census surnames are left out even when the dictionary has them ("Campbell"): a
    # surname is what the check looks for. The few that are also days, festivals or
    # languages ("Monday", "Christmas", "English") are listed in
    # lmo/features/feedback/identifier_names.py.
    proper = {w.casefold() for w in entries if w[0].isupper()} - forenames - surnames
    write("english.txt.gz", lower)
    write("proper.txt.gz", proper - lower)
    write("forenames.txt.gz", forenames)
    write("surnames.txt.gz", surnames)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
