"""The Maternity and Neonatal Voices Partnership's published feedback: quarterly summaries
(data/feedback/, written by ``make feedback`` from survey exports with small numbers
protected), the themes they are coded with (data/feedback_themes.yml) and "you said, we
did" (data/you_said_we_did.yml). On when any of them is there."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lmo.data.contract import DataFile, DataPart, FolderFiles
from lmo.features.contract import Feature
from lmo.features.feedback.pages import feedback_pages
from lmo.features.feedback.schema import (
    FEEDBACK_DIR,
    FeedbackSummary,
    FeedbackThemesFile,
    YouSaidWeDidFile,
)
from lmo.features.feedback.validate import ACTIONS, THEMES, FeedbackData, check_feedback
from lmo.site.contract import SitePart


def texts(data: FeedbackData) -> Iterable[tuple[str, Any]]:
    for theme in data.themes:
        yield f"feedback_themes.{theme.id}", theme
    for summary in data.summaries:
        yield f"feedback.{summary.quarter}.method", summary.method
    if data.actions is not None:
        for action in data.actions.actions:
            yield f"you_said_we_did.{action.id}", action


FEATURE = Feature(
    name="feedback",
    summary="MNVP feedback summaries and what was done",
    data=DataPart(
        files=(DataFile(THEMES, FeedbackThemesFile), DataFile(ACTIONS, YouSaidWeDidFile)),
        folder=FEEDBACK_DIR,
        folder_files=FolderFiles("feedback_summary", "<quarter>.yml", FeedbackSummary),
        load=check_feedback,
        texts=texts,
    ),
    site=SitePart(
        templates=Path(__file__).parent / "templates",
        pages=feedback_pages,
        nav=("feedback-summaries/index.md",),
    ),
)
