"""The `glutemap` command: validate the knowledge, search it, export it, grade how plain it reads, list its fields,
print the interface's translation template, compare a second language's knowledge with the English."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from glutemap import strings
from glutemap.catalogue import template_text
from glutemap.clinic import load_clinic_settings, visitor_language
from glutemap.knowledge.field_reference import field_reference
from glutemap.knowledge.loader import DEFAULT_KNOWLEDGE_DIR, check_knowledge
from glutemap.knowledge.models import KnowledgeBase
from glutemap.knowledge.parallel import parallel_differences
from glutemap.language import localize
from glutemap.search.evaluate import CaseError, evaluate, format_report, read_cases, unknown_ids
from glutemap.search.matcher import MatchResult, TextTooLong, match
from glutemap.search.text import MAX_TEXT_CHARS
from glutemap.settings import deployment

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2



class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse prints usage, never a traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"glutemap: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="glutemap", description="GluteMap knowledge tools (educational, not diagnostic).")
    parser.add_argument("--knowledge", type=Path, default=DEFAULT_KNOWLEDGE_DIR, help="knowledge folder")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    validate = commands.add_parser("validate", help="check a knowledge folder and report every problem")
    validate.add_argument("directory", nargs="?", type=Path, help="knowledge folder (default: the shipped one)")

    search = commands.add_parser("search", help="match everyday words and body regions to conditions")
    search.add_argument("text", nargs="*", help="symptoms in your own words")
    search.add_argument("--region", action="append", default=[], metavar="ID", help="a body region id (repeatable)")
    search.add_argument("--red-flag", action="append", default=[], metavar="ID", help="a red-flag id (repeatable)")
    search.add_argument("--json", action="store_true", help="print the stable JSON shape")
    search.add_argument(
        "--jsonl",
        action="store_true",
        help="read one query a line on stdin (plain text, or a JSON object with text, regions, red_flags); "
        "write one --json result a line",
    )

    evaluate = commands.add_parser("eval", help="measure search on sets of phrasings (JSON Lines)")
    evaluate.add_argument("files", nargs="+", type=Path, help="evaluation sets, e.g. tests/eval/*.jsonl")
    evaluate.add_argument("--verbose", action="store_true", help="list every miss and false alarm")

    export = commands.add_parser("export", help="print the whole validated knowledge")
    export.add_argument("--format", choices=["json"], default="json")

    commands.add_parser("fields", help="print the knowledge field reference (docs/knowledge-fields.md) from the schema")
    commands.add_parser("catalogue", help="print the interface's gettext template (glutemap/locales/messages.pot)")
    compare = commands.add_parser(
        "compare", help="check that a second language's knowledge folder has the same records, links, numbers and sources"
    )
    compare.add_argument("first", type=Path, help="the English knowledge, e.g. knowledge")
    compare.add_argument("second", type=Path, help="the same knowledge in another language, e.g. knowledge-es")
    commands.add_parser(
        "readability",
        help="reading grade (Flesch-Kincaid) of every patient-facing passage: medians per kind, passages above grade 10",
    )
    return parser


def _load(root: Path, err: TextIO) -> KnowledgeBase | None:
    knowledge, errors = check_knowledge(root)
    if knowledge is None:
        print(f"The knowledge base has {len(errors)} problem(s):", file=err)
        for error in errors:
            print(f"  {error}", file=err)
    return knowledge


def _as_read(knowledge: KnowledgeBase) -> KnowledgeBase:
    """The knowledge as this deployment's visitors read it: care words filled in, the clinic's spelling."""
    clinic, _problems = load_clinic_settings()
    return localize(knowledge, visitor_language(clinic, deployment().language))


def _compare(first_root: Path, second_root: Path, out: TextIO, err: TextIO) -> int:
    first, second = _load(first_root, err), _load(second_root, err)
    if first is None or second is None:
        return EXIT_INVALID
    differences = parallel_differences(first, second)
    for difference in differences:
        print(difference, file=out)
    print(f"{len(differences)} differences: {first_root} and {second_root} are "
          f"{'not ' if differences else ''}the same knowledge.", file=err if differences else out)
    return EXIT_INVALID if differences else EXIT_OK


def _validate(root: Path, out: TextIO, err: TextIO) -> int:
    knowledge = _load(root, err)
    if knowledge is None:
        return EXIT_INVALID
    print(
        f"Knowledge base OK: {len(knowledge.muscles)} muscles, {len(knowledge.conditions)} conditions, "
        f"{len(knowledge.exercises)} exercises, {len(knowledge.regions)} regions, "
        f"{len(knowledge.red_flags)} red flags, {len(knowledge.sources)} sources.",
        file=out,
    )
    return EXIT_OK


def _print_result(knowledge: KnowledgeBase, result: MatchResult, out: TextIO) -> None:
    if result.urgent:
        print("SEEK CARE NOW — these answers can be signs of something serious:", file=out)
        for urgent in result.urgent:
            print(f"  ! {urgent.title} [{urgent.urgency}]: {urgent.advice}", file=out)
        print(file=out)
    if not result.conditions:
        print("No condition in GluteMap fits those words or places.", file=out)
    for condition in result.conditions:
        print(f"{condition.name} (score {condition.score})", file=out)
        for reason in condition.reasons:
            print(f"  - {reason}", file=out)
        for involvement in condition.muscles:
            print(f"  * {involvement.name}: {strings.EVIDENCE_LABELS[involvement.evidence]}", file=out)
    if result.muscles:
        print(file=out)
        print("Muscles that may be involved:", file=out)
        for muscle in result.muscles:
            print(f"  {muscle.name}", file=out)
            for why in muscle.why:
                print(f"    - {why}", file=out)
    print(file=out)
    print(knowledge.disclaimer.short, file=out)


def _query_of(line: str) -> tuple[str, list[str], list[str]]:
    """(text, regions, red flags) of one --jsonl line; ValueError says what is wrong."""
    stripped = line.strip()
    if not stripped.startswith("{"):
        return stripped, [], []
    data = json.loads(stripped)
    if not isinstance(data, dict):
        raise ValueError("a JSON line must be an object")
    text = data.get("text", "")
    regions = data.get("regions", [])
    flags = data.get("red_flags", [])
    if not isinstance(text, str):
        raise ValueError("'text' must be a string")
    for name, value in (("regions", regions), ("red_flags", flags)):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValueError(f"'{name}' must be a list of ids")
    return text, regions, flags


def _search_lines(knowledge: KnowledgeBase, lines: TextIO, out: TextIO, err: TextIO) -> int:
    """One result a line; a bad line is reported on stderr with its number and skipped."""
    status = EXIT_OK
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            text, regions, flags = _query_of(line)
            if len(text) > MAX_TEXT_CHARS:
                raise TextTooLong(len(text))
            result = match(knowledge, regions=regions, red_flags=flags, text=text)
            if result.unknown:
                raise ValueError(f"unknown region or red-flag id(s): {', '.join(result.unknown)}")
        except (ValueError, RecursionError) as error:
            print(f"glutemap: line {number}: {error}", file=err)
            print(json.dumps({"line": number, "error": str(error)}, ensure_ascii=False), file=out)
            status = EXIT_USAGE
            continue
        print(json.dumps({"line": number, **result.as_json()}, ensure_ascii=False), file=out)
        out.flush()
    return status


def _search(root: Path, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.jsonl:
        knowledge = _load(root, err)
        return EXIT_INVALID if knowledge is None else _search_lines(_as_read(knowledge), sys.stdin, out, err)
    text = " ".join(args.text)
    if not text.strip() and not args.region and not args.red_flag:
        print("glutemap: give some words, --region or --red-flag to search for", file=err)
        return EXIT_USAGE
    knowledge = _load(root, err)
    if knowledge is None:
        return EXIT_INVALID
    knowledge = _as_read(knowledge)
    try:
        result = match(knowledge, regions=args.region, red_flags=args.red_flag, text=text)
    except TextTooLong as error:
        print(f"glutemap: {error}", file=err)
        return EXIT_USAGE
    if result.unknown:
        print(f"glutemap: unknown region or red-flag id(s): {', '.join(result.unknown)}", file=err)
        print(f"  regions: {', '.join(sorted(knowledge.regions))}", file=err)
        print(f"  red flags: {', '.join(sorted(knowledge.red_flags))}", file=err)
        return EXIT_USAGE
    if args.json:
        json.dump(result.as_json(), out, ensure_ascii=False, indent=2)
        print(file=out)
    else:
        _print_result(knowledge, result, out)
    return EXIT_OK


def _eval(root: Path, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    knowledge = _load(root, err)
    if knowledge is None:
        return EXIT_INVALID
    try:
        cases = [case for path in args.files for case in read_cases(path)]
    except CaseError as error:
        print(f"glutemap: {error}", file=err)
        return EXIT_USAGE
    missing = unknown_ids(knowledge, cases)
    if missing:
        print(f"glutemap: the sets name ids the knowledge lacks: {', '.join(missing)}", file=err)
        return EXIT_USAGE
    print(format_report(evaluate(knowledge, cases), verbose=args.verbose), file=out)
    return EXIT_OK


def export_data(knowledge: KnowledgeBase) -> dict[str, Any]:
    """The whole knowledge, every kind, as plain JSON-ready data.

    Kinds kept by id (muscles, conditions, ...) become lists of records, each with its `id`; the glossary
    is a list; the disclaimer and the reading rules (`language`) are single objects (or null).
    """
    data: dict[str, Any] = {}
    for kind in KnowledgeBase.model_fields:
        value = getattr(knowledge, kind)
        if isinstance(value, dict):
            data[kind] = [record.model_dump(mode="json") for record in value.values()]
        elif isinstance(value, tuple):
            data[kind] = [record.model_dump(mode="json") for record in value]
        else:
            data[kind] = value.model_dump(mode="json") if value is not None else None
    return data


def _export(root: Path, out: TextIO, err: TextIO) -> int:
    knowledge = _load(root, err)
    if knowledge is None:
        return EXIT_INVALID
    json.dump(export_data(knowledge), out, ensure_ascii=False, indent=2)
    print(file=out)
    return EXIT_OK


def _readability(root: Path, out: TextIO, err: TextIO) -> int:
    """A report, not a check: the exit status is 0 whatever the grades (the consistency tests hold the limits)."""
    from glutemap.screens.readability import MAX_GRADE, graded_passages, summarise  # textstat loads a dictionary: only here

    knowledge = _load(root, err)
    if knowledge is None:
        return EXIT_OK
    summary = summarise(graded_passages(knowledge))
    print(
        f"{summary.count} patient-facing passages: median grade {summary.median:.1f}, highest {summary.max:.1f} "
        f"(Flesch-Kincaid).",
        file=out,
    )
    print("Median grade by kind:", file=out)
    for kind, median in summary.kind_medians.items():
        print(f"  {kind:<12} {median:5.1f}  ({summary.kind_counts[kind]} passages)", file=out)
    print(f"Passages above grade {MAX_GRADE:g}: {len(summary.above)}", file=out)
    for item in summary.above:
        print(f"  {item.grade:5.1f}  {item.passage.where}: {item.passage.text}", file=out)
    return EXIT_OK


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command; returns the exit code (0 ok, 1 invalid knowledge, 2 bad usage)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        # argparse writes usage and --help to sys.stdout/sys.stderr; send them where the caller asked.
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = _parser().parse_args(argv)
    except SystemExit as leaving:
        return int(leaving.code or 0)
    root = args.knowledge
    try:
        if args.command == "validate":
            return _validate(args.directory or root, out, err)
        if args.command == "search":
            return _search(root, args, out, err)
        if args.command == "eval":
            return _eval(root, args, out, err)
        if args.command == "readability":
            return _readability(root, out, err)
        if args.command == "fields":
            out.write(field_reference())
            return EXIT_OK
        if args.command == "compare":
            return _compare(args.first, args.second, out, err)
        if args.command == "catalogue":
            out.write(template_text())
            return EXIT_OK
        return _export(root, out, err)
    except BrokenPipeError:
        return EXIT_OK
    except (OSError, UnicodeError) as error:
        print(f"glutemap: {error}", file=err)
        return EXIT_USAGE
