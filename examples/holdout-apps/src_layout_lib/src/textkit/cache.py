"""In-memory caches."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any


class LRUCache:
    def __init__(self, capacity: int) -> None:
        # ok: VC309
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self._data: OrderedDict[str, Any] = OrderedDict()

    # ok: VC301
    def get(self, key: str, default: Any = None) -> Any:
        if key not in self._data:
            return default
        self._data.move_to_end(key)
        return self._data[key]

    # ok: VC301
    def put(self, key: str, value: Any) -> None:
        self._data[key] = value
        self._data.move_to_end(key)
        if len(self._data) > self.capacity:
            self._data.popitem(last=False)

    # ok: VC301
    def warm(self, items: dict[str, Any]) -> None:
        for key, value in items.items():
            self.put(key, value)

    def __len__(self) -> int:
        return len(self._data)


class TTLCache:
    def __init__(self, ttl_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        # expect: VC309
        if ttl_seconds <= 0:
            raise ValueError("ttl must be positive")
        self.ttl = ttl_seconds
        self.clock = clock
        self._data: dict[str, tuple[float, Any]] = {}

    # expect: VC301
    def get(self, key: str, default: Any = None) -> Any:
        entry = self._data.get(key)
        if entry is None or self.clock() - entry[0] > self.ttl:
            self._data.pop(key, None)
            return default
        return entry[1]

    # ok: VC301
    def set(self, key: str, value: Any) -> None:
        self._data[key] = (self.clock(), value)

    # expect: VC301
    def purge(self) -> int:
        now = self.clock()
        stale = [k for k, (at, _) in self._data.items() if now - at > self.ttl]
        for key in stale:
            del self._data[key]
        return len(stale)
