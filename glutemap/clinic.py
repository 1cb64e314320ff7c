"""Local settings for one clinic (settings/clinic.yaml): its name, emergency number, help on site and care words.

The file is read by the knowledge loader's safe YAML reader and checked by a strict model, so a mistake is
reported with file and line exactly like a knowledge error. A missing file means the defaults.
Check a settings file from a shell with `python -m glutemap.clinic [path]`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator

# One YAML reader for the whole app: the loader's, with its located errors.
from glutemap.knowledge.loader import KnowledgeError, read_mapping_file
from glutemap.language import DoctorWord, Language, LanguageCode, Spelling, TherapistWord, Wording

SETTINGS_ENV = "GLUTEMAP_SETTINGS"
DEFAULT_SETTINGS_PATH = Path(__file__).resolve().parent.parent / "settings" / "clinic.yaml"
DEFAULT_EMERGENCY_NUMBER = "911"

ClinicName = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)]
OnSiteHelp = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
# A web address visitors can open from home: http(s), a host, an optional path; no query, fragment or spaces.
PlanAddress = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=120, pattern=r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$")
]


class ClinicSettings(BaseModel):
    """What a clinic may set: unknown keys are errors, and text is never read as a number or yes/no."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    clinic_name: ClinicName = ""
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER
    # Empty: the app's own sentence, in the visitor's language (strings.CLINIC_DEFAULT_ON_SITE_HELP).
    on_site_help: OnSiteHelp | None = None
    # The words for whom to see, as people say them where the clinic is; one set on every screen.
    doctor_word: DoctorWord = "doctor"
    therapist_word: TherapistWord = "physical therapist"
    spelling: Spelling = "US"
    # Where this clinic's GluteMap can be opened from home; then the plan's QR code is a short link that opens
    # the plan there (nothing is stored: the plan is in the link). Empty: the code holds the plan as text.
    plan_address: PlanAddress | None = None

    @property
    def wording(self) -> Wording:
        """The care words and spelling the app uses in this clinic."""
        return Wording(doctor=self.doctor_word, therapist=self.therapist_word, spelling=self.spelling)

    @field_validator("emergency_number")
    @classmethod
    def _digits_only(cls, value: str) -> str:
        number = value.strip()
        if not (number.isascii() and number.isdigit() and 2 <= len(number) <= 6):
            raise ValueError("write the emergency number as 2 to 6 digits in quotes, for example \"911\", \"999\" or \"112\"")
        return number


def settings_path(environ: Mapping[str, str] | None = None) -> Path:
    """The settings file to read: GLUTEMAP_SETTINGS when set, else settings/clinic.yaml."""
    env = os.environ if environ is None else environ
    chosen = (env.get(SETTINGS_ENV) or "").strip()
    return Path(chosen) if chosen else DEFAULT_SETTINGS_PATH


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(DEFAULT_SETTINGS_PATH.parent.parent).as_posix()
    except ValueError:
        return path.as_posix()


def visitor_language(clinic: ClinicSettings | None, code: LanguageCode) -> Language:
    """What a visitor reads: language `code` with the clinic's care words and spelling (the defaults without settings)."""
    return Language(code, clinic.wording if clinic is not None else Wording())


def load_clinic_settings(
    path: Path | None = None, environ: Mapping[str, str] | None = None
) -> tuple[ClinicSettings | None, list[KnowledgeError]]:
    """The clinic's settings (defaults when the file is missing), or every located problem in the file.

    An explicit `path` wins; otherwise GLUTEMAP_SETTINGS, then settings/clinic.yaml.
    """
    path = settings_path(environ) if path is None else Path(path)
    file = _shown(path)
    if not path.exists():
        return ClinicSettings(), []
    # Only comments means nothing changed from the defaults.
    return read_mapping_file(path, ClinicSettings, file, "clinic settings",
                             "the file must hold settings as 'name: value' lines")


def main(argv: Sequence[str] | None = None) -> int:
    """Check a clinic settings file and print what is wrong; exit 1 when it cannot be used."""
    args = list(sys.argv[1:] if argv is None else argv)
    settings, errors = load_clinic_settings(Path(args[0]) if args else None)
    if settings is None:
        print(f"The clinic settings have {len(errors)} problem(s):", file=sys.stderr)
        for error in errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    print(f"Clinic settings OK: emergency number {settings.emergency_number}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
