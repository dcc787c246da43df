"""The per-file memos of what rules compute from a file's nodes, emptied in one place as each file's walk starts.

Many rules ask the same question of the same node (a function body's own nodes, a statement's calls, the names a
condition checks): each such question keeps a memo, a dict by node id, registered here with `file_memo`. An entry keeps
its node beside the answer (`remembered`), so the id is not reused by another node while the entry lives.
`forget_file_nodes` empties every memo; the engine calls it when its walk starts a file, which also lets the last
file's trees go.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

MemoT = TypeVar("MemoT", bound=dict[Any, Any])

_MEMOS: list[dict[Any, Any]] = []


def file_memo(memo: MemoT) -> MemoT:
    """Register `memo` (an empty dict, kept at module level) as one that holds the current file's answers only."""
    _MEMOS.append(memo)
    return memo


def remembered(memo: dict[int, tuple[Any, Any]], node: Any, compute: Callable[[Any], Any]) -> Any:
    """`compute(node)`, once per node of the file, kept in `memo` (a `file_memo`)."""
    entry = memo.get(id(node))
    if entry is None or entry[0] is not node:
        entry = memo[id(node)] = (node, compute(node))
    return entry[1]


def forget_file_nodes() -> None:
    """Empty every per-file memo (the engine calls it as its walk starts a file)."""
    for memo in _MEMOS:
        memo.clear()
