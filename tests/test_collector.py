"""Pausing the garbage collector while knowledge loads: off inside, restored after, shared across threads."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import glutemap.knowledge.loader
from glutemap.knowledge.collector import collection_paused
from glutemap.knowledge.loader import check_knowledge


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_off_inside_the_block_and_on_after() -> None:
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()


def test_the_collector_comes_back_when_the_block_raises() -> None:
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError("broken")
    assert gc.isenabled()


def test_overlapping_blocks_in_two_threads_restore_it_only_when_both_end() -> None:
    inside, release = threading.Event(), threading.Event()

    def other_loader() -> None:
        with collection_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other_loader)
    thread.start()
    assert inside.wait(5)
    with collection_paused():
        pass
    still_paused = not gc.isenabled()
    release.set()
    thread.join(5)
    assert still_paused, "the first block to end turned the collector back on under the other"
    assert gc.isenabled()


def test_knowledge_loads_with_the_collector_paused(tiny_knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    read_yaml = glutemap.knowledge.loader.read_yaml

    def spying_read_yaml(path: Path) -> object:
        seen.append(gc.isenabled())
        return read_yaml(path)

    monkeypatch.setattr(glutemap.knowledge.loader, "read_yaml", spying_read_yaml)
    knowledge, _ = check_knowledge(tiny_knowledge_dir)
    assert knowledge is not None
    assert seen and not any(seen)
    assert gc.isenabled()


def test_a_broken_knowledge_folder_leaves_the_collector_on(tmp_path: Path) -> None:
    (tmp_path / "disclaimer.yaml").write_text("text: [unclosed\n", encoding="utf-8")
    knowledge, errors = check_knowledge(tmp_path)
    assert knowledge is None and errors
    assert gc.isenabled()
