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
from vibecheck.run_start import forget_at_run_start

CHECK_MODULES = ("auth", "security", "permissions", "perms", "authz", "access", "guards", "deps", "dependencies",
                 "utils", "helpers")


def forget_each_run(cache_clear: Callable[[], None]) -> None:
    """Have `cache_clear` (what a reader of these modules remembers within a run: `answering_checks`' functions per
    module) called when a run starts (a resident server's next command), also a run without the cache."""
    forget_at_run_start(cache_clear)


class CheckModulesInputs:
    """A digest of the auth modules beside the file at `path` and one package up: a `Rule.cache_inputs` function.
    The cache calls `cache_clear` when a run starts."""

    def __call__(self, path: str) -> str:
        folder = os.path.dirname(os.path.abspath(path))
        return _folder_digest(folder) + _folder_digest(os.path.dirname(folder))

    def cache_clear(self) -> None:
        _folder_digest.cache_clear()


@functools.lru_cache(maxsize=1024)
def _folder_digest(folder: str) -> str:
    return listings.modules_digest(folder, CHECK_MODULES)


check_modules_inputs = CheckModulesInputs()
