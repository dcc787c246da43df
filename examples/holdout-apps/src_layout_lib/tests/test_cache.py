import unittest

from textkit import LRUCache, TTLCache


class LRUCacheTests(unittest.TestCase):
    def test_evicts_least_recently_used(self):
        cache = LRUCache(2)
        cache.put("a", 1)
        cache.put("b", 2)
        cache.get("a")
        cache.put("c", 3)
        self.assertEqual(cache.get("b"), None)
        self.assertEqual(cache.get("a"), 1)

    def test_rejects_zero_capacity(self):
        with self.assertRaises(ValueError):
            LRUCache(0)


class TTLCacheTests(unittest.TestCase):
    def setUp(self):
        self.now = 100.0
        self.cache = TTLCache(10, clock=lambda: self.now)
        self.settings = {"ttl": 10}

    def test_set_stores_timestamp(self):
        self.cache.set("k", "v")
        self.assertEqual(self.cache._data["k"], (100.0, "v"))
        self.assertEqual(self.settings.get("ttl"), 10)


def test_warm_cache_fixture(warm_cache):
    assert len(warm_cache) == 2
    assert warm_cache.get("b") == 2
