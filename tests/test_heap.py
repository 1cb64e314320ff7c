"""Long-lived objects are exempt from Streamlit's after-every-run garbage collection; garbage is not."""

import gc
import shutil
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from glutemap.ui.heap import exempt_long_lived_objects

ROOT = Path(__file__).resolve().parent.parent


class Node:
    """Something that can sit in a reference cycle and be watched through a weak reference."""

    partner: object = None


def cycle() -> tuple[Node, weakref.ref[Node]]:
    """Two objects pointing at each other (only the cyclic collector frees them) and a watch on one."""
    first, second = Node(), Node()
    first.partner, second.partner = second, first
    return first, weakref.ref(first)


@pytest.fixture(autouse=True)
def thawed() -> Iterator[None]:
    """Each test starts and ends with nothing exempt, so the rest of the suite is unaffected."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_objects_alive_at_the_call_are_exempt() -> None:
    kept = [Node() for _ in range(1000)]
    exempt_long_lived_objects()
    assert gc.get_freeze_count() >= len(kept)


def test_garbage_at_the_call_is_collected_not_exempted() -> None:
    held, watch = cycle()
    del held
    exempt_long_lived_objects()
    assert watch() is None


def test_a_later_call_frees_what_an_earlier_one_exempted() -> None:
    held, watch = cycle()
    exempt_long_lived_objects()
    del held
    gc.collect()
    assert watch() is not None, "an exempt cycle waits for the next call"
    exempt_long_lived_objects()
    assert watch() is None


def _serve(folder: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("GLUTEMAP_KNOWLEDGE_DIR", str(folder))
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.run()
    assert not app.exception
    return app


def test_loading_a_new_knowledge_base_exempts_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    _serve(folder, monkeypatch)
    assert gc.get_freeze_count() > 0


def test_a_broken_knowledge_base_exempts_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    (folder / "muscles" / "gluteus_medius.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    _serve(folder, monkeypatch)
    assert gc.get_freeze_count() == 0
