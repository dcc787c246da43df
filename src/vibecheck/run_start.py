"""One hook for "a run starts": everything a run remembers of the tree is forgotten together.

Within a run the tree is read as one snapshot: each folder listed once (`listings`), each file a cache key reads read
once (`key_texts`), each folder's real path resolved once (`safe_files`), the modules beside a checked file parsed
once (the rules' memos). A long-lived process (the resident server, an editor) runs again and must see the tree as it
is now. Each keeper registers its `forget` here when it is imported, and every entry point calls `start_run()`: an
entry point cannot forget one memo and keep another.
"""

from __future__ import annotations

from collections.abc import Callable

_FORGETTERS: list[Callable[[], None]] = []


def forget_at_run_start(forget: Callable[[], None]) -> Callable[[], None]:
    """Have `forget` called whenever a run starts (also usable as a decorator); returns it."""
    if forget not in _FORGETTERS:
        _FORGETTERS.append(forget)
    return forget


def start_run() -> None:
    """Forget what the previous run remembered of the tree."""
    for forget in _FORGETTERS:
        forget()
