"""VC413: client or command-line input is run as Python code or names the module to import (code injection)."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from vibecheck.analysis.flow import SourceFinder, Taint, client_or_cli_source, dotted_name, short_code
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rules.security._client_sinks import ArgumentSpec, ClientSinkRule

EXECUTING: dict[str, ArgumentSpec] = {
    "eval": (0, None), "exec": (0, None), "builtins.eval": (0, None), "builtins.exec": (0, None),
    "runpy.run_path": (0, "path_name"), "runpy.run_module": (0, "mod_name"),
}
IMPORTING: dict[str, ArgumentSpec] = {
    "importlib.import_module": (0, "name"), "__import__": (0, "name"), "builtins.__import__": (0, "name"),
    "pydoc.locate": (0, "path"), "importlib.util.find_spec": (0, "name"),
}
# Methods of `code.InteractiveConsole`/`InteractiveInterpreter` that run their argument.
CONSOLE_METHODS: dict[str, ArgumentSpec] = {"push": (0, "line"), "runsource": (0, "source"), "runcode": (0, "code")}
CONSOLE_RECEIVER_WORDS = ("console", "interp", "repl", "shell")
SANITIZERS = frozenset({"ast.literal_eval", "int", "float", "bool", "json.loads", "uuid.UUID", "decimal.Decimal"})
CWE = (94, 95)
# Where command-line input comes from (a taint's origin starts with one): its sender is whoever runs the command.
COMMAND_LINE_ORIGINS = ("sys.argv", "input(", "builtins.input(", "raw_input(", "sys.stdin", "fileinput.")


class ClientDataToCodeExecution(ClientSinkRule):
    """Client or command-line input is run as Python code, or names the module that is imported.

    ## What it does
    Follows client input (request fields, route parameters, Lambda and Slack payloads) and what a
    command-line program reads from its user (`sys.argv`, `input()`, `sys.stdin`) into `eval()`,
    `exec()`, `runpy`, `code.InteractiveConsole.push()`/`runsource()`, and into the name
    given to `importlib.import_module()`, `__import__()` or `pydoc.locate()`. Values converted with
    `int()`/`float()` or parsed with `ast.literal_eval()`/`json.loads()` are clean. It supersedes bandit's
    `B307` and `B102` on the same line, which report every `eval`/`exec` and name the weakness as OS
    command injection. Command-line input run as code is reported at medium severity: whoever sends it runs
    the command, and so can usually run code already, unless another program feeds it untrusted input.
    `compile()` alone only parses: the code runs when the result is executed.

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
    supersedes = ("B307", "B102")
    # Names, each a part of a sink's or a source's dotted name (every part of a resolved name is a name in the
    # file: the call's own parts, or the import that binds its head): the sinks' (`eval`, `import_module`, ...,
    # `builtins.eval` through `eval`), the request sources' (`request`, `self.request`, `flask.request`, a
    # `Request`/`HttpRequest` parameter, a payload's `event`) and the command line's (`sys.argv`, `input(`,
    # `raw_input`, `fileinput`, `sys.stdin`, `builtins.input`). A module without them has no sink and reads no
    # named source; VC417 borrows its calls and returns from VC409 (not `import`, which every module spells).
    file_hints = ("eval", "exec", "import_module", "__import__", "locate", "find_spec", "run_path", "run_module", "push",
                  "runsource", "runcode", "request", "httprequest", "event", "argv", "input(", "raw_input", "fileinput",
                  "stdin", "builtins")
    file_hints_are_names = True
    function_sinks: ClassVar[dict[str, ArgumentSpec]] = {**EXECUTING, **IMPORTING}
    method_sinks: ClassVar[dict[str, ArgumentSpec]] = CONSOLE_METHODS
    sanitizers = SANITIZERS
    source: ClassVar[SourceFinder] = staticmethod(client_or_cli_source)
    scalar_inputs_matter = True

    def accepts(self, call: cst.Call, argument: cst.BaseExpression, state: object) -> bool:
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value in CONSOLE_METHODS:
            receiver = (dotted_name(func.value) or "").lower()
            return any(word in receiver for word in CONSOLE_RECEIVER_WORDS)
        return True

    def describe(self, node: cst.BaseExpression, label: str, taint: Taint, call: cst.Call) -> None:
        if label in IMPORTING:
            self.report(node, f"Input from `{taint.origin}` names the module that `{short_code(call.func)}()` imports, "
                        "so a client can load any installed module.", hint="Map the input to a module through a "
                        "fixed dict of allowed names (`PLUGINS[name]`) instead of importing it by name.", cwe=(94,))
            return
        self.report(node, f"Input from `{taint.origin}` is run as Python code by `{short_code(call.func)}()`, so its "
                    "sender can run anything in this process.", hint="Parse the value instead "
                    "(`ast.literal_eval()` for literals, `json.loads()`, or a dict of allowed operations); never "
                    "evaluate it.", cwe=CWE, severity=_severity(taint))


def _severity(taint: Taint) -> Severity | None:
    """Medium for command-line input: its sender is whoever runs the command, who can usually run code already;
    the rule's own (high) for a web client's input, which crosses a trust boundary."""
    return Severity.MEDIUM if taint.origin.startswith(COMMAND_LINE_ORIGINS) else None
