"""VC108: a child process run as a bare statement whose failure nobody looks at."""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from vibecheck.analysis.call_edits import with_keyword
from vibecheck.cst_fields import walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import NodeFix, Rule
from vibecheck.rules.error_handling.http_calls import has_star_kwargs, keyword

CHECKABLE = frozenset({"subprocess.run"})
STATUS_ONLY = frozenset({"subprocess.call", "os.system"})
# Waiting for a started process returns (or sets) its exit status; as a bare statement, it is dropped.
WAITS = frozenset({"wait", "communicate"})
# Reading only what the command printed uses its output as if it had succeeded; `stderr`, `returncode`,
# `check_returncode()` or the whole result handed on are a look at the failure.
OUTPUT_ATTRS = frozenset({"stdout"})
# Parsers that raise on the empty or partial output of a failed command, so the failure does not pass silently.
STRICT_PARSERS = frozenset({"int", "float", "json.loads", "decimal.Decimal", "datetime.datetime.fromisoformat",
                            "datetime.date.fromisoformat", "uuid.UUID", "ipaddress.ip_address", "yaml.safe_load",
                            "tomllib.loads"})


@dataclass
class _Scope:
    """The `subprocess.run` results a function keeps in a name, and how it uses them."""

    runs: dict[str, cst.Call] = field(default_factory=dict)
    output_reads: set[str] = field(default_factory=set)
    other_uses: set[str] = field(default_factory=set)
    skipped: set[int] = field(default_factory=set)  # ids of Name nodes already accounted for
    outputs: dict[str, str] = field(default_factory=dict)  # a name holding a result's stdout -> the result's name
    popens: dict[str, cst.Call] = field(default_factory=dict)  # `proc = subprocess.Popen(...)`
    waits: dict[str, cst.Call] = field(default_factory=dict)  # `proc.wait()` as a statement: the status dropped


class SubprocessUnchecked(Rule):
    """A child process whose exit status is ignored: a failed command goes unnoticed.

    ## What it does
    Reports `subprocess.run(...)` used as a statement on its own (its result thrown away) without a
    `check=` argument, and `subprocess.call(...)` or `os.system(...)` used as a statement on its own:
    their only result is the exit status, and it is dropped. Outside test files, also a
    `subprocess.run(...)` without `check=` whose result is only read for its `stdout`
    (`subprocess.run(cmd, capture_output=True).stdout`, or `result = subprocess.run(...)` followed by
    nothing but `result.stdout`): the output of a failed command is used as if it had worked. Output
    handed to a parser that raises on empty or partial text (`int(...)`, `json.loads(...)`; not with a fallback for
    empty text, `int(out.strip() or 0)`), directly or
    through a name, fails loudly and is not reported.
    `check=False` written out is a decision and is not reported; nor is a call that passes `**kwargs`, nor
    a result whose `returncode`, `stderr` or `check_returncode()` is looked at or which is handed on whole.
    Also `subprocess.Popen(...).wait()` (or `.communicate()`) as a statement on its own, and a `proc =
    subprocess.Popen(...)` that the function waits for with `proc.wait()` or `proc.communicate()` as a statement on
    its own, or keeping only the output (`out, _ = proc.communicate()`, `out = proc.communicate()[0]`), and whose
    process it never looks at otherwise
    (`proc.returncode`, `if proc.wait():`, handing `proc` on): the code waits for the command to finish
    but not to succeed. A process started and left running in the background is not reported.

    ## Why is this bad?
    A command that fails (a missing binary, a failed migration, a full disk) exits with a non-zero status
    and the script carries on as if it had worked. The next step then runs on missing or half-written
    output and fails somewhere else, or worse, succeeds on stale data.

    ## Example
    ```python
    import subprocess

    def build(path):
        subprocess.run(["make", "-C", path])
        publish(path)
    ```

    ## Use instead
    ```python
    import subprocess

    def build(path):
        subprocess.run(["make", "-C", path], check=True)
        publish(path)
    ```

    ## Fix safety
    The fix adds `check=True` to `subprocess.run(...)`. It is unsafe: a command that fails now raises
    `CalledProcessError` where the program used to carry on, which is the point, but some commands exit
    non-zero on success (`grep` finding nothing, `diff` finding differences) and then need `check=False`
    written out instead. `subprocess.call` and `os.system` are not fixed: their replacement is a rewrite.

    ## References
    - [CWE-252: Unchecked Return Value](https://cwe.mitre.org/data/definitions/252.html)
    - [Python docs: `subprocess.run` and `check`](https://docs.python.org/3/library/subprocess.html#subprocess.run)
    """

    code = "VC108"
    name = "subprocess-unchecked"
    category = Category.ERROR_HANDLING
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (252, 754)
    fixable = True
    # Every finding is a call of `subprocess` or `os.system`, which the file must name.
    file_hints = ("subprocess", "system")

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._scopes: list[_Scope] = [_Scope()]

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scopes.append(_Scope())

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._report_scope(self._scopes.pop())

    def leave_Module(self, node: cst.Module) -> None:
        self._report_scope(self._scopes.pop())

    def _report_scope(self, scope: _Scope) -> None:
        self._report_output_only(scope)
        for name, wait in scope.waits.items():
            if name in scope.popens and name not in scope.other_uses:
                self.report(
                    wait,
                    f"`{self.context.module.code_for_node(wait)}` waits for the command but drops its exit status: "
                    "a failed command goes unnoticed.",
                    hint="Check the status (`if proc.wait() != 0: raise ...`), or use `subprocess.run([...], check=True)`.",
                )

    def _started_process(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        """`proc = subprocess.Popen(...)` (or `with ... as proc`), outside test files: remember it."""
        if (type(target) is cst.Name and type(value) is cst.Call and not self.context.is_test_file
                and self.qualified_name(value) == "subprocess.Popen"):
            scope = self._scopes[-1]
            scope.popens[target.value] = value
            scope.skipped.add(id(target))

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._started_process(node.asname.name, node.item)

    def _unchecked_run(self, node: cst.BaseExpression) -> cst.Call | None:
        """The call when it is `subprocess.run(...)` with neither `check=` nor `**kwargs`, outside test files."""
        if (not self.context.is_test_file and type(node) is cst.Call and not has_star_kwargs(node)
                and self.qualified_name(node) in CHECKABLE and keyword(node, "check") is None):
            return node
        return None

    def visit_Assign(self, node: cst.Assign) -> None:
        if len(node.targets) == 1:
            self._output_of_wait(node.targets[0].target, node.value)
        if len(node.targets) != 1 or not isinstance(node.targets[0].target, cst.Name):
            return
        target = node.targets[0].target
        scope = self._scopes[-1]
        self._started_process(target, node.value)
        run = self._unchecked_run(node.value)
        if run is not None:
            scope.runs[target.value] = run
            scope.skipped.add(id(target))
        elif target.value in scope.runs:  # rebound to something else: too tangled to judge
            scope.other_uses.add(target.value)
        else:
            for result in self._outputs_read(node.value, scope):
                scope.outputs[target.value] = result

    def visit_Return(self, node: cst.Return) -> None:
        if node.value is not None:
            self._output_of_wait(None, node.value)

    def _output_of_wait(self, target: cst.BaseExpression | None, value: cst.BaseExpression) -> None:
        """`out, _ = proc.communicate()`, `out = proc.communicate()[0]` or `return proc.communicate()[0]`: the output
        kept, the error output and the exit status dropped, as `proc.communicate()` on its own drops the status (an
        `err` kept is looked at)."""
        call = value.value if type(value) is cst.Subscript else value
        if not (type(call) is cst.Call and type(call.func) is cst.Attribute and call.func.attr.value == "communicate"
                and type(call.func.value) is cst.Name and call.func.value.value in self._scopes[-1].popens):
            return
        if isinstance(target, cst.Tuple) and (len(target.elements) != 2 or not isinstance(target.elements[1].value, cst.Name)
                                              or target.elements[1].value.value != "_"):
            return
        scope = self._scopes[-1]
        scope.waits.setdefault(call.func.value.value, call)
        scope.skipped.add(id(call.func.value))

    def _outputs_read(self, node: cst.CSTNode, scope: _Scope) -> set[str]:
        """The kept results whose stdout `node` reads, directly (`result.stdout`) or through a name holding it."""
        found: set[str] = set()
        if not scope.runs and not scope.outputs:
            return found  # no kept result in this scope: nothing to look for
        for inner in walk_own(node):
            if (isinstance(inner, cst.Attribute) and inner.attr.value in OUTPUT_ATTRS and isinstance(inner.value, cst.Name)
                    and inner.value.value in scope.runs):
                found.add(inner.value.value)
            elif isinstance(inner, cst.Name) and inner.value in scope.outputs:
                found.add(scope.outputs[inner.value])
        return found

    def visit_Call(self, node: cst.Call) -> None:
        if self.qualified_name(node) in STRICT_PARSERS:
            scope = self._scopes[-1]
            for arg in node.args:
                if not _has_fallback(arg.value):
                    scope.other_uses.update(self._outputs_read(arg.value, scope))

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value not in OUTPUT_ATTRS:
            return
        run = self._unchecked_run(node.value)
        if run is not None:
            self._report_output(run)
        elif isinstance(node.value, cst.Name):
            scope = self._scopes[-1]
            scope.output_reads.add(node.value.value)
            scope.skipped.add(id(node.value))

    def visit_Name(self, node: cst.Name) -> None:
        scope = self._scopes[-1]
        if (node.value in scope.runs or node.value in scope.popens) and id(node) not in scope.skipped:
            scope.other_uses.add(node.value)

    def _report_output_only(self, scope: _Scope) -> None:
        for name, call in scope.runs.items():
            if name in scope.output_reads and name not in scope.other_uses:
                self._report_output(call)

    def _report_output(self, call: cst.Call) -> None:
        name = self.qualified_name(call)
        self.report(
            call,
            f"`{name}(...)` is used only for its `stdout` and its exit status is never checked: the output of a "
            "failed command is used as if it had worked.",
            hint="Pass `check=True` so that a failed command raises `CalledProcessError` (or check `returncode` "
            "before using the output).",
            fix=NodeFix("Add `check=True`", ((call, with_keyword(call, "check", cst.Name("True"))),), safe=False),
        )

    def visit_Expr(self, node: cst.Expr) -> None:
        call = node.value
        if not isinstance(call, cst.Call) or has_star_kwargs(call):
            return
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value in WAITS and isinstance(func.value, cst.Name):
            scope = self._scopes[-1]
            if func.value.value in scope.popens:
                scope.waits.setdefault(func.value.value, call)
                scope.skipped.add(id(func.value))
            return
        if isinstance(func, cst.Attribute) and func.attr.value in WAITS and isinstance(func.value, cst.Call) \
                and not self.context.is_test_file and self.qualified_name(func.value) == "subprocess.Popen":
            self.report(
                call,
                f"`{self.context.module.code_for_node(call)}` waits for the command but drops its exit status: "
                "a failed command goes unnoticed.",
                hint="Use `subprocess.run([...], check=True)`, or check the status `wait()` returns.",
            )
            return
        name = self.qualified_name(call)
        if name in CHECKABLE and keyword(call, "check") is None:
            self.report(
                call,
                f"`{name}(...)` ignores the command's exit status: a failed command goes unnoticed.",
                hint="Pass `check=True` so that a failed command raises `CalledProcessError`.",
                fix=NodeFix("Add `check=True`", ((call, with_keyword(call, "check", cst.Name("True"))),), safe=False),
            )
        elif name in STATUS_ONLY:
            self.report(
                call,
                f"The exit status returned by `{name}(...)` is thrown away: a failed command goes unnoticed.",
                hint="Use `subprocess.run([...], check=True)`, or check the returned status.",
            )


def _has_fallback(value: cst.BaseExpression) -> bool:
    """`int(result.stdout.strip() or 0)`: the parser gets a default when the output is empty, so a failed command's
    empty output parses as well as a real answer."""
    return isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or)
