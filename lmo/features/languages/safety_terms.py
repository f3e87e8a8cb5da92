"""Safety terms: the words a translation must use, and must not use, for the few ideas a
woman could act on wrongly (midwife, labour ward, midwifery unit, triage, suspended, planned,
saved, closed, replaced).

``locales/safety_terms.yml`` names each term once: the English words that carry it and, per
language, the forms to use and the forms to avoid. Every data translation and every catalogue
msgstr whose English carries a term is held to it.

A form is one or more words. A word written plainly matches that whole word; a word ending in
``*`` matches any word that starts with it, which is how one form covers a noun's cases
(Polish "położn*" covers położna, położnej, położnych) without matching inside another word
(Urdu "دائی*" must not match ابتدائی, "early"). Letters are compared case-folded.

A form to avoid is an error: it is known to mislead and the message says what to write. A
missing form to use is a warning (an error under STRICT=1): a translation may carry the idea
in another way, such as a pronoun, and a reviewer should look rather than the build stop.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from lmo.core.problems import Problem, Severity
from lmo.core.yamlsource import SourceDocument, load_yaml
from lmo.data.messages import problems_from_validation
from lmo.data.schema import LocalText
from lmo.features.languages.catalogue_check import catalogues

# Letters, digits and the combining marks that Arabic-script words carry (zer, pesh, the
# superscript alef) and the zero-width non-joiner Urdu uses inside words: none of these may
# split a word, or "اُن" would be two words.
_WORD = re.compile(r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c]+")
_FORM_WORD = re.compile(_WORD.pattern + r"\*?")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _has_words(forms: list[str]) -> list[str]:
    for form in forms:
        if not _FORM_WORD.search(form):
            raise ValueError(f'a form needs at least one word, such as "midwife", got {form!r}')
    return forms


FormList = Annotated[list[str], AfterValidator(_has_words)]


class LanguageTerm(_Strict):
    use: FormList = Field(min_length=1, description="Forms to use; one must be there.")
    avoid: FormList = Field(default_factory=list, description="Forms that mislead.")
    allow_in: FormList = Field(
        default_factory=list,
        description="Longer forms in which a form to avoid is right, such as the doctor's"
        " title that contains the ambiguous word.",
    )
    why: str = Field("", description="Why the forms to avoid mislead, for the translator.")


class SafetyTerm(_Strict):
    english: FormList = Field(min_length=1, description="English forms that carry the term.")
    languages: dict[str, LanguageTerm]


class SafetyTermsFile(_Strict):
    terms: dict[str, SafetyTerm]


Token = tuple[int, int, str]


def tokens(text: str) -> list[Token]:
    return [(m.start(), m.end(), m.group(0).casefold()) for m in _WORD.finditer(text)]


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


@cache
def form_parts(form: str) -> tuple[str, ...]:
    """A form's words, case-folded; read once, as every text is held to the same forms."""
    return tuple(p.casefold() for p in _FORM_WORD.findall(form))


# Where each word of a text is (its token indexes), so a form is looked for only where its
# first word is: a check holds thousands of texts to every form of every term.
WordIndex = dict[str, list[int]]


def index_words(words: list[Token]) -> WordIndex:
    index: WordIndex = {}
    for i, (_, _, word) in enumerate(words):
        index.setdefault(word, []).append(i)
    return index


def _starts(first: str, index: WordIndex) -> list[int]:
    if first.endswith("*"):
        prefix = first[:-1]
        return sorted(i for word, at in index.items() if word.startswith(prefix) for i in at)
    return index.get(first, [])


def find_form(
    form: str, words: list[Token], index: WordIndex | None = None
) -> list[tuple[int, int]]:
    """Where a form occurs in a tokenised text: (start, end) character spans. ``index`` is
    ``index_words(words)``, made once by a caller that looks for many forms."""
    parts = form_parts(form)
    if not parts:
        return []  # the schema refuses such a form; nothing can be found for it
    starts: Iterable[int] = _starts(parts[0], index_words(words) if index is None else index)
    spans = []
    last = len(parts) - 1
    for i in starts:
        if i + last < len(words) and all(
            _word_matches(p, words[i + j][2]) for j, p in enumerate(parts[1:], 1)
        ):
            spans.append((words[i][0], words[i + last][1]))
    return spans


@dataclass(frozen=True)
class Finding:
    """One problem with one translation, before it is given a place in a file."""

    term: str
    message: str
    severity: Severity


def _quote(forms: Iterable[str]) -> str:
    return ", ".join(f'"{form}"' for form in forms)


def _stars(forms: Iterable[str]) -> str:
    return " (* stands for any ending)" if any("*" in form for form in forms) else ""


# The terms an English text carries: each term's name and rule, and where the English says it.
Said = list[tuple[str, SafetyTerm, list[tuple[int, int]]]]


def terms_said(english: str, terms: SafetyTermsFile) -> Said:
    """The terms an English text carries. Most texts carry none, and then no translation of
    them needs reading; a check asks once per English text, not once per language."""
    words = tokens(english)
    index = index_words(words)
    said = []
    for name, term in terms.terms.items():
        spans = [span for form in term.english for span in find_form(form, words, index)]
        if spans:
            said.append((name, term, spans))
    return said


def judge(
    english: str,
    translated: str,
    lang: str,
    terms: SafetyTermsFile,
    said: Said | None = None,
) -> list[Finding]:
    """What is wrong with one translation, term by term. ``said`` is
    ``terms_said(english, terms)``, for a caller that judges one English in many languages."""
    rules = [
        (name, rule, spans)
        for name, term, spans in (terms_said(english, terms) if said is None else said)
        if (rule := term.languages.get(lang)) is not None
    ]
    if not rules:
        return []
    words = tokens(translated)
    index = index_words(words)
    findings = []
    reported: set[tuple[int, int]] = set()  # one word that misleads under two terms: say it once
    for name, rule, spans in rules:
        allowed = [span for form in rule.allow_in for span in find_form(form, words, index)]
        for form in rule.avoid:
            for start, end in find_form(form, words, index):
                if (start, end) in reported or any(a <= start and end <= b for a, b in allowed):
                    continue
                reported.add((start, end))
                why = f" ({rule.why})" if rule.why else ""
                findings.append(
                    Finding(
                        name,
                        f'safety term "{name}": found "{translated[start:end]}", which'
                        f" misleads{why}: use {_quote(rule.use)} instead{_stars(rule.use)}",
                        Severity.ERROR,
                    )
                )
        if not any(find_form(form, words, index) for form in rule.use):
            start, end = spans[0]
            findings.append(
                Finding(
                    name,
                    f'safety term "{name}": the English says "{english[start:end]}" but this'
                    f" has none of {_quote(rule.use)}: use one of them{_stars(rule.use)}"
                    " (see locales/safety_terms.yml)",
                    Severity.WARNING,
                )
            )
    return findings


def said_by_english(terms: SafetyTermsFile) -> Callable[[str], Said]:
    """``terms_said`` remembered per English text, for one check."""
    remembered: dict[str, Said] = {}

    def said(english: str) -> Said:
        if english not in remembered:
            remembered[english] = terms_said(english, terms)
        return remembered[english]

    return said


def load_safety_terms(path: Path, shown: str) -> tuple[SafetyTermsFile | None, list[Problem]]:
    if not path.exists():
        return None, []
    doc, problems = load_yaml(path, shown)
    if doc.data is None:
        return None, problems
    try:
        return SafetyTermsFile.model_validate(doc.data), problems
    except ValidationError as error:
        return None, problems + problems_from_validation(error, doc, SafetyTermsFile)


def check_data_translations(
    sources: Mapping[str, SourceDocument], texts: dict[str, LocalText], terms: SafetyTermsFile
) -> list[Problem]:
    """Every data translation whose English carries a safety term. ``sources`` is each
    language's translations file as the data was loaded (``Store.sources``)."""
    problems = []
    said = said_by_english(terms)
    for lang, doc in sorted(sources.items()):
        entries = doc.data.get("translations") if isinstance(doc.data, dict) else None
        if not isinstance(entries, dict):
            continue
        for key, entry in entries.items():
            english = texts.get(key)
            text = entry.get("text") if isinstance(entry, dict) else None
            if english is None or not isinstance(text, str):
                continue
            for found in judge(english.en, text, lang, terms, said(english.en)):
                line, col = doc.locate(("translations", key, "text"))
                problems.append(
                    Problem(
                        doc.file, line, col, f"translations.{key}", found.message, found.severity
                    )
                )
    return problems


def check_catalogue_terms(locales_dir: Path, root: Path, terms: SafetyTermsFile) -> list[Problem]:
    """Every catalogue msgstr whose English carries a safety term. A catalogue that cannot
    be read is reported by ``lmo.features.languages.catalogue_check``."""
    problems = []
    said = said_by_english(terms)
    for shown, lang, catalog in catalogues(locales_dir, root)[0]:
        for message in catalog:
            if not message.id or not message.string:
                continue
            ids = [message.id] if isinstance(message.id, str) else list(message.id)
            strings = [message.string] if isinstance(message.string, str) else message.string
            where = f'msgstr for "{ids[0][:50]}"'
            english = " ".join(ids)
            for translated in (s for s in strings if s):
                for found in judge(english, translated, lang, terms, said(english)):
                    problems.append(
                        Problem(shown, message.lineno or 1, 1, where, found.message, found.severity)
                    )
    return problems


def check_safety_terms(
    locales_dir: Path,
    root: Path,
    sources: Mapping[str, SourceDocument] | None,
    texts: dict[str, LocalText] | None,
) -> list[Problem]:
    """The glossary itself, then every draft against it. ``sources`` and ``texts`` are the
    data's translations files and English texts as loaded, or None when the data had errors:
    then the data translations' English is unknown and only catalogues are held."""
    path = locales_dir / "safety_terms.yml"
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    terms, problems = load_safety_terms(path, shown)
    if terms is None:
        return problems
    problems += check_catalogue_terms(locales_dir, root, terms)
    if sources is not None and texts is not None:
        problems += check_data_translations(sources, texts, terms)
    return problems
