"""VC113: an asyncio task started and let go, so its failure is never seen and the task itself may vanish."""

from __future__ import annotations

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.cst_fields import names_in, walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule, RuleContext

SPAWNERS = frozenset({"asyncio.create_task", "asyncio.ensure_future"})
# Calls that return an event loop, and the names code conventionally keeps one in.
LOOP_FACTORIES = frozenset({"asyncio.get_event_loop", "asyncio.get_running_loop", "asyncio.new_event_loop"})
LOOP_NAMES = frozenset({"loop", "event_loop", "self.loop", "self._loop", "self.event_loop"})
LOOP_METHODS = frozenset({"create_task", "ensure_future"})
# `asyncio.gather(..., return_exceptions=True)` hands the tasks' exceptions back as results: unread, they vanish.
GATHER = "asyncio.gather"


class DanglingTask(Rule):
    """An `asyncio` task that nothing keeps or awaits: its exception is never retrieved.

    ## What it does
    Reports `asyncio.create_task(...)`, `asyncio.ensure_future(...)` and an event loop's `create_task(...)`
    (`loop.create_task`, `asyncio.get_running_loop().create_task`) whose task is thrown away: the call is a
    statement on its own, or its task is bound to a local name that the function never reads again.
    A task kept in a collection, an attribute or a name that is used later (awaited, cancelled, given a
    done callback) is left alone, and so is a `TaskGroup`'s `create_task`, whose group awaits its tasks
    and raises their errors. It also reports `results = await asyncio.gather(..., return_exceptions=True)` whose
    results are never read or only counted (`len(results)`): the tasks' exceptions come back as results, and nothing
    looks at them. A gather whose results are not kept at all is left alone: after cancelling tasks, or on the way
    out, it waits for them to settle and drops their errors on purpose.

    ## Why is this bad?
    The event loop keeps only a weak reference to a task: a task nobody holds can be garbage-collected
    before it finishes, so the work silently stops half-way. And when the task fails, nobody awaits it, so
    its exception is never raised anywhere: at best asyncio logs "Task exception was never retrieved" when
    the task is collected, long after the fact. Coding agents start background work this way to make an
    endpoint answer faster ("send the e-mail in the background").

    ## Example
    ```python
    import asyncio

    async def place_order(order):
        await save(order)
        asyncio.create_task(send_confirmation(order))
    ```

    ## Use instead
    ```python
    import asyncio

    background_tasks = set()

    async def place_order(order):
        await save(order)
        task = asyncio.create_task(send_confirmation(order))
        background_tasks.add(task)
        task.add_done_callback(background_tasks.discard)
    ```

    ## References
    - [Python docs: `asyncio.create_task` (save a reference to the result)](https://docs.python.org/3/library/asyncio-task.html#asyncio.create_task)
    - [CWE-391: Unchecked Error Condition](https://cwe.mitre.org/data/definitions/391.html)
    """

    code = "VC113"
    name = "dangling-task"
    category = Category.ERROR_HANDLING
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (391,)
    file_hints = ("create_task", "ensure_future", "return_exceptions")

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self._loops: set[str] = set()  # names bound to an event loop in this file
        # Per open function: tasks bound to a local name, checked for a later read when the function ends.
        self._bound: list[list[tuple[cst.Call, str]]] = []
        # Per open function: `gather(..., return_exceptions=True)` results bound to a local name.
        self._gathered: list[list[tuple[cst.Call, str]]] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._bound.append([])
        self._gathered.append([])

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        bound = self._bound.pop()
        gathered = self._gathered.pop()
        if not bound and not gathered:
            return
        names = list(names_in(node.body))
        for call, name in bound:
            if names.count(name) == 1:
                self._report(call, f"its task is bound to `{name}`, which is never used again")
        for call, name in gathered:
            counted = sum(1 for inner in walk_own(node.body) if type(inner) is cst.Call and type(inner.func) is cst.Name
                          and inner.func.value == "len" and len(inner.args) == 1
                          and type(inner.args[0].value) is cst.Name and inner.args[0].value.value == name)
            if names.count(name) == 1 + counted:
                self._report_gather(call, "only counted" if counted else "never read", name)

    def visit_Assign(self, node: cst.Assign) -> None:
        value = node.value
        if isinstance(value, cst.Call) and self.qualified_name(value) in LOOP_FACTORIES:
            self._loops.update(filter(None, (get_full_name_for_node(t.target) for t in node.targets)))
        if not (isinstance(value, cst.Call) and self._spawns(value) and self._bound):
            return
        if len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            self._bound[-1].append((value, node.targets[0].target.value))

    def visit_Expr(self, node: cst.Expr) -> None:
        if isinstance(node.value, cst.Call) and self._spawns(node.value):
            self._report(node.value, "the task it returns is thrown away")

    def leave_Assign(self, original_node: cst.Assign) -> None:
        gather = self._gather(original_node.value)
        targets = original_node.targets
        if gather is not None and self._gathered and len(targets) == 1 and type(targets[0].target) is cst.Name:
            self._gathered[-1].append((gather, targets[0].target.value))

    def _gather(self, value: cst.BaseExpression) -> cst.Call | None:
        """`await asyncio.gather(..., return_exceptions=True)` (awaited or not): the gather call, else None."""
        call = value.expression if type(value) is cst.Await else value
        if type(call) is not cst.Call or self.qualified_name(call) != GATHER:
            return None
        flag = next((arg.value for arg in call.args if arg.keyword is not None and arg.keyword.value == "return_exceptions"),
                    None)
        return call if type(flag) is cst.Name and flag.value == "True" else None

    def _report_gather(self, call: cst.Call, how: str, name: str) -> None:
        self.report(
            call,
            f"`asyncio.gather(..., return_exceptions=True)` hands back the tasks' exceptions as results, which are "
            f"{how} (`{name}`), so every failure vanishes.",
            hint="Look at each result: `for result in results: if isinstance(result, Exception): log or raise it`.",
        )

    def _spawns(self, call: cst.Call) -> bool:
        """`asyncio.create_task(...)`, `asyncio.ensure_future(...)` or an event loop's `create_task(...)`."""
        if self.qualified_name(call) in SPAWNERS:
            return True
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in LOOP_METHODS):
            return False
        receiver = func.value
        if isinstance(receiver, cst.Call):
            return self.qualified_name(receiver) in LOOP_FACTORIES
        name = get_full_name_for_node(receiver) or ""
        return name in LOOP_NAMES or name in self._loops

    def _report(self, call: cst.Call, why: str) -> None:
        shown = f"{self.context.module.code_for_node(call.func)}(...)"
        self.report(
            call,
            f"`{shown}` starts a task that nothing keeps: {why}, so the task can be garbage-collected before it "
            "finishes and an exception it raises is never retrieved.",
            hint="Keep the task and handle its outcome: await it, use an `asyncio.TaskGroup`, or add it to a set "
            "with `task.add_done_callback(tasks.discard)`.",
        )
