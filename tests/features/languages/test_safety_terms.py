"""Safety terms: every draft in every language uses the agreed word for the ideas a woman
could act on wrongly, and never a word known to mislead (locales/safety_terms.yml)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sitebuild import REPO, check, make_site

from lmo.core.problems import Problem, Severity
from lmo.core.yamlsource import load_yaml
from lmo.data.schema import LocalText
from lmo.features.languages.safety_terms import (
    SafetyTermsFile,
    check_catalogue_terms,
    check_data_translations,
    check_safety_terms,
    find_form,
    form_parts,
    judge,
    load_safety_terms,
    tokens,
)
from lmo.pipeline import load_dataset

LANGUAGES = ["pl", "lt", "ro", "ur"]


@pytest.fixture(scope="module")
def terms() -> SafetyTermsFile:
    loaded, problems = load_safety_terms(REPO / "locales" / "safety_terms.yml", "terms")
    assert problems == [] and loaded is not None
    return loaded


@pytest.fixture(scope="module")
def example_problems() -> list[Problem]:
    dataset, _ = load_dataset(REPO / "data", display_prefix="data/")
    assert dataset is not None
    return check_safety_terms(REPO / "locales", REPO, dataset.translations.sources, dataset.texts)


def messages(english: str, translated: str, lang: str, terms: SafetyTermsFile) -> list[str]:
    return [f"{f.severity}: {f.message}" for f in judge(english, translated, lang, terms)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_examples_drafts_keep_to_the_terms(lang: str, example_problems: list[Problem]) -> None:
    mine = [str(p) for p in example_problems if f"/{lang}" in p.file or f"/{lang}." in p.file]
    assert mine == []


@pytest.mark.parametrize(
    ("lang", "english", "translated", "expected"),
    [
        (
            "ur",
            "Talk to your midwife.",
            "اپنی مڈوائف (دائی) سے بات کریں۔",
            'error: safety term "midwife": found "دائی", which misleads (دائی and دایہ mean a'
            ' traditional birth attendant, who may have no training): use "مڈوائف*" instead'
            " (* stands for any ending)",
        ),
        (
            "ur",
            "Planned",
            "منصوبہ بند",
            'error: safety term "planned": found "منصوبہ بند", which misleads (بند on its own'
            " means closed, so a planned hub reads as a closed one; planning, منصوبہ بندی, is"
            ' another word and is fine): use "مجوزہ", "طے شدہ", "منصوب*" instead'
            " (* stands for any ending)",
        ),
        (
            "lt",
            "Replaced",
            "Pakeista",
            'error: safety term "replaced": found "Pakeista", which misleads (pakeista alone'
            ' also means changed; say what replaced it): use "pakeist* kit*" instead'
            " (* stands for any ending)",
        ),
        (
            "lt",
            "Freestanding midwifery unit",
            "Atskiras akušerių skyrius",
            'error: safety term "midwifery unit": found "akušerių", which misleads (akušerių'
            " can mean obstetricians: say that midwives, not doctors, run it): use"
            ' "akušerių (ne gydytojų)", "vadovauja akušerės" instead',
        ),
        (
            "pl",
            "Freestanding midwifery unit",
            "Samodzielny oddział położniczy",
            'error: safety term "midwifery unit": found "oddział położniczy", which misleads'
            " (oddział położniczy is a hospital's obstetric ward, with doctors): use"
            ' "prowadz* przez położn*" instead (* stands for any ending)',
        ),
        (
            "ro",
            "Tell your midwife.",
            "Spuneți-i mamoșei.",
            'error: safety term "midwife": found "mamoșei", which misleads (mamoșă is a folk'
            ' word for a birth attendant without training): use "moaș*" instead'
            " (* stands for any ending)",
        ),
    ],
)
def test_a_word_that_misleads_is_an_error_that_says_what_to_write(
    lang: str, english: str, translated: str, expected: str, terms: SafetyTermsFile
) -> None:
    found = messages(english, translated, lang, terms)
    assert found[0] == expected
    # Nor does the misleading word count as the right one.
    assert [m for m in found[1:] if not m.startswith("warning: ")] == []


def test_a_draft_without_the_term_is_a_warning(terms: SafetyTermsFile) -> None:
    (found,) = judge("Call maternity triage.", "Zadzwoń do szpitala.", "pl", terms)
    assert found.severity is Severity.WARNING
    assert found.message == (
        'safety term "triage": the English says "triage" but this has none of "izb* przyjęć*",'
        ' "triaż*": use one of them (* stands for any ending) (see locales/safety_terms.yml)'
    )


@pytest.mark.parametrize(
    ("lang", "english", "translated"),
    [
        # Cases of one noun, by the stem.
        ("pl", "Ask your midwife.", "Zapytaj położnej."),
        ("pl", "The midwives visit.", "Odwiedzają cię położne."),
        ("lt", "Tell your midwife.", "Pasakykite savo akušerei."),
        ("lt", "with midwives", "kartu su akušerėmis"),
        # A form to avoid is right inside the doctor's title.
        ("lt", "A midwife or a doctor", "Akušerė arba gydytojas akušeris ginekologas"),
        ("lt", "midwife-led unit", "akušerių (ne gydytojų) vadovaujamame skyriuje"),
        # Negation is a prefix in Lithuanian and a word in Urdu.
        ("lt", "This page is not saved.", "Šis puslapis neišsaugotas."),
        ("ur", "No plan is saved.", "کوئی منصوبہ محفوظ نہیں کیا گیا۔"),
        ("ro", "outside a labour ward", "în afara unei săli de naștere"),
        ("ro", "She will see your midwives.", "Moașele vă vor vedea."),
        # A stem is the start of a word: دائی ends ابتدائی ("early"), which is fine.
        ("ur", "Your midwife sees you early.", "ابتدائی حمل میں مڈوائف آپ کو دیکھتی ہے۔"),
        # منصوبہ بندی is planning, not "planned closed".
        ("ur", "the planned hub", "منصوبہ بندی والا مجوزہ مرکز"),
        ("lt", "Replaced", "Pakeista kita paslauga"),
    ],
)
def test_inflected_forms_pass(
    lang: str, english: str, translated: str, terms: SafetyTermsFile
) -> None:
    assert messages(english, translated, lang, terms) == []


def test_an_inflected_form_to_avoid_is_still_caught(terms: SafetyTermsFile) -> None:
    found = messages("a hub where midwives work", "جہاں دائیاں کام کرتی ہیں", "ur", terms)
    assert found[0].startswith('error: safety term "midwife": found "دائیاں"')


def test_problems_are_reported_at_the_line_of_the_draft(
    tmp_path: Path, terms: SafetyTermsFile
) -> None:
    folder = tmp_path / "lt" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: lt\\n"\n\nmsgid "Replaced"\nmsgstr "Pakeista"\n',
        encoding="utf-8",
    )
    (catalogue,) = [
        str(p)
        for p in check_catalogue_terms(tmp_path, tmp_path, terms)
        if p.severity is Severity.ERROR
    ]
    assert catalogue.startswith(
        'lt/LC_MESSAGES/messages.po:5:1: msgstr for "Replaced": safety term "replaced": found'
        ' "Pakeista"'
    )
    data = tmp_path / "translations"
    data.mkdir()
    (data / "ur.yml").write_text(
        "language: ur\ntranslations:\n  hubs.x.summary:\n"
        '    text: "مڈوائف (دائی)"\n    method: machine\n    source: "000000000000"\n',
        encoding="utf-8",
    )
    texts = {"hubs.x.summary": LocalText("Your midwife", "hubs.x.summary")}
    doc, _ = load_yaml(data / "ur.yml", "data/translations/ur.yml")
    (problem,) = check_data_translations({"ur": doc}, texts, terms)
    assert str(problem).startswith(
        'data/translations/ur.yml:4:11: translations.hubs.x.summary: safety term "midwife":'
        ' found "دائی"'
    )


def test_a_mistake_in_the_terms_file_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "safety_terms.yml"
    path.write_text(
        "terms:\n  midwife:\n    english: [midwife]\n    languages:\n"
        "      pl:\n        usee: [położn*]\n",
        encoding="utf-8",
    )
    loaded, problems = load_safety_terms(path, "locales/safety_terms.yml")
    assert loaded is None
    assert [p.file for p in problems] == ["locales/safety_terms.yml"] * len(problems)
    assert any(p.line == 6 and "usee" in str(p) for p in problems)


@pytest.mark.parametrize("form", ["-", "*", "  ", "..."])
def test_a_form_with_no_word_is_reported_at_its_line(tmp_path: Path, form: str) -> None:
    # It would match everywhere (or nowhere): refused where it is written, never a traceback.
    path = tmp_path / "safety_terms.yml"
    path.write_text(
        "terms:\n  midwife:\n    english: [midwife]\n    languages:\n"
        f"      pl:\n        use: [położn*]\n        avoid: ['{form}']\n",
        encoding="utf-8",
    )
    loaded, problems = load_safety_terms(path, "locales/safety_terms.yml")
    assert loaded is None
    assert [(p.line, "at least one word" in str(p)) for p in problems] == [(7, True)]
    assert find_form(form, tokens("a midwife")) == []


def test_check_fails_on_a_misleading_draft(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    (site / "locales" / "safety_terms.yml").write_bytes(
        (REPO / "locales" / "safety_terms.yml").read_bytes()
    )
    po = site / "locales" / "pl" / "LC_MESSAGES" / "messages.po"
    po.write_text(
        po.read_text(encoding="utf-8")
        + '\nmsgid "Ask your midwife."\nmsgstr "Zapytaj akuszerkę."\n',
        encoding="utf-8",
    )
    result = check(site)
    assert result.returncode != 0
    assert (
        'msgstr for "Ask your midwife.": safety term "midwife": found "akuszerkę", which'
        " misleads (akuszerka is an old word; the profession is położna)"
    ) in result.stdout + result.stderr


def test_a_form_is_found_wherever_its_words_follow_each_other(terms: SafetyTermsFile) -> None:
    """The index of a text's words finds every form exactly where word-by-word reading does."""
    forms = sorted(
        {form for term in terms.terms.values() for form in term.english}
        | {
            form
            for term in terms.terms.values()
            for rule in term.languages.values()
            for form in rule.use + rule.avoid + rule.allow_in
        }
    )
    pieces = [form.replace("*", end) for form in forms for end in ("", "ej")] + ["x", "ابتدائی"]
    randomly = random.Random(22)
    found = 0
    for _ in range(300):
        text = " ".join(randomly.choice(pieces) for _ in range(randomly.randint(1, 12)))
        words = tokens(text.upper() if randomly.random() < 0.3 else text)
        for form in forms:
            parts = form_parts(form)
            expected = [
                (words[i][0], words[i + len(parts) - 1][1])
                for i in range(len(words) - len(parts) + 1)
                if all(
                    words[i + j][2].startswith(part[:-1])
                    if part.endswith("*")
                    else words[i + j][2] == part
                    for j, part in enumerate(parts)
                )
            ]
            assert find_form(form, words) == expected, (form, text)
            found += bool(expected)
    assert found > 300
