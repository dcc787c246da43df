"""The flow rules' shared walk: lanes see what separate walks see, and a failing rule stops only its own lane."""

from __future__ import annotations

import textwrap

import libcst as cst

from vibecheck.analysis.flow import (
    FlowRule,
    FlowState,
    Lane,
    Taint,
    call_words,
    iter_calls,
    request_source,
    walk_block,
    walk_lanes,
    walked_calls,
    walked_statements,
    walked_text,
)
from vibecheck.analysis.nodes import suite_statements
from vibecheck.engine import check_file
from vibecheck.imports import ImportTable
from vibecheck.model import Category
from vibecheck.rule import visited_together

FUNCTION = """
    from flask import request

    def view(items):
        name = request.args["name"]
        first = items[0]
        if (extra := request.form.get("extra")):
            name = name + extra
        else:
            first = "fixed"
        for item in items:
            sink(name, item, first)
            first = request.args["again"]
        while first:
            first = first[1:]
            break
        try:
            value = int(name)
        except ValueError as error:
            sink(error, value)
            return None
        with open(first) as handle:
            sink(handle, value)
        sink(name, first, extra)
"""


def _source_of_items(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """A second kind of source, so the lanes' states differ: the parameter `items`."""
    if type(node) is cst.Name and node.value == "items":
        return Taint("items", "items")
    return request_source(node, state)


def _walk(function: cst.FunctionDef, imports: ImportTable, together: bool) -> list[list[tuple[str, str | None]]]:
    """For each of two states, the taint kind of every `sink()` argument in walk order."""
    module_code = cst.Module(body=[])
    seen: list[list[tuple[str, str | None]]] = [[], []]

    def recorder(index: int):  # noqa: ANN202 - a visitor per lane
        def on_statement(node: cst.CSTNode, state: FlowState) -> None:
            for call in iter_calls(node):
                if type(call.func) is cst.Name and call.func.value == "sink":
                    for arg in call.args:
                        taint = state.taint_of(arg.value)
                        seen[index].append((module_code.code_for_node(arg.value), taint and taint.kind))
        return on_statement

    states = [FlowState(imports, request_source), FlowState(imports, _source_of_items)]
    statements = suite_statements(function.body)
    if together:
        walk_lanes(statements, [Lane(state, recorder(index)) for index, state in enumerate(states)])
    else:
        for index, state in enumerate(states):
            walk_block(statements, state, recorder(index))
    return seen


def test_lanes_see_what_separate_walks_see() -> None:
    module = cst.parse_module(textwrap.dedent(FUNCTION))
    function = next(s for s in module.body if isinstance(s, cst.FunctionDef))
    imports = ImportTable.from_module(module)
    together = _walk(function, imports, together=True)
    apart = _walk(function, imports, together=False)
    assert together == apart
    assert together[0] != together[1]  # the states differ: `items` is a source in the second lane only
    assert ("item", "items") in together[1] and ("item", None) in together[0]
    assert ("extra", "request") in together[0]  # the walrus in the `if` bound it


TRY_FUNCTION = """
    from flask import request

    def view(default):
        try:
            data = request.args["data"]
            kept = request.args["kept"]
        except KeyError:
            data = default
            kept = default
            raise
        try:
            other = request.args["other"]
        except KeyError:
            other = default
        else:
            clean = "fixed"
        try:
            fresh = default
        except KeyError:
            fresh = request.args["fallback"]
        sink(data, kept, other, fresh, clean)
"""


def test_after_a_try_a_name_holds_what_the_body_or_a_handler_that_falls_through_left() -> None:
    """`except KeyError: other = default` does not clear what the body bound: either may have run; a handler that
    raises leaves nothing behind, and one that falls through counts even where the body's value is clean."""
    module = cst.parse_module(textwrap.dedent(TRY_FUNCTION))
    function = next(s for s in module.body if isinstance(s, cst.FunctionDef))
    seen = _walk(function, ImportTable.from_module(module), together=True)[0]
    assert seen == [("data", "request"), ("kept", "request"), ("other", "request"), ("fresh", "request"),
                    ("clean", None)]


def test_a_failing_lane_stops_alone() -> None:
    module = cst.parse_module(textwrap.dedent(FUNCTION))
    function = next(s for s in module.body if isinstance(s, cst.FunctionDef))
    imports = ImportTable.from_module(module)
    visited: list[int] = []

    def breaks_in_loop(node: cst.CSTNode, state: FlowState) -> None:
        if type(node) is cst.For:
            raise RuntimeError("the rule broke")

    def counts(node: cst.CSTNode, state: FlowState) -> None:
        visited.append(1)

    broken, counting = Lane(FlowState(imports, request_source), breaks_in_loop), Lane(FlowState(imports, request_source), counts)
    walk_lanes(suite_statements(function.body), [broken, counting])
    assert isinstance(broken.failure, RuntimeError)
    assert counting.failure is None
    alone: list[int] = []
    walk_block(suite_statements(function.body), FlowState(imports, request_source), lambda node, state: alone.append(1))
    assert len(visited) == len(alone) > 10


DOC = """A test flow rule.

## What it does
Test rule.

## Why is this bad?
Test rule.

## Example
```python
sink(request.args["q"])
```

## Use instead
```python
sink("fixed")
```
"""


class _SinkRule(FlowRule):
    """Reports request data passed to `sink()`."""

    __doc__ = DOC
    category = Category.SECURITY

    def new_state(self) -> FlowState:
        return FlowState(self.context.imports, request_source)

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        for call in iter_calls(node):
            if type(call.func) is cst.Name and call.func.value == "sink" and call.args \
                    and state.taint_of(call.args[0].value) is not None:
                self.report(call, f"{self.code}: request data reaches sink().")


class Reports(_SinkRule):
    __doc__ = DOC
    code = "TST701"
    name = "reports-sinks"


class BreaksOnSecond(_SinkRule):
    __doc__ = DOC
    code = "TST702"
    name = "breaks-on-second"

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        super().check(node, state)
        if any(type(call.func) is cst.Name and call.func.value == "second" for call in iter_calls(node)):
            raise RuntimeError("the rule broke")


SOURCE = b"""
from flask import request

def first():
    sink(request.args["a"])

def second():
    sink(request.args["b"])
    second()
    sink(request.args["c"])

def third():
    sink(request.args["d"])
"""


def test_a_rule_failing_in_the_shared_walk_is_dropped_and_the_others_go_on() -> None:
    result = check_file("app.py", SOURCE, [(Reports, None), (BreaksOnSecond, None)])
    assert [(e.rule, "RuntimeError" in e.message) for e in result.errors] == [("TST702", True)]
    assert {f.code for f in result.findings} == {"TST701"}  # the failed rule's findings are dropped, as for any crash
    assert sorted(f.location.start.line for f in result.findings) == [5, 8, 10, 13]


def _walk_that_breaks(rules: list[FlowRule], node: cst.FunctionDef) -> None:
    raise RuntimeError("the shared walk broke")


class _BrokenJoint(_SinkRule):
    @visited_together(_walk_that_breaks)
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        _walk_that_breaks([self], node)


class FirstOfBrokenJoint(_BrokenJoint):
    __doc__ = DOC
    code = "TST703"
    name = "first-of-broken-joint"


class SecondOfBrokenJoint(_BrokenJoint):
    __doc__ = DOC
    code = "TST704"
    name = "second-of-broken-joint"


def test_a_joint_visit_failing_outside_its_lanes_stops_each_of_its_rules_and_no_other() -> None:
    result = check_file("app.py", SOURCE, [(FirstOfBrokenJoint, None), (SecondOfBrokenJoint, None), (Reports, None)])
    assert sorted(e.rule for e in result.errors) == ["TST703", "TST704"]
    assert {f.code for f in result.findings} == {"TST701"}


BLOCKS = """
    def handler(value):
        if value:
            first()
        elif value is None:
            second()
        else:
            third()
        try:
            fourth()
        except ValueError as error:
            fifth(error)
        else:
            sixth()
        finally:
            seventh()
        while value:
            eighth()
        for item in value:
            ninth(item)
        with open(value) as handle:
            tenth(handle)
        match value:
            case 1:
                eleventh()
        def inner():
            hidden()
        return twelfth()
"""


def test_walked_statements_hold_every_statement_a_lane_visits_and_no_nested_function() -> None:
    module = cst.parse_module(textwrap.dedent(BLOCKS))
    function = next(s for s in module.body if isinstance(s, cst.FunctionDef))
    visited: list[cst.CSTNode] = []
    walk_block(suite_statements(function.body), FlowState(ImportTable.from_module(module), request_source),
               lambda node, _state: visited.append(node))
    walked = walked_statements(function)
    assert walked is not None
    assert {id(node) for node in visited if not isinstance(node, cst.FunctionDef)} <= {id(node) for node in walked}
    callees = {call.func.value for call in walked_calls(function) if isinstance(call.func, cst.Name)}
    assert callees >= {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                       "eleventh", "twelfth"}
    assert "hidden" not in callees


def test_a_function_that_imports_has_no_walked_statements() -> None:
    module = cst.parse_module("def f():\n    from click import echo as say\n    say(token)\n")
    function = next(s for s in module.body if isinstance(s, cst.FunctionDef))
    assert walked_statements(function) is None
    assert list(walked_calls(function)) == []


def test_walked_text_holds_what_a_lane_reads_and_no_nested_function() -> None:
    module = cst.parse_module(textwrap.dedent("""
        def view(first_param, *rest, **extra):
            value = holder.attr_word(keyword_word=lookup["key_word"])
            link = f"{base}/path?text_word={value}"
            built = "&pass" + "word=" + value + "&other"
            escaped = "es\\x63aped"
            def nested():
                return hidden_word
            return lambda: in_lambda
    """))
    function = next(s for s in module.body if isinstance(s, cst.FunctionDef))
    text = walked_text(function)
    assert text is not None
    for word in ("first_param", "rest", "extra", "holder", "attr_word", "keyword_word", "key_word", "/path?text_word=",
                 "&password=", "escaped", "value"):
        assert word in text, word
    assert "hidden_word" not in text and "in_lambda" not in text  # a lane reads neither
    importing = cst.parse_module("def f():\n    from x import y\n    y()\n").body[0]
    assert isinstance(importing, cst.FunctionDef) and walked_text(importing) is None


def test_call_words_name_each_call_as_written_and_as_its_import_resolves_it() -> None:
    module = cst.parse_module(textwrap.dedent("""
        import os as o
        from subprocess import run as launch

        def view(cmd):
            launch(cmd)
            if o.system(cmd):
                db.cursor().execute(cmd)
            self.http.get(cmd)
            def nested():
                hidden(cmd)

        def importing(cmd):
            from os import system
            system(cmd)
    """))
    imports = ImportTable.from_module(module)
    view, importing = (s for s in module.body if isinstance(s, cst.FunctionDef))
    words = call_words(view, imports, {})
    assert words is not None and words >= {"launch", "run", "system", "cursor", "execute"}
    # a dotted callee whole as resolved, a method with its receiver's last name
    assert words >= {"subprocess.run", "os.system", "o.system", "db.cursor", "http.get", "self.http.get"}
    assert "hidden" not in words  # the nested function's own lane has its own words
    assert call_words(importing, imports, {}) is None  # its import may name a call anything: every lane searches
