"""Small text utilities."""

from textkit.cache import LRUCache, TTLCache
from textkit.slug import slugify

__all__ = ["LRUCache", "TTLCache", "slugify"]
