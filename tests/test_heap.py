"""Long-lived objects are exempt from Streamlit's after-every-run garbage collection; garbage is not."""

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from glutemap.ui.heap import exempt_long_lived_objects, long_lived_objects_changed

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
    """Each test starts and ends with nothing exempt and no change pending, so the rest of the suite is unaffected."""
    exempt_long_lived_objects()  # use up a change another test's app run may have left pending
    gc.unfreeze()
    yield
    exempt_long_lived_objects()
    gc.unfreeze()


def test_nothing_is_exempt_before_a_change_is_noted() -> None:
    exempt_long_lived_objects()
    assert gc.get_freeze_count() == 0


def test_objects_alive_after_a_change_are_exempt() -> None:
    kept = [Node() for _ in range(1000)]
    long_lived_objects_changed()
    exempt_long_lived_objects()
    assert gc.get_freeze_count() >= len(kept)


def test_exempting_happens_once_per_change() -> None:
    long_lived_objects_changed()
    exempt_long_lived_objects()
    frozen = gc.get_freeze_count()
    later = [Node() for _ in range(1000)]
    exempt_long_lived_objects()
    assert gc.get_freeze_count() == frozen, f"{len(later)} objects made after the change were exempted too"


def test_exempt_cycles_wait_until_the_next_change_then_are_collected() -> None:
    held, watch = cycle()
    long_lived_objects_changed()
    exempt_long_lived_objects()
    del held
    gc.collect()
    assert watch() is not None, "an exempt cycle is not collected"
    long_lived_objects_changed()
    gc.collect()
    assert watch() is None


def _serve() -> AppTest:
    """The app (serving the folder set by the test), after two runs: one loads the knowledge, one follows it."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.run()
    app.run()
    assert not app.exception
    return app


def test_the_run_after_a_knowledge_base_loads_exempts_it(knowledge_copy: Path) -> None:
    _serve()
    assert gc.get_freeze_count() > 0


def test_a_broken_knowledge_base_exempts_nothing(knowledge_copy: Path) -> None:
    (knowledge_copy / "muscles" / "gluteus_medius.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    _serve()
    assert gc.get_freeze_count() == 0
