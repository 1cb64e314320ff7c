"""Shared fixtures: a tiny valid knowledge folder written into `tmp_path`, and the shipped knowledge.

The tiny folder is small enough to read in one glance. `tests/test_loader.py` asserts exact line numbers
inside these texts, so change a line in place or add lines at the end of a file, never insert above.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from glutemap import language
from glutemap.knowledge.loader import DEFAULT_KNOWLEDGE_DIR, load_knowledge
from glutemap.knowledge.models import KnowledgeBase
from glutemap.language import localize

TINY_FILES: dict[str, str] = {
    "disclaimer.yaml": """\
short: "Education only, not a diagnosis."
full:
  - "GluteMap explains muscles and exercises in plain words."
before_exercise:
  - "Start gently and stop if it hurts more."
emergency: "If you have an emergency sign, get help now."
privacy: "Nothing you type is stored."
not_a_diagnosis: "Only a clinician who examines you can tell what is wrong."
sources:
  - seed_000
reviewed_on: 2026-11-23
""",
    "glossary.yaml": """\
- term: abduction
  gloss: "moving the leg out to the side"
  also:
    - abductor
""",
    "sources.yaml": """\
- id: seed_000
  title: "Gluteus Medius and Minimus (blog post)"
  kind: seed
- id: review_one
  title: "A review of hip muscle studies"
  kind: review
  url: "https://example.org/review"
  authors: "Doe J, Roe R"
  year: 2020
  journal: "Hip Journal"
""",
    "regions.yaml": """\
- id: hip_lateral
  label: "Side of the hip"
  where: "over the bony bump at the side of the hip"
  view: side
  words:
    - "side of my hip"
  sources:
    - seed_000
  reviewed_on: 2026-11-23
- id: knee_lateral
  label: "Outer knee"
  where: "the outside of the knee"
  view: front
  words:
    - "outer knee"
  sources:
    - seed_000
  reviewed_on: 2026-11-23
- id: thigh_lateral
  label: "Outer thigh"
  where: "the outside of the thigh"
  view: side
  sources:
    - seed_000
  reviewed_on: 2026-11-23
""",
    "muscles/gluteus_medius.yaml": """\
id: gluteus_medius
name: Gluteus medius
summary: "A fan-shaped muscle at the side of the hip."
origin: "The outer face of the hip bone."
insertion: "The bony bump at the top of the thigh bone."
nerve: Superior gluteal nerve
nerve_roots:
  - L4
  - L5
  - S1
blood_supply: "The superior gluteal artery."
actions:
  - fibres: Whole muscle
    actions:
      - "Moves the thigh out to the side."
layer: 2
sources:
  - seed_000
reviewed_on: 2026-11-23
""",
    "muscles/gluteus_minimus.yaml": """\
id: gluteus_minimus
name: Gluteus minimus
summary: "The smallest and deepest buttock muscle."
origin: "The outer face of the hip bone, below the gluteus medius."
insertion: "The front of the bony bump at the top of the thigh bone."
nerve: Superior gluteal nerve
nerve_roots:
  - L4
  - L5
  - S1
blood_supply: "The deep branch of the superior gluteal artery."
actions:
  - fibres: Front fibres
    actions:
      - "Turn the thigh inward."
layer: 3
covered_by:
  - gluteus_medius
referral_patterns:
  - id: anterior_fibres
    label: Front fibres
    areas:
      - region: hip_lateral
        spread: primary
      - region: thigh_lateral
        spread: occasional
sources:
  - seed_000
  - review_one
reviewed_on: 2026-11-23
""",
    "conditions/side_hip_pain.yaml": """\
id: side_hip_pain
name: Side hip pain
also_called:
  - "sore hip tendon"
words:
  - "hurts lying on my side"
summary: "Pain over the bony bump at the side of the hip."
symptoms:
  - id: lying
    text: "Pain when lying on that side"
    regions:
      - thigh_lateral
    words:
      - "cannot lie on that side"
regions:
  - hip_lateral
muscle_links:
  - muscle: gluteus_medius
    how: "Its tendon can become painful."
    evidence: association
    evidence_detail: "Seen together in small studies."
    sources:
      - review_one
exercises:
  - clam_shell
self_care:
  - "Avoid lying on the sore side."
see_clinician:
  - "If the pain lasts more than a few weeks."
sources:
  - seed_000
reviewed_on: 2026-11-23
""",
    "conditions/outer_knee_pain.yaml": """\
id: outer_knee_pain
name: Outer knee pain
words:
  - "outer knee pain when running"
summary: "Pain at the outside of the knee in runners."
symptoms:
  - id: running
    text: "Pain at the outer knee while running"
regions:
  - knee_lateral
muscle_links:
  - muscle: gluteus_minimus
    how: "Weak hip muscles may be linked."
    evidence: seed_claim
    evidence_detail: "Stated by an article, not tested."
    sources:
      - seed_000
exercises:
  - clam_shell
self_care:
  - "Run shorter distances for a while."
see_clinician:
  - "If the knee swells."
sources:
  - seed_000
reviewed_on: 2026-11-23
""",
    "exercises/clam_shell.yaml": """\
id: clam_shell
name: Clam shell
category: activation
summary: "Open and close your knees like a clam shell."
steps:
  - "Lie on your side with your knees bent."
  - "Lift the top knee, keeping your feet together."
dosage:
  text: "10 reps each side, 2 rounds"
  reps: 10
  rounds: 2
  per_side: true
equipment:
  - item: Resistance band
    optional: true
easier:
  - "Make the lift smaller."
harder:
  - "Add a light band."
stop_if:
  - "Sharp pain in the hip."
muscles:
  - muscle: gluteus_medius
    role: primary
sources:
  - seed_000
reviewed_on: 2026-11-23
""",
    "red_flags/saddle_numbness.yaml": """\
id: saddle_numbness
title: Numbness around the bottom
everyday: "Numbness around your bottom or genitals"
words:
  - "numb between my legs"
  - "saddle numbness"
group: cauda_equina
urgency: emergency
advice: "Go to an emergency department now."
sources:
  - seed_000
reviewed_on: 2026-11-23
""",
    "red_flags/night_pain.yaml": """\
id: night_pain
title: Constant pain at night
everyday: "Constant pain at night whatever position you lie in"
words:
  - "constant night pain"
group: cancer
urgency: prompt
advice: "See a doctor within a few days."
sources:
  - seed_000
reviewed_on: 2026-11-23
""",
}


def write_knowledge(
    root: Path, files: Mapping[str, str | None] = {}, edits: Mapping[str, tuple[str, str]] = {}
) -> Path:
    """Write the tiny knowledge folder under `root/knowledge` and return that folder.

    `files` replaces whole files (None removes one); `edits` maps a file to (old, new), a text that must occur
    exactly once in the tiny file and what to put in its place.
    """
    folder = root / "knowledge"
    texts: dict[str, str | None] = {**TINY_FILES, **files}
    for name, (old, new) in edits.items():
        text = texts[name]
        if text is None or text.count(old) != 1:
            raise ValueError(f"{old!r} must occur exactly once in {name}")
        texts[name] = text.replace(old, new)
    for name, text in texts.items():
        path = folder / name
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


KnowledgeWriter = Callable[..., Path]


@pytest.fixture(scope="session", autouse=True)
def private_snapshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Knowledge snapshots written during the tests (the app's, and every server's) go to a temporary folder."""
    folder = tmp_path_factory.mktemp("snapshots")
    before = os.environ.get("GLUTEMAP_SNAPSHOT_DIR")
    os.environ["GLUTEMAP_SNAPSHOT_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("GLUTEMAP_SNAPSHOT_DIR", None)
    else:
        os.environ["GLUTEMAP_SNAPSHOT_DIR"] = before


@pytest.fixture
def tiny_files() -> dict[str, str]:
    """A copy of the tiny folder's file texts by relative path, to build variants of them."""
    return dict(TINY_FILES)


@pytest.fixture
def make_knowledge(tmp_path: Path) -> KnowledgeWriter:
    """`make_knowledge(files={...}, edits={...})` writes the tiny folder (see `write_knowledge`) and returns it."""

    def make(files: Mapping[str, str | None] = {}, edits: Mapping[str, tuple[str, str]] = {}) -> Path:
        return write_knowledge(tmp_path, files, edits)

    return make


@pytest.fixture
def tiny_knowledge_dir(make_knowledge: KnowledgeWriter) -> Path:
    """The path of an unmodified tiny valid knowledge folder in `tmp_path`."""
    return make_knowledge()


@pytest.fixture
def tiny_knowledge(tiny_knowledge_dir: Path) -> KnowledgeBase:
    """The tiny knowledge folder, loaded and validated."""
    return load_knowledge(tiny_knowledge_dir)


@pytest.fixture(scope="session")
def shipped_knowledge() -> KnowledgeBase:
    """The knowledge shipped in `knowledge/` as a visitor reads it by default (care words filled in), loaded once."""
    return localize(load_knowledge(DEFAULT_KNOWLEDGE_DIR), language.DEFAULT)


@pytest.fixture(scope="session")
def written_knowledge() -> KnowledgeBase:
    """The knowledge exactly as written in `knowledge/` (with its `{doctor}`-style placeholders)."""
    return load_knowledge(DEFAULT_KNOWLEDGE_DIR)


@pytest.fixture
def knowledge_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the shipped knowledge, which an app started in the test serves."""
    folder = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, folder)
    monkeypatch.setenv("GLUTEMAP_KNOWLEDGE_DIR", str(folder))
    return folder
