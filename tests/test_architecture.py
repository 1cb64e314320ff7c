"""The import contract in pyproject.toml covers the whole package, so a new module cannot slip past the layers."""

from __future__ import annotations

import pkgutil
import tomllib
from pathlib import Path

import glutemap

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def _top_level_modules() -> set[str]:
    return {module.name for module in pkgutil.iter_modules(glutemap.__path__)} - {"__main__"}


def _contract(kind: str) -> dict[str, object]:
    (contract,) = [c for c in CONTRACTS if c["type"] == kind]
    return contract


def test_every_module_sits_in_exactly_one_layer() -> None:
    """Each module and subpackage of glutemap is named in one layer of the layers contract."""
    layers = _contract("layers")["layers"]
    assert isinstance(layers, list)
    named = [name.strip() for layer in layers for name in layer.split(":")]
    assert sorted(set(named) - {"__main__"}) == sorted(_top_level_modules())
    assert len(named) == len(set(named))


def test_every_module_outside_ui_is_forbidden_streamlit() -> None:
    """The forbidden contract lists every module except glutemap.ui as a source that may not import Streamlit."""
    sources = _contract("forbidden")["source_modules"]
    assert isinstance(sources, list)
    assert {name.removeprefix("glutemap.") for name in sources} == _top_level_modules() - {"ui"}
