"""The MNVP feedback pages: one per quarter, trends across quarters, and the index with
"you said, we did". Only what a summary file publishes is shown; a hidden count stays
hidden in the text, the table and the chart alike."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.dates import format_skeleton
from markupsafe import Markup, escape

from lmo.core import labels
from lmo.core.i18n import babel_locale, number, percent, text_direction
from lmo.data import schema
from lmo.features.feedback import schema as feedback_schema
from lmo.features.feedback.charts import Bar, bar_chart
from lmo.features.feedback.validate import FeedbackData
from lmo.site.addresses import index_path_for, source_path_for
from lmo.site.facts import source_facts
from lmo.site.render import GeneratedPage, Renderer

SECTION = "feedback-summaries/"


def summary_url(summary: feedback_schema.FeedbackSummary) -> str:
    return f"{SECTION}{summary.quarter}/"


class FeedbackView:
    """Helpers the feedback templates use, bound to one renderer (one language)."""

    # The rating and stage keys, in the order they are shown, and the fewest answers a
    # percentage is given for (the page says so).
    rating_keys = feedback_schema.RATING_KEYS
    stage_keys = feedback_schema.STAGE_KEYS
    min_percent_base = feedback_schema.MIN_PERCENT_BASE

    def __init__(self, renderer: Renderer, data: FeedbackData) -> None:
        self.r = renderer
        self.gettext = renderer.ctx.translations.gettext
        self.rtl = text_direction(renderer.ctx.lang) == "rtl"
        self.locale = babel_locale(renderer.ctx.lang)
        self.themes = {theme.id: theme for theme in data.themes}

    def count(self, value: int | str) -> str:
        if isinstance(value, int):
            return number(value, self.r.ctx.lang)
        return self.gettext(labels.PUBLISHED_COUNT[value])

    def percent(self, value: int | None) -> str:
        if value is None:
            return self.gettext(labels.PUBLISHED_COUNT[feedback_schema.NOT_SHOWN])
        return percent(value, self.r.ctx.lang)

    def month(self, day: dt.date) -> str:
        return format_skeleton("yMMMM", day, locale=self.locale)

    def period(self, summary: feedback_schema.FeedbackSummary) -> str:
        return self.gettext("%(start)s to %(end)s") % {
            "start": self.month(summary.period_start),
            "end": self.month(summary.period_end),
        }

    def setting_name(self, setting: str) -> Markup:
        if setting == "other":
            return escape(self.gettext("Somewhere else"))
        for collection in ("birth_settings", "hubs"):
            if setting in getattr(self.r.ctx.ds, collection):
                return self.r.record_link(collection, setting)
        return escape(setting)

    def setting_label(self, setting: str) -> str:
        if setting == "other":
            return self.gettext("Somewhere else")
        for collection in ("birth_settings", "hubs"):
            record = getattr(self.r.ctx.ds, collection).get(setting)
            if record is not None:
                return self.r.plain(record.name)
        return setting

    def settings_in_order(
        self, summary: feedback_schema.FeedbackSummary
    ) -> list[feedback_schema.SettingBreakdown]:
        """Rows by name in the reader's language, "somewhere else" last."""
        return sorted(
            summary.by_setting,
            key=lambda row: (row.setting == "other", self.setting_label(row.setting).casefold()),
        )

    def theme_name(self, theme_id: str) -> str:
        theme = self.themes.get(theme_id)
        return theme_id if theme is None else self.r.plain(theme.name)

    def _bar(self, label: str, value: int | str) -> Bar:
        return Bar(label, value if isinstance(value, int) else None, self.count(value))

    def ratings_chart(self, chart_id: str, summary: feedback_schema.FeedbackSummary) -> Markup:
        bars = [
            self._bar(self.gettext(labels.FFT_RATING[k]), getattr(summary.by_rating, k))
            for k in feedback_schema.RATING_KEYS
        ]
        return bar_chart(
            chart_id,
            self.gettext("How women rated their care, %(period)s")
            % {"period": self.period(summary)},
            self.gettext(
                "Bar chart of the number of responses for each answer. The same numbers are in"
                " the table below."
            ),
            bars,
            rtl=self.rtl,
        )

    def trend_charts(
        self, summaries: list[feedback_schema.FeedbackSummary]
    ) -> tuple[Markup, Markup]:
        responses = [self._bar(self.period(s), s.responses) for s in summaries]
        positive = [
            Bar(self.period(s), s.percent_positive, self.percent(s.percent_positive))
            for s in summaries
        ]
        first = bar_chart(
            "chart-responses",
            self.gettext("Responses each quarter"),
            self.gettext(
                "Bar chart of the number of responses in each quarter, oldest first. The same"
                " numbers are in the table below."
            ),
            responses,
            rtl=self.rtl,
        )
        second = bar_chart(
            "chart-positive",
            self.gettext("Percentage who rated their care good or very good, each quarter"),
            self.gettext(
                "Bar chart of the percentage of positive answers in each quarter, oldest"
                " first. The same numbers are in the table below."
            ),
            positive,
            rtl=self.rtl,
        )
        return first, second

    def overdue(self, action: feedback_schema.FeedbackAction) -> bool:
        return action.status in ("planned", "in_progress") and action.due < self.r.ctx.today

    def actions_params(
        self, actions: list[feedback_schema.FeedbackAction], label: str
    ) -> dict[str, Any]:
        """The params of the feedback_actions component (components.j2)."""
        return {
            "actions": actions,
            "label": label,
            "theme_names": {a.theme: self.theme_name(a.theme) for a in actions if a.theme},
            "overdue": {a.id for a in actions if self.overdue(a)},
        }


def _facts(
    ds: Any, actions: Any, summary: feedback_schema.FeedbackSummary | None
) -> dict[str, Any]:
    # Without "you said, we did", the index is as fresh as the LMNS's own facts.
    actions = actions if actions is not None else ds.lmns
    if summary is None:
        return {
            "kind": "feedback",
            "last_reviewed": actions.last_reviewed.isoformat(),
            "review_by": actions.review_by.isoformat(),
            "owner": actions.owner,
            "source": source_facts(
                schema.Source(
                    title="MNVP feedback summaries and actions", reference=None, confirmed=True
                )
            ),
        }
    return {
        "kind": "feedback",
        "last_reviewed": summary.prepared_on.isoformat(),
        "review_by": summary.next_summary_by.isoformat(),
        "owner": ", ".join(ds.mnvps[m].name.en for m in summary.mnvps if m in ds.mnvps),
        "source": source_facts(
            schema.Source(
                title="MNVP survey responses, summarised with 'make feedback'",
                reference=summary.quarter,
                confirmed=True,
            )
        ),
    }


def feedback_pages(renderer: Renderer, data: FeedbackData) -> list[GeneratedPage]:
    ds = renderer.ctx.ds
    _ = renderer.ctx.translations.gettext
    ngettext = renderer.ctx.translations.ngettext
    view = FeedbackView(renderer, data)
    summaries = data.summaries
    action_list = data.actions.actions if data.actions else []
    latest = summaries[-1] if summaries else None
    pages = [
        renderer.render_page(
            "feedback_index.md.j2",
            SECTION,
            path=index_path_for(SECTION),
            title=_("What women and families told us"),
            description=ngettext(
                "Summaries of what women and families told the Maternity and Neonatal Voices"
                " Partnership, and what was done about it.",
                "Summaries of what women and families told the Maternity and Neonatal Voices"
                " Partnerships, and what was done about it.",
                len(ds.mnvps),
            ),
            facts=_facts(ds, data.actions, None),
            fb=view,
            mnvps=len(ds.mnvps),
            summaries=list(reversed(summaries)),
            actions=action_list,
        )
    ]
    if summaries:
        pages.append(
            renderer.render_page(
                "feedback_trends.md.j2",
                SECTION + "trends/",
                path=source_path_for(SECTION + "trends/"),
                title=_("Feedback over time"),
                description=_(
                    "How many women answered, and how they rated their care, by quarter."
                ),
                facts={**_facts(ds, data.actions, latest), "kind": "feedback_trends"},
                fb=view,
                summaries=summaries,
            )
        )
    for summary in summaries:
        url = summary_url(summary)
        pages.append(
            renderer.render_page(
                "feedback_summary.md.j2",
                url,
                path=source_path_for(url),
                title=_("What women told us: %(period)s") % {"period": view.period(summary)},
                description=ngettext(
                    "A summary of the feedback the Maternity and Neonatal Voices Partnership"
                    " received in %(period)s.",
                    "A summary of the feedback the Maternity and Neonatal Voices Partnerships"
                    " received in %(period)s.",
                    len(summary.mnvps),
                )
                % {"period": view.period(summary)},
                facts=_facts(ds, data.actions, summary),
                fb=view,
                summary=summary,
                actions=[a for a in action_list if a.quarter == summary.quarter],
            )
        )
    return pages
