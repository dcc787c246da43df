"""VC505: debugger calls, debugger imports and stray `print()` calls left in committed code."""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

import libcst as cst

from vibecheck.analysis.migrations import is_alembic_revision
from vibecheck.analysis.statement_edits import statement_removal
from vibecheck.cst_fields import child_nodes
from vibecheck.imports import full_name
from vibecheck.literals import text_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import NodeFix, Rule
from vibecheck.rules.agent_artefacts.print_to_logging import ModuleLogger, logging_call, module_logger

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
BUILTIN_PRINT = frozenset({"print", "builtins.print"})
CLI_MODULES = frozenset({"argparse", "optparse", "click", "typer", "fire", "docopt", "rich_click", "cyclopts", "plac", "clize"})
# A module that builds a web application is not a script, even when it ends with `app.run()` under a main guard.
WEB_FRAMEWORKS = frozenset({
    "flask", "fastapi", "django", "starlette", "aiohttp", "sanic", "tornado", "bottle", "falcon", "quart", "litestar",
})
# Functions whose job is to print.
PRINTING_FUNCTION = lazy_pattern(
    r"^_*(?:main|cli|run_cli)$|print|show|display|echo|dump|pretty|report|render|output|emit|usage|banner|summary|repl",
    re.IGNORECASE)
# The entry point of a command-line tool: printing is its job, but not printing debugging output.
CLI_ENTRY = lazy_pattern(r"^_*(?:main|cli|run_cli)$", re.IGNORECASE)
# Classes whose job is to print (`PrintListener`, `ConsolePrinter`): their methods print on purpose. Narrower than the
# function names: a `SalesReport` class also computes, and a forgotten print in its `total()` is still one.
PRINTING_CLASS = lazy_pattern(r"print|console|display|echo|repl|terminal", re.IGNORECASE)
# `if verbose:` / `if self.debug:` / `if os.environ.get("APP_BENCH"):`: output the caller or the operator asked for.
VERBOSE_TEST = lazy_pattern(r"verbose|verbosity|debug|quiet|silent|trace|bench", re.IGNORECASE)
# A docstring that says the function prints ("displaying the fields", "Print the rows"): printing is its job.
PRINTING_DOCSTRING = lazy_pattern(r"\b(?:print(?:s|ed|ing)?|display(?:s|ed|ing)?)\b|\bto\s+(?:stdout|the\s+console)\b",
                                  re.IGNORECASE)
# Functions named for a debugger (`rdb_handler`, `install_pdb_hook`) wire it in on purpose: a signal or an option
# opens it there, which an agent's forgotten `breakpoint()` in `checkout` never does.
DEBUGGER_FUNCTION = lazy_pattern(r"pdb|rdb|debugger|breakpoint|set_trace", re.IGNORECASE)
# A print whose text starts with a debugging label (`print("DEBUG config:", cfg)`, `print(f"[debug] {row}")`): a leftover
# even where printing is the module's job (a command-line tool, its `main`), since no user asked for that line.
DEBUG_LABEL = lazy_pattern(r"^\W*debug\b", re.IGNORECASE)
# `print(..., file=)` and `pprint(..., stream=)` write where the caller said.
OUTPUT_KEYWORDS = frozenset({"file", "stream"})
# The switch a `--pdb` option sets (`if datasette.pdb:`, `if args.post_mortem_debugger:`): a post-mortem debugger
# opened under it is the feature the user asked for, in whatever module handles the error.
DEBUGGER_SWITCH = lazy_pattern(r"pdb|debugger", re.IGNORECASE)
# Names a debugger module is used by when it is integrated (a `--pdb` option, a hook), not left behind.
DEBUGGER_ENTRY_POINTS = frozenset({"set_trace", "post_mortem", "pm", "run", "runcall", "runeval"})
TYPE_CHECKING_NAMES = frozenset({"TYPE_CHECKING", "typing.TYPE_CHECKING", "typing_extensions.TYPE_CHECKING"})


# First words of a folder of examples named for what they show (`example_dags`, `demo_apps`, `samples_py`): code for a
# reader to run and watch, whose output is the point.
EXAMPLE_WORDS = frozenset({"example", "examples", "demo", "demos", "sample", "samples", "tutorial", "tutorials"})


# Folders of teaching material, where a debugging line may be what the page shows.
TEACHING_FOLDERS = frozenset({"examples", "example", "docs", "doc", "demo", "demos"})


def _names_examples(folder: str) -> bool:
    return re.split(r"[_\-]", folder, maxsplit=1)[0].lower() in EXAMPLE_WORDS


@dataclass(frozen=True)
class Options:
    """Options of `debug-leftover`."""

    check_print: bool = True
    print_allowed_dirs: tuple[str, ...] = (
        "scripts", "bin", "examples", "example", "docs", "doc", "tools", "demo", "demos", "benchmarks", "notebooks",
        "cli", "command", "commands", "command_line", "management", "testing",
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
    (modules with that guard or that read `sys.argv`, unless they build a Flask/FastAPI/Django/... app),
    `__main__.py`, command-line modules (those that import `argparse`, `click`, `typer`, ...), functions
    whose job is to print (`main`, `print_*`, `show_*`, `*_report`, ..., or a docstring that says it
    prints or displays) and the methods of classes whose job it is (`PrintListener`, `ConsolePrinter`, or a class
    docstring that says it prints), under a verbosity or debug switch (`if verbose:`,
    `if os.environ.get("APP_DEBUG"):`), calls with an explicit `file=` (`stream=` for `pprint`), folders of examples
    named for what they show (`example_dags`, `demo_apps`), Alembic revision scripts (a module that binds
    `down_revision`: the operator runs them and watches their progress), and the configured directories and files.
    A `print()` whose text starts with a debugging label (`print("DEBUG config:", cfg)`, `print(f"[debug] {row}")`) is
    reported in command-line modules, scripts and their `main` too, and in the configured directories other than
    examples and docs (a notebook exported to `notebooks/`, a tool in `scripts/`), since no user asked for that line;
    not under a
    verbosity switch, with `file=`, or in a function named for printing or debugging (`print_debug_info`).
    Post-mortem debugging is allowed in command-line modules (a `--pdb` option) and under the switch such an option
    sets (`if datasette.pdb: pdb.post_mortem(...)`, also with its import), importing `pdb` is allowed in
    code that works with the debugger (`pdb.Pdb`), hands the module on as a value (`debugger_module: Debugger =
    pdb`, the debugger a framework opens on request) or imports it only for type checking, and debugger calls and
    imports are allowed inside a function named for the debugger (`rdb_handler`, `install_pdb_hook`): that is where
    a signal or an option opens it on purpose.

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

    ## Fix safety
    The fix deletes a line that holds only debugger calls (`breakpoint()`, `pdb.set_trace()`, `ic(user)` with
    plain arguments) and debugger imports that nothing else in the file uses; a line that is the only
    statement of its block becomes `pass`. An import still used by a call elsewhere goes once that call is
    gone (the fix runs in passes). The `print()` calls of a function become calls on the module's logger:
    `print("Saved", path)` -> `logger.info("Saved %s", path)` (literal arguments in the format, `%` doubled,
    `sep` kept; a string, f-string or text built from a literal passed as it is); the level comes from the
    message's first word (`"DEBUG ..."`, `"Warning: ..."`), `exception` for an error in an `except` block,
    `debug` in a function named for debugging, else `info`. The file's own `logging.getLogger(...)` logger is
    used; otherwise `logger = logging.getLogger(__name__)` is added once after the leading imports, with
    `import logging`. No fix where `logger` or `logging` already names something else, for `print(*args)`,
    `print()`, a `sep` that is not a literal, `pprint`, a module-level print that runs before the logger
    exists, or an `except` block that only prints (VC104's finding: a log call there would hide that the
    program carries on after the failure). Both fixes are unsafe: the program no longer stops there, which is
    the point, but a debugger wired into a deliberate debug path goes too; a message moves from stdout to
    logging, where it shows only if logging is configured for its level (`end=` and `flush=` are dropped).

    ## Options
    - `check-print` (default `true`): report `print()` and `pprint()` in library code.
    - `print-allowed-dirs`: directory names whose files may print (default `scripts`, `bin`, `examples`,
      `example`, `docs`, `doc`, `tools`, `demo`, `demos`, `benchmarks`, `notebooks`, `cli`, `command`,
      `commands`, `command_line`, `management`, `testing`).
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
    fixable = True
    Options = Options

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        path = PurePath(context.project_path)
        folders = path.parts[:-1]
        by_place = path.name in self.options.print_allowed_files \
            or any(part in self.options.print_allowed_dirs or _names_examples(part) for part in folders)
        by_purpose = context.is_test_file or not self.options.check_print or is_alembic_revision(context.source)
        self._print_allowed = by_place or by_purpose
        # a folder that prints on purpose (`notebooks`, `scripts`, `tools`) still has no use for a `DEBUG` line; one of
        # examples or docs may show one
        self._labels_checked = by_place and not by_purpose \
            and not any(part in TEACHING_FOLDERS or _names_examples(part) for part in folders)
        self._has_main_guard = False
        self._reads_argv = False
        self._main_guards: set[int] = set()
        self._line: int = 0
        self._statement: cst.SimpleStatementLine | cst.SimpleStatementSuite | None = None
        self._blocks: list[Sequence[cst.BaseStatement]] = [context.module.body]
        self._fixes: dict[int, NodeFix | None] = {}  # by statement: how to delete a debugger line
        self._name_counts: Counter[str] | None = None  # how often each name is read in the file, counted once
        self._reported_lines: set[int] = set()
        self._functions: list[str] = []
        self._function_nodes: list[cst.FunctionDef] = []  # their docstrings are read only when one prints
        self._classes: list[cst.ClassDef] = []  # enclosing classes: a `PrintListener` prints on purpose
        self._prints: dict[int, list[cst.Call]] = {}  # by enclosing function (0: module level)
        # builtin `print` calls -> (directly inside an `except` block, in a function named for debugging)
        self._fixable_prints: dict[int, tuple[bool, bool]] = {}
        self._in_handler: list[bool | None] = [False]  # None: a handler that only prints (VC104's), not fixed here
        self._function_ids: list[int] = [0]
        self._cli_only: list[tuple[cst.CSTNode, str, int]] = []
        # prints labelled as debugging output (and whether their function prints on purpose): reported in command-line
        # modules and printing functions too
        self._labelled: list[tuple[cst.Call, bool]] = []
        self._switch_ifs: set[int] = set()  # ids of the enclosing `if verbose:` / `if debug:` tests
        self._debugger_switches: set[int] = set()  # ids of the enclosing `if app.pdb:` tests (a `--pdb` option)
        self._debugger_locals: set[str] = set()
        self._debugger_integrated = False
        self._pushed_ifs: set[int] = set()
        self._type_checking = 0

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._line = id(node)
        self._statement = node

    def visit_SimpleStatementSuite(self, node: cst.SimpleStatementSuite) -> None:
        self._line = id(node)
        self._statement = node

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self._blocks.append(node.body)

    def leave_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self._blocks.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.append(node)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node.name.value)
        self._function_nodes.append(node)
        self._function_ids.append(id(node))
        self._in_handler.append(False)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.pop()
        self._function_nodes.pop()
        self._function_ids.pop()
        self._in_handler.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self._in_handler.append(False)

    def leave_Lambda(self, node: cst.Lambda) -> None:
        self._in_handler.pop()

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self._in_handler.append(None if _only_prints(node) else True)

    def leave_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self._in_handler.pop()

    def visit_If(self, node: cst.If) -> None:
        test = node.test
        names = _names_in(test)
        if DEBUGGER_SWITCH.search("\n".join(names)):
            self._debugger_switches.add(id(node))
        if "__name__" in names and isinstance(test, cst.Comparison):
            self._has_main_guard = True
        elif names & TYPE_CHECKING_NAMES:
            self._type_checking += 1
        elif VERBOSE_TEST.search("\n".join(names)) is None:  # (one search: no word of it spans a line break)
            return
        else:
            self._switch_ifs.add(id(node))
        self._pushed_ifs.add(id(node))
        self._functions.append("main")  # output under a main guard or a verbosity switch is on purpose

    def leave_If(self, node: cst.If) -> None:
        self._debugger_switches.discard(id(node))
        if id(node) in self._pushed_ifs:
            self._functions.pop()
            self._switch_ifs.discard(id(node))
            if _names_in(node.test) & TYPE_CHECKING_NAMES:
                self._type_checking -= 1

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value == "argv" and self.context.imports.qualified_name(node) == "sys.argv":
            self._reads_argv = True  # a program run from the command line, guard or not
        value = node.value
        if type(value) is cst.Name and value.value in self._debugger_locals and node.attr.value not in DEBUGGER_ENTRY_POINTS:
            self._debugger_integrated = True  # `pdb.Pdb`: code that works with the debugger, not a leftover

    def visit_Param(self, node: cst.Param) -> None:
        self._note_debugger_value(node.default)

    def visit_Arg(self, node: cst.Arg) -> None:
        self._note_debugger_value(node.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        self._note_debugger_value(node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._note_debugger_value(node.value)

    def _note_debugger_value(self, value: cst.BaseExpression | None) -> None:
        """`debugger_module: Debugger = pdb`, `field(default=pdb)`: the module handed on as a value, the debugger a
        framework opens on request (its `pdb_on_exception` option), not a leftover."""
        if self._debugger_locals and type(value) is cst.Name and value.value in self._debugger_locals:
            self._debugger_integrated = True  # (most files import no debugger: asked of every argument first)

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            module = full_name(alias.name) or ""
            if module in DEBUGGER_MODULES:
                local = full_name(alias.asname.name) if alias.asname is not None else module
                self._debugger_locals.add(local or module)
                self._debugger_import(node, module)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None:
            return
        module = full_name(node.module) or ""
        names = [] if isinstance(node.names, cst.ImportStar) else [full_name(a.name) for a in node.names]
        if module in ("pdb", "ipdb", "pudb") and not set(names) <= DEBUGGER_ENTRY_POINTS:
            self._debugger_integrated = True
        elif module in DEBUGGER_MODULES or (module == "IPython" and "embed" in names):
            self._debugger_import(node, module)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if type(func) is cst.Name:
            if func.value not in CALL_TERMINALS and func.value not in self.context.imports.aliases:
                return
        elif not isinstance(func, cst.Attribute) or func.attr.value not in CALL_TERMINALS:
            return
        name = self._callee(node)
        if name in DEBUGGER_CALLS:
            if self._in_debugger_function():
                return
            if name in CLI_DEBUGGER_CALLS and self._debugger_switches:
                self._debugger_integrated = True  # `if datasette.pdb: pdb.post_mortem(...)`: opened when asked for
                return
            if name in CLI_DEBUGGER_CALLS:
                self._cli_only.append((node, f"`{name}()` opens a post-mortem debugger: a leftover from a debugging "
                                       "session.", self._line))
                self._note_fix()
            elif self._line not in self._reported_lines:
                shown = " ".join(self.context.module.code_for_node(node.func).split())
                self._reported_lines.add(self._line)
                self.report(node, f"`{shown}()` is a debugging call left in the code: it stops or spams the program "
                            "wherever it runs.", hint=f"Delete the `{shown}()` call before committing.",
                            fix=self._note_fix())
        elif name in PRINT_CALLS and not self._print_allowed:
            on_purpose = self._prints_on_purpose(node)
            if self._labelled_debug(node):
                self._labelled.append((node, on_purpose))
            if on_purpose:
                return
            self._prints.setdefault(self._function_ids[-1], []).append(node)
            if name in BUILTIN_PRINT and self._in_handler[-1] is not None:
                in_debug_code = any("debug" in function.lower() for function in self._functions)
                self._fixable_prints[id(node)] = (bool(self._in_handler[-1]), in_debug_code)
        elif name in PRINT_CALLS and self._labels_checked and self._labelled_debug(node):
            self._labelled.append((node, True))

    def _labelled_debug(self, node: cst.Call) -> bool:
        """`print("DEBUG config:", cfg)` outside a verbosity switch, an explicit `file=` and a function named for
        printing or debugging (`print_debug_info`); a command-line module's `main` does not print it on purpose."""
        first = node.args[0].value if node.args and node.args[0].keyword is None else None
        text = text_value(first) if isinstance(first, cst.SimpleString) else _leading_text(first)
        if text is None or not DEBUG_LABEL.match(text) or self._switch_ifs:
            return False
        if any(arg.keyword is not None and arg.keyword.value in OUTPUT_KEYWORDS for arg in node.args):
            return False
        return not any(("debug" in function.name.value.lower() or PRINTING_FUNCTION.search(function.name.value))
                       and not CLI_ENTRY.match(function.name.value) for function in self._function_nodes)

    def leave_Module(self, node: cst.Module) -> None:
        imported = {name.split(".")[0] for name in self.context.imports.imported_names()}
        is_script = (self._has_main_guard or self._reads_argv) and not imported & WEB_FRAMEWORKS
        is_cli = is_script or bool(imported & CLI_MODULES)
        for call, on_purpose in self._labelled:
            if not (is_cli or on_purpose):
                continue  # library code: reported with the function's other prints below
            written = " ".join(self.context.module.code_for_node(call.func).split())
            self.report(call, f"`{written}()` prints a line labelled as debugging output: a leftover from a debugging "
                        "session.", severity=Severity.LOW,
                        hint="Delete it, or log it with `logging.getLogger(__name__).debug(...)`.")
        if not is_cli:
            for found, message, line in self._cli_only:
                if isinstance(found, (cst.Import, cst.ImportFrom)) and self._debugger_integrated:
                    continue
                if line not in self._reported_lines:
                    self._reported_lines.add(line)
                    self.report(found, message, hint="Delete the debugger import and its calls before committing.",
                                fix=self._fixes.get(line))
            logger = module_logger(self.context) if self._fixable_prints else None
            for function, calls in self._prints.items():
                call = calls[0]  # one finding per function: the first print, counting the others
                written = " ".join(self.context.module.code_for_node(call.func).split())
                more = f" ({len(calls) - 1} more in the same function)" if len(calls) > 1 else ""
                self.report(call, f"`{written}()` in library code writes to stdout, which the application "
                            f"does not own{more}.", severity=Severity.LOW,
                            hint="Log with `logging.getLogger(__name__)` or return the value instead; keep `print()` for "
                            "scripts and command-line tools.", fix=self._logging_fix(calls, function == 0, logger))

    def _logging_fix(self, calls: list[cst.Call], module_level: bool, logger: ModuleLogger | None) -> NodeFix | None:
        """Every builtin `print` of one function turned into a logger call, with the logger defined when it is new.

        At module level, only prints after the logger's definition (a print in the import block would run first).
        """
        if logger is None:
            return None
        replacements: list[tuple[cst.CSTNode, cst.CSTNode]] = []
        for call in calls:
            if id(call) not in self._fixable_prints or (module_level and self._top_level_index(call) <= logger.defined_after):
                continue
            in_handler, in_debug_code = self._fixable_prints[id(call)]
            logged = logging_call(call, logger.name, in_handler=in_handler, in_debug_code=in_debug_code)
            if logged is not None:
                replacements.append((call, logged))
        if not replacements:
            return None
        return NodeFix(f"Log with `{logger.name}` instead of printing", (*replacements, *logger.replacements), safe=False)

    def _top_level_index(self, node: cst.CSTNode) -> int:
        """The index of the module statement that holds `node`."""
        for index, statement in enumerate(self.context.module.body):
            pending: list[cst.CSTNode] = [statement]
            while pending:
                current = pending.pop()
                if current is node:
                    return index
                pending.extend(child_nodes(current))
        return len(self.context.module.body)

    def _in_debugger_function(self) -> bool:
        return any(DEBUGGER_FUNCTION.search(function) for function in self._functions)

    def _debugger_import(self, node: cst.Import | cst.ImportFrom, module: str) -> None:
        if self._type_checking or self._in_debugger_function():
            return
        statement = " ".join(self.context.module.code_for_node(node).split()).rstrip(";")
        fix = self._note_fix()
        if module in ("pdb", "ipdb", "pudb"):
            self._cli_only.append((node, f"`{statement}` imports the `{module}` debugger: a leftover from a debugging "
                                   "session.", self._line))
            return
        self._reported_lines.add(self._line)
        self.report(node, f"`{statement}` imports the `{module}` debugger: a leftover from a debugging session.",
                    hint="Delete the debugger import and its calls before committing.", fix=fix)

    def _note_fix(self) -> NodeFix | None:
        """The fix deleting the current statement line, if it holds only debugger calls and unused debugger imports."""
        line = self._line
        if line not in self._fixes:
            self._fixes[line] = self._deletion(self._statement) if self._statement is not None else None
        return self._fixes[line]

    def _deletion(self, statement: cst.SimpleStatementLine | cst.SimpleStatementSuite) -> NodeFix | None:
        used_outside = self._names_used_outside(statement)
        if not all(self._removable(small, used_outside) for small in statement.body):
            return None
        return statement_removal(statement, self._blocks[-1] if len(self._blocks) > 1 else None, "the debugger line")

    def _removable(self, small: cst.BaseSmallStatement, used_outside: set[str]) -> bool:
        """A debugger call whose arguments have no side effects, or a debugger import nothing else uses."""
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
            call = small.value
            return self._callee(call) in DEBUGGER_CALLS and all(_is_plain(arg.value) for arg in call.args)
        if isinstance(small, cst.Import):
            return all((full_name(a.name) or "") in DEBUGGER_MODULES and _local_name(a) not in used_outside
                       for a in small.names)
        if isinstance(small, cst.ImportFrom) and not small.relative and small.module is not None:
            module = full_name(small.module) or ""
            return (not isinstance(small.names, cst.ImportStar) and (module in DEBUGGER_MODULES or module == "IPython")
                    and all(_local_name(a) not in used_outside for a in small.names))
        return False

    def _names_used_outside(self, statement: cst.CSTNode) -> set[str]:
        """Names read anywhere in the file more often than in `statement` (an import they need must stay)."""
        if self._name_counts is None:
            tree = self.context.python_ast()
            self._name_counts = Counter(node.id for node in ast.walk(tree) if isinstance(node, ast.Name)) if tree else None
        if self._name_counts is None:
            return {"*"}  # cannot tell: keep every import
        here = Counter(_read_names(statement))
        return {name for name, count in self._name_counts.items() if count > here[name]}

    def _callee(self, node: cst.Call) -> str:
        func = node.func
        if (type(func) is cst.Attribute and type(func.value) is cst.Call
                and full_name(func.value.func) == "__import__" and func.value.args):
            module = func.value.args[0].value
            module_name = text_value(module) if isinstance(module, cst.SimpleString) else None
            if module_name is not None:
                return f"{module_name}.{func.attr.value}"
        return self.qualified_name(node) or ""

    def _prints_on_purpose(self, node: cst.Call) -> bool:
        if any(arg.keyword is not None and arg.keyword.value in OUTPUT_KEYWORDS for arg in node.args):
            return True
        return any(PRINTING_FUNCTION.search(name) for name in self._functions) or any(
            PRINTING_DOCSTRING.search(function.get_docstring() or "") for function in self._function_nodes) or any(
            PRINTING_CLASS.search(cls.name.value) or PRINTING_DOCSTRING.search(cls.get_docstring() or "")
            for cls in self._classes)


def _only_prints(handler: cst.ExceptHandler) -> bool:
    """An `except` block that only prints (then passes, continues or returns a constant): logging there instead would
    hide that it carries on as if nothing failed, which VC104 reports and only its author can decide."""
    lines = handler.body.body if isinstance(handler.body, cst.IndentedBlock) else (handler.body,)
    simple = [line for line in lines if isinstance(line, (cst.SimpleStatementLine, cst.SimpleStatementSuite))]
    if len(simple) != len(lines):
        return False
    return all(isinstance(small, (cst.Pass, cst.Continue, cst.Break))
               or (isinstance(small, cst.Return) and not _has_call(small))
               or (isinstance(small, cst.Expr) and isinstance(small.value, cst.Call)
                   and full_name(small.value.func) in ("print", "builtins.print"))
               for line in simple for small in line.body)


def _leading_text(node: cst.BaseExpression | None) -> str | None:
    """The literal text an f-string starts with (`f"[debug] {row}"` -> `[debug] `)."""
    if isinstance(node, cst.FormattedString) and node.parts and isinstance(node.parts[0], cst.FormattedStringText):
        return node.parts[0].value
    return None


def _has_call(node: cst.CSTNode) -> bool:
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, cst.Call):
            return True
        pending.extend(child_nodes(current))
    return False


def _local_name(alias: cst.ImportAlias) -> str:
    """The name an import binds: `pdb` for `import pdb`, `st` for `... as st`, `IPython` for `import IPython.core.debugger`."""
    if alias.asname is not None:
        return full_name(alias.asname.name) or ""
    return (full_name(alias.name) or "").split(".")[0]


def _is_plain(node: cst.BaseExpression) -> bool:
    """An argument whose evaluation does nothing: a name, an attribute, a literal (`ic(user)`, `set_trace(header=...)`)."""
    return isinstance(node, (cst.Name, cst.Attribute, cst.SimpleString, cst.Integer, cst.Float))


def _read_names(node: cst.CSTNode) -> list[str]:
    """Every `Name` in a statement, the way `ast` counts them (not the names inside `import` statements)."""
    if type(node) is cst.Import or type(node) is cst.ImportFrom:
        return []
    names = [node.value] if type(node) is cst.Name else []
    for child in child_nodes(node):
        names.extend(_read_names(child))
    return names


def _names_in(test: cst.BaseExpression) -> set[str]:
    """The dotted names an `if` test reads (`__name__`, `TYPE_CHECKING`, `self.verbose`), and the strings it looks up
    (`os.environ.get("APP_DEBUG")`, `os.environ["VERBOSE"]`): not the callee's name, which says nothing of verbosity."""
    names: set[str] = set()
    pending: list[cst.CSTNode] = [test]
    while pending:
        node = pending.pop()
        if type(node) is cst.Call:
            pending.extend(arg.value for arg in node.args)
        elif type(node) is cst.Subscript:
            pending.extend(element.slice.value for element in node.slice if isinstance(element.slice, cst.Index))
        elif type(node) is cst.SimpleString:
            names.add(node.value)
        elif type(node) is cst.Name or type(node) is cst.Attribute:
            names.add(full_name(node) or "")
        elif type(node) is cst.Comparison:
            pending.append(node.left)
            pending.extend(c.comparator for c in node.comparisons)
        elif type(node) is cst.BooleanOperation:
            pending.extend((node.left, node.right))
        elif isinstance(node, cst.UnaryOperation):
            pending.append(node.expression)
    return names
