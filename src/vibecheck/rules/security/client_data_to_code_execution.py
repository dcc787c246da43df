"""VC413: client or command-line input is run as Python code or names the module to import (code injection)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import libcst as cst

from vibecheck.analysis.flow import (
    SUMMARISED_KINDS,
    FlowState,
    SourceFinder,
    Taint,
    call_argument,
    client_or_cli_source,
    dotted_name,
    iter_calls,
    last_parts,
    short_code,
)
from vibecheck.analysis.nodes import callee_tail
from vibecheck.analysis.summary_keys import DESERIALIZE_CWE, IMPORT_CWE, ORIGIN, is_command_line
from vibecheck.cst_fields import own_nodes_of
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern, word_start_matches
from vibecheck.rule import SourceHints
from vibecheck.rules.security._client_sinks import ArgumentSpec, ClientSinkRule
from vibecheck.rules.security._deserializers import (
    ALWAYS_UNSAFE,
    NUMPY_LOAD,
    TORCH_LOAD,
    deserialized_data,
    hint_for,
    is_deserializer,
)
from vibecheck.rules.security._deserializers import NAMES as DESERIALIZER_NAMES
from vibecheck.rules.security._frames import FRAME_METHODS, FRAME_NAME, is_frame

# AppleScript source run through the `applescript`, py-applescript and `osascript` packages: its `do shell script`
# reaches the shell as well.
APPLESCRIPT_RUNNERS: dict[str, ArgumentSpec] = {
    "applescript.run": (0, None), "applescript.AppleScript": (0, "source"), "applescript.tell.app": (1, None),
    "osascript.run": (0, None), "osascript.osascript": (0, None),
}
EXECUTING: dict[str, ArgumentSpec] = {
    "eval": (0, None), "exec": (0, None), "builtins.eval": (0, None), "builtins.exec": (0, None),
    "runpy.run_path": (0, "path_name"), "runpy.run_module": (0, "mod_name"),
    **APPLESCRIPT_RUNNERS,
}
# pandas' expression evaluators: `pd.eval(expr)`, and a frame's `df.query(expr)`/`df.eval(expr)` (`_frames`).
FRAME_EXPRESSION = "frame expression"
PANDAS_EVAL: dict[str, ArgumentSpec] = {"pandas.eval": (0, "expr")}
IMPORTING: dict[str, ArgumentSpec] = {
    "importlib.import_module": (0, "name"), "__import__": (0, "name"), "builtins.__import__": (0, "name"),
    "pydoc.locate": (0, "path"), "importlib.util.find_spec": (0, "name"),
}
# Methods of `code.InteractiveConsole`/`InteractiveInterpreter` that run their argument.
CONSOLE_METHODS: dict[str, ArgumentSpec] = {"push": (0, "line"), "runsource": (0, "source"), "runcode": (0, "code")}
CONSOLE_RECEIVER_WORDS = ("console", "interp", "repl", "shell")
# Methods of a driven browser (Playwright, pyppeteer, Selenium) that run their argument as JavaScript in the page, in
# a file that imports one (`model.evaluate(...)` elsewhere is no browser's): the script runs with the bot's session.
BROWSER_SCRIPT_METHODS: dict[str, ArgumentSpec] = {
    "evaluate": (0, "expression"), "evaluate_handle": (0, "expression"), "add_init_script": (0, "script"),
    "execute_script": (0, "script"), "execute_async_script": (0, "script"),
}
BROWSER_MODULES = ("playwright", "pyppeteer", "selenium")
SANITIZERS = frozenset({"ast.literal_eval", "int", "float", "bool", "json.loads", "uuid.UUID", "decimal.Decimal"})
CWE = (94, 95)
# What opens a file by its path (`open(path)`, `Path(path)`), and the methods that read what it holds.
FILE_OPENERS = frozenset({"open", "builtins.open", "io.open", "codecs.open", "pathlib.Path", "pathlib.PurePath",
                          "aiofiles.open"})
READ_METHODS = frozenset({"read", "read_text", "read_bytes"})
RUNNERS = frozenset({"eval", "exec", "builtins.eval", "builtins.exec"})
# A call of `exec` or `eval`, searched at word starts (`word_start_matches`): not `execute(`, `.evaluate(`, `_eval(`;
# a file without one has nothing to vet.
RUNNER_CALL = lazy_pattern(r"(?:exec|eval)\s*\(")
# The label of a path whose file's contents are run (`exec(open(path).read())`).
FILE_RUN = "file run"
# The label of data a loader rebuilds objects from, running code as it does (`pickle.loads(blob)`, `torch.load(path)`).
DESERIALIZED = "deserialized"
# How an upload is written to a path (Werkzeug's `FileStorage.save(dst)`, a file's `write`, `Path.write_bytes`,
# `shutil.copyfileobj(upload.file, out)`), and the words that name them (a module without one writes no upload).
UPLOAD_WRITERS = frozenset({"save", "write", "write_bytes"})
COPY_FILE_OBJECT, COPY_FILE_OBJECT_NAME = "shutil.copyfileobj", "copyfileobj"
FILE_WRITING_WORDS = ("save(", "write(", "write_bytes(", "copyfileobj(")
# The options and arguments of a command-line tool (a click or typer command's parameters, what `parse_args()`
# returns): followed within the function only, and only into code that runs their text. A tool that imports the
# module its user names (`flask --app`, `celery -A`) or runs the file they name (a config script) does so by design.
CLI_OPTION = "cli-option"
CLI_MODULES = ("click", "typer")
CLI_DECORATOR_METHODS = frozenset({"command", "callback", "group"})
CLI_DECORATORS = frozenset({"click.command", "click.group", "click.option", "click.argument", "typer.run"})
ARGUMENT_PARSERS = frozenset({"parse_args", "parse_known_args", "parse_intermixed_args"})
# What a parser returns, handed to a sub-command's function (`args.func(args)` calls `def cmd_verify(args:
# argparse.Namespace)`): a parameter annotated with it holds the user's options.
PARSED_OPTIONS = frozenset({"argparse.Namespace"})
# Parameters a command takes that are no option of its user's: click's context, and numbers (which run no code).
CLI_CONTEXT = frozenset({"self", "cls", "ctx", "context"})
CLI_SCALARS = frozenset({"int", "float", "bool"})


def cli_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """Client and command-line input (`client_or_cli_source`), and what an argument parser returns: `args =
    parser.parse_args()`, whose `args.expr` is the user's text."""
    found = client_or_cli_source(node, state)
    if found is None and type(node) is cst.Call and type(node.func) is cst.Attribute \
            and node.func.attr.value in ARGUMENT_PARSERS:
        return Taint(CLI_OPTION, short_code(node))
    return found


def is_cli_command(function: cst.FunctionDef, state: FlowState) -> bool:
    """A click or typer command: `@app.command()`, `@cli.command("sync")`, `@click.command()`, `@click.option(...)`."""
    if not state.imports.imports_any(CLI_MODULES):
        return False
    for decorator in function.decorators:
        expression = decorator.decorator.func if type(decorator.decorator) is cst.Call else decorator.decorator
        if type(expression) is cst.Attribute and expression.attr.value in CLI_DECORATOR_METHODS:
            return True
        if state.qualified_name(expression) in CLI_DECORATORS:
            return True
    return False


class ClientDataToCodeExecution(ClientSinkRule):
    """Client or command-line input is run as Python code, or names the module that is imported.

    ## What it does
    Follows client input (request fields, route parameters, Lambda and Slack payloads, a chat bot's messages and the
    arguments of discord.py's commands, `@bot.command()`, `@app_commands.command()`) and what a
    command-line program reads from its user (`sys.argv`, `input()`, `sys.stdin`) into `eval()`,
    `exec()` (also as the path of the file whose contents they run: `exec(open(path).read())`), `runpy`,
    `code.InteractiveConsole.push()`/`runsource()`, the JavaScript a driven browser runs (Playwright's and pyppeteer's
    `page.evaluate()`, `add_init_script()`, Selenium's `execute_script()`, in a file that imports one; client input only:
    an operator's own script, from the command line, is the tool's feature), the AppleScript source that the `applescript`
    (`run()`, `AppleScript()`, `tell.app()`) and `osascript` packages run, the expression pandas evaluates with access to
    Python objects (`pd.eval()`, and a frame's `df.query()`/`df.eval()`: a receiver named for a frame or bound in the file to
    a pandas reader or constructor; client input only: an operator's `--where` filtering their own data is the tool's
    feature), and into the name
    given to `importlib.import_module()`, `__import__()` or `pydoc.locate()`. Values converted with
    `int()`/`float()` or parsed with `ast.literal_eval()`/`json.loads()` are clean. It supersedes bandit's
    `B307` and `B102` on the same line, which report every `eval`/`exec` and name the weakness as OS
    command injection, and VC405 there (the path that chooses the file run is the same problem).
    The options of a click or typer command (its parameters, but numbers and click's `ctx`) and what an
    argument parser returns (`args = parser.parse_args()`, then `eval(args.filter)`; a sub-command's parameter
    annotated `argparse.Namespace`, which `args.func(args)` hands it) count too, within the function, where their
    text is run as code; a tool that imports the module or runs the script its user names
    (`flask --app`, `celery -A`, a config script) does so by design and is left alone.
    Command-line input run as code is reported at medium severity: whoever sends it runs the command, and
    so can usually run code already, unless another program feeds it untrusted input; a module name typed at
    the prompt or given as an argument (`import_module(input("plugin? "))`) is left alone, as an option's is.
    `compile()` alone only parses: the code runs when the result is executed.

    A loader that runs code as it rebuilds objects (a pickle load, `joblib.load`, `torch.load` without
    `weights_only=True`, `numpy.load(..., allow_pickle=True)`) in a helper the project calls with client input is
    reported through VC417 at the load, naming the route: input passed as the data, an open file or a path, also the
    path an upload was written to (`upload.save(path)`, `shutil.copyfileobj(file.file, out)` or `out.write(...)` into
    `open(path, "wb")`, `path.write_bytes(await file.read())`). The same load in the function that reads the input,
    and a helper's load that only the command line feeds (the tool's own input), are VC406's.

    Bandit's `B102`/`B307` on `exec`/`eval` of what the program reads from a file it names (a configuration
    file, `PYTHONSTARTUP`: `exec(compile(f.read(), path, "exec"), ns)` with `f` from `with open(path)`, or a
    name bound to such a read) become notices, which do not fail the build: running such a file is the
    feature. A path that is client or command-line input keeps them (and is reported here). They are notices too on
    `exec(code)` of a name the function declares a compiled code object (`code: CodeType`, a template engine's
    compiled template): what it runs was decided where it was compiled, and client data that reaches that
    `compile()` is reported here.

    ## Why is this bad?
    `eval(request.args["expr"])` runs whatever the client sends, `__import__('os').system(...)` included:
    the client owns the process. Importing a module named by the client loads any installed module, and
    many do work at import time. Agents reach for `eval` to parse numbers, lists or small formulas.

    ## Example
    ```python
    from flask import Flask, request

    app = Flask(__name__)

    @app.get("/calc")
    def calc():
        return str(eval(request.args["expr"]))
    ```

    ## Use instead
    ```python
    import ast

    from flask import Flask, request

    app = Flask(__name__)

    @app.get("/calc")
    def calc():
        return str(ast.literal_eval(request.args["expr"]))
    ```

    ## References
    - [CWE-94: Code Injection](https://cwe.mitre.org/data/definitions/94.html)
    - [CWE-95: Eval Injection](https://cwe.mitre.org/data/definitions/95.html)
    - [Python `ast.literal_eval`](https://docs.python.org/3/library/ast.html#ast.literal_eval)
    """

    code = "VC413"
    name = "client-data-to-code-execution"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = CWE
    supersedes = ("B307", "B102", "VC405")
    # Names, each a part of a sink's or a source's dotted name (every part of a resolved name is a name in the
    # file: the call's own parts, or the import that binds its head): the sinks' (`eval`, `import_module`, ...,
    # `builtins.eval` through `eval`; the browser libraries, whose script methods are sinks only in a file that imports
    # one), the request sources' (`request`, `self.request`, `flask.request`, a
    # `Request`/`HttpRequest` parameter, a payload's `event`) and the command line's (`sys.argv`, `input(`,
    # `raw_input`, `fileinput`, `sys.stdin`, `builtins.input`). A module without them has no sink and reads no
    # named source; VC417 borrows its calls and returns from VC409 (not `import`, which every module spells).
    # `builtins` counts only as code uses it (`builtins.input`, `from builtins import input as ask`), not as the word
    # of a docs link in a comment (`.../ref/templates/builtins/`, in each of Django's 90 locale format files).
    file_hints = ("eval", "exec", "import_module", "__import__", "locate", "find_spec", "run_path", "run_module", "push",
                  "applescript", "osascript", "playwright", "pyppeteer", "selenium",
                  "runsource", "runcode", "request", "httprequest", "event", "argv", "input(", "raw_input", "fileinput",
                  "stdin", "builtins.", "builtins import", "import builtins", "pandas",
                  *sorted(name.lower() for name in DESERIALIZER_NAMES))
    file_hints_are_names = True

    @classmethod
    def hinted_in(cls, source: SourceHints) -> bool:
        """The file hints, or a `query` name in a module that may hold a frame (a name like `df` or `sales_df`; a
        pandas import is a hint itself): elsewhere `.query()` is a search (Django's `Query`, `index.query(...)`) and
        its receiver is never a frame (`_frames.is_frame`)."""
        return super().hinted_in(source) or ("query" in source.words and any(
            FRAME_NAME.search(word) for word in source.words))
    function_sinks: ClassVar[dict[str, ArgumentSpec]] = {**EXECUTING, **IMPORTING, **PANDAS_EVAL}
    method_sinks: ClassVar[dict[str, ArgumentSpec]] = {**CONSOLE_METHODS, **BROWSER_SCRIPT_METHODS}
    # the calls of `sinks`; `note` keeps the files and saved uploads later statements' taints read
    sink_words = last_parts(function_sinks, method_sinks, FRAME_METHODS, RUNNERS, ALWAYS_UNSAFE, (TORCH_LOAD, NUMPY_LOAD))
    sanitizers = SANITIZERS
    source: ClassVar[SourceFinder] = staticmethod(cli_source)
    reported_kinds = frozenset({"request", CLI_OPTION})
    scalar_inputs_matter = True

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        """Route inputs, and a click or typer command's parameters: the options its user typed."""
        super().start_function(function, state)
        self._code_objects = _annotated_code_objects(function) if self._runs_code else frozenset()
        for param in (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params):
            if param.annotation is not None and state.qualified_name(param.annotation.annotation) in PARSED_OPTIONS:
                state.names[param.name.value] = Taint(CLI_OPTION, f"{param.name.value}: argparse.Namespace")
        if not is_cli_command(function, state):
            return
        for param in (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params):
            name = param.name.value
            annotation = dotted_name(param.annotation.annotation) if param.annotation is not None else None
            if name not in CLI_CONTEXT and name not in state.names and annotation not in CLI_SCALARS:
                state.names[name] = Taint(CLI_OPTION, "--" + name.replace("_", "-"))

    vets = ("B307", "B102")
    _code_objects: frozenset[str] = frozenset()  # names the current function declares as compiled code objects

    def visit_Module(self, node: cst.Module) -> None:
        self._runs_code = next(word_start_matches(RUNNER_CALL, self.context.source), None) is not None
        self._deserializes = any(name in self.context.source for name in DESERIALIZER_NAMES)
        self._saves_files = any(word in self.context.source for word in FILE_WRITING_WORDS)
        self._code_objects = frozenset()
        self._reads_state: FlowState | None = None
        self._handles: dict[str, cst.Call] = {}  # names bound to an opened file (`with open(p) as f`)
        self._contents: dict[str, cst.Call] = {}  # names bound to what a file holds (`code = f.read()`): its opener
        super().visit_Module(node)

    def sinks(self, call: cst.Call, state: FlowState) -> Iterator[tuple[cst.BaseExpression, str]]:
        """The table's sinks, and the path of the file whose contents `exec`/`eval` run (`exec(open(path).read())`),
        which runs whatever file the path names, as `runpy.run_path(path)` does."""
        yield from super().sinks(call, state)
        func = call.func
        if type(func) is cst.Attribute and func.attr.value in FRAME_METHODS \
                and is_frame(dotted_name(func.value) or "", self.context):
            argument = call_argument(call, 0, FRAME_METHODS[func.attr.value])
            if argument is not None:
                yield argument, FRAME_EXPRESSION
        if self._runs_code and state.qualified_name(call) in RUNNERS:
            code = call_argument(call, 0, "source")
            opener = self._contents_opener(code, state) if code is not None else None
            path = call_argument(opener, 0, "file") if opener is not None else None
            if path is not None:
                yield path, FILE_RUN
        if self._deserializes:
            data = deserialized_data(call, state)
            if data is not None:  # an open file (`with open(path, "rb") as f`) is as much its path's as the data
                opener = self._opener(data, state)
                path = call_argument(opener, 0, "file") if opener is not None else None
                yield path if path is not None else data, state.qualified_name(call) or ""

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        if self._reads_state is not state and (self._runs_code or self._deserializes or self._saves_files):
            self._reads_state, self._handles, self._contents = state, {}, {}
        super().check(node, state)
        self.note(node, state)

    def note(self, node: cst.CSTNode, state: FlowState) -> None:
        """The files opened and read, and where uploads were saved: what later statements' sinks look up."""
        if not (self._runs_code or self._deserializes or self._saves_files):
            return
        if self._reads_state is not state:
            self._reads_state, self._handles, self._contents = state, {}, {}
        self._note_files(node, state)
        if self._saves_files:
            self._note_saved_uploads(node, state)

    def _note_saved_uploads(self, node: cst.CSTNode, state: FlowState) -> None:
        """A path the client's upload was written to holds the client's bytes: `upload.save(path)`, `with open(path,
        "wb") as out: shutil.copyfileobj(file.file, out)` or `out.write(data)`, `path.write_bytes(await file.read())`.
        Only this rule's walk takes the path for the client's (a loader handed it runs what the client sent); for the
        file-system rules the server chose the path."""
        for call in iter_calls(node):
            func = call.func
            data: cst.BaseExpression | None = None
            target: cst.BaseExpression | None = None
            if type(func) is cst.Attribute and func.attr.value in UPLOAD_WRITERS:
                method = func.attr.value
                if method == "save":
                    data, target = func.value, call_argument(call, 0, "dst")
                else:
                    data = call_argument(call, 0, "data")
                    opener = self._opener(func.value, state) if method == "write" else None
                    target = call_argument(opener, 0, "file") if opener is not None else (
                        func.value if method == "write_bytes" else None)
            elif callee_tail(func) == COPY_FILE_OBJECT_NAME and state.qualified_name(call) == COPY_FILE_OBJECT:
                data, handle = call_argument(call, 0, "fsrc"), call_argument(call, 1, "fdst")
                opener = self._opener(handle, state) if handle is not None else None
                target = call_argument(opener, 0, "file") if opener is not None else None
            if type(target) is cst.Call and state.qualified_name(target) in FILE_OPENERS:  # `Path(path).write_bytes(...)`
                target = call_argument(target, 0, None)
            taint = state.taint_of(data) if data is not None else None
            if type(target) is cst.Name and taint is not None and taint.kind == "request":
                state.names[target.value] = Taint("request", taint.origin)

    def _note_files(self, node: cst.CSTNode, state: FlowState) -> None:
        """Make bandit's alarm a notice on `exec`/`eval` of the contents of a file the program names, and note which
        names hold a file or its contents (per walk: each function's state is new)."""
        for call in iter_calls(node) if self._runs_code else ():
            if state.qualified_name(call) in RUNNERS:
                code = call_argument(call, 0, "source")
                opener = self._contents_opener(code, state) if code is not None else None
                if (opener is not None and _names_own_file(opener, state)) or (
                        type(code) is cst.Name and code.value in self._code_objects):
                    self.vet(call, notice=True)
        kind = type(node)
        if kind is cst.With:
            for item in node.items:  # type: ignore[attr-defined]
                opener = self._opener(item.item, state)
                if item.asname is not None and type(item.asname.name) is cst.Name and opener is not None:
                    self._handles[item.asname.name.value] = opener
        elif kind is cst.Assign:
            names = [t.target.value for t in node.targets if type(t.target) is cst.Name]  # type: ignore[attr-defined]
            value = node.value  # type: ignore[attr-defined]
            for name in names:
                self._handles.pop(name, None)
                self._contents.pop(name, None)
                opener = self._opener(value, state)
                if opener is not None:
                    self._handles[name] = opener
                elif (opener := self._contents_opener(value, state)) is not None:
                    self._contents[name] = opener

    def _contents_opener(self, node: cst.BaseExpression, state: FlowState) -> cst.Call | None:
        """For what a file holds (`f.read()`, `open(p).read()`, `Path(p).read_text()`, `compile(<one of them>, p,
        "exec")`, or a name bound to one): the `open(p)`/`Path(p)` call that names the file."""
        if type(node) is cst.Name:
            return self._contents.get(node.value)
        if type(node) is not cst.Call:
            return None
        func = node.func
        if callee_tail(func) == "compile" and state.qualified_name(node) in ("compile", "builtins.compile"):
            source = call_argument(node, 0, "source")
            return self._contents_opener(source, state) if source is not None else None
        return self._opener(func.value, state) if type(func) is cst.Attribute and func.attr.value in READ_METHODS else None

    def _opener(self, node: cst.BaseExpression, state: FlowState) -> cst.Call | None:
        """The `open(path)`/`Path(path)` call a file handle comes from."""
        if type(node) is cst.Name:
            return self._handles.get(node.value)
        if type(node) is not cst.Call:
            return None
        if state.qualified_name(node) in FILE_OPENERS:
            return node
        func = node.func
        if type(func) is cst.Attribute and func.attr.value == "open":  # `Path(p).open()`, `handle.open()`
            return self._opener(func.value, state)
        return None

    def accepts(self, call: cst.Call, argument: cst.BaseExpression, state: object) -> bool:
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value in CONSOLE_METHODS:
            receiver = (dotted_name(func.value) or "").lower()
            return any(word in receiver for word in CONSOLE_RECEIVER_WORDS)
        if isinstance(func, cst.Attribute) and func.attr.value in BROWSER_SCRIPT_METHODS:
            return self.context.imports.imports_any(BROWSER_MODULES)
        return True

    def describe(self, node: cst.BaseExpression, label: str, taint: Taint, call: cst.Call) -> None:
        if is_deserializer(label):
            if taint.origin != ORIGIN:
                return  # a load in the function that reads the input: VC406's, which knows what makes data trusted
            self.report(call, f"Input from `{taint.origin}` reaches `{short_code(call.func)}()`, which can run any code "
                        "while it rebuilds objects, so its sender runs code in this process.", hint=hint_for(label),
                        cwe=DESERIALIZE_CWE)
            return
        if taint.kind == CLI_OPTION and (label in IMPORTING or label in (FILE_RUN, "runpy.run_path", "runpy.run_module")):
            return  # a tool loading the module or script its user names: the feature
        if label in IMPORTING and is_command_line(taint.origin):
            return  # `import_module(input("plugin? "))`: the user at the terminal names the module, as with an option
        if label in IMPORTING:
            self.report(node, f"Input from `{taint.origin}` names the module that `{short_code(call.func)}()` imports, "
                        "so a client can load any installed module.", hint="Map the input to a module through a "
                        "fixed dict of allowed names (`PLUGINS[name]`) instead of importing it by name.", cwe=IMPORT_CWE)
            return
        if label == FILE_RUN:
            self.report(node, f"Input from `{taint.origin}` names the file whose contents `{short_code(call.func)}()` "
                        "runs as Python code, so its sender can run any script on the server (or one it uploaded).",
                        hint="Run only files the program chooses: map the input to a fixed table of allowed scripts.",
                        cwe=CWE, severity=_severity(taint))
            return
        if label in BROWSER_SCRIPT_METHODS:
            if taint.kind == CLI_OPTION:
                return  # the operator's own script, run in the browser the operator drives
            self.report(node, f"Input from `{taint.origin}` is run as JavaScript by `{short_code(call.func)}()` in the "
                        "browser this server drives, so its sender runs script with the bot's session: its cookies, "
                        "its logins and the internal pages it can reach.", hint="Keep the script fixed and pass the value "
                        "as its argument (`page.evaluate(\"v => ...\", value)`), or use `page.fill(selector, value)`.",
                        cwe=CWE, severity=_severity(taint))
            return
        if label == FRAME_EXPRESSION or label in PANDAS_EVAL:
            if taint.kind == CLI_OPTION:
                return  # `--where` filtering the operator's own data on the operator's machine: the feature
            self.report(node, f"Input from `{taint.origin}` is evaluated as a pandas expression by "
                        f"`{short_code(call.func)}()`, which reaches Python objects (`@` names, attributes and their "
                        "calls), so its sender can read any variable or run code.", hint="Filter with fixed expressions "
                        "and pass the values as variables (`df.query(\"segment == @segment\")`, `df[df[col] == value]` "
                        "with `col` from an allow-list).", cwe=CWE, severity=_severity(taint))
            return
        if label in APPLESCRIPT_RUNNERS:
            self.report(node, f"Input from `{taint.origin}` is run as AppleScript by `{short_code(call.func)}()`, whose "
                        "`do shell script` runs shell commands, so its sender can run anything as this user.",
                        hint="Keep the script fixed and pass the value as data (`on run argv` with `osascript - value`, "
                        "or a property set through a scripting bridge); never paste it into the source.", cwe=CWE,
                        severity=_severity(taint))
            return
        self.report(node, f"Input from `{taint.origin}` is run as Python code by `{short_code(call.func)}()`, so its "
                    "sender can run anything in this process.", hint="Parse the value instead "
                    "(`ast.literal_eval()` for literals, `json.loads()`, or a dict of allowed operations); never "
                    "evaluate it.", cwe=CWE, severity=_severity(taint))


def _annotated_code_objects(function: cst.FunctionDef) -> frozenset[str]:
    """The names the function declares as compiled code objects (`code: CodeType`, a parameter or a variable): what
    they run was decided where they were compiled, which `compile()`'s flow into them answers."""
    params = (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params)
    annotated: list[tuple[cst.BaseExpression, cst.Annotation | None]] = [(param.name, param.annotation) for param in params]
    annotated += [(node.target, node.annotation) for node in own_nodes_of(function.body, cst.AnnAssign)]
    return frozenset(target.value for target, annotation in annotated
                     if isinstance(target, cst.Name) and annotation is not None
                     and (dotted_name(annotation.annotation) or "").rpartition(".")[2] == "CodeType")


def _names_own_file(opener: cst.Call, state: FlowState) -> bool:
    """Whether the program chose the file an `open(path)` opens: its path is no client or command-line input."""
    path = call_argument(opener, 0, "file")
    taint = state.taint_of(path) if path is not None else None
    return taint is None or taint.kind in SUMMARISED_KINDS


def _severity(taint: Taint) -> Severity | None:
    """Medium for command-line input: its sender is whoever runs the command, who can usually run code already;
    the rule's own (high) for a web client's input, which crosses a trust boundary."""
    return Severity.MEDIUM if taint.kind == CLI_OPTION or is_command_line(taint.origin) else None
