"""The checks every comment gets before it can be offered as a quote: identifiers, markup,
length; and the themes its words suggest. Independent per comment, so a large export is
shared across the machine's processors.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from lmo.features.feedback.identifiers import Finding, find_identifiers
from lmo.features.feedback.schema import FeedbackTheme

# Longer than any comment a person types into a survey box: a pasted document, or a test of
# the tool. It is withheld unread rather than run through every pattern.
MAX_CHECKED_LENGTH = 20_000


_SCRIPTS = [
    ("ur", re.compile(r"[\u0600-\u06ff]")),
    ("pl", re.compile(r"[łŁśŚźŹżŻćĆńŃ]")),
    ("ro", re.compile(r"[ăĂșȘțȚşŞţŢâÂîÎ]")),
    ("lt", re.compile(r"[ėĖįĮųŲūŪčČšŠžŽ]")),
]


def guess_language(text: str) -> str:
    """The quote's language from letters only that language uses: a guess the approver
    checks (the summary file shows it), so screen readers pronounce the quote correctly."""
    for lang, letters in _SCRIPTS:
        if letters.search(text):
            return lang
    return "en"


@dataclass(frozen=True)
class ThemeMatcher:
    """A theme's keywords: single words as a set, phrases as padded word sequences."""

    theme: str
    words: frozenset[str]
    phrases: tuple[str, ...]

    def matches(self, padded: str, words: set[str]) -> bool:
        if not self.words.isdisjoint(words):
            return True
        return any(phrase in padded for phrase in self.phrases)


_NON_WORD = re.compile(r"\W+")


def _padded(text: str) -> str:
    """Lower case, every run of non-word characters one space, padded: " a b c "."""
    return f" {_NON_WORD.sub(' ', text.casefold()).strip()} "


def theme_matchers(themes: Sequence[FeedbackTheme]) -> list[ThemeMatcher]:
    matchers = []
    for theme in themes:
        normalised = [_padded(k) for k in theme.keywords]
        single = frozenset(k.strip() for k in normalised if " " not in k.strip())
        phrases = tuple(k for k in normalised if " " in k.strip())
        matchers.append(ThemeMatcher(theme.id, single, phrases))
    return matchers


def suggest_themes(comment: str, matchers: Sequence[ThemeMatcher]) -> list[str]:
    """Themes whose keywords appear as whole words. Set and substring tests on a normalised
    copy: a regular expression per keyword took minutes on 100,000 comments."""
    padded = _padded(comment)
    words = set(padded.split())
    return [m.theme for m in matchers if m.matches(padded, words)]


@dataclass(frozen=True)
class CommentCheck:
    findings: tuple[Finding, ...]
    themes: tuple[str, ...]


def _check_comments(
    texts: Sequence[str],
    staff_names: tuple[str, ...],
    matchers: Sequence[ThemeMatcher],
    places: frozenset[str],
) -> list[CommentCheck]:
    return [
        CommentCheck(_findings(t, staff_names, places), tuple(suggest_themes(t, matchers)))
        for t in texts
    ]


# An opening or closing tag, a comment or a doctype: "<3" and "a < b" are not markup.
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!][^<>]*>?", re.IGNORECASE)


def _findings(
    text: str, staff_names: tuple[str, ...], places: frozenset[str]
) -> tuple[Finding, ...]:
    """What keeps a comment from being offered: identifiers, and what no one writes by hand
    in a survey box (markup, a pasted document), which an approver should never be asked
    to weigh."""
    if len(text) > MAX_CHECKED_LENGTH:
        return _too_long(text)
    found = list(find_identifiers(text, staff_names, places=places))
    markup = _MARKUP.search(text)
    if markup:
        reason = "HTML or script code, which is never quoted"
        found.append(Finding("markup", markup.group()[:60], reason))
    return tuple(found)


def _too_long(text: str) -> tuple[Finding, ...]:
    reason = (
        f"a comment of {len(text):,} characters, too long to check or to quote: read it in"
        " the export"
    )
    return (Finding("too_long", text[:40], reason),)


def check_comments(
    texts: Iterable[str],
    staff_names: Sequence[str],
    themes: Sequence[FeedbackTheme],
    places: frozenset[str] = frozenset(),
) -> dict[str, CommentCheck]:
    """The identifier check and theme suggestions for each distinct comment, keyed by the
    comment as given (a Row's comment, whitespace already collapsed). Large exports are
    shared across the machine's processors: the checks are independent per comment."""
    unique = sorted(set(texts) - {""})
    matchers = theme_matchers(themes)
    names = tuple(staff_names)
    workers = min(os.cpu_count() or 1, 8)
    if len(unique) < 5000 or workers < 2:
        return dict(zip(unique, _check_comments(unique, names, matchers, places), strict=True))
    size = -(-len(unique) // (workers * 4))
    chunks = [unique[i : i + size] for i in range(0, len(unique), size)]
    results: list[CommentCheck] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(
            _check_comments,
            chunks,
            [names] * len(chunks),
            [matchers] * len(chunks),
            [places] * len(chunks),
        ):
            results.extend(part)
    return dict(zip(unique, results, strict=True))
