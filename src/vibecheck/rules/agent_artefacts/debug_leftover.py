"""VC505: debugger calls, debugger imports and stray `print()` calls left in committed code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule

# Modules whose only purpose is interactive debugging; importing them in committed code is a leftover.
DEBUGGER_MODULES = frozenset({
    "pdb", "ipdb", "pudb", "wdb", "web_pdb", "remote_pdb", "rpdb", "pdbr", "icecream", "celery.contrib.rdb",
    "IPython.core.debugger", "pydevd",
})
# Calls that stop the program in a debugger or print debugging output.
DEBUGGER_CALLS = frozenset({
    "breakpoint", "builtins.breakpoint", "pdb.set_trace", "pdb.post_mortem", "pdb.pm", "pdb.Pdb.set_trace",
    "ipdb.set_trace", "ipdb.post_mortem", "ipdb.pm", "pudb.set_trace", "pudb.post_mortem", "wdb.set_trace",
    "web_pdb.set_trace", "remote_pdb.set_trace", "rpdb.set_trace", "pdbr.set_trace", "celery.contrib.rdb.set_trace",
    "IPython.embed", "IPython.core.debugger.set_trace", "pydevd.settrace", "debugpy.breakpoint", "icecream.ic", "ic",
})
# A `--pdb` option is a feature of a command-line tool, so post-mortem debugging is allowed there.
CLI_DEBUGGER_CALLS = frozenset({"pdb.post_mortem", "pdb.pm", "ipdb.post_mortem", "ipdb.pm", "pudb.post_mortem"})
# The last name of every call above, to skip all other calls without resolving them.
CALL_TERMINALS = frozenset(name.rpartition(".")[2] for name in DEBUGGER_CALLS) | {"print", "pprint", "pp"}
PRINT_CALLS = frozenset({"print", "builtins.print", "pprint.pprint", "pprint.pp"})
CLI_MODULES = frozenset({"argparse", "optparse", "click", "typer", "fire", "docopt", "rich_click", "cyclopts", "plac", "clize"})
# A module that builds a web application is not a script, even when it ends with `app.run()` under a main guard.
WEB_FRAMEWORKS = frozenset({
    "flask", "fastapi", "django", "starlette", "aiohttp", "sanic", "tornado", "bottle", "falcon", "quart", "litestar",
})
# Functions whose job is to print.
PRINTING_FUNCTIONS = frozenset({"main", "cli", "run_cli"})
PRINTING_FUNCTION_PREFIXES = ("print", "show", "display", "echo", "dump", "pretty", "report")


@dataclass(frozen=True)
class Options:
    """Options of `debug-leftover`."""

    check_print: bool = True
    print_allowed_dirs: tuple[str, ...] = (
        "scripts", "bin", "examples", "example", "docs", "doc", "tools", "demo", "demos", "benchmarks", "notebooks",
    )
    print_allowed_files: tuple[str, ...] = (
        "__main__.py", "setup.py", "manage.py", "noxfile.py", "fabfile.py", "tasks.py", "conftest.py",
    )


class DebugLeftover(Rule):
    """A debugger call, a debugger import or a stray `print()` left in committed code.

    ## What it does
    Reports `breakpoint()`, `pdb.set_trace()` and the other debuggers' entry points (`ipdb`, `pudb`,
    `remote_pdb`, `IPython.embed`, ...), imports of debugger modules, `ic()` from icecream, and `print()`
    or `pprint()` in library code. Calls are resolved through imports, so `from pdb import set_trace as
    st; st()` is found. `print()` is allowed in tests, under `if __name__ == "__main__":`, in scripts
    (modules with that guard, unless they build a Flask/FastAPI/Django/... app),
    `__main__.py`, command-line modules (those that import `argparse`, `click`, `typer`, ...), functions
    whose job is to print (`main`, `print_*`, `show_*`, ...), calls with an explicit `file=`, and the
    configured directories and files. Post-mortem debugging is allowed in command-line modules (a `--pdb`
    option).

    ## Why is this bad?
    A `breakpoint()` left in a web handler freezes the worker waiting for input on a terminal nobody
    watches. `print()` in a library writes to a stdout the application does not own, corrupts output
    that other programs parse, and leaks data into logs that bypass the logging configuration. Agents
    add both while debugging a failing run and rarely take them out.

    ## Example
    ```python
    def apply_discount(order, code):
        print("DEBUG order", order)
        breakpoint()
        return order.total * 0.9
    ```

    ## Use instead
    ```python
    import logging

    logger = logging.getLogger(__name__)


    def apply_discount(order, code):
        logger.debug("applying %s to order %s", code, order.id)
        return order.total * 0.9
    ```

    ## Options
    - `check-print` (default `true`): report `print()` and `pprint()` in library code.
    - `print-allowed-dirs`: directory names whose files may print (default `scripts`, `bin`, `examples`,
      `example`, `docs`, `doc`, `tools`, `demo`, `demos`, `benchmarks`, `notebooks`).
    - `print-allowed-files`: file names that may print (default `__main__.py`, `setup.py`, `manage.py`,
      `noxfile.py`, `fabfile.py`, `tasks.py`, `conftest.py`).

    ## References
    - [CWE-489: Active Debug Code](https://cwe.mitre.org/data/definitions/489.html)
    - [Logging HOWTO: when to use logging](https://docs.python.org/3/howto/logging.html#when-to-use-logging)
    """

    code = "VC505"
    name = "debug-leftover"
    category = Category.AGENT_ARTEFACTS
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (489,)
    Options = Options

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        path = PurePath(context.path)
        self._print_allowed = (
            context.is_test_file
            or not self.options.check_print
            or path.name in self.options.print_allowed_files
            or any(part in self.options.print_allowed_dirs for part in path.parts[:-1])
        )
        self._has_main_guard = False
        self._main_guards: set[int] = set()
        self._line: int = 0
        self._reported_lines: set[int] = set()
        self._functions: list[str] = []
        self._prints: list[cst.Call] = []
        self._cli_only: list[tuple[cst.CSTNode, str, int]] = []

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._line = id(node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node.name.value)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.pop()

    def visit_If(self, node: cst.If) -> None:
        test = node.test
        if isinstance(test, cst.Comparison) and {get_full_name_for_node(test.left)} | {
                get_full_name_for_node(c.comparator) for c in test.comparisons} >= {"__name__"}:
            self._has_main_guard = True
            self._main_guards.add(id(node))
            self._functions.append("main")

    def leave_If(self, node: cst.If) -> None:
        if id(node) in self._main_guards:
            self._functions.pop()

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            module = get_full_name_for_node(alias.name) or ""
            if module in DEBUGGER_MODULES:
                self._debugger_import(node, module)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None:
            return
        module = get_full_name_for_node(node.module) or ""
        names = [] if isinstance(node.names, cst.ImportStar) else [get_full_name_for_node(a.name) for a in node.names]
        if module in DEBUGGER_MODULES or (module == "IPython" and "embed" in names):
            self._debugger_import(node, module)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Name):
            if func.value not in CALL_TERMINALS and func.value not in self.context.imports.aliases:
                return
        elif not isinstance(func, cst.Attribute) or func.attr.value not in CALL_TERMINALS:
            return
        name = self._callee(node)
        if name in DEBUGGER_CALLS:
            if name in CLI_DEBUGGER_CALLS:
                self._cli_only.append((node, f"`{name}()` opens a post-mortem debugger: a leftover from a debugging "
                                       "session.", self._line))
            elif self._line not in self._reported_lines:
                shown = " ".join(self.context.module.code_for_node(node.func).split())
                self._reported_lines.add(self._line)
                self.report(node, f"`{shown}()` is a debugging call left in the code: it stops or spams the program "
                            "wherever it runs.", hint=f"Delete the `{shown}()` call before committing.")
        elif name in PRINT_CALLS and not self._print_allowed and not self._prints_on_purpose(node):
            self._prints.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        imported = {name.split(".")[0] for name in self.context.imports.imported_names()}
        is_script = self._has_main_guard and not imported & WEB_FRAMEWORKS
        is_cli = is_script or bool(imported & CLI_MODULES)
        if not is_cli:
            for found, message, line in self._cli_only:
                if line not in self._reported_lines:
                    self._reported_lines.add(line)
                    self.report(found, message, hint="Delete the debugger import and its calls before committing.")
            for call in self._prints:
                written = " ".join(self.context.module.code_for_node(call.func).split())
                self.report(call, f"`{written}()` in library code writes to stdout, which the application "
                            "does not own.", severity=Severity.LOW,
                            hint="Log with `logging.getLogger(__name__)` or return the value instead; keep `print()` for "
                            "scripts and command-line tools.")

    def _debugger_import(self, node: cst.Import | cst.ImportFrom, module: str) -> None:
        statement = " ".join(self.context.module.code_for_node(node).split()).rstrip(";")
        if module in ("pdb", "ipdb", "pudb"):
            self._cli_only.append((node, f"`{statement}` imports the `{module}` debugger: a leftover from a debugging "
                                   "session.", self._line))
            return
        self._reported_lines.add(self._line)
        self.report(node, f"`{statement}` imports the `{module}` debugger: a leftover from a debugging session.",
                    hint="Delete the debugger import and its calls before committing.")

    def _callee(self, node: cst.Call) -> str:
        func = node.func
        if (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Call)
                and get_full_name_for_node(func.value.func) == "__import__" and func.value.args):
            module = func.value.args[0].value
            if isinstance(module, cst.SimpleString):
                return f"{module.evaluated_value}.{func.attr.value}"
        return self.qualified_name(node) or ""

    def _prints_on_purpose(self, node: cst.Call) -> bool:
        if any(arg.keyword is not None and arg.keyword.value == "file" for arg in node.args):
            return True
        return any(name.lstrip("_") in PRINTING_FUNCTIONS or name.lstrip("_").startswith(PRINTING_FUNCTION_PREFIXES)
                   for name in self._functions)
