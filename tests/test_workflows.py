"""The GitHub Actions workflows do what the README promises volunteers and comms teams."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from sitebuild import REPO, check, copy_data, edit, make_site

WORKFLOWS = REPO / ".github" / "workflows"


def steps(name: str) -> list[dict[str, Any]]:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_pull_requests_are_checked_with_annotations_built_and_previewed() -> None:
    workflow = yaml.safe_load((WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML reads the key 'on' as true
    found = steps("pull-request.yml")
    runs = [s.get("run", "") for s in found]
    assert "make check FORMAT=github" in runs and "make site" in runs
    upload = next(s for s in found if str(s.get("uses", "")).startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site/"


def test_pages_workflow_builds_for_its_sub_path() -> None:
    found = steps("pages.yml")
    build = next(s for s in found if s.get("run") == "make site")
    assert build["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    assert any(str(s.get("uses", "")).startswith("actions/deploy-pages") for s in found)


def test_check_prints_annotations_github_shows_on_the_line(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    data = copy_data(tmp_path / "edited")
    edit(data, "hubs.yml", "name: Town hub", "nmae: Town hub")
    (site / "data" / "hubs.yml").write_text((data / "hubs.yml").read_text(encoding="utf-8"))
    result = check(site, "--format", "github")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("::")]
    # The misspelt key is marked on its own line and column; the missing field on the record.
    assert any(
        line.startswith(
            "::error file=data/hubs.yml,line=4,col=5::hubs[0].nmae: unknown field 'nmae'"
        )
        for line in lines
    ), lines
    assert "::error file=data/hubs.yml,line=2,col=5::hubs[0].name: required field" in lines[0]
