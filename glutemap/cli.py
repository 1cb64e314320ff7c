"""The `glutemap` command: validate the knowledge, search it, export it."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from glutemap.loader import DEFAULT_KNOWLEDGE_DIR, check_knowledge
from glutemap.matching import MatchResult, TextTooLong, match
from glutemap.models import EVIDENCE_LABELS, KnowledgeBase

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

EXPORT_KINDS = ("muscles", "conditions", "exercises", "regions", "red_flags", "sources")


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

    export = commands.add_parser("export", help="print the whole validated knowledge")
    export.add_argument("--format", choices=["json"], default="json")
    return parser


def _load(root: Path, err: TextIO) -> KnowledgeBase | None:
    knowledge, errors = check_knowledge(root)
    if knowledge is None:
        print(f"The knowledge base has {len(errors)} problem(s):", file=err)
        for error in errors:
            print(f"  {error}", file=err)
    return knowledge


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
            print(f"  * {involvement.name}: {EVIDENCE_LABELS[involvement.evidence]}", file=out)
    if result.muscles:
        print(file=out)
        print("Muscles that may be involved:", file=out)
        for muscle in result.muscles:
            print(f"  {muscle.name}", file=out)
            for why in muscle.why:
                print(f"    - {why}", file=out)
    print(file=out)
    print(knowledge.disclaimer.short, file=out)


def _search(root: Path, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    text = " ".join(args.text)
    if not text.strip() and not args.region and not args.red_flag:
        print("glutemap: give some words, --region or --red-flag to search for", file=err)
        return EXIT_USAGE
    knowledge = _load(root, err)
    if knowledge is None:
        return EXIT_INVALID
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


def export_data(knowledge: KnowledgeBase) -> dict[str, list[dict[str, Any]]]:
    """The whole knowledge as plain JSON-ready data; every record has its `id`."""
    return {
        kind: [record.model_dump(mode="json") for record in getattr(knowledge, kind).values()]
        for kind in EXPORT_KINDS
    }


def _export(root: Path, out: TextIO, err: TextIO) -> int:
    knowledge = _load(root, err)
    if knowledge is None:
        return EXIT_INVALID
    json.dump(export_data(knowledge), out, ensure_ascii=False, indent=2)
    print(file=out)
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
        return _export(root, out, err)
    except BrokenPipeError:
        return EXIT_OK
    except (OSError, UnicodeError) as error:
        print(f"glutemap: {error}", file=err)
        return EXIT_USAGE
