import pytest

from textkit import LRUCache


@pytest.fixture
def warm_cache():
    cache = LRUCache(capacity=2)
    cache.warm({"a": 1, "b": 2})
    return cache
