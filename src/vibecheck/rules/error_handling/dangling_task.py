"""VC113: an asyncio task, executor future or thread started and let go, so its failure is never seen."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.import_edits import is_docstring_line
from vibecheck.analysis.nodes import callee_tail
from vibecheck.cst_fields import names_in, walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule, RuleContext
from vibecheck.rules.error_handling.handler_facts import Resolver, is_broad
from vibecheck.rules.error_handling.polling import is_watcher

SPAWNERS = frozenset({"asyncio.create_task", "asyncio.ensure_future"})
# Calls that return an event loop, and the names code conventionally keeps one in.
LOOP_FACTORIES = frozenset({"asyncio.get_event_loop", "asyncio.get_running_loop", "asyncio.new_event_loop"})
LOOP_NAMES = frozenset({"loop", "event_loop", "self.loop", "self._loop", "self.event_loop"})
LOOP_METHODS = frozenset({"create_task", "ensure_future", "run_in_executor"})
# `asyncio.gather(..., return_exceptions=True)` hands the tasks' exceptions back as results: unread, they vanish.
GATHER = "asyncio.gather"
# Registrations whose callback's return value is dropped: a callback that starts a task (`lambda:
# asyncio.create_task(stop())` given to `loop.add_signal_handler`) lets it go as a statement would.
CALLBACK_REGISTRARS = frozenset({"add_signal_handler", "call_soon", "call_soon_threadsafe", "call_later", "call_at",
                                 "add_done_callback", "add_reader", "add_writer"})
# `concurrent.futures` executors, and the names code conventionally keeps one in.
EXECUTOR_FACTORIES = frozenset({
    "concurrent.futures.ThreadPoolExecutor", "concurrent.futures.ProcessPoolExecutor",
    "concurrent.futures.thread.ThreadPoolExecutor", "concurrent.futures.process.ProcessPoolExecutor",
})
EXECUTOR_NAMES = frozenset({"executor", "self.executor", "self._executor"})
# An executor's methods that start work and hand back its outcome: a future, or (`map`) an iterator that raises
# the first failure when it is read.
EXECUTOR_METHODS = frozenset({"submit", "map"})
THREAD_FACTORIES = frozenset({"threading.Thread", "threading.Timer"})
# Words of a thread target that runs for as long as the process does (besides a watchdog's): a server, the program.
PROCESS_LONG_WORDS = frozenset({"serve", "forever", "main"})
# Where each starter takes the callable it runs: (positional index, keyword).
WORK_ARGUMENTS = {"submit": (0, "fn"), "run_in_executor": (1, "func"), "Thread": (None, "target"),
                  "Timer": (1, "function")}
# Statements that only wrap the work: a worker's loop, a context manager.
WRAPPERS = frozenset({cst.While, cst.For, cst.With})
# What is lost with the handle of each kind of work, and how to keep it.
LOST = {
    "task": ("starts a task that nothing keeps", "so the task can be garbage-collected before it finishes and an "
             "exception it raises is never retrieved",
             "Keep the task and handle its outcome: await it, use an `asyncio.TaskGroup`, or add it to a set with "
             "`task.add_done_callback(tasks.discard)`."),
    "future": ("starts work whose outcome nothing reads", "so an exception the work raises stays in its future (or "
               "in the iterator `map` returns) and is never raised anywhere",
               "Read the outcome: call `future.result()` (e.g. over `as_completed(futures)`), consume `map`'s results, "
               "or add a done callback that checks `future.exception()`."),
    "thread": ("starts a thread that nothing joins", "so an exception it raises only reaches `threading.excepthook` "
               "(a line on stderr) and the caller carries on as if the work was done",
               "Keep the thread and `join()` it where the work must be done, and hand its failure back (a queue, a "
               "future from `ThreadPoolExecutor.submit`)."),
}


class DanglingTask(Rule):
    """An `asyncio` task, executor future or thread that nothing keeps or awaits: its exception is never retrieved.

    ## What it does
    Reports `asyncio.create_task(...)`, `asyncio.ensure_future(...)` and an event loop's `create_task(...)`
    (`loop.create_task`, `asyncio.get_running_loop().create_task`) whose task is thrown away: the call is a
    statement on its own, or its task is bound to a local name that the function never reads again, or it is what
    a callback returns to an event loop's registration that drops it (`loop.add_signal_handler(signal.SIGTERM,
    lambda: asyncio.create_task(shutdown()))`, `loop.call_soon_threadsafe(asyncio.create_task, coro)`).
    A task kept in a collection, an attribute or a name that is used later (awaited, cancelled, given a
    done callback) is left alone, and so is a `TaskGroup`'s `create_task`, whose group awaits its tasks
    and raises their errors. It also reports `results = await asyncio.gather(..., return_exceptions=True)` whose
    results are never read or only counted (`len(results)`): the tasks' exceptions come back as results, and nothing
    looks at them; and such a gather as a statement of its own when it starts the work it waits for
    (`await asyncio.gather(*(post(u) for u in urls), return_exceptions=True)`). A gather of tasks that already run
    (`await asyncio.gather(*tasks, return_exceptions=True)`) whose results are not kept is left alone: after
    cancelling them, or on the way out, it waits for them to settle and drops their errors on purpose.

    The same holds for work handed to a `concurrent.futures` executor (one made by `ThreadPoolExecutor(...)` or
    `ProcessPoolExecutor(...)` in the file, or kept in `executor`) or to the event loop's `run_in_executor`: a
    `submit(...)` whose future is thrown away or never read again, a list of futures only counted, and a `map(...)`
    whose results are never read (the first failure is raised only when they are). And for a `threading.Thread` (or
    `Timer`) started and let go: `Thread(target=...).start()` as a statement, or a local thread that is only started
    (and configured), never joined nor kept; a thread kept on an attribute or in a collection is left alone, and so is
    work that catches its own failures (a future's or thread's function of the file whose body is one `try` with an
    `except Exception` that does not raise again, also inside a worker's loop: its outcome holds no error to lose), and
    a thread let go on purpose for the life of the process (a target named for watching: `watch`, `monitor`,
    `heartbeat`, `keepalive`; a server's `serve_forever`; the program's `main`), and threads started in test files.

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
    file_hints = ("create_task", "ensure_future", "return_exceptions", "submit", ".map(", "run_in_executor", "thread")

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self._loops: set[str] = set()  # names bound to an event loop in this file
        self._executors: set[str] = set(EXECUTOR_NAMES)  # names bound to a `concurrent.futures` executor
        # Per open function: tasks bound to a local name, checked for a later read when the function ends.
        self._bound: list[list[tuple[cst.Call, str, bool]]] = []  # (spawn, name, whether a comprehension holds many)
        # Per open function: `gather(..., return_exceptions=True)` results bound to a local name.
        self._gathered: list[list[tuple[cst.Call, str]]] = []
        # Per open function: threads bound to a local name, checked for a join or a hand-over when the function ends.
        self._threads: list[list[tuple[cst.Call, str]]] = []
        self._scopes: list[cst.FunctionDef | cst.ClassDef] = []  # the enclosing functions and classes, innermost last

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._scopes.append(node)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scopes.append(node)
        self._bound.append([])
        self._gathered.append([])
        self._threads.append([])

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scopes.pop()
        bound = self._bound.pop()
        gathered = self._gathered.pop()
        threads = self._threads.pop()
        if not bound and not gathered and not threads:
            return
        names = list(names_in(node.body))
        for call, name, many in bound:
            counted = _counted(node.body, name)
            if names.count(name) == 1 + counted:
                kind = self._kind(call)
                what = f"{kind}s are" if many else f"{kind} is"
                self._report(call, f"its {what} bound to `{name}`, which is "
                             f"{'only counted' if counted else 'never used again'}", kind=kind)
        for call, name in gathered:
            counted = _counted(node.body, name)
            if names.count(name) == 1 + counted:
                self._report_gather(call, "only counted" if counted else "never read", name)
        for call, name in threads:
            if names.count(name) == 1 + _only_started(node.body, name):
                self._report(call, f"the thread bound to `{name}` is only started", kind="thread")

    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            if isinstance(item.item, cst.Call) and item.asname is not None \
                    and self.qualified_name(item.item) in EXECUTOR_FACTORIES:
                self._executors.update(filter(None, (get_full_name_for_node(item.asname.name),)))

    def visit_Assign(self, node: cst.Assign) -> None:
        value = node.value
        if type(value) is cst.Call and self.qualified_name(value) in LOOP_FACTORIES:
            self._loops.update(filter(None, (get_full_name_for_node(t.target) for t in node.targets)))
        if type(value) is cst.Call and self.qualified_name(value) in EXECUTOR_FACTORIES:
            self._executors.update(filter(None, (get_full_name_for_node(t.target) for t in node.targets)))
        if not (self._bound and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name)):
            return
        name = node.targets[0].target.value
        spawned = value.elt if isinstance(value, (cst.ListComp, cst.GeneratorExp, cst.SetComp)) else value
        if isinstance(spawned, cst.Call) and self._spawns(spawned):
            self._bound[-1].append((spawned, name, spawned is not value))
        elif isinstance(value, cst.Call) and self._lets_go(value):
            self._threads[-1].append((value, name))

    def visit_Expr(self, node: cst.Expr) -> None:
        value = node.value
        if isinstance(value, cst.Call) and self._spawns(value):
            kind = self._kind(value)
            self._report(value, f"the {'results it returns are' if callee_tail(value.func) == 'map' else kind + ' it returns is'}"
                         " thrown away", kind=kind)
        elif isinstance(value, cst.Call) and callee_tail(value.func) == "start" and isinstance(value.func, cst.Attribute) \
                and isinstance(value.func.value, cst.Call) and self._lets_go(value.func.value):
            self._report(value.func.value, "the thread is thrown away as soon as it starts", kind="thread")
        gather = self._gather(value)
        if gather is not None and _starts_work(gather):
            self._report_gather(gather, "thrown away", None)

    def visit_Call(self, node: cst.Call) -> None:
        registrar = callee_tail(node.func)
        if registrar not in CALLBACK_REGISTRARS:
            return
        for arg in node.args:
            callback = arg.value
            if type(callback) is cst.Lambda and type(callback.body) is cst.Call and self._spawns(callback.body):
                self._report(callback.body, f"the callback given to `{registrar}` returns the "
                             f"{self._kind(callback.body)}, and whatever a callback returns is thrown away",
                             kind=self._kind(callback.body))
            elif type(callback) in (cst.Name, cst.Attribute) and self.qualified_name(callback) in SPAWNERS:
                self._report(node, f"`{registrar}` calls it as a callback and throws away the task it returns")

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

    def _report_gather(self, call: cst.Call, how: str, name: str | None) -> None:
        kept = f" (`{name}`)" if name is not None else ""
        self.report(
            call,
            f"`asyncio.gather(..., return_exceptions=True)` hands back the tasks' exceptions as results, which are "
            f"{how}{kept}, so every failure vanishes.",
            hint="Look at each result: `for result in results: if isinstance(result, Exception): log or raise it`.",
        )

    def _spawns(self, call: cst.Call) -> bool:
        """`asyncio.create_task(...)`, `asyncio.ensure_future(...)`, an event loop's `create_task(...)` or
        `run_in_executor(...)`, or an executor's `submit(...)`/`map(...)`."""
        if self.qualified_name(call) in SPAWNERS:
            return True
        func = call.func
        if not isinstance(func, cst.Attribute) or self._runs_guarded_work(call):
            return False
        receiver = func.value
        if func.attr.value in EXECUTOR_METHODS:
            if isinstance(receiver, cst.Call):
                return self.qualified_name(receiver) in EXECUTOR_FACTORIES
            return (get_full_name_for_node(receiver) or "") in self._executors
        if func.attr.value not in LOOP_METHODS:
            return False
        if isinstance(receiver, cst.Call):
            return self.qualified_name(receiver) in LOOP_FACTORIES
        name = get_full_name_for_node(receiver) or ""
        return name in LOOP_NAMES or name in self._loops

    def _lets_go(self, call: cst.Call) -> bool:
        """A new thread, outside a test, whose target is work: not a watchdog (`target=watch`, `self._heartbeat`), a
        server (`server.serve_forever`) or the program's main function, which run for as long as the process does and
        are let go on purpose. (Tests start servers and timers beside the code they drive.)"""
        if self.context.is_test_file or self.qualified_name(call) not in THREAD_FACTORIES or self._runs_guarded_work(call):
            return False
        target = next((arg.value for arg in call.args if arg.keyword is not None and arg.keyword.value == "target"), None)
        name = (get_full_name_for_node(target) or "").rpartition(".")[2] if target is not None else ""
        return not is_watcher(name) and PROCESS_LONG_WORDS.isdisjoint(name.lower().split("_"))

    def _runs_guarded_work(self, call: cst.Call) -> bool:
        """The future's or thread's work is a function of this file that catches every exception itself (`def
        _safe_send(): try: ... except Exception: logger.exception(...)`): its outcome holds no failure to lose. (An
        asyncio task still needs a reference, whatever it catches.)"""
        where = WORK_ARGUMENTS.get(callee_tail(call.func) or "")
        if where is None:
            return False
        position, keyword = where
        positional = [arg.value for arg in call.args if arg.keyword is None and not arg.star]
        given = [arg.value for arg in call.args if arg.keyword is not None and arg.keyword.value == keyword]
        work = given[0] if given else positional[position] if position is not None and len(positional) > position \
            else None
        function = self._local_function(work) if work is not None else None
        return function is not None and _catches_everything(function, self.qualified_name)

    def _local_function(self, work: cst.BaseExpression) -> cst.FunctionDef | None:
        """The `def` a name (a nested or module function) or `self.name` (a method of the enclosing class) refers to."""
        blocks: list[Sequence[cst.CSTNode]]
        if type(work) is cst.Name:
            blocks = [scope.body.body for scope in reversed(self._scopes) if type(scope) is cst.FunctionDef]
            blocks.append(self.context.module.body)
            name = work.value
        elif type(work) is cst.Attribute and type(work.value) is cst.Name and work.value.value in ("self", "cls"):
            blocks = [next((scope.body.body for scope in reversed(self._scopes) if type(scope) is cst.ClassDef), ())]
            name = work.attr.value
        else:
            return None
        for statements in blocks:
            found = next((s for s in statements if type(s) is cst.FunctionDef and s.name.value == name), None)
            if found is not None:
                return found
        return None

    def _kind(self, call: cst.Call) -> str:
        """"future" for work handed to an executor (also the event loop's), "task" for an asyncio task."""
        return "future" if callee_tail(call.func) in EXECUTOR_METHODS or callee_tail(call.func) == "run_in_executor" else "task"

    def _report(self, call: cst.Call, why: str, kind: str = "task") -> None:
        shown = f"{self.context.module.code_for_node(call.func)}(...)"
        starts, lost, hint = LOST[kind]
        self.report(call, f"`{shown}` {starts}: {why}, {lost}.", hint=hint)


def _catches_everything(function: cst.FunctionDef, resolve: Resolver) -> bool:
    """The function's body is one `try` (maybe inside a worker's loop or a `with`) with a broad handler that does not
    raise again: every failure of the work ends in the function."""
    statement: cst.BaseStatement = function
    while True:
        suite = getattr(statement, "body", None)
        body = [s for s in suite.body if not is_docstring_line(s)] if isinstance(suite, cst.IndentedBlock) else []
        if len(body) != 1:
            return False
        statement = body[0]
        if type(statement) is cst.Try:
            return any(is_broad(handler.type, resolve) and not any(type(inner) is cst.Raise for inner in walk_own(handler))
                       for handler in statement.handlers)
        if type(statement) not in WRAPPERS:
            return False


def _counted(body: cst.BaseSuite, name: str) -> int:
    """How often `len(name)` occurs in the body."""
    return sum(1 for inner in walk_own(body) if type(inner) is cst.Call and type(inner.func) is cst.Name
               and inner.func.value == "len" and len(inner.args) == 1
               and type(inner.args[0].value) is cst.Name and inner.args[0].value.value == name)


def _only_started(body: cst.BaseSuite, name: str) -> int:
    """How often the body starts the thread bound to `name` or sets one of its options (`t.daemon = True`): uses that
    neither join it nor hand it on."""
    uses = 0
    for inner in walk_own(body):
        if type(inner) is cst.Call and isinstance(inner.func, cst.Attribute) and inner.func.attr.value == "start" \
                and isinstance(inner.func.value, cst.Name) and inner.func.value.value == name:
            uses += 1
        elif type(inner) is cst.Assign:
            uses += sum(1 for t in inner.targets if isinstance(t.target, cst.Attribute)
                        and isinstance(t.target.value, cst.Name) and t.target.value.value == name)
    return uses


def _starts_work(gather: cst.Call) -> bool:
    """The gather is handed new coroutines (`post(url)`, `*(post(u) for u in urls)`), not tasks already running
    (`*tasks`)."""
    for arg in gather.args:
        if arg.keyword is not None:
            continue
        value = arg.value
        if arg.star and isinstance(value, (cst.GeneratorExp, cst.ListComp)):
            value = value.elt
        if isinstance(value, cst.Call):
            return True
    return False
