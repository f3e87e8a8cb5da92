"""The engine's inline scripts: written into pages without their comments, and allowed by the
page policy only as they are."""

from __future__ import annotations

import pytest

from lmo.delivery.script_policy import allowed, csp_hash, scan_page
from lmo.site.inline_scripts import SEARCH_ON_DEMAND, SOURCES, compact

pytestmark = pytest.mark.unit


def test_compact_drops_comment_lines_blank_lines_and_indentation_and_keeps_the_code() -> None:
    source = '// why\n(function () {\n  // more why\n\n  var a = "x // y";\n})();\n'
    assert compact(source) == '(function () {\nvar a = "x // y";\n})();'


def test_the_search_script_is_its_source_without_comments() -> None:
    source = (SOURCES / "search-on-demand.js").read_text(encoding="utf-8")
    assert compact(source) == SEARCH_ON_DEMAND
    assert "// " in source  # the source explains itself; the page does not carry it
    assert not [line for line in SEARCH_ON_DEMAND.splitlines() if line.startswith("//")]
    assert "search_index" in SEARCH_ON_DEMAND and "</" not in SEARCH_ON_DEMAND


def test_a_page_with_the_search_script_is_accepted_and_its_hash_allowed() -> None:
    html = f"<!doctype html><html><body><script>{SEARCH_ON_DEMAND}</script></body></html>"
    scan = scan_page(html)
    assert scan.findings == []
    assert scan.hashes == {csp_hash(SEARCH_ON_DEMAND)}


def test_a_changed_copy_of_the_search_script_is_refused() -> None:
    # Another path held back, or a line added: the policy allows the exact text only.
    assert allowed(SEARCH_ON_DEMAND) is not None
    assert allowed(SEARCH_ON_DEMAND.replace("search_index", "other_index")) is None
    assert allowed(SEARCH_ON_DEMAND + "\nfetch('/x');") is None
    html = f"<!doctype html><html><body><script>{SEARCH_ON_DEMAND};1</script></body></html>"
    assert scan_page(html).findings
