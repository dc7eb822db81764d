"""Answers kept per store version: a page of /events asked again is not read and serialised again."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Value = TypeVar("Value")


class VersionedCache(Generic[Value]):
    """A bounded least-recently-used cache whose keys carry the store version they were computed at, so
    that a write (a new version) makes every older answer unreachable; they age out as new ones come in."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Value] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Value]) -> Value:
        """The cached value of key, or compute() stored under it (computed outside the lock)."""
        cached = self.peek(key)
        return cached if cached is not None else self.put(key, compute())

    def peek(self, key: Hashable) -> Value | None:
        """The cached value of key, or None."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def put(self, key: Hashable, value: Value) -> Value:
        """Keep value under key; returns it."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
