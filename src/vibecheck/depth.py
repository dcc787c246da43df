"""Room on the stack for code as deeply nested as Python itself compiles.

CPython compiles expressions nested about 3,000 levels deep (`not not ... x`, `a + a + ...`, a thousand
adjacent strings). libcst's code generation, which resolves positions and prints nodes, recurses a few
frames per level, and so do small helpers in rules: at the default limit of 1,000 frames a valid file
crashed them. From Python 3.11 on, Python-to-Python calls do not grow the C stack, so a higher limit is
safe; 3.10 keeps a smaller raise.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

FRAMES = 30_000 if sys.version_info >= (3, 11) else 6_000


@contextmanager
def recursion_headroom() -> Iterator[None]:
    """Raise the recursion limit to `FRAMES` (never lower it) while checking one file."""
    previous = sys.getrecursionlimit()
    if previous < FRAMES:
        sys.setrecursionlimit(FRAMES)
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)
