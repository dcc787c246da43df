"""Assertions shared by the worker tests."""

from unittest.mock import AsyncMock


def assert_dead_lettered(store: AsyncMock, raw: bytes | str, queue: str = "thumbnails") -> None:
    dead = [call.args for call in store.lpush.await_args_list if call.args[0] == f"{queue}:dead"]
    assert dead == [(f"{queue}:dead", raw)], f"expected one dead letter, got {dead}"
    store.zadd.assert_not_awaited()
