"""Command line: ``python -m lmo check|generate|schemas``. Never a traceback for an editor."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from lmo.config.project import ConfigFileError, Project
from lmo.core.problems import Problem
from lmo.data.dataset import DataSet
from lmo.pipeline import CheckResult, check, check_and_generate, strict_from_environment
from lmo.site.generate import remove_generated


def _print_problems(problems: list[Problem], fmt: str) -> None:
    for problem in problems:
        print(problem.github_annotation() if fmt == "github" else str(problem), file=sys.stderr)


def _summary(errors: int, warnings: int, strict: bool) -> str:
    parts = [f"{errors} error{'s' * (errors != 1)}", f"{warnings} warning{'s' * (warnings != 1)}"]
    note = " (STRICT=1: warnings count as errors)" if strict and warnings else ""
    return ", ".join(parts) + note


def _checked_dataset(project: Project) -> DataSet | None:
    """The checked data for a command that needs it; None, with the problems printed, when
    the data cannot be loaded."""
    result = check(project)
    if result.dataset is None:
        _print_problems(result.problems, "text")
        print("fix the problems above first", file=sys.stderr)
    return result.dataset


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lmo", description=__doc__)
    parser.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument("--strict", action="store_true", help="warnings are errors (or STRICT=1)")
    parser.add_argument("--format", choices=("text", "github"), default="text")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate data/ and content/ without building the site")
    sub.add_parser("generate", help="validate, then write the generated pages into content/")
    sub.add_parser("clean", help="remove the generated pages from content/")
    sub.add_parser("translations", help="print translation coverage per language")
    sub.add_parser("messages", help="update each catalogue from locales/messages.pot")
    review = sub.add_parser("review-report", help="what falls due for review, by owner")
    review.add_argument("--days", type=int, default=30)
    todo = sub.add_parser("translations-todo", help="print what is left to translate")
    todo.add_argument("--lang", required=True)
    todo.add_argument("--only", default="", help="comma-separated key patterns, e.g. 'hubs.*'")
    feedback = sub.add_parser(
        "feedback", help="summarise raw survey exports into publishable summary files"
    )
    feedback.add_argument("source", help="an export (.csv, .xlsx) or a folder of them")
    feedback.add_argument("--out", help="folder for the summary files (default data/feedback)")
    feedback.add_argument("--mapping", help="a mapping file for an export with other headings")
    feedback.add_argument(
        "--staff-names", help="one name per line (default: staff-names.txt beside the export)"
    )
    feedback.add_argument("--mnvp", action="append", help="id of the MNVP that ran it (repeat)")
    new = sub.add_parser("new", help="write a new LMNS's site into a new folder")
    new.add_argument("folder", help="the new site's folder (new or empty)")
    new.add_argument("--name", required=True, help='the LMNS\'s name, such as "Northshire LMNS"')
    new.add_argument("--languages", default="en", help="language codes, English first: en,ur,pa")
    schemas = sub.add_parser("schemas", help="write JSON Schemas and the field reference")
    schemas.add_argument("--out", default="schemas")
    schemas.add_argument("--reference", default="docs/data-reference.md")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "schemas":
        # The schemas come from the code alone, so they can be written outside a site.
        return _schemas(args)
    if args.command == "new":
        return _new(args)
    project = _project(args)
    if project is None:
        return 2
    return COMMANDS[args.command](args, project)


def _project(args: argparse.Namespace) -> Project | None:
    """The site's settings; None, with the reason printed, when there are none to read."""
    config = Path(args.config)
    if not config.exists():
        print(f"{config}: no such file: run this from the site's folder", file=sys.stderr)
        return None
    try:
        return Project.from_config_file(config)
    except ConfigFileError as error:
        _print_problems(error.problems, args.format)
        return None


def _new(args: argparse.Namespace) -> int:
    from lmo.config.project import today_from_environment
    from lmo.starter import StarterError, write_site

    folder = Path(args.folder)
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    try:
        written = write_site(folder, args.name, languages, today_from_environment())
    except StarterError as error:
        print(str(error), file=sys.stderr)
        return 2
    print(f"wrote {len(written)} files into {folder}: read {folder / 'README.md'}", file=sys.stderr)
    print(f"next: cd {folder} && make serve", file=sys.stderr)
    return 0


def _schemas(args: argparse.Namespace) -> int:
    from lmo.schema_export import write_schema_files

    written = write_schema_files(Path(args.out), Path(args.reference))
    print(f"wrote {len(written)} files")
    return 0


def _check(args: argparse.Namespace, project: Project) -> int:
    return _verdict(args, check(project))


def _generate(args: argparse.Namespace, project: Project) -> int:
    result, report = check_and_generate(project)
    if report is not None:
        print(
            f"{len(report.written)} pages written, {report.unchanged} unchanged,"
            f" {len(report.removed)} removed",
            file=sys.stderr,
        )
    return _verdict(args, result)


def _verdict(args: argparse.Namespace, result: CheckResult) -> int:
    """Print the problems and a one-line count; 1 when they fail the check."""
    strict = args.strict or strict_from_environment()
    _print_problems(result.problems, args.format)
    failed = result.failed(strict)
    verdict = "failed" if failed else "ok"
    print(
        f"check {verdict}: {_summary(len(result.errors), len(result.warnings), strict)}",
        file=sys.stderr,
    )
    return 1 if failed else 0


def _clean(args: argparse.Namespace, project: Project) -> int:
    removed = remove_generated(project.content_dir)
    print(f"removed {len(removed)} generated pages", file=sys.stderr)
    return 0


def _messages(args: argparse.Namespace, project: Project) -> int:
    from lmo.features.languages.catalogues import update_catalogue

    template = project.locales_dir / "messages.pot"
    for po in sorted(project.locales_dir.glob("*/LC_MESSAGES/messages.po")):
        untranslated = update_catalogue(template, po)
        print(f"{po}: {len(untranslated)} messages to translate", file=sys.stderr)
    return 0


def _review_report(args: argparse.Namespace, project: Project) -> int:
    from lmo.data import review as review_report

    dataset = _checked_dataset(project)
    if dataset is None:
        return 1
    print(review_report.report(dataset, project.today, args.days))
    return 0


def _translations(args: argparse.Namespace, project: Project) -> int:
    from lmo.features.languages import translation_report

    dataset = _checked_dataset(project)
    if dataset is None:
        return 1
    print(translation_report.report(project, dataset))
    return 0


def _translations_todo(args: argparse.Namespace, project: Project) -> int:
    from lmo.features.languages import translation_report

    dataset = _checked_dataset(project)
    if dataset is None:
        return 1
    prefixes = [p for p in args.only.split(",") if p]
    print(translation_report.todo(dataset, args.lang, prefixes), end="")
    for relative, fingerprint in translation_report.pages_to_translate(project, args.lang):
        print(f'# page content/{args.lang}/{relative}: translation.source: "{fingerprint}"')
    return 0


def _feedback(args: argparse.Namespace, project: Project) -> int:
    from lmo.features.feedback.build import run

    dataset = _checked_dataset(project)
    if dataset is None:
        return 1
    outcome = run(
        project,
        dataset,
        Path(args.source),
        out_dir=Path(args.out) if args.out else None,
        mapping_file=Path(args.mapping) if args.mapping else None,
        staff_file=Path(args.staff_names) if args.staff_names else None,
        mnvps=args.mnvp,
        today=project.today,
        config_file=Path(args.config),
    )
    if outcome.problems:
        _print_problems(outcome.problems, args.format)
        count = len(outcome.problems)
        print(
            f"feedback failed: {count} problem{'s' * (count != 1)}; nothing was written",
            file=sys.stderr,
        )
        return 1
    for path in outcome.written:
        print(f"wrote {project.display(path)}", file=sys.stderr)
    print(f"private review report (do not commit or publish): {outcome.report}", file=sys.stderr)
    return 0


# Every subcommand but "schemas", which needs no site; each returns the exit status.
COMMANDS: dict[str, Callable[[argparse.Namespace, Project], int]] = {
    "check": _check,
    "generate": _generate,
    "clean": _clean,
    "translations": _translations,
    "messages": _messages,
    "review-report": _review_report,
    "translations-todo": _translations_todo,
    "feedback": _feedback,
}


if __name__ == "__main__":
    sys.exit(main())
