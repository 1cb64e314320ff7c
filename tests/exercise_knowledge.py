"""Extra knowledge files for the exercise, plan and handout tests, added on top of conftest's tiny folder.

`hip_hold` is a second exercise (isometric, gluteus minimus first, no equipment, with pictures and a dosage
containing an en dash); `emg.yaml` and `phases.yaml` exercise the optional files.
"""

from __future__ import annotations

POSE = """\
    head: {x: 12, y: 62}
    neck: {x: 19, y: 67}
    hip: {x: 50, y: 69}
    knee: {x: 68, y: 68}
    ankle: {x: 86, y: 68}
    toe: {x: 86, y: 72}
    other_knee: {x: 68, y: 73}
    other_ankle: {x: 86, y: 74}
    hand: {x: 34, y: 75}
    floor_y: 77
"""

HIP_HOLD_DOSAGE = "Hold 5 to 10 seconds – repeat as advised"
HIP_HOLD_ALT_START = "Lying on one side, top leg straight."
HIP_HOLD_ALT_END = "The same position, pressing up without moving."

EXTRA_FILES: dict[str, str | None] = {
    "exercises/hip_hold.yaml": f"""\
id: hip_hold
name: Hip hold
category: isometric
summary: "Press the leg up into a bed and hold."
steps:
  - "Lie on your side next to a bed."
  - "Press the top ankle up into the bed and hold."
dosage:
  text: "{HIP_HOLD_DOSAGE}"
  hold_seconds_min: 5
  hold_seconds_max: 10
  per_side: true
easier:
  - "Press more gently."
harder:
  - "Hold for longer."
stop_if:
  - "The hip you lie on starts to hurt."
muscles:
  - muscle: gluteus_medius
    role: secondary
  - muscle: gluteus_minimus
    role: primary
pictures:
  alt_start: "{HIP_HOLD_ALT_START}"
  alt_end: "{HIP_HOLD_ALT_END}"
  start:
{POSE}  end:
{POSE}sources:
  - review_one
reviewed_on: 2026-11-23
""",
    "emg.yaml": """\
- id: study_one_medius
  study: "Study One 2020"
  muscle: gluteus_medius
  participants: "12 healthy adults"
  method: "Surface EMG"
  statistic: mean
  values:
    - task: "Clam in the study"
      percent_mvic: 40
      spread: 10
      exercises:
        - clam_shell
    - task: "Bridge in the study"
      percent_mvic: 55.5
  caveat: "Healthy adults only; activity is not strengthening."
  sources:
    - review_one
  reviewed_on: 2026-11-23
""",
    "phases.yaml": """\
- id: setback
  kind: check_in
  title: "If it gets worse"
  when: "At any time"
  what: "See your doctor again."
  sources:
    - seed_000
  reviewed_on: 2026-11-23
- id: rest
  title: "Rest"
  when: "The first days"
  what: "Rest so healing can begin."
  sources:
    - seed_000
  reviewed_on: 2026-11-23
- id: move
  title: "Move"
  when: "Once pain settles"
  what: "Add moving exercises."
  categories:
    - dynamic
  sources:
    - seed_000
  reviewed_on: 2026-11-23
""",
}
