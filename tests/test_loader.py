"""The knowledge loader: broken knowledge folders built in `tmp_path`, each with its exact located message."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from glutemap.knowledge.loader import (
    OUTSIDE_FOLDER,
    KnowledgeBaseInvalid,
    KnowledgeError,
    check_knowledge,
    knowledge_fingerprint,
    load_knowledge,
)

KnowledgeWriter = Callable[..., Path]
NIGHT_PAIN_FILE = "red_flags/night_pain.yaml"
WORDS_BLOCK = 'words:\n  - "constant night pain"\n'
# Rejecting hostile input must be quick; this bounds the rejection, not a benchmark.
REJECTION_SECONDS = 1.0


def _messages(folder: Path) -> list[str]:
    knowledge, errors = check_knowledge(folder)
    assert knowledge is None or not errors
    return [str(error) for error in errors]


def test_the_tiny_folder_loads_without_errors(tiny_knowledge_dir: Path) -> None:
    """The fixture folder is valid, so every other case here breaks exactly one thing."""
    knowledge, errors = check_knowledge(tiny_knowledge_dir)
    assert errors == []
    assert knowledge is not None
    assert sorted(knowledge.conditions) == ["outer_knee_pain", "side_hip_pain"]


def test_a_yaml_syntax_error_is_located(make_knowledge: KnowledgeWriter) -> None:
    """An unclosed bracket is reported with the file and line where the parser gave up."""
    folder = make_knowledge({"red_flags/night_pain.yaml": "id: night_pain\ntitle: [unclosed\n"})
    assert _messages(folder) == [
        "knowledge/red_flags/night_pain.yaml:3: YAML syntax: did not find expected ',' or ']'"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "id: night_pain\nwords:\n\t- constant night pain\n",
            "knowledge/red_flags/night_pain.yaml:3: YAML syntax: found character that cannot start any token"
            " (use spaces, not tabs, to indent)",
        ),
        (
            "id: night_pain\nadvice:\n  a: 1\n\tb: 2\n",
            "knowledge/red_flags/night_pain.yaml:4: YAML syntax: found a tab character that violates indentation"
            " (use spaces, not tabs, to indent)",
        ),
    ],
)
def test_tab_indentation_gets_a_use_spaces_hint(
    make_knowledge: KnowledgeWriter, text: str, expected: str
) -> None:
    """A tab used for indentation is located and the message says to indent with spaces."""
    assert _messages(make_knowledge({"red_flags/night_pain.yaml": text})) == [expected]


def test_invalid_utf8_names_the_line(make_knowledge: KnowledgeWriter) -> None:
    """A Latin-1 byte on line 2 is reported on line 2 with a hint to save as UTF-8."""
    folder = make_knowledge()
    (folder / "red_flags/night_pain.yaml").write_bytes(b"id: night_pain\ntitle: caf\xe9\n")
    assert _messages(folder) == [
        "knowledge/red_flags/night_pain.yaml:2: not valid UTF-8 text; save the file as UTF-8"
    ]


def test_a_byte_order_mark_is_harmless(make_knowledge: KnowledgeWriter, tiny_files: dict[str, str]) -> None:
    """A file saved with a UTF-8 byte order mark (as some Windows editors do) loads normally."""
    folder = make_knowledge()
    (folder / "red_flags/night_pain.yaml").write_bytes(
        b"\xef\xbb\xbf" + tiny_files[NIGHT_PAIN_FILE].encode("utf-8")
    )
    assert load_knowledge(folder).red_flags["night_pain"].title == "Constant pain at night"


@pytest.mark.parametrize("text", ["", "\n\n  \n"])
def test_an_empty_file_is_reported(make_knowledge: KnowledgeWriter, text: str) -> None:
    """A file with nothing in it is an error on line 1, not a silently missing record."""
    folder = make_knowledge({"red_flags/night_pain.yaml": text})
    assert _messages(folder) == ["knowledge/red_flags/night_pain.yaml:1: file is empty"]


def test_a_file_holding_only_a_comment_is_not_a_record(make_knowledge: KnowledgeWriter) -> None:
    """A record file must hold a mapping of fields."""
    folder = make_knowledge({"red_flags/night_pain.yaml": "# to do\n"})
    assert _messages(folder) == [
        "knowledge/red_flags/night_pain.yaml:1: night_pain: file must hold one record (a mapping of fields)"
    ]


def test_a_missing_file_is_reported_once(make_knowledge: KnowledgeWriter) -> None:
    """Without sources.yaml there is one error, not one more for every record that cites a source."""
    folder = make_knowledge({"sources.yaml": None})
    assert _messages(folder) == ["knowledge/sources.yaml: file is missing"]


def test_a_missing_folder_is_reported(make_knowledge: KnowledgeWriter) -> None:
    """A record folder that does not exist is named."""
    folder = make_knowledge({"red_flags/night_pain.yaml": None, "red_flags/saddle_numbness.yaml": None})
    assert _messages(folder) == ["knowledge/red_flags: folder is missing"]


def test_a_missing_knowledge_folder_is_reported(tmp_path: Path) -> None:
    """Pointing the loader at a folder that does not exist gives one clear error."""
    missing = tmp_path / "nowhere"
    assert _messages(missing) == [f"{missing.as_posix()}: knowledge folder not found"]


def test_duplicate_keys_are_rejected(make_knowledge: KnowledgeWriter, tiny_files: dict[str, str]) -> None:
    """A key written twice is an error at the second one (PyYAML alone would keep the last silently)."""
    folder = make_knowledge({"red_flags/night_pain.yaml": tiny_files[NIGHT_PAIN_FILE] + "urgency: urgent\n"})
    assert _messages(folder) == ["knowledge/red_flags/night_pain.yaml:12: duplicate key 'urgency'"]


def test_duplicate_ids_across_files_are_rejected(
    make_knowledge: KnowledgeWriter, tiny_files: dict[str, str]
) -> None:
    """The same record in a .yaml and a .yml file is reported at the second file, naming the first."""
    folder = make_knowledge({"red_flags/night_pain.yml": tiny_files[NIGHT_PAIN_FILE]})
    assert _messages(folder) == [
        "knowledge/red_flags/night_pain.yml:1: night_pain › id: duplicate id; first defined in "
        "knowledge/red_flags/night_pain.yaml"
    ]


def test_duplicate_ids_in_a_list_file_are_rejected(
    make_knowledge: KnowledgeWriter, tiny_files: dict[str, str]
) -> None:
    """Two sources with the same id in sources.yaml are reported at the second."""
    folder = make_knowledge(
        {"sources.yaml": tiny_files["sources.yaml"] + "- id: seed_000\n  title: Again\n  kind: seed\n"}
    )
    assert _messages(folder) == [
        "knowledge/sources.yaml:11: seed_000 › id: duplicate id; first defined in knowledge/sources.yaml"
    ]


def test_an_id_must_equal_the_file_name(make_knowledge: KnowledgeWriter) -> None:
    """`id: night_ache` in night_pain.yaml is an error naming the expected id."""
    folder = make_knowledge(edits={NIGHT_PAIN_FILE: ("id: night_pain", "id: night_ache")})
    assert _messages(folder) == [
        "knowledge/red_flags/night_pain.yaml:1: night_ache › id: id must equal the file name 'night_pain'"
    ]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "conditions/side_hip_pain.yaml",
            "muscle: gluteus_medius",
            "muscle: gluteus_maximus",
            "knowledge/conditions/side_hip_pain.yaml:18: side_hip_pain › muscle_links[0].muscle: "
            "unknown muscle 'gluteus_maximus' (known: gluteus_medius, gluteus_minimus)",
        ),
        (
            "conditions/side_hip_pain.yaml",
            "  - clam_shell",
            "  - clams",
            "knowledge/conditions/side_hip_pain.yaml:25: side_hip_pain › exercises[0]: "
            "unknown exercise 'clams' (known: clam_shell)",
        ),
        (
            "conditions/side_hip_pain.yaml",
            "summary:",
            "narrower_than: side_hip_tear\nsummary:",
            "knowledge/conditions/side_hip_pain.yaml:7: side_hip_pain › narrower_than: "
            "unknown condition 'side_hip_tear' (known: outer_knee_pain, side_hip_pain)",
        ),
        (
            "conditions/side_hip_pain.yaml",
            "  - hip_lateral",
            "  - hip_side",
            "knowledge/conditions/side_hip_pain.yaml:16: side_hip_pain › regions[0]: "
            "unknown region 'hip_side' (known: hip_lateral, knee_lateral, thigh_lateral)",
        ),
        (
            "red_flags/night_pain.yaml",
            "  - seed_000",
            "  - seed_999",
            "knowledge/red_flags/night_pain.yaml:10: night_pain › sources[0]: "
            "unknown source 'seed_999' (known: review_one, seed_000)",
        ),
        (
            "muscles/gluteus_minimus.yaml",
            "      - region: thigh_lateral",
            "      - region: thigh_outer",
            "knowledge/muscles/gluteus_minimus.yaml:25: gluteus_minimus › referral_patterns[0].areas[1].region: "
            "unknown region 'thigh_outer' (known: hip_lateral, knee_lateral, thigh_lateral)",
        ),
    ],
)
def test_unknown_references_list_the_known_ids(
    make_knowledge: KnowledgeWriter, file: str, old: str, new: str, expected: str
) -> None:
    """A reference to a muscle, exercise, region or source that does not exist names the ids that do."""
    folder = make_knowledge(edits={file: (old, new)})
    assert _messages(folder) == [expected]


def test_a_broken_record_is_not_reported_again_where_it_is_referenced(
    make_knowledge: KnowledgeWriter,
) -> None:
    """When clam_shell itself is invalid, the conditions that list it do not add 'unknown exercise' errors."""
    folder = make_knowledge(edits={"exercises/clam_shell.yaml": ("reps: 10", "reps: 0")})
    assert _messages(folder) == [
        "knowledge/exercises/clam_shell.yaml:10: clam_shell › dosage.reps: Input should be greater than or equal to 1"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "reps: 10",
            'reps: "10"',
            "clam_shell.yaml:10: clam_shell › dosage.reps: Input should be a valid integer",
        ),
        (
            "per_side: true",
            'per_side: "yes"',
            "clam_shell.yaml:12: clam_shell › dosage.per_side: Input should be a valid boolean",
        ),
        (
            "name: Clam shell",
            "name: [Clam, shell]",
            "clam_shell.yaml:2: clam_shell › name: Input should be a valid string",
        ),
    ],
)
def test_wrong_types_are_located(make_knowledge: KnowledgeWriter, old: str, new: str, expected: str) -> None:
    """Quoted numbers, text for booleans and lists for text are errors at the field's line."""
    folder = make_knowledge(edits={"exercises/clam_shell.yaml": (old, new)})
    assert _messages(folder) == [f"knowledge/exercises/{expected}"]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "exercises/clam_shell.yaml",
            "reps: 10",
            "reps: 500",
            "knowledge/exercises/clam_shell.yaml:10: clam_shell › dosage.reps: Input should be less than or equal to 100",
        ),
        (
            "muscles/gluteus_medius.yaml",
            "layer: 2",
            "layer: 9",
            "knowledge/muscles/gluteus_medius.yaml:16: gluteus_medius › layer: Input should be less than or equal to 4",
        ),
        (
            "exercises/clam_shell.yaml",
            "  per_side: true\n",
            "  per_side: true\n  hold_seconds_min: 30\n  hold_seconds_max: 10\n",
            "knowledge/exercises/clam_shell.yaml:9: clam_shell › dosage: "
            "hold_seconds_min must not be larger than hold_seconds_max",
        ),
    ],
)
def test_out_of_range_numbers_are_located(
    make_knowledge: KnowledgeWriter, file: str, old: str, new: str, expected: str
) -> None:
    """Numbers outside their allowed range, and a hold minimum above its maximum, are errors."""
    folder = make_knowledge(edits={file: (old, new)})
    assert _messages(folder) == [expected]


def test_unknown_keys_are_located(make_knowledge: KnowledgeWriter, tiny_files: dict[str, str]) -> None:
    """A field the schema does not know is reported with a spelling hint."""
    folder = make_knowledge({"red_flags/night_pain.yaml": tiny_files[NIGHT_PAIN_FILE] + "colour: red\n"})
    assert _messages(folder) == [
        "knowledge/red_flags/night_pain.yaml:12: night_pain › colour: "
        "unknown field (check the spelling; this field is not part of the record)"
    ]


def test_a_missing_required_field_is_reported_at_the_record(make_knowledge: KnowledgeWriter) -> None:
    """A record without `advice` is reported at its first line."""
    folder = make_knowledge(edits={NIGHT_PAIN_FILE: ('advice: "See a doctor within a few days."\n', "")})
    assert _messages(folder) == [
        "knowledge/red_flags/night_pain.yaml:1: night_pain › advice: required field is missing"
    ]


def test_a_value_outside_a_vocabulary_lists_the_allowed_ones(make_knowledge: KnowledgeWriter) -> None:
    """`urgency: soon` names the three allowed urgencies and the value found."""
    folder = make_knowledge(edits={NIGHT_PAIN_FILE: ("urgency: prompt", "urgency: soon")})
    assert _messages(folder) == [
        "knowledge/red_flags/night_pain.yaml:7: night_pain › urgency: "
        "Input should be 'emergency', 'urgent' or 'prompt', got 'soon'"
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("no", "YAML read this as false (yes/no); put the text in quotes"),
        ("on", "YAML read this as true (yes/no); put the text in quotes"),
        ("Yes", "YAML read this as true (yes/no); put the text in quotes"),
        ("1.10", "YAML read this as the number 1.1; put the text in quotes"),
        ("2026-01-01", "YAML read this as a date; put the text in quotes"),
    ],
)
def test_yaml_1_1_surprises_in_text_get_a_quote_hint(
    make_knowledge: KnowledgeWriter, value: str, expected: str
) -> None:
    """Unquoted `no`, `on`, `1.10` or a date in a text field is explained, with a hint to quote it."""
    folder = make_knowledge(edits={NIGHT_PAIN_FILE: ("title: Constant pain at night", f"title: {value}")})
    assert _messages(folder) == [f"knowledge/red_flags/night_pain.yaml:2: night_pain › title: {expected}"]


def test_a_python_tag_is_rejected_and_never_run(make_knowledge: KnowledgeWriter, tmp_path: Path) -> None:
    """`!!python/object/apply:os.system` is refused as a tag, and the command it names never runs."""
    marker = tmp_path / "ran"
    tagged = f'words: !!python/object/apply:os.system ["touch {marker}"]\n'
    folder = make_knowledge(edits={NIGHT_PAIN_FILE: (WORDS_BLOCK, tagged)})
    assert _messages(folder) == [
        "knowledge/red_flags/night_pain.yaml:4: the YAML tag '!!python/object/apply:os.system' is not allowed; "
        "remove it (or put the text in quotes)"
    ]
    assert not marker.exists()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "title: Constant pain at night\n",
            "title: !!python/name:os.system\n",
            "2: the YAML tag '!!python/name:os.system'",
        ),
        ("title: Constant pain at night\n", "title: !!binary aGVsbG8=\n", "2: the YAML tag '!!binary'"),
        (WORDS_BLOCK, "words: !!set {constant night pain: null}\n", "4: the YAML tag '!!set'"),
    ],
)
def test_other_non_plain_tags_are_rejected(
    make_knowledge: KnowledgeWriter, old: str, new: str, expected: str
) -> None:
    """Only plain YAML data is read: Python, binary and set tags are errors, never silently dropped."""
    folder = make_knowledge(edits={NIGHT_PAIN_FILE: (old, new)})
    assert _messages(folder) == [
        f"knowledge/red_flags/night_pain.yaml:{expected} is not allowed; remove it (or put the text in quotes)"
    ]


def test_an_alias_bomb_is_rejected_quickly(make_knowledge: KnowledgeWriter) -> None:
    """A "billion laughs" file is refused at its first anchor, before anything is expanded."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"lol{n}: &lol{n} [" + ", ".join([f"*lol{n - 1}"] * 9) + "]" for n in range(1, 10)]
    folder = make_knowledge({"red_flags/night_pain.yaml": "\n".join(lines) + "\n"})
    started = time.perf_counter()
    messages = _messages(folder)
    assert time.perf_counter() - started < REJECTION_SECONDS
    assert messages == [
        "knowledge/red_flags/night_pain.yaml:1: anchors and aliases (&name, *name) are not allowed; write the text out"
    ]


def test_nesting_fifty_thousand_deep_is_rejected_quickly(make_knowledge: KnowledgeWriter) -> None:
    """Very deep nesting (which can crash PyYAML's C loader) is refused quickly, located at its file and line.

    The wording is ours, or PyYAML's own nesting limit where a release has one (6.0.4 and later stop first).
    """
    folder = make_knowledge({"red_flags/night_pain.yaml": "a: " + "[" * 50_000 + "]" * 50_000 + "\n"})
    started = time.perf_counter()
    messages = _messages(folder)
    assert time.perf_counter() - started < REJECTION_SECONDS
    assert len(messages) == 1
    assert messages[0].startswith("knowledge/red_flags/night_pain.yaml:1: ")
    assert "nest" in messages[0]


def test_nesting_past_the_limit_is_rejected_with_our_message(make_knowledge: KnowledgeWriter) -> None:
    """Nesting just past GluteMap's own limit (below any library's) is named with the limit."""
    folder = make_knowledge({"red_flags/night_pain.yaml": "a: " + "[" * 45 + "]" * 45 + "\n"})
    assert _messages(folder) == ["knowledge/red_flags/night_pain.yaml:1: nested more than 40 levels deep"]


def test_a_five_megabyte_file_is_rejected_quickly(
    make_knowledge: KnowledgeWriter, tiny_files: dict[str, str]
) -> None:
    """A file over the size limit is refused by its size, without being parsed."""
    folder = make_knowledge(
        {"red_flags/night_pain.yaml": tiny_files[NIGHT_PAIN_FILE] + "# " + "x" * (5 * 1024 * 1024) + "\n"}
    )
    size = (folder / "red_flags/night_pain.yaml").stat().st_size
    started = time.perf_counter()
    messages = _messages(folder)
    assert time.perf_counter() - started < REJECTION_SECONDS
    assert messages == [f"knowledge/red_flags/night_pain.yaml: file is {size:,} bytes; the limit is 524,288"]


def test_a_list_file_holding_a_mapping_is_rejected(make_knowledge: KnowledgeWriter) -> None:
    """sources.yaml written as one mapping instead of a list says how a list looks."""
    folder = make_knowledge({"sources.yaml": "id: seed_000\ntitle: A seed\nkind: seed\n"})
    assert _messages(folder) == [
        "knowledge/sources.yaml:1: file must hold a list of records (lines starting with '- ')"
    ]


def test_a_list_item_that_is_not_a_record_is_named_by_position(make_knowledge: KnowledgeWriter) -> None:
    """A bare word in glossary.yaml is reported as item 1."""
    folder = make_knowledge({"glossary.yaml": "- abduction\n"})
    assert _messages(folder) == [
        "knowledge/glossary.yaml:1: item 1: Input should be a valid dictionary or instance of GlossaryTerm"
    ]


def test_all_errors_are_reported_in_one_pass(
    make_knowledge: KnowledgeWriter, tiny_files: dict[str, str]
) -> None:
    """Two broken files give both errors at once, sorted by file."""
    folder = make_knowledge(
        {
            "red_flags/night_pain.yaml": "",
            "exercises/clam_shell.yaml": tiny_files["exercises/clam_shell.yaml"] + "colour: red\n",
        }
    )
    assert _messages(folder) == [
        "knowledge/exercises/clam_shell.yaml:28: clam_shell › colour: "
        "unknown field (check the spelling; this field is not part of the record)",
        "knowledge/red_flags/night_pain.yaml:1: file is empty",
    ]


def test_load_knowledge_raises_with_every_error(make_knowledge: KnowledgeWriter) -> None:
    """`load_knowledge` raises `KnowledgeBaseInvalid` carrying all errors and a one-per-line report."""
    folder = make_knowledge({"red_flags/night_pain.yaml": "", "sources.yaml": None})
    with pytest.raises(KnowledgeBaseInvalid, match=r"^2 problem\(s\) in the knowledge base$") as caught:
        load_knowledge(folder)
    assert caught.value.report() == (
        "knowledge/red_flags/night_pain.yaml:1: file is empty\nknowledge/sources.yaml: file is missing"
    )


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (KnowledgeError("a.yaml", 3, "rec", "field", "bad"), "a.yaml:3: rec › field: bad"),
        (KnowledgeError("a.yaml", 3, "rec", "", "bad"), "a.yaml:3: rec: bad"),
        (KnowledgeError("a.yaml", 0, "", "", "bad"), "a.yaml: bad"),
    ],
)
def test_an_error_reads_file_line_record_field_message(error: KnowledgeError, shown: str) -> None:
    """Errors print as `file:line: record › field: message`, leaving out the parts that are unknown."""
    assert str(error) == shown


def test_the_fingerprint_changes_when_a_file_is_edited(
    tiny_knowledge_dir: Path, tiny_files: dict[str, str]
) -> None:
    """Editing one file (even keeping its size) gives a new fingerprint, so a cached knowledge base reloads."""
    before = knowledge_fingerprint(tiny_knowledge_dir)
    path = tiny_knowledge_dir / "red_flags/night_pain.yaml"
    path.write_text(tiny_files[NIGHT_PAIN_FILE].replace("prompt", "urgent"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert knowledge_fingerprint(tiny_knowledge_dir) != before


def test_the_fingerprint_changes_when_a_file_is_added(tiny_knowledge_dir: Path) -> None:
    """A new record file changes the fingerprint."""
    before = knowledge_fingerprint(tiny_knowledge_dir)
    (tiny_knowledge_dir / "red_flags/extra.yaml").write_text("id: extra\n", encoding="utf-8")
    assert knowledge_fingerprint(tiny_knowledge_dir) != before


def test_the_fingerprint_is_stable_when_nothing_changes(tiny_knowledge_dir: Path) -> None:
    """Reading the fingerprint twice without edits gives the same value (so the cache is reused)."""
    assert knowledge_fingerprint(tiny_knowledge_dir) == knowledge_fingerprint(tiny_knowledge_dir)


def test_a_rule_naming_an_unknown_concept_is_located(make_knowledge: KnowledgeWriter) -> None:
    """A red flag's rule that names a concept the vocabulary lacks is reported at its file, line and field."""
    folder = make_knowledge({}, edits={NIGHT_PAIN_FILE: ("  - seed_000\n", '  - seed_000\nrules:\n  - all: ["night|numbz"]\n')})
    assert _messages(folder) == [
        "knowledge/red_flags/night_pain.yaml:12: night_pain › rules[0].all[0]: unknown concept 'night' (known: none)",
        "knowledge/red_flags/night_pain.yaml:12: night_pain › rules[0].all[0]: unknown concept 'numbz' (known: none)",
    ]


# --- files that are not what they seem: pipes, devices, links out of the folder, a stuck disk -----------------
FAULT_SECONDS = 5.0


def _check_in_time(folder: Path, **options: float) -> list[str]:
    """The loader's messages, failing the test if it takes longer than FAULT_SECONDS (it would hang forever)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(check_knowledge, folder, **options)
        knowledge, errors = future.result(timeout=FAULT_SECONDS)
    assert knowledge is None
    return [str(error) for error in errors]


def test_a_pipe_named_like_a_record_is_reported_not_waited_on(tiny_knowledge_dir: Path) -> None:
    """A FIFO named conditions/x.yaml is a located error within seconds, not a hung load."""
    os.mkfifo(tiny_knowledge_dir / "conditions" / "x.yaml")
    assert _check_in_time(tiny_knowledge_dir) == [
        "knowledge/conditions/x.yaml: not an ordinary file (a pipe, device or folder); only ordinary files are read"
    ]


def test_a_link_to_a_device_is_refused_before_reading(tiny_knowledge_dir: Path) -> None:
    """A symbolic link to /dev/zero (an endless file) is refused as leading outside the folder."""
    (tiny_knowledge_dir / "conditions" / "zero.yaml").symlink_to("/dev/zero")
    assert _check_in_time(tiny_knowledge_dir) == [f"knowledge/conditions/zero.yaml: {OUTSIDE_FOLDER}"]


def test_a_link_to_a_file_outside_the_folder_is_refused(tiny_knowledge_dir: Path, tmp_path: Path) -> None:
    """A record file that links to a valid file elsewhere on the machine is not read."""
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text((tiny_knowledge_dir / "disclaimer.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tiny_knowledge_dir / "disclaimer.yaml").unlink()
    (tiny_knowledge_dir / "disclaimer.yaml").symlink_to(elsewhere)
    assert _check_in_time(tiny_knowledge_dir) == [f"knowledge/disclaimer.yaml: {OUTSIDE_FOLDER}"]


def test_a_record_folder_linked_outside_is_refused(tiny_knowledge_dir: Path, tmp_path: Path) -> None:
    """A whole kind's folder that is a link to somewhere else is one located error."""
    moved = tmp_path / "moved_red_flags"
    (tiny_knowledge_dir / "red_flags").rename(moved)
    (tiny_knowledge_dir / "red_flags").symlink_to(moved)
    assert f"knowledge/red_flags: {OUTSIDE_FOLDER}" in _check_in_time(tiny_knowledge_dir)


def test_a_link_that_stays_inside_the_folder_is_read(tiny_knowledge_dir: Path) -> None:
    """Links are fine while they stay in the knowledge folder (e.g. a shared file kept in a subfolder)."""
    shared = tiny_knowledge_dir / "shared"
    shared.mkdir()
    (tiny_knowledge_dir / "disclaimer.yaml").rename(shared / "disclaimer.yaml")
    (tiny_knowledge_dir / "disclaimer.yaml").symlink_to(Path("shared") / "disclaimer.yaml")
    knowledge, errors = check_knowledge(tiny_knowledge_dir)
    assert errors == []
    assert knowledge is not None


def test_a_folder_named_like_a_record_is_reported(tiny_knowledge_dir: Path) -> None:
    """A directory called conditions/x.yaml is an error, not a crash."""
    (tiny_knowledge_dir / "conditions" / "x.yaml").mkdir()
    assert _check_in_time(tiny_knowledge_dir) == [
        "knowledge/conditions/x.yaml: not an ordinary file (a pipe, device or folder); only ordinary files are read"
    ]


def test_a_pipe_in_place_of_a_required_file_is_reported_as_such(tiny_knowledge_dir: Path) -> None:
    """sources.yaml replaced by a pipe says what it is, not that the file is missing."""
    (tiny_knowledge_dir / "sources.yaml").unlink()
    os.mkfifo(tiny_knowledge_dir / "sources.yaml")
    messages = _check_in_time(tiny_knowledge_dir)
    assert "knowledge/sources.yaml: not an ordinary file (a pipe, device or folder); only ordinary files are read" in messages


def test_a_load_past_its_time_budget_stops_with_a_located_error(tiny_knowledge_dir: Path) -> None:
    """A load that runs out of time (a stuck disk) stops at the file it reached and says why."""
    messages = _check_in_time(tiny_knowledge_dir, time_budget=0.0)
    assert len(messages) == 1
    assert "loading stopped here: it took longer than" in messages[0]
    assert messages[0].startswith("knowledge/disclaimer.yaml: ")


def test_a_condition_narrower_than_itself_is_refused(make_knowledge: KnowledgeWriter) -> None:
    folder = make_knowledge(
        edits={"conditions/side_hip_pain.yaml": ("summary:", "narrower_than: side_hip_pain\nsummary:")}
    )
    knowledge, errors = check_knowledge(folder)
    assert knowledge is None
    assert [str(error) for error in errors] == [
        "knowledge/conditions/side_hip_pain.yaml:1: side_hip_pain: narrower_than names the condition itself; "
        "name the broader condition it is a form of"
    ]
