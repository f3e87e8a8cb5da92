"""A hand-written page may not carry anything that runs code: found at its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import build, check, make_site

from lmo.site.page_safety import check_page_markup, unsafe_markup

FRONT = "---\nowner: MNVP\nlast_reviewed: 2026-01-01\nreview_by: 2026-12-01\n---\n\n# Questions\n\n"


@pytest.mark.parametrize(
    ("markdown", "column", "reason"),
    [
        ("Hello <script>alert(1)</script>", 7, "a <script> element runs code"),
        ('<iframe src="https://example.org/"></iframe>', 1, "a <iframe> element"),
        ('<object data="x"></object>', 1, "a <object> element"),
        ('<embed src="x">', 1, "a <embed> element"),
        ('<form action="https://evil.example/">', 1, "can send what she types"),
        ('<meta http-equiv="refresh" content="0; url=https://x.example/">', 1, "<meta>"),
        ('See <a href="#" onclick="steal()">this</a>', 5, "the attribute onclick= on <a>"),
        ('<img src="x.png" ONERROR="alert(1)">', 1, "the attribute onerror= on <img>"),
        ('<a href="javascript:alert(1)">x</a>', 1, "<a href=> has a script or data address"),
        ('<a href="jav&#x61;script:alert(1)">x</a>', 1, "script or data address"),
        ("[Call us](javascript:alert(1))", 11, "this link goes to a script or data address"),
        ("[Call us]( JavaScript:alert(1) )", 12, "script or data address"),
        ("![x](data:text/html;base64,PHNjcmlwdD4=)", 6, "script or data address"),
        ("<vbscript:msgbox(1)>", 2, "script or data address"),
        ('[Call us](https://nhs.uk){: onclick="alert(1)" }', 29, "onclick= runs code"),
        ('[x](https://nhs.uk){: href="javascript:alert(1)" }', 23, "href= has a script"),
    ],
)
def test_code_in_a_page_is_found_where_it_is(markdown: str, column: int, reason: str) -> None:
    text = FRONT + "Some text.\n\n" + markdown + "\n"
    found = unsafe_markup(text)
    assert len(found) == 1, found
    line, col, message = found[0]
    assert (line, col) == (FRONT.count("\n") + 3, column)
    assert reason in message


def test_ordinary_pages_pass() -> None:
    text = FRONT + (
        "Call [the triage line](tel:01632960000) or see [NHS](https://www.nhs.uk/).\n\n"
        "[ref]: https://www.nhs.uk/pregnancy/\n\n"
        '<div class="app-note" markdown>A note with <strong>bold</strong> words.</div>\n\n'
        "Email <mnvp@example.org> or visit <https://example.org/>.\n\n"
        "Fees are {none} and 3 < 5.\n"
    )
    assert unsafe_markup(text) == []


def test_code_is_shown_as_text_so_it_is_not_refused() -> None:
    text = FRONT + "Type `<script>` to ...\n\n```html\n<script>alert(1)</script>\n```\n"
    assert unsafe_markup(text) == []


def test_check_and_build_refuse_a_page_with_a_script(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    page = site / "content" / "en" / "questions.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\n<img src=x onerror="alert(1)">\n', encoding="utf-8"
    )
    lines = page.read_text(encoding="utf-8").count("\n")
    for result in (check(site), build(site)):
        assert result.returncode == 1
        assert (
            f"content/en/questions.md:{lines}:1: page: the attribute onerror= on <img> runs code"
            in result.stderr
        ), result.stderr
        assert "Traceback" not in result.stderr
    assert not (site / "site" / "questions").exists()


def test_a_title_or_description_that_would_break_the_head_is_found_at_its_line() -> None:
    text = FRONT.replace(
        "owner: MNVP\n", "owner: MNVP\ndescription: 'About x\" onmouseover=\"alert(1)'\n"
    )
    ((line, column, reason),) = check_page_reasons(text)
    assert (line, column) == (3, 14)
    assert "the description goes into the page's head as it is" in reason
    assert check_page_reasons(FRONT.replace("owner: MNVP\n", "owner: MNVP\ntitle: “Ask”\n")) == []


def check_page_reasons(text: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.message) for p in check_page_markup("x.md", text)]
