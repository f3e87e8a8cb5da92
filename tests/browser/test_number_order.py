"""Every phone number on every right-to-left page reads in the order it is dialled, and
every phone number in the text is a tap-to-call link (issue 18)."""

from __future__ import annotations

from pathlib import Path

from number_order import RTL_LANGUAGES
from sweep import BackgroundSweep


def test_every_phone_number_on_rtl_pages_reads_left_to_right_and_is_a_link(
    example_site: Path, background_sweep: BackgroundSweep
) -> None:
    # Read at 320 px by the sweep of every page (conftest.py), one visit per page for both.
    read = background_sweep.result().number_order
    for lang in RTL_LANGUAGES:
        pages = sorted(p.parent for p in (example_site / lang).rglob("index.html"))
        assert len(pages) > 100, f"{lang}: expected every page of the example"
        problems: list[str] = []
        measured = links = 0
        for folder in pages:
            relative = folder.relative_to(example_site).as_posix() + "/"
            found = read.get(relative)
            assert found is not None, f"the sweep did not read {relative}"
            measured += found["measured"]
            links += found["links"]
            for number in found["reversed"]:
                problems.append(f"{relative}: {number['number']} is shown as {number['shown']}")
            for unlinked in found["unlinked"]:
                problems.append(f"{relative}: {unlinked} is not a tap-to-call link")
            if found["unrendered"]:
                problems.append(f"{relative}: {found['unrendered']} phone numbers not laid out")
            if found["links"] != found["numbers_in_text"]:
                problems.append(
                    f"{relative}: {found['links']} phone links for"
                    f" {found['numbers_in_text']} phone numbers in the text"
                )
        assert problems == [], "\n".join(problems)
        # Every page carries the urgent box (two triage lines and 999): the sweep saw them.
        assert links >= 3 * len(pages) and measured >= links, (links, measured)
