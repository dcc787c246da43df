"""Handlers in a click or Typer command that tell the user of a failure and end the command with status 0 (VC104's)."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.nodes import suite_statements
from vibecheck.rules.error_handling.handler_facts import (
    FunctionStackRule,
    Handler,
    exits_successfully,
    handler_statements,
)

CLI_MODULES = ("click", "typer")
# Decorators that make a function a click or Typer command: `@cli.command()`, `@app.command("sync")`, `@click.command()`.
COMMAND_METHOD = "command"
COMMAND_DECORATORS = frozenset({"click.command", "typer.run"})
# Calls that tell a command's user something: what a handler of a command may do before it ends the command.
MESSAGE_CALLS = frozenset({"click.echo", "click.secho", "typer.echo", "typer.secho", "print", "builtins.print",
                           "rich.print"})
# Methods that tell the user or the log (`console.print(...)`, `err_console.print`, `logger.error(...)`).
MESSAGE_METHODS = frozenset({"print", "error", "exception", "critical", "warning"})


def ends_command_quietly(rule: FunctionStackRule, handler: Handler) -> bool:
    """In a click or Typer command, a handler that only tells the user (`click.echo(..., err=True)`, a log line)
    and then returns, exits with status 0, or is the command's last step: the command ends as if it worked."""
    if not rule.functions or not _is_command(rule, rule.functions[-1]):
        return False
    statements = handler_statements(handler)
    last = statements[-1] if statements else None
    ends = type(last) is cst.Return and (last.value is None or (type(last.value) is cst.Name
                                                                 and last.value.value == "None"))
    ends = ends or (last is not None and exits_successfully(last, rule.qualified_name))
    messages = statements[:-1] if ends else statements
    if not ends and suite_statements(rule.functions[-1].body)[-1:] != [rule.tries.get(id(handler))]:
        return False
    return bool(messages) and all(_tells_user(rule, statement) for statement in messages)


def _is_command(rule: FunctionStackRule, function: cst.FunctionDef) -> bool:
    if not rule.context.imports.imports_any(CLI_MODULES):
        return False
    for decorator in function.decorators:
        called = decorator.decorator.func if type(decorator.decorator) is cst.Call else decorator.decorator
        if (type(called) is cst.Attribute and called.attr.value == COMMAND_METHOD) \
                or rule.qualified_name(called) in COMMAND_DECORATORS:
            return True
    return False


def _tells_user(rule: FunctionStackRule, statement: cst.CSTNode) -> bool:
    call = statement.value if type(statement) is cst.Expr else None
    if type(call) is not cst.Call:
        return False
    return rule.qualified_name(call) in MESSAGE_CALLS or (
        type(call.func) is cst.Attribute and call.func.attr.value in MESSAGE_METHODS)
