"""The app's auth modules beside a checked file (`auth.py`, `security.py`, `deps.py`...) and their cache key.

VC212 and VC214 read, with `ast`, the checks a route calls from these modules (`vibecheck.rules.auth.answering_checks`).
The key lives here, free of libcst and of the rules, because a warm run computes every file's key without loading a
rule module.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable

from vibecheck import listings

CHECK_MODULES = ("auth", "security", "permissions", "perms", "authz", "access", "guards", "deps", "dependencies",
                 "utils", "helpers")
# What the readers of these modules remember within a run (`answering_checks`' functions per module), forgotten with
# the digests when the next run starts (a resident server's next command).
_PER_RUN: list[Callable[[], None]] = []


def forget_each_run(cache_clear: Callable[[], None]) -> None:
    """Have `cache_clear` called with the digests' when a run starts."""
    _PER_RUN.append(cache_clear)


class CheckModulesInputs:
    """A digest of the auth modules beside the file at `path` and one package up: a `Rule.cache_inputs` function.
    The cache calls `cache_clear` when a run starts."""

    def __call__(self, path: str) -> str:
        folder = os.path.dirname(os.path.abspath(path))
        return _folder_digest(folder) + _folder_digest(os.path.dirname(folder))

    def cache_clear(self) -> None:
        _folder_digest.cache_clear()
        for clear in _PER_RUN:
            clear()


@functools.lru_cache(maxsize=1024)
def _folder_digest(folder: str) -> str:
    return listings.modules_digest(folder, CHECK_MODULES)


check_modules_inputs = CheckModulesInputs()
