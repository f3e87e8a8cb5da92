"""The private review report: the only place a quote waits before a person approves it.

It is written beside the raw export, never in the repository. Each candidate comes with the
YAML lines to paste into the summary file to publish it, and with the rare circumstances no
rule can see, so the reviewer weighs them every time.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from lmo.features.feedback.approval import RARE_CIRCUMSTANCES, approval_block
from lmo.features.feedback.identifiers import Finding


@dataclass
class Withheld:
    where: str
    quarter: str
    text: str
    findings: list[Finding]
    consented: bool


@dataclass(frozen=True)
class Candidate:
    where: str
    quarter: str
    text: str
    fingerprint: str
    language: str
    stage: str


@dataclass
class ReviewReport:
    """Private: names rows of the raw export. Written next to the input, never published."""

    inputs: list[str] = field(default_factory=list)
    rows: int = 0
    withheld: list[Withheld] = field(default_factory=list)
    # Consented comments that passed the check, per quarter, and those offered here.
    candidates: dict[str, int] = field(default_factory=dict)
    offered: list[Candidate] = field(default_factory=list)
    kept: dict[str, int] = field(default_factory=dict)
    # Approved quotes no longer backed by a consented, clean comment in the export.
    dropped: list[tuple[str, str]] = field(default_factory=list)
    summary_files: dict[str, str] = field(default_factory=dict)

    def markdown(self) -> str:
        lines = [
            "# Feedback review report (private)",
            "",
            "Do not publish or commit this file: it quotes raw comments and names rows of the",
            "export. Keep it with the export and delete both when your retention period ends.",
            "",
            f"Read {self.rows} responses from: {', '.join(self.inputs)}.",
            "",
            *self._offered(),
            *self._dropped(),
            *self._withheld(),
        ]
        return "\n".join(lines).rstrip() + "\n"

    def _offered(self) -> list[str]:
        lines = [
            "## Quotes you could approve",
            "",
            "No quote is published until you approve it. To approve one, copy its block into",
            "the summary file it names, under the line `quotes:`, then fill in `approved_by`",
            "with your role and `approved_on` with the day you approved it, such as 2030-01-31.",
            "Run `make feedback` again: approved quotes",
            "are kept as long as the export still holds the same consented comment.",
            "",
            "An approval covers the exact words: if you change any of them, the build refuses",
            "the quote until it is approved again. To shorten or correct a quote, do not",
            "approve it.",
            "",
            "**Check every quote for rare circumstances.** The automatic check finds numbers,",
            "addresses and names, but it cannot tell when a story fits only one family. Turn a",
            "quote down if it mentions any of these, or anything else few people share:",
            "",
            *(f"- {reason}" for reason in RARE_CIRCUMSTANCES),
            "",
            "To turn a quote down for good, add its fingerprint under `declined_quotes:` in the",
            "summary file (the fingerprint only, never the words), so it is not offered again.",
            "",
        ]
        for quarter in sorted(self.candidates):
            lines.append(
                f"- {quarter}: {self.kept.get(quarter, 0)} approved quotes kept;"
                f" {sum(c.quarter == quarter for c in self.offered)} offered below, of"
                f" {self.candidates[quarter]} consented comments that passed the check."
            )
        for candidate in self.offered:
            block = approval_block(
                candidate.text, candidate.fingerprint, candidate.language, candidate.stage
            )
            fence = "`" * max(3, _longest_backtick_run(candidate.text) + 1)
            target = self.summary_files.get(candidate.quarter, candidate.quarter)
            lines += [
                "",
                f"### {candidate.where} ({candidate.quarter}, {candidate.stage})",
                "",
                f"Rare circumstances? Read it again for: {'; '.join(RARE_CIRCUMSTANCES)}.",
                "",
                f"Paste under `quotes:` in {target}:",
                "",
                f"{fence}yaml",
                block,
                fence,
            ]
        return [*lines, ""]

    def _dropped(self) -> list[str]:
        if not self.dropped:
            return []
        lines = [f"## Approved quotes removed ({len(self.dropped)})", ""]
        lines += [
            f"- {quarter}, fingerprint {mark}: no consented comment with these exact words"
            " passes the check in this export any more, so it is no longer published."
            for quarter, mark in self.dropped
        ]
        return [*lines, ""]

    def _withheld(self) -> list[str]:
        lines = [f"## Comments withheld ({len(self.withheld)})", ""]
        if not self.withheld:
            lines.append("None.")
        for item in self.withheld:
            reasons = "; ".join(f"{f.reason}: {_shown(f.text)}" for f in item.findings)
            consent = "consented" if item.consented else "no consent to publish"
            lines += [
                f"- {item.where} ({item.quarter}, {consent}): {reasons}",
                f"  > {_shown(item.text)}",
                "",
            ]
        return lines


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)


def _shown(text: str, limit: int = 600) -> str:
    """A comment as inert text: a Markdown preview must not run markup someone typed into
    the survey, and a megabyte comment is not worth printing whole."""
    short = (
        text if len(text) <= limit else text[:limit] + f" [... {len(text) - limit} more characters]"
    )
    return html.escape(repr(short)[1:-1] if "\n" in short else short)
