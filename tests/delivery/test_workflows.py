"""The GitHub Actions workflows do what the README promises volunteers and comms teams."""

from __future__ import annotations

import json
import re
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from sitebuild import REPO, check, copy_data, edit, make_site, run

WORKFLOWS = REPO / ".github" / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.yml"))
# A tag can be moved to other code after review; a commit SHA cannot. The comment says which
# release the SHA is, so a reader and an updater can tell (README: "Publishing the site").
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(.+?)\s*$")


def load(path: Path) -> dict[Any, Any]:
    workflow: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return workflow


def steps(name: str) -> list[dict[str, Any]]:
    workflow = load(WORKFLOWS / name)
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


def test_the_workflows_are_all_found() -> None:
    assert [p.name for p in WORKFLOW_FILES] == ["pages.yml", "pull-request.yml"]


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    for path in WORKFLOW_FILES:
        lines = path.read_text(encoding="utf-8").splitlines()
        found = [m.group(1) for line in lines if (m := USES_LINE.match(line))]
        unpinned = [f"{path.name}: {uses}" for uses in found if not PINNED.match(uses)]
        assert not unpinned, unpinned
        # Every step YAML sees with 'uses' was one of the lines checked above.
        assert len(found) == sum("uses" in step for step in steps(path.name)), path.name


def test_no_checkout_leaves_the_token_in_git_config() -> None:
    checkouts = [
        step
        for path in WORKFLOW_FILES
        for step in steps(path.name)
        if str(step.get("uses", "")).startswith("actions/checkout@")
    ]
    assert len(checkouts) == 2
    # The token in .git/config would be readable by every later step, and by whoever
    # downloads an artifact that includes the checkout.
    assert all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


def test_the_pull_request_workflow_only_reads_and_uses_no_secrets() -> None:
    path = WORKFLOWS / "pull-request.yml"
    workflow = load(path)
    # pull_request_target and workflow_run would run the pull request's code with the
    # repository's secrets and a token that can write.
    assert set(workflow[True]) == {"pull_request"}
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert job["permissions"] == {"contents": "read"}, name
    # secrets.NAME, secrets['NAME'] or a reusable workflow's 'secrets: inherit'.
    assert not re.search(r"secrets\s*(\.|\[|:)", path.read_text(encoding="utf-8"))


def test_only_the_pages_deploy_job_may_publish() -> None:
    workflow = load(WORKFLOWS / "pages.yml")
    assert workflow["permissions"] == {}
    writes = {
        name: sorted(scope for scope, level in job["permissions"].items() if level != "read")
        for name, job in workflow["jobs"].items()
    }
    assert writes == {"build": [], "deploy": ["id-token", "pages"]}


def lint_zizmor(folder: Path) -> list[dict[str, Any]]:
    """zizmor's findings in ``folder``, run with make lint's own flags (and JSON output)."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8").splitlines()
    line = next(line for line in makefile if line.startswith("\t$(VENV)/bin/zizmor "))
    flags = shlex.split(line)[1:]
    assert flags[-1] == ".github/workflows" and "--offline" in flags
    zizmor = str(Path(sys.executable).parent / "zizmor")
    result = run([zizmor, *flags[:-1], "--format", "json", str(folder)], REPO)
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    # Non-zero exactly when there is a finding, so make lint stops on it.
    assert (result.returncode != 0) == bool(findings), (result.returncode, result.stderr)
    return findings


@pytest.mark.build  # runs a program, or takes many seconds
def test_zizmor_finds_nothing_high_in_our_workflows() -> None:
    findings = lint_zizmor(WORKFLOWS)
    assert findings == [], [f["ident"] for f in findings]


@pytest.mark.build  # runs a program, or takes many seconds
def test_zizmor_in_make_lint_fails_on_a_dangerous_workflow(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows"
    bad.mkdir(parents=True)
    (bad / "bad.yml").write_text(
        "on: pull_request\n"
        "permissions: {}\n"
        "jobs:\n"
        "  greet:\n"
        "    runs-on: ubuntu-24.04\n"
        "    permissions: {contents: read}\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "        with: {persist-credentials: false}\n"
        "      - run: echo '${{ github.event.pull_request.title }}'\n",
        encoding="utf-8",
    )
    findings = lint_zizmor(bad)
    assert {f["ident"] for f in findings} == {"unpinned-uses", "template-injection"}
    assert {f["determinations"]["severity"] for f in findings} == {"High"}
