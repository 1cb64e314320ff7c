"""The identity cache: built once per live object, never handed to another object that reuses its id."""

from __future__ import annotations

from glutemap.memo import IdentityCache


class Owner:
    """An object compared by identity only, like a knowledge base."""


def test_a_value_is_built_once_per_object() -> None:
    cache: IdentityCache[int] = IdentityCache()
    owner, builds = Owner(), []
    for _ in range(3):
        cache.get(owner, lambda: builds.append(1) or len(builds))
    assert builds == [1]


def test_each_extra_key_has_its_own_value() -> None:
    cache: IdentityCache[str] = IdentityCache()
    owner = Owner()
    assert cache.get(owner, lambda: "en", extra="en") == "en"
    assert cache.get(owner, lambda: "en-XA", extra="en-XA") == "en-XA"
    assert cache.get(owner, lambda: "built again", extra="en") == "en"


def test_an_equal_but_different_object_gets_its_own_value() -> None:
    cache: IdentityCache[str] = IdentityCache()
    first, second = Owner(), Owner()
    cache.get(first, lambda: "first")
    assert cache.get(second, lambda: "second") == "second"


def test_a_new_object_that_reuses_a_freed_id_is_not_given_the_old_value() -> None:
    cache: IdentityCache[str] = IdentityCache()
    old = Owner()
    cache.get(old, lambda: "old")
    # Forge the case a freed id is reused: the cache keeps `old` alive, so point its entry at a new object's id.
    new = Owner()
    (entry_key,) = list(cache._entries)
    cache._entries[(id(new), entry_key[1])] = cache._entries.pop(entry_key)
    assert cache.get(new, lambda: "new") == "new"


def test_a_full_cache_starts_again_and_holds_at_most_its_size() -> None:
    cache: IdentityCache[int] = IdentityCache(size=2)
    owners = [Owner() for _ in range(5)]
    for number, owner in enumerate(owners):
        cache.get(owner, lambda number=number: number)
    assert len(cache._entries) <= 2
    assert cache.get(owners[-1], lambda: -1) == 4
