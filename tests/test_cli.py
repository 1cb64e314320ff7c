"""The `glutemap` command: validate, search and export, called in-process and as the installed console script."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from glutemap.cli import main
from glutemap.knowledge.models import KnowledgeBase

KnowledgeWriter = Callable[..., Path]
CONSOLE_SCRIPT = Path(sys.executable).parent / "glutemap"
DOSAGE_KEYS = {"reps", "rounds", "per_side", "build_up_to_reps", "hold_seconds_min", "hold_seconds_max"}


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run(*argv: str) -> Run:
    """Run `glutemap argv...` in-process; no output may ever hold a traceback."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    result = Run(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.out + result.err
    return result


def run_process(*command: str) -> Run:
    """Run a command in a fresh process with UTF-8 output; no output may ever hold a traceback."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, check=False)
    result = Run(done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in result.out + result.err
    return result


def test_validate_a_valid_folder_prints_a_one_line_summary(tiny_knowledge_dir: Path) -> None:
    """A valid folder exits 0 with one line counting every kind of record."""
    result = run("validate", str(tiny_knowledge_dir))
    assert (result.code, result.err) == (0, "")
    assert result.out == ("Knowledge base OK: 2 muscles, 2 conditions, 1 exercises, 3 regions, 2 red flags, 2 sources.\n")


def test_validate_a_broken_folder_lists_every_located_error(make_knowledge: KnowledgeWriter) -> None:
    """A broken folder exits 1 and prints a count and each located error on its own line."""
    folder = make_knowledge({"red_flags/night_pain.yaml": ""}, edits={"exercises/clam_shell.yaml": ("reps: 10", 'reps: "10"')})
    result = run("validate", str(folder))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "The knowledge base has 2 problem(s):\n"
        "  knowledge/exercises/clam_shell.yaml:10: clam_shell › dosage.reps: Input should be a valid integer\n"
        "  knowledge/red_flags/night_pain.yaml:1: file is empty\n"
    )


def test_validate_answers_quickly_about_a_pipe_in_the_folder(tiny_knowledge_dir: Path) -> None:
    """A FIFO named like a record makes `glutemap validate` report it within seconds instead of hanging."""
    os.mkfifo(tiny_knowledge_dir / "conditions" / "x.yaml")
    command = [sys.executable, "-c", "from glutemap.cli import main; raise SystemExit(main())", "validate",
               str(tiny_knowledge_dir)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=5, check=False)
    assert done.returncode == 1
    assert "knowledge/conditions/x.yaml: not an ordinary file" in done.stdout + done.stderr


def test_validate_accepts_the_folder_as_an_option_too(tiny_knowledge_dir: Path) -> None:
    """`--knowledge DIR validate` checks the same folder as `validate DIR`."""
    assert run("--knowledge", str(tiny_knowledge_dir), "validate").out.startswith("Knowledge base OK: 2 muscles")


def test_search_json_has_the_documented_shape(tiny_knowledge_dir: Path) -> None:
    """`search --json` prints exactly urgent, ask, conditions, muscles and notes with their documented keys."""
    result = run(
        "--knowledge",
        str(tiny_knowledge_dir),
        "search",
        "--json",
        "--region",
        "hip_lateral_l",
        "--red-flag",
        "night_pain",
        "outer",
        "knee",
        "pain",
        "when",
        "running",
    )
    assert result.code == 0
    data = json.loads(result.out)
    assert list(data) == ["urgent", "ask", "conditions", "muscles", "notes"]
    assert data["urgent"] == [
        {"id": "night_pain", "title": "Constant pain at night", "urgency": "prompt", "advice": "See a doctor within a few days."}
    ]
    assert [list(condition) for condition in data["conditions"]] == [["id", "name", "score", "reasons"]] * 2
    assert [list(muscle) for muscle in data["muscles"]] == [["id", "name", "why"]] * 2


def test_search_json_lists_conditions_best_first(tiny_knowledge_dir: Path) -> None:
    """Conditions in the JSON are sorted by score, highest first."""
    result = run(
        "--knowledge", str(tiny_knowledge_dir), "search", "--json", "--region", "hip_lateral", "outer knee pain when running"
    )
    conditions = json.loads(result.out)["conditions"]
    assert [c["id"] for c in conditions] == ["outer_knee_pain", "side_hip_pain"]
    assert conditions[0]["score"] > conditions[1]["score"]


def test_search_prints_red_flags_before_conditions_and_the_disclaimer_last(tiny_knowledge_dir: Path) -> None:
    """The readable output starts with the urgent warning and ends with the short disclaimer."""
    result = run("--knowledge", str(tiny_knowledge_dir), "search", "saddle numbness and outer knee pain when running")
    assert result.out.startswith("SEEK CARE NOW")
    assert result.out.index("Numbness around the bottom") < result.out.index("Outer knee pain (score")
    assert result.out.rstrip().endswith("Education only, not a diagnosis.")


def test_search_names_whom_to_see_in_the_clinic_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped knowledge's care-word placeholders are filled in from the clinic settings, never printed raw."""
    settings = tmp_path / "clinic.yaml"
    settings.write_text('doctor_word: "GP"\ntherapist_word: "physiotherapist"\n', encoding="utf-8")
    monkeypatch.setenv("GLUTEMAP_SETTINGS", str(settings))
    result = run("search", "pain on the side of my hip")
    assert result.code == 0
    assert "{" not in result.out
    assert "GP or physiotherapist" in result.out


def test_search_with_an_unknown_region_exits_2_naming_it(tiny_knowledge_dir: Path) -> None:
    """An unknown `--region` is a usage error that names the id and lists the known regions."""
    result = run("--knowledge", str(tiny_knowledge_dir), "search", "--region", "elbow_l")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("glutemap: unknown region or red-flag id(s): elbow_l\n")
    assert "  regions: hip_lateral, knee_lateral, thigh_lateral\n" in result.err


def test_search_with_an_unknown_red_flag_lists_the_known_red_flags(tiny_knowledge_dir: Path) -> None:
    """An unknown `--red-flag` is a usage error that lists the red-flag ids to choose from."""
    result = run("--knowledge", str(tiny_knowledge_dir), "search", "--red-flag", "chest_pain")
    assert result.code == 2
    assert "  red flags: night_pain, saddle_numbness\n" in result.err


def test_help_goes_to_the_output_stream_given(capsys: pytest.CaptureFixture[str]) -> None:
    """`--help` prints to the caller's output stream and exits 0."""
    result = run("--help")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("usage: glutemap")
    assert capsys.readouterr() == ("", "")


def test_search_without_words_or_regions_exits_2(tiny_knowledge_dir: Path) -> None:
    """Nothing to search for is a usage error with a one-line explanation."""
    result = run("--knowledge", str(tiny_knowledge_dir), "search", "   ")
    assert (result.code, result.err) == (2, "glutemap: give some words, --region or --red-flag to search for\n")


def test_no_arguments_exits_2_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    """`glutemap` alone prints the usage to the error stream given, and exits 2."""
    result = run()
    assert result.code == 2
    assert result.err.startswith("usage: glutemap")
    assert "the following arguments are required: command" in result.err
    assert capsys.readouterr() == ("", "")


def test_very_long_text_exits_2_with_a_clear_message(tiny_knowledge_dir: Path) -> None:
    """100,000 characters of text are refused with the limit stated, not a traceback."""
    result = run("--knowledge", str(tiny_knowledge_dir), "search", "knee " * 20_000)
    assert (result.code, result.out) == (2, "")
    assert result.err == "glutemap: the description is 100,000 characters long; the limit is 2,000\n"


@pytest.mark.parametrize("text", ["😀🦵💥", "ألم في الورك", "<script>alert(1)</script>", "'; DROP TABLE x; --", "\u202e"])
def test_odd_input_gives_a_clean_empty_result(tiny_knowledge_dir: Path, text: str) -> None:
    """Emoji, right-to-left script, markup and control characters give a normal 'nothing fits' answer."""
    result = run("--knowledge", str(tiny_knowledge_dir), "search", text)
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("No condition in GluteMap fits those words or places.\n")


def test_search_on_broken_knowledge_exits_1(make_knowledge: KnowledgeWriter) -> None:
    """Searching a broken folder reports its errors instead of searching."""
    folder = make_knowledge({"sources.yaml": None})
    result = run("--knowledge", str(folder), "search", "knee")
    assert (result.code, result.err) == (1, "The knowledge base has 1 problem(s):\n  knowledge/sources.yaml: file is missing\n")


def test_export_holds_every_kind_of_knowledge(tiny_knowledge_dir: Path) -> None:
    """The export holds every kind the knowledge has: records by kind, the glossary, the disclaimer and reading rules."""
    data = json.loads(run("--knowledge", str(tiny_knowledge_dir), "export").out)
    assert set(data) == set(KnowledgeBase.model_fields)
    assert isinstance(data["disclaimer"], dict)
    assert isinstance(data["glossary"], list)


def test_export_gives_every_record_its_id(tiny_knowledge_dir: Path) -> None:
    """Each exported record of a kind kept by id carries its `id`."""
    data = json.loads(run("--knowledge", str(tiny_knowledge_dir), "export").out)
    by_id = [kind for kind, field in KnowledgeBase.model_fields.items() if "dict" in str(field.annotation)]
    assert all("id" in record for kind in by_id for record in data[kind])
    assert sum(len(data[kind]) for kind in ("muscles", "conditions", "exercises", "regions", "red_flags", "sources")) == 12


def test_export_gives_every_exercise_its_full_dosage(tiny_knowledge_dir: Path) -> None:
    """Every exported exercise has a dosage with each number field, null where the source gives none."""
    exercises = json.loads(run("--knowledge", str(tiny_knowledge_dir), "export").out)["exercises"]
    assert [exercise["dosage"] for exercise in exercises] == [
        {
            "text": "10 reps each side, 2 rounds",
            "reps": 10,
            "rounds": 2,
            "per_side": True,
            "each_direction": False,
            "build_up_to_reps": None,
            "hold_seconds_min": None,
            "hold_seconds_max": None,
            "frequency": None,
            "sets": None,
            "rest_seconds": None,
            "days_per_week": None,
            "numbers_from": None,
        }
    ]


def test_export_of_the_shipped_knowledge_gives_every_exercise_the_dosage_keys() -> None:
    """The shipped exercises all export the six dosage numbers."""
    result = run("export")
    assert result.code == 0, result.err
    exercises = json.loads(result.out)["exercises"]
    assert exercises
    assert all(set(exercise["dosage"]) >= DOSAGE_KEYS for exercise in exercises)


def test_export_of_broken_knowledge_exits_1(make_knowledge: KnowledgeWriter) -> None:
    """Nothing is exported from a broken folder."""
    result = run("--knowledge", str(make_knowledge({"sources.yaml": None})), "export")
    assert (result.code, result.out) == (1, "")


def test_the_installed_console_script_validates(tiny_knowledge_dir: Path) -> None:
    """The `glutemap` console script installed in the virtualenv runs and exits 0 on a valid folder."""
    result = run_process(str(CONSOLE_SCRIPT), "validate", str(tiny_knowledge_dir))
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("Knowledge base OK: 2 muscles")


def test_python_dash_m_glutemap_searches_as_json(tiny_knowledge_dir: Path) -> None:
    """`python -m glutemap search --json` works in a fresh process and prints parseable JSON."""
    result = run_process(
        sys.executable, "-m", "glutemap", "--knowledge", str(tiny_knowledge_dir), "search", "--json", "saddle numbness"
    )
    assert result.code == 0
    assert [urgent["id"] for urgent in json.loads(result.out)["urgent"]] == ["saddle_numbness"]


def test_the_console_script_without_arguments_exits_2_without_a_traceback() -> None:
    """A bare `glutemap` in a shell prints usage to stderr and exits 2."""
    result = run_process(str(CONSOLE_SCRIPT))
    assert result.code == 2
    assert result.err.startswith("usage: glutemap")


def test_the_console_script_refuses_very_long_text_without_a_traceback(tiny_knowledge_dir: Path) -> None:
    """100,000 characters on the command line give exit 2 and the limit, in a real process too."""
    result = run_process(str(CONSOLE_SCRIPT), "--knowledge", str(tiny_knowledge_dir), "search", "x" * 100_000)
    assert (result.code, result.err) == (2, "glutemap: the description is 100,000 characters long; the limit is 2,000\n")


def run_lines(monkeypatch: pytest.MonkeyPatch, knowledge: Path, stdin: str) -> Run:
    """`glutemap search --jsonl` with `stdin` as its input."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return run("--knowledge", str(knowledge), "search", "--jsonl")


def test_search_jsonl_answers_one_line_per_query(monkeypatch: pytest.MonkeyPatch, tiny_knowledge_dir: Path) -> None:
    """Plain text and JSON objects each get one result line, in the --json shape, numbered."""
    result = run_lines(
        monkeypatch,
        tiny_knowledge_dir,
        'outer knee pain when running\n{"regions": ["hip_lateral_l"], "red_flags": ["night_pain"]}\n',
    )
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert (result.code, [line["line"] for line in lines]) == (0, [1, 2])
    assert [c["id"] for c in lines[0]["conditions"]][:1] == ["outer_knee_pain"]
    assert [u["id"] for u in lines[1]["urgent"]] == ["night_pain"]


def test_search_jsonl_reports_a_bad_line_and_carries_on(monkeypatch: pytest.MonkeyPatch, tiny_knowledge_dir: Path) -> None:
    """A broken JSON line, a wrong type, an unknown id or an over-long text is named by its number; the rest are answered."""
    stdin = '{"text": \n{"text": 5}\n{"regions": ["elbow"]}\n' + "x" * 2001 + "\nouter knee\n"
    result = run_lines(monkeypatch, tiny_knowledge_dir, stdin)
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert result.code == 2
    assert [("error" in line, line["line"]) for line in lines] == [(True, 1), (True, 2), (True, 3), (True, 4), (False, 5)]
    assert [line.split(":")[1].strip() for line in result.err.splitlines()] == ["line 1", "line 2", "line 3", "line 4"]


def test_eval_prints_the_figures(tmp_path: Path, tiny_knowledge_dir: Path) -> None:
    """`glutemap eval` reports top-3, red-flag recall, false alarms, unrelated text and latency."""
    cases = tmp_path / "set.jsonl"
    cases.write_text(
        '{"id": "1", "text": "outer knee pain when running", "kind": "condition", '
        '"conditions": ["outer_knee_pain"], "flags": []}\n'
        '{"id": "2", "text": "what time do you open", "kind": "unrelated", "conditions": [], "flags": []}\n'
    )
    result = run("--knowledge", str(tiny_knowledge_dir), "eval", str(cases))
    assert result.code == 0
    assert "condition top-3: 100.0% (1/1)" in result.out
    assert "unrelated text -> nothing: 100.0% (1/1)" in result.out
    assert "latency per search" in result.out


def test_eval_names_the_line_of_a_bad_case(tmp_path: Path, tiny_knowledge_dir: Path) -> None:
    """A case that is not JSON is reported with its file and line, never a traceback."""
    cases = tmp_path / "set.jsonl"
    cases.write_text('{"text": "ok"}\nnot json\n')
    result = run("--knowledge", str(tiny_knowledge_dir), "eval", str(cases))
    assert (result.code, f"{cases}:2: not JSON" in result.err) == (2, True)


def test_eval_refuses_ids_the_knowledge_lacks(tmp_path: Path, tiny_knowledge_dir: Path) -> None:
    """A set naming an unknown condition is refused before measuring anything."""
    cases = tmp_path / "set.jsonl"
    cases.write_text('{"text": "knee", "conditions": ["no_such_condition"]}\n')
    result = run("--knowledge", str(tiny_knowledge_dir), "eval", str(cases))
    assert (result.code, "condition no_such_condition" in result.err) == (2, True)
