"""`make audit`: Lighthouse (npm, run with Debian's Chromium) on one page of each type.

The example is built for the sub-path /maternity/ and served by nginx with the build's own
headers and pre-compressed files, as in production. Each page is scored in Lighthouse's mobile
mode (simulated slow 4G and a 4x slower CPU). The script prints every score and the audits
that cost points, and exits 1 when any page is below: performance 95, accessibility 100,
best practices 100, SEO 100.

A page type without a page in the example is listed as missing and fails the audit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "browser"))

from harness import build_example, serve_like_production  # noqa: E402

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
THRESHOLDS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = {
    "home": "",
    "hub": "hubs/redditch-hub/",
    "birth setting": "birth-settings/worcestershire-royal-birth-centre/",
    "service": "services/antenatal-care-worcestershire/",
    "map": "places/",
    "feedback": "feedback-summaries/2026-27-q2/",
    "care plan": "care-plan/",
    "birth-place": "birth-place/",
}


def build(out: Path) -> None:
    result = build_example(out)
    if result.returncode != 0:
        raise SystemExit(f"the example did not build:\n{result.stderr}")


def lighthouse(url: str, report: Path) -> dict[str, object] | None:
    """Lighthouse's report, or None (with its error printed) when it could not run."""
    done = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report}",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        print(f"lighthouse could not audit {url}: {done.stderr.strip()[-400:]}")
        return None
    return json.loads(report.read_text(encoding="utf-8"))


def losses(result: dict[str, object]) -> list[str]:
    audits = result["audits"]  # type: ignore[index]
    found = []
    for category in result["categories"].values():  # type: ignore[attr-defined]
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]  # type: ignore[index]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                found.append(f"{category['id']}: {ref['id']} {audit['score']:.2f} {shown}")
    return found


def main() -> int:
    failed = False
    with tempfile.TemporaryDirectory(prefix="lmo-audit-") as tmp:
        site = Path(tmp) / "site"
        build(site)
        with serve_like_production(site) as base:
            print(f"{'page':<15}" + "".join(f"{c:>16}" for c in THRESHOLDS))
            for name, path in PAGES.items():
                if path is None:
                    print(f"{name:<15}  missing: this page type does not exist yet")
                    failed = True
                    continue
                result = lighthouse(base + path, Path(tmp) / "report.json")
                if result is None:
                    failed = True
                    continue
                scores = {
                    key: round(100 * (result["categories"][key]["score"] or 0))  # type: ignore[index]
                    for key in THRESHOLDS
                }
                below = [k for k, v in scores.items() if v < THRESHOLDS[k]]
                failed = failed or bool(below)
                print(f"{name:<15}" + "".join(f"{scores[c]:>16}" for c in THRESHOLDS))
                for line in losses(result) if below else []:
                    print(f"{'':<15}  {line}")
    print("audit " + ("failed: below the thresholds above" if failed else "passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
