"""Work done once per live object: the knowledge in a language, its search index, its warm spelling index.

Knowledge bases are large frozen models that are neither hashable cheaply nor weak-referenceable, so the
cache is keyed on identity (`id`) and keeps the object itself beside the value: a hit needs the very same
object, never a new one that happens to reuse a freed id. Only a few knowledge versions are alive at once
(the served one and, for a moment, the next), so a full cache is simply emptied.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Value = TypeVar("Value")


class IdentityCache(Generic[Value]):
    """Values built once per (live object, extra key), thread-safe, at most `size` kept."""

    def __init__(self, size: int = 8) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: dict[tuple[int, Hashable], tuple[object, Value]] = {}

    def get(self, owner: object, build: Callable[[], Value], extra: Hashable = None) -> Value:
        """The value for `owner` (and `extra`), built by `build()` the first time they are asked for together.

        Two threads asking at once may both build; the value is the same, so the later one simply wins.
        """
        key = (id(owner), extra)
        with self._lock:
            found = self._entries.get(key)
        if found is not None and found[0] is owner:
            return found[1]
        value = build()
        with self._lock:
            if len(self._entries) >= self._size:
                self._entries.clear()
            self._entries[key] = (owner, value)
        return value
