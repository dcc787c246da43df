"""VC408: a shell command line built from variables (command injection)."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from vibecheck.analysis.callable_aliases import scope_call
from vibecheck.analysis.nodes import is_name
from vibecheck.cst_fields import calls_in, statements_of
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.security._shell_words import (
    CONTAINER_EXEC_METHODS,
    POD_EXEC_METHODS,
    POD_EXEC_STREAMS,
    shell_script,
    starts_a_shell,
)
from vibecheck.rules.security._support import (
    STRING_NODES,
    BindingRule,
    argument,
    callee_tail,
    keyword,
    tails,
)

# Always run their argument through a shell.
SHELL_FUNCTIONS = frozenset({"os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput",
                             "commands.getoutput", "commands.getstatusoutput", "asyncio.create_subprocess_shell",
                             "posix.system"})
# Run it through a shell with `shell=True`.
SUBPROCESS_FUNCTIONS = frozenset({"subprocess.Popen", "subprocess.call", "subprocess.run", "subprocess.check_call",
                                  "subprocess.check_output"})
# Methods that run their command line through the remote login shell of an SSH connection: paramiko's
# `SSHClient.exec_command` and `Channel.exec_command`, whatever the client is called.
REMOTE_SHELL_METHODS = frozenset({"exec_command"})
# Fabric's `Connection(...)`: `run`/`sudo` hand their command line to the remote user's shell, `local` to ours.
FABRIC_CONNECTIONS = frozenset({"fabric.Connection", "fabric.connection.Connection", "fabric2.Connection"})
FABRIC_SHELL_METHODS = frozenset({"run", "sudo", "local"})
QUOTERS = frozenset({"shlex.quote", "pipes.quote", "shlex.join", "int", "float", "len"})
# A shell's own quoting, as a plug-in system that speaks to several shells offers it (Ansible's `self._shell.quote(path)`)
# or as a project names its helper (`shell_quote(arg)`); `urllib.parse.quote` and other `quote`s stay unquoted values.
# A module constant by convention (`BUFSIZE = 65536`, also imported): the program's own setting, not a variable.
CONSTANT_NAME = lazy_pattern(r"^_?[A-Z][A-Z0-9_]*$")
SHELL_QUOTER_NAMES = frozenset({"shell_quote", "quote_shell", "shellquote", "sh_quote"})


def _shell_quoter(func: cst.BaseExpression) -> bool:
    """`self._shell.quote`, `shell.quote`, `shell_quote`: a callee that quotes for a shell by its name."""
    if type(func) is cst.Attribute:
        receiver = func.value.attr.value if type(func.value) is cst.Attribute else (
            func.value.value if type(func.value) is cst.Name else "")
        return (func.attr.value == "quote" and "shell" in receiver.lower()) or func.attr.value in SHELL_QUOTER_NAMES
    return type(func) is cst.Name and func.value in SHELL_QUOTER_NAMES
LITERAL_NODES = (*STRING_NODES, cst.Integer, cst.Float)
# Calls that change how text is held, not what it says (`asbytes(quote(path))`, `str(...)`, `.encode()`): a quoted word
# stays quoted through them, and an unquoted one unquoted.
RESPELLING_CALLS = frozenset({"str", "bytes", "asbytes", "asunicode", "as_bytes", "as_str", "as_text", "to_bytes",
                              "to_str", "to_text", "ensure_bytes", "ensure_str", "ensure_text", "force_bytes",
                              "force_str", "fsencode", "fsdecode"})
RESPELLING_METHODS = frozenset({"encode", "decode"})
# POSIX quoting by hand: every `'` of a value replaced by `'\''` (close the quotes, an escaped quote, reopen them), the
# value then pasted between single quotes (`f"pkill -f -- '{pattern}'"`): the shell reads it as one literal word, as
# `shlex.quote` would make it.
SINGLE_QUOTE = "'"
ESCAPED_SINGLE_QUOTE = "'\\''"
# Folders the program makes for itself, named from literal words only: `tempfile.mkdtemp(prefix="build-")`, and in a
# test function pytest's temporary folder fixtures (`tmpdir.mkdir("out")`, `tmp_path / "data"`), whose names hold
# no shell syntax a caller could put there.
TEMP_FOLDER_CALLS = frozenset({"tempfile.mkdtemp", "tempfile.mktemp", "tempfile.gettempdir"})
TEMP_FIXTURES = frozenset({"tmpdir", "tmp_path", "tmpdir_factory", "tmp_path_factory"})
TEMP_FIXTURE_METHODS = frozenset({"mkdir", "join", "joinpath", "mktemp", "ensure", "ensure_dir"})
# The statements that may bind `self.x` (`_constants_of_self`).
_ATTRIBUTE_BINDINGS = frozenset({cst.Assign, cst.AnnAssign, cst.AugAssign})
CALLEE_TAILS = tails(SHELL_FUNCTIONS | SUBPROCESS_FUNCTIONS | POD_EXEC_STREAMS) | REMOTE_SHELL_METHODS \
    | FABRIC_SHELL_METHODS | frozenset(CONTAINER_EXEC_METHODS) | POD_EXEC_METHODS


class ShellCommandFromVariable(BindingRule):
    """A shell command line built from variables, so their contents run as shell code.

    ## What it does
    Reports `os.system`, `os.popen`, `subprocess.getoutput`, `asyncio.create_subprocess_shell`, and
    `subprocess.run`/`Popen`/`call`/`check_call`/`check_output` with `shell=True` (or `["sh", "-c", ...]`), and
    paramiko's `exec_command` (the SSH server runs its command line through the remote user's shell), Fabric's
    `Connection(...).run`/`sudo`/`local`, and a shell started in a container or a pod (docker's
    `container.exec_run(f"sh -c '{cmd}'")` or `exec_run(["bash", "-c", script])`, the Kubernetes client's
    `stream(api.connect_get_namespaced_pod_exec, ..., command=["/bin/sh", "-c", script])`), when the
    command is an f-string, a `%` or `+` concatenation, or a `.format()` call with a variable part, also when it is
    built in a variable first within the function, or returned so built by a function of the same file (`command =
    build_rsync(src, dest)`, where `build_rsync` returns `" ".join(parts)`). Values passed through `shlex.quote` and
    literal constants (also a module's `UPPER_CASE` constants, imported too: `BUFSIZE`) do not count as variables, nor
    do values quoted by a shell's own quoting (Ansible's `self._shell.quote(path)`, a helper named `shell_quote`; not
    `urllib.parse.quote`), also after a call that only changes the text's type (`asbytes(shlex.quote(path))`,
    `str(...)`, `.encode()`), nor does a value quoted by hand as `shlex.quote` would (every `'` replaced by `'\\''`,
    the value pasted between single quotes: `f"pkill -f -- '{pattern}'"`), nor does a folder the program makes, named by
    literals (`tempfile.mkdtemp(prefix="build-")`, and in a test pytest's `tmpdir.mkdir("out")` or `tmp_path / "data"`),
    and so do the attributes of `self` that the
    file only ever sets to a literal or an upper-case constant (`self.scp_command = SCP_COMMAND`). Where every value of
    the command line is a literal or quoted (`f"ping -c 1 {shlex.quote(host)}"`, also in a name bound once to it, or a
    loop variable over literals: `for cmd in ["npx.cmd", "npx"]: run([cmd, "--version"], shell=True)`), it clears
    bandit's `B602`/`B605` on that call, which flag any `shell=True`. A call through a name bound only to one of these
    callables is that call (`run = subprocess.run`, a class's `self._run = subprocess.check_output`, a method
    `run_in = container.exec_run`), with the keywords a `partial` fixes (`sh = functools.partial(subprocess.run,
    shell=True)`, then `sh(f"tar czf out.tgz {folder}")`); there it supersedes and clears bandit's `B604` (`shell=True`
    given to a callable bandit does not know) instead.

    ## Why is this bad?
    The shell interprets every character of the command: a file name, branch name or URL that contains
    `;`, `$(...)`, a backtick or `&&` runs its own commands with your program's rights (command
    injection). Agents build commands this way because it is short and reads like the terminal.

    ## Example
    ```python
    import subprocess

    def make_thumbnail(filename):
        subprocess.run(f"convert {filename} -resize 128x128 thumb.png", shell=True, check=True)
    ```

    ## Use instead
    ```python
    import subprocess

    def make_thumbnail(filename):
        subprocess.run(["convert", filename, "-resize", "128x128", "thumb.png"], check=True)
    ```

    ## References
    - [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
    - [Python `subprocess`: security considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)
    - [`shlex.quote`](https://docs.python.org/3/library/shlex.html#shlex.quote)
    """

    code = "VC408"
    name = "shell-command-from-variable"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (78,)
    supersedes = ("B602", "B604", "B605")
    vets = ("B602", "B604", "B605")
    # Every finding calls one of `SHELL_FUNCTIONS`, `SUBPROCESS_FUNCTIONS` or `REMOTE_SHELL_METHODS`, whose last name
    # the file must spell.
    file_hints = ("system", "popen", "subprocess", "getoutput", "getstatusoutput", "exec_command", "fabric", "exec_run",
                  "namespaced_pod_exec")

    def __init__(self, context: object, options: object = None) -> None:
        super().__init__(context, options)
        # (id of the scope's bindings, name) of loop variables that run over literals only (`for cmd in ["npx.cmd",
        # "npx"]:`): bound once in their scope, each value they take is a literal
        self._literal_loops: set[tuple[int, str]] = set()
        self._functions: list[str] = []  # the enclosing functions' names
        self._definitions: list[cst.FunctionDef] = []  # and the functions, whose aliases a call may go through
        # functions of this file that return a command line built from their variables (`return " ".join(parts)`),
        # met before the call that runs what they return
        self._builders: set[str] = set()
        # attributes of `self` this file only ever sets to a literal or a constant (`self.scp_command = SCP_COMMAND`),
        # found on the first command line that uses one
        self._constant_attributes: frozenset[str] | None = None

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        self._functions.append(node.name.value)
        self._definitions.append(node)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().leave_FunctionDef(node)
        self._functions.pop()
        self._definitions.pop()

    def visit_Return(self, node: cst.Return) -> None:
        if self._functions and node.value is not None and self._is_built(node.value) \
                and not self._vetted_command(node.value):
            self._builders.add(self._functions[-1])

    def visit_For(self, node: cst.For) -> None:
        super().visit_For(node)
        items = node.iter
        if isinstance(node.target, cst.Name) and isinstance(items, (cst.List, cst.Tuple)) and items.elements \
                and all(isinstance(e, cst.Element) and isinstance(e.value, LITERAL_NODES) for e in items.elements):
            self._literal_loops.add((id(self._scopes[-1]), node.target.value))

    def visit_Call(self, node: cst.Call) -> None:
        # through a local name, the call it stands for: `run(cmd, shell=True)` after `run = subprocess.run`, `sh(cmd)`
        # after `sh = partial(subprocess.run, shell=True)`; read for its callee and arguments, reported as written
        seen = scope_call(node, self._definitions[-1] if self._definitions else None, self.context) \
            if type(node.func) is cst.Name or type(node.func) is cst.Attribute and is_name(node.func.value, "self") \
            else node
        if not self.may_call(seen, CALLEE_TAILS):
            return
        qualified = self.module_name(seen)
        if qualified in SHELL_FUNCTIONS:
            command = argument(seen, 0, "cmd") or argument(seen, 0, "command")
            how = f"`{qualified}()`"
        elif qualified in SUBPROCESS_FUNCTIONS:
            command = argument(seen, 0, "args")
            shell = keyword(seen, "shell")
            if shell is not None and is_name(self.resolve(shell.value), "True"):
                how = f"`{qualified}(..., shell=True)`"
            else:
                command, how = self._shell_argv(command), f"`{qualified}([<shell>, \"-c\", ...])`"
        elif isinstance(seen.func, cst.Attribute) and seen.func.attr.value in REMOTE_SHELL_METHODS:
            command = argument(seen, 0, "command")
            if command is None or self._vetted_command(command):
                return
            how = f"`{self.source_of(node.func)}()` (a remote shell)"
        elif isinstance(seen.func, cst.Attribute) and seen.func.attr.value in FABRIC_SHELL_METHODS \
                and self._is_fabric_connection(seen.func.value):
            command = argument(seen, 0, "command")
            if command is None or self._vetted_command(command):
                return
            how = f"`{self.source_of(node.func)}()` (Fabric runs it through a shell)"
        elif (exec_command := self._container_shell_command(seen, qualified)) is not None:
            command, how = exec_command, f"`{self.source_of(node.func)}()` (a shell in the container)"
        else:
            return
        if command is not None and how.endswith(("()`", "shell=True)`")) and self._vetted_command(command) \
                and not any(_calls_a_shell(arg.value) for arg in seen.args if arg.value is not command):
            # bandit's B602 starts on the line of `shell=`, in the call's first column: inside the call, where no
            # other shell-running call starts (checked just above)
            self.vet(node)
            return
        if command is not None and self._is_built(command):
            self.report(node, f"{how} runs a command line built from variables, so their contents can inject shell "
                        "commands.", hint="Pass the command as a list of arguments without `shell=True` "
                        "(or quote each variable with `shlex.quote`).")

    # -- vetting: a command line proven free of unquoted values clears bandit's B602/B605 (`vibecheck.vetting`) --

    def _vetted_command(self, command: cst.BaseExpression) -> bool:
        """A command line whose every value is a literal or went through `shlex.quote` (also inside `%`, `+`,
        `.format()` or `" ".join(...)`), a name bound once to such a line included."""
        if isinstance(command, cst.Name):
            value = self.single_value(command)
            return value is not None and not isinstance(value, cst.Name) and self._vetted_command(value)
        if isinstance(command, cst.BinaryOperation):
            if isinstance(command.operator, cst.Modulo):
                return isinstance(command.left, STRING_NODES) and self._quoted(command.left) and self._quoted(command.right)
            return isinstance(command.operator, cst.Add) and all(self._quoted(p) for p in _flatten_add(command))
        if isinstance(command, cst.Call) and isinstance(command.func, cst.Attribute) \
                and isinstance(command.func.value, STRING_NODES):
            if command.func.attr.value == "format":
                return all(self._quoted(arg.value) for arg in command.args)
            if command.func.attr.value == "join" and len(command.args) == 1:
                items = command.args[0].value
                if isinstance(items, (cst.GeneratorExp, cst.ListComp)):
                    return self._quoted(items.elt)
                return isinstance(items, (cst.List, cst.Tuple)) and self._quoted(items)
        return self._quoted(command)

    def _quoted(self, node: cst.BaseExpression, depth: int = 3) -> bool:
        """A literal, a `shlex.quote(...)`, an f-string or a tuple of them, a name bound once to one, or a loop variable
        bound once, running over literals."""
        if isinstance(node, cst.Name):
            if (id(self._scopes[-1]), node.value) in self._literal_loops and self._counts[-1].get(node.value) == 1:
                return True
            value = self.single_value(node)
            return depth > 0 and value is not None and self._quoted(value, depth - 1)
        if isinstance(node, LITERAL_NODES):
            return not isinstance(node, cst.ConcatenatedString) or all(
                self._quoted(part, depth) for part in (node.left, node.right))
        if isinstance(node, cst.FormattedString):
            return depth > 0 and all(self._quoted(p.expression, depth - 1) for p in node.parts
                                     if isinstance(p, cst.FormattedStringExpression))
        if isinstance(node, (cst.Tuple, cst.List)):
            return depth > 0 and all(self._quoted(e.value, depth - 1) for e in node.elements)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):  # `tmp_path / "data"`
            return self._is_test_fixture(node.left) and isinstance(node.right, LITERAL_NODES)
        if not isinstance(node, cst.Call):
            return False
        respelled = _respelled(node)  # `str(tmpdir.mkdir("out"))`: the same text in another type
        if respelled is not None:
            return self._quoted(respelled, depth)
        return self.qualified_name(node) in QUOTERS or _shell_quoter(node.func) or self._temp_folder(node)

    def _is_fabric_connection(self, receiver: cst.BaseExpression) -> bool:
        """`conn` bound to `Connection(host, ...)` of Fabric (also `Connection(...).run(...)` itself)."""
        made = self.resolve(receiver)
        return isinstance(made, cst.Call) and self.module_name(made) in FABRIC_CONNECTIONS

    def _container_shell_command(self, node: cst.Call, qualified: str | None) -> cst.BaseExpression | None:
        """The script of a shell started in a container or a pod: `exec_run(f"sh -c '{cmd}'")`, `exec_run(["bash",
        "-c", script])`, `stream(api.connect_get_namespaced_pod_exec, ..., command=["/bin/sh", "-c", script])`."""
        method = node.func.attr.value if isinstance(node.func, cst.Attribute) else ""
        if method in CONTAINER_EXEC_METHODS:
            command = argument(node, 0, CONTAINER_EXEC_METHODS[method])
        elif method in POD_EXEC_METHODS or qualified in POD_EXEC_STREAMS:
            found = keyword(node, "command")
            command = found.value if found is not None else None
        else:
            return None
        if command is None:
            return None
        if isinstance(self.resolve(command), (cst.List, cst.Tuple)):
            return self._shell_argv(command)
        return command if method in CONTAINER_EXEC_METHODS and starts_a_shell(self.resolve(command)) else None

    def _shell_argv(self, command: cst.BaseExpression | None) -> cst.BaseExpression | None:
        """The script of `["bash", "-c", script]`, or None."""
        command = self.resolve(command) if command is not None else None
        if not isinstance(command, (cst.List, cst.Tuple)) or len(command.elements) < 3:
            return None
        values = [element.value for element in command.elements]
        return shell_script([self.resolve(values[0]), *values[1:]])

    def _is_built(self, expression: cst.BaseExpression, depth: int = 4) -> bool:
        """An f-string, `%`, `+` or `.format()` with at least one part that is neither literal nor quoted."""
        expression = self.resolve(expression)
        if depth == 0:
            return False
        if isinstance(expression, cst.FormattedString):
            return any(isinstance(part, cst.FormattedStringExpression) and not self._is_safe(part.expression)
                       and not self._single_quoted(expression.parts, index) for index, part in enumerate(expression.parts))
        if isinstance(expression, cst.ConcatenatedString):
            return self._is_built(expression.left, depth - 1) or self._is_built(expression.right, depth - 1)
        if isinstance(expression, cst.BinaryOperation):
            if isinstance(expression.operator, cst.Modulo) and self._is_textual(expression.left):
                return not self._is_safe(expression.right)
            if isinstance(expression.operator, cst.Add):
                parts = _flatten_add(expression)
                if any(self._is_textual(p) or self._is_built(p, depth - 1) for p in parts):
                    return any(self._is_built(p, depth - 1) or not self._is_safe(p) for p in parts)
            return False
        if isinstance(expression, cst.Call) and isinstance(expression.func, cst.Name):
            return expression.func.value in self._builders  # `command = build_rsync(src, dest)`
        if isinstance(expression, cst.Call) and isinstance(expression.func, cst.Attribute):
            method = expression.func.attr.value
            if method == "format" and self._is_textual(expression.func.value):
                return any(not self._is_safe(arg.value) for arg in expression.args)
            if method == "join" and self._is_textual(expression.func.value) and expression.args:
                return not self._is_safe(expression.args[0].value)
        return False

    def _is_textual(self, node: cst.BaseExpression) -> bool:
        return isinstance(self.resolve(node), (*STRING_NODES, cst.FormattedString))

    def _is_safe(self, node: cst.BaseExpression, depth: int = 3) -> bool:
        """A literal (also a name assigned one, or a container of them) or a value passed through `shlex.quote`."""
        node = self.resolve(node)
        if isinstance(node, LITERAL_NODES) or (type(node) is cst.Name and CONSTANT_NAME.match(node.value) is not None):
            return True
        if isinstance(node, cst.FormattedString):
            return not any(isinstance(p, cst.FormattedStringExpression) and not self._is_safe(p.expression, depth - 1)
                           and not self._single_quoted(node.parts, index) for index, p in enumerate(node.parts)
                           ) if depth else False
        if isinstance(node, (cst.Tuple, cst.List)):
            return depth > 0 and all(self._is_safe(e.value, depth - 1) for e in node.elements)
        if isinstance(node, (cst.GeneratorExp, cst.ListComp)):  # `" ".join(shlex.quote(s) for s in services)`
            return depth > 0 and self._is_safe(node.elt, depth - 1)
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self":
            return node.attr.value in self._constants_of_self()
        if isinstance(node, cst.Call):
            if isinstance(node.func, cst.Attribute) and node.func.attr.value == "join" and len(node.args) == 1 \
                    and self._is_textual(node.func.value):  # `" ".join(...)` of quoted words
                return depth > 0 and self._is_safe(node.args[0].value, depth - 1)
            respelled = _respelled(node)
            if respelled is not None:
                return depth > 0 and self._is_safe(respelled, depth - 1)
            return self.qualified_name(node) in QUOTERS or _shell_quoter(node.func) or self._temp_folder(node)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):  # `tmp_path / "data"`
            return self._is_test_fixture(node.left) and self._is_safe(node.right, depth - 1)
        return False

    def _temp_folder(self, call: cst.Call) -> bool:
        """`tempfile.mkdtemp(prefix="x-")`, or in a test `tmpdir.mkdir("out")`: a folder made here, named by literals."""
        if not all(isinstance(arg.value, LITERAL_NODES) for arg in call.args):
            return False
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value in TEMP_FIXTURE_METHODS:
            return self._is_test_fixture(func.value)
        return self.qualified_name(call) in TEMP_FOLDER_CALLS

    def _is_test_fixture(self, node: cst.BaseExpression) -> bool:
        """`tmpdir` or `tmp_path` in a test function, where pytest hands in a fresh temporary folder."""
        return isinstance(node, cst.Name) and node.value in TEMP_FIXTURES and bool(self._functions) \
            and self._functions[-1].startswith("test")

    def _single_quoted(self, parts: Sequence[cst.BaseFormattedStringContent], index: int) -> bool:
        """`'{pattern}'` where `pattern = text.replace("'", "'\\''")`: a value quoted by hand for a POSIX shell."""
        before, after = parts[index - 1] if index else None, parts[index + 1] if index + 1 < len(parts) else None
        if not (type(before) is cst.FormattedStringText and before.value.endswith(SINGLE_QUOTE)
                and type(after) is cst.FormattedStringText and after.value.startswith(SINGLE_QUOTE)):
            return False
        part = parts[index]
        value = self.resolve(part.expression) if type(part) is cst.FormattedStringExpression else None
        return type(value) is cst.Call and type(value.func) is cst.Attribute and value.func.attr.value == "replace" \
            and len(value.args) == 2 and string_value(value.args[0].value) == SINGLE_QUOTE \
            and string_value(value.args[1].value) == ESCAPED_SINGLE_QUOTE

    def _constants_of_self(self) -> frozenset[str]:
        """The `self.x` attributes every assignment in the file gives a literal or an upper-case constant."""
        if self._constant_attributes is None:
            values: dict[str, list[cst.BaseExpression | None]] = {}
            for current in statements_of(self.context.module, _ATTRIBUTE_BINDINGS):
                targets = [t.target for t in current.targets] if isinstance(current, cst.Assign) else \
                    [current.target] if isinstance(current, (cst.AnnAssign, cst.AugAssign)) else []
                for target in targets:
                    if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) \
                            and target.value.value == "self":
                        value = None if isinstance(current, cst.AugAssign) else current.value  # type: ignore[attr-defined]
                        values.setdefault(target.attr.value, []).append(value)
            self._constant_attributes = frozenset(
                name for name, bound in values.items() if all(
                    isinstance(v, LITERAL_NODES) or isinstance(v, cst.Name) and CONSTANT_NAME.match(v.value)
                    for v in bound))
        return self._constant_attributes


def _respelled(call: cst.Call) -> cst.BaseExpression | None:
    """The text `asbytes(text)`, `str(text)` or `text.encode()` holds in another type; None for other calls."""
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value in RESPELLING_METHODS:
        return func.value
    if callee_tail(call) in RESPELLING_CALLS and len(call.args) == 1 and call.args[0].keyword is None:
        return call.args[0].value
    return None


def _calls_a_shell(node: cst.CSTNode) -> bool:
    """Whether a call that may run a shell (`subprocess.run(...)`, `os.system(...)`) is inside `node`."""
    return any(callee_tail(call) in CALLEE_TAILS for call in calls_in(node))


def _flatten_add(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    parts: list[cst.BaseExpression] = []
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, cst.BinaryOperation) and isinstance(current.operator, cst.Add):
            pending.extend((current.right, current.left))
        else:
            parts.append(current)
    return parts
