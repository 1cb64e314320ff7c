"""Clinic settings: defaults, the environment override, and located errors for a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from glutemap.clinic import DEFAULT_SETTINGS_PATH, ClinicSettings, load_clinic_settings, main, settings_path
from glutemap.screens.decide import urgent_contact


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clinic.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _messages(path: Path) -> list[str]:
    settings, errors = load_clinic_settings(path)
    assert settings is None
    return [str(error) for error in errors]


def test_a_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    """Without a settings file the app uses 911 and the front-desk wording."""
    settings, errors = load_clinic_settings(tmp_path / "absent.yaml")
    assert errors == []
    assert settings == ClinicSettings()
    assert settings.emergency_number == "911"
    assert settings.on_site_help is None  # the app's own sentence, in the visitor's language
    assert (settings.doctor_word, settings.therapist_word, settings.spelling) == ("doctor", "physical therapist", "US")


def test_the_shipped_settings_file_is_valid() -> None:
    """settings/clinic.yaml loads without errors and keeps the default number."""
    settings, errors = load_clinic_settings(DEFAULT_SETTINGS_PATH)
    assert errors == []
    assert settings is not None and settings.emergency_number == "911"


def test_a_file_of_only_comments_gives_the_defaults(tmp_path: Path) -> None:
    """A file with every line commented out changes nothing."""
    settings, errors = load_clinic_settings(_write(tmp_path, "# emergency_number: '999'\n"))
    assert errors == []
    assert settings == ClinicSettings()


@pytest.mark.parametrize("number", ["999", "112", "000"])
def test_the_settings_change_the_emergency_number(tmp_path: Path, number: str) -> None:
    """A quoted emergency number in the file replaces 911 on the urgent contact line."""
    settings, _ = load_clinic_settings(_write(tmp_path, f'emergency_number: "{number}"\n'))
    assert urgent_contact(settings, kiosk=False).lines == (f"In an emergency, call {number}.",)


@pytest.mark.parametrize("address", ["https://glutemap.example-clinic.org", "http://10.0.0.5:8501/glutemap/"])
def test_a_plan_address_is_read(tmp_path: Path, address: str) -> None:
    """A web address for taking plans home is kept as written."""
    settings, errors = load_clinic_settings(_write(tmp_path, f'plan_address: "{address}"\n'))
    assert errors == [] and settings is not None and settings.plan_address == address


@pytest.mark.parametrize("address", ["javascript:alert(1)", "https://x.org/?plan=a", "glutemap.org", "https://a b.org"])
def test_a_plan_address_that_is_not_a_plain_web_address_is_a_located_error(tmp_path: Path, address: str) -> None:
    """Only http(s) addresses without a query, fragment or spaces are taken: the QR code must open GluteMap."""
    messages = _messages(_write(tmp_path, f'plan_address: "{address}"\n'))
    assert len(messages) == 1 and "plan_address" in messages[0] and ":1" in messages[0]


def test_the_settings_change_the_kiosk_wording(tmp_path: Path) -> None:
    """The clinic's name and on-site help appear on the kiosk's urgent line."""
    path = _write(tmp_path, 'clinic_name: "Hillside Clinic"\non_site_help: "Press the red call button."\n')
    settings, _ = load_clinic_settings(path)
    assert urgent_contact(settings, kiosk=True).lines[0] == "Alert the staff of Hillside Clinic now. Press the red call button."


def test_the_environment_variable_chooses_the_file(tmp_path: Path) -> None:
    """GLUTEMAP_SETTINGS points the app at another settings file."""
    path = _write(tmp_path, 'emergency_number: "999"\n')
    assert settings_path({"GLUTEMAP_SETTINGS": str(path)}) == path
    settings, _ = load_clinic_settings(environ={"GLUTEMAP_SETTINGS": str(path)})
    assert settings is not None and settings.emergency_number == "999"


def test_without_the_environment_variable_the_shipped_file_is_used() -> None:
    """An unset or empty GLUTEMAP_SETTINGS means settings/clinic.yaml."""
    assert settings_path({}) == DEFAULT_SETTINGS_PATH
    assert settings_path({"GLUTEMAP_SETTINGS": "  "}) == DEFAULT_SETTINGS_PATH


def test_an_unquoted_number_is_a_located_error(tmp_path: Path) -> None:
    """YAML reads 999 without quotes as a number; the error names the file, line and the fix."""
    path = _write(tmp_path, 'clinic_name: "A"\nemergency_number: 999\n')
    assert _messages(path) == [
        f"{path.as_posix()}:2: clinic settings › emergency_number: YAML read this as the number 999; put the text in quotes"
    ]


def test_letters_in_the_number_are_a_located_error(tmp_path: Path) -> None:
    """An emergency number must be digits only, and the message shows examples."""
    path = _write(tmp_path, 'emergency_number: "nine-one-one"\n')
    [message] = _messages(path)
    assert message.startswith(f"{path.as_posix()}:1: clinic settings › emergency_number: write the emergency number as")


def test_an_unknown_setting_is_a_located_error(tmp_path: Path) -> None:
    """A misspelt setting is refused at its line rather than silently ignored."""
    path = _write(tmp_path, 'emergency_number: "999"\nclinic_nmae: "B"\n')
    assert _messages(path) == [
        f"{path.as_posix()}:2: clinic settings › clinic_nmae: "
        "unknown field (check the spelling; this field is not part of the record)"
    ]


def test_broken_yaml_is_a_located_error(tmp_path: Path) -> None:
    """A YAML syntax mistake is reported with its line by the shared reader."""
    path = _write(tmp_path, 'clinic_name: "A"\nemergency_number: "999\n')
    [message] = _messages(path)
    assert message.startswith(f"{path.as_posix()}:")
    assert "YAML syntax" in message


def test_a_list_instead_of_settings_is_an_error(tmp_path: Path) -> None:
    """The file must hold name: value lines, not a list."""
    path = _write(tmp_path, '- "999"\n')
    assert _messages(path) == [f"{path.as_posix()}:1: the file must hold settings as 'name: value' lines"]


def test_the_check_command_fails_on_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m glutemap.clinic FILE` prints each problem and exits 1."""
    path = _write(tmp_path, "emergency_number: 999\n")
    assert main([str(path)]) == 1
    assert "emergency_number" in capsys.readouterr().err


def test_the_check_command_passes_a_good_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m glutemap.clinic FILE` confirms a valid file and exits 0."""
    assert main([str(_write(tmp_path, 'emergency_number: "112"\n'))]) == 0
    assert "112" in capsys.readouterr().out
