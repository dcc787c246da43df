"""The per-file memos of node answers (`vibecheck.file_memos`): one per node, and all emptied as each file's walk starts."""

from __future__ import annotations

from pathlib import Path

import libcst as cst

from vibecheck.analysis import flow
from vibecheck.api import check_source
from vibecheck.config import Settings
from vibecheck.cst_fields import own_nodes
from vibecheck.file_memos import file_memo, forget_file_nodes, remembered

HANDLER = """\
from flask import Flask, request
app = Flask(__name__)

@app.route("/run")
def run():
    def inner():
        return eval(request.args["code"])
    return inner()
"""


def test_remembered_computes_once_per_node_and_tells_equal_nodes_apart() -> None:
    memo: dict[int, tuple[cst.CSTNode, int]] = file_memo({})
    first = cst.parse_expression("f(1)")
    twin = cst.parse_expression("f(1)")
    asked: list[cst.CSTNode] = []

    def compute(node: cst.CSTNode) -> int:
        asked.append(node)
        return len(asked)

    assert remembered(memo, first, compute) == 1
    assert remembered(memo, first, compute) == 1  # read from the memo
    assert remembered(memo, twin, compute) == 2  # an equal node of another tree is another node
    forget_file_nodes()
    assert memo == {}
    assert remembered(memo, first, compute) == 3


def test_a_files_walk_empties_the_memos_of_the_file_before(tmp_path: Path) -> None:
    settings = Settings(root=str(tmp_path), isolate=False)
    first = check_source(HANDLER, str(tmp_path / "first.py"), settings)
    assert first.findings  # the flow rules read the handler: their memos and the body index hold its nodes
    held = [memo for memo in (flow._CALLS, flow._EXPRESSIONS, flow._BOUND_LOCALLY) if memo]
    assert held
    first_nodes = [entry[0] for memo in held for entry in memo.values()]  # kept: no other node takes their ids
    check_source("x = 1\n", str(tmp_path / "second.py"), settings)
    assert not {id(node) for node in first_nodes} & {id(entry[0]) for memo in held for entry in memo.values()}
    node = cst.parse_module("def f():\n    g()\n").body[0].body  # type: ignore[attr-defined]
    indexed = own_nodes(node)
    check_source("y = 2\n", str(tmp_path / "third.py"), settings)
    assert own_nodes(node) is not indexed  # walked again: the index was emptied with the others
