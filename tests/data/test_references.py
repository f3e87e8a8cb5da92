"""References between files, wherever they are, are checked by one walker with one
message and hint."""

from __future__ import annotations

import sys
from pathlib import Path

from sitebuild import make_site, run


def test_references_outside_record_lists_get_the_same_message_and_hint(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    quality = folder / "data" / "quality.yml"
    quality.write_text(quality.read_text().replace("provider: town-trust", "provider: town-trst"))
    changes = folder / "data" / "changes.yml"
    changes.write_text(
        changes.read_text().replace("services/old-feeding-clinic", "services/old-feeding-clinc")
    )
    result = run([sys.executable, "-m", "lmo", "check"], folder)
    assert result.returncode == 1
    assert (
        "data/quality.yml:2:15: providers[0].provider: no record with this id in"
        ' data/organisations.yml; did you mean "town-trust"? (got "town-trst")'
    ) in result.stderr
    assert (
        "changes[0].record: no record with this id in data/; did you mean"
        ' "services/old-feeding-clinic"? (got "services/old-feeding-clinc")'
    ) in result.stderr
