"""VC104: an `except` block whose only handling is `print(...)`."""

from __future__ import annotations

import libcst as cst

from vibecheck.cst_fields import STATEMENT_HOLDERS, child_nodes
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rules.error_handling.command_handlers import ends_command_quietly
from vibecheck.rules.error_handling.handler_facts import (
    FunctionStackRule,
    Handler,
    Outcome,
    success_exit_note,
    tries_each_then_raises,
)


class ErrorPrintedNotRaised(FunctionStackRule):
    """An `except` block that prints the error and carries on, as if printing were handling.

    ## What it does
    Reports an `except` block whose body is only `print(...)` calls (or `rich.print`), optionally
    followed by `pass`,
    `continue` or `return <constant>`: a broad handler (bare `except:`, `Exception`, `BaseException`)
    that prints anything, or a handler of any exception that prints the caught error
    (`print(e)`, `print(f"Error: {e}")`), also when it then exits with status 0 (`sys.exit(0)`, `sys.exit()`,
    `raise SystemExit`), which tells whatever ran the program that it worked. A handler that exits with a failing
    status (`sys.exit(1)`), re-raises or returns a non-zero error code is not reported: that is how a command-line
    script reports failure. Nor is one
    that prints the traceback (`print(traceback.format_exc())`), one that prints to a chosen stream
    (`print(..., file=sys.stderr)`) or uses `click.echo`, a command-line tool's deliberate channel to its
    user, or one directly under `if __name__ == "__main__":` or in a `try` that is, or is inside, the module's last
    top-level statement (a script run without a guard, such as its closing loop over the files it writes), where the
    script ends anyway. Nor is one that prints
    the caught error and returns `False` from a function that returns `True` when it worked (`print(f"Failed to
    install: {e}")`, `return False`): the user reads why and the caller learns of the failure from the flag (a broad
    one is left to VC102, which asks for the traceback).

    In a click or Typer command (`@cli.command()`, `@app.command()`), a handler that only tells the user
    (`click.echo(..., err=True)`, `typer.secho`, `console.print`, a log line) and then ends the command (a bare
    `return`, `raise typer.Exit()` without a code, or being the command's last step) is reported too: the command
    exits with status 0, so the script or CI job that runs it reads success (a broad handler too: here rather than
    as VC102). One that exits with a failing status (`raise click.ClickException(...)`, `typer.Exit(code=1)`,
    `sys.exit(1)`) or goes on with a fallback is not. Nor is a handler in a loop over candidates whose `try` returns on
    the first that works, after which the function raises (`for model in models: try: return summarize(model)`,
    `except Exception as e: print(...)`, then `raise ValueError("every model failed")`): the caller learns when none
    worked.

    One handler gets one finding: this rule owns handlers that only print, before VC103
    (`error-returned-as-value`) and VC102 (`broad-exception-caught`) are considered; a handler that does
    nothing at all is VC101 (`swallowed-exception`).

    ## Why is this bad?
    `print` writes to stdout, which in a service, a job or a test run nobody reads; it carries no level,
    no logger name and no traceback. The program goes on as if the step had worked, and the caller
    never learns that it did not.

    ## Example
    ```python
    def save_report(report, path):
        try:
            with open(path, "w") as handle:
                handle.write(report.render())
        except Exception as e:
            print(f"Error saving report: {e}")
    ```

    ## Use instead
    ```python
    import logging

    logger = logging.getLogger(__name__)

    def save_report(report, path):
        try:
            with open(path, "w") as handle:
                handle.write(report.render())
        except OSError:
            logger.exception("could not save the report to %s", path)
            raise
    ```

    ## References
    - [CWE-390: Detection of Error Condition Without Action](https://cwe.mitre.org/data/definitions/390.html)
    - [Python docs: logging HOWTO, when to use logging](https://docs.python.org/3/howto/logging.html#when-to-use-logging)
    """

    code = "VC104"
    name = "error-printed-not-raised"
    category = Category.ERROR_HANDLING
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (390,)
    _last_tries: tuple[cst.BaseStatement, frozenset[int]] | None = None  # the module's last statement and its tries

    def visit_ExceptStarHandler(self, node: cst.ExceptStarHandler) -> None:
        self.visit_ExceptHandler(node)

    def visit_ExceptHandler(self, node: Handler) -> None:
        outcome = self.outcome(node)
        if outcome is Outcome.PRINTED and not self._script_ends_here(node) and not self._tries_the_next(node):
            self.report(
                node,
                f"{self.handler_label(node)} only prints the error and carries on, so the caller never learns of the failure"
                + success_exit_note(node, self.qualified_name) + ".",
                hint="Log it with `logger.exception(...)` and re-raise, or handle the failure explicitly.",
            )
        elif outcome in (Outcome.HANDLED, Outcome.BROAD) and ends_command_quietly(self, node):
            self.report(
                node,
                f"{self.handler_label(node)} tells the user of the failure and then ends the command, which exits with "
                "status 0: a script or CI job that runs it reads success.",
                hint="End with a failing status: `raise click.ClickException(...)`, `raise typer.Exit(code=1)` or "
                "`sys.exit(1)`.",
            )

    def _tries_the_next(self, handler: Handler) -> bool:
        """`for model in models: try: ...; return summary`, `except Exception as e: print(...)`, then `raise
        ValueError(...)` after the loop: the user reads why one candidate failed, the next is tried, and the caller
        learns of the failure when none worked."""
        statement = self.tries.get(id(handler))
        return statement is not None and bool(self.functions) and tries_each_then_raises(self.functions[-1], statement)

    def _script_ends_here(self, handler: Handler) -> bool:
        """Under the `__main__` guard, or in a `try` that is (or is inside) a module's last top-level statement (a
        script's last step, run without a guard, such as its loop over the items it works on): the program stops after
        it anyway, and no caller is left to tell."""
        if self.functions or self.classes:
            return False
        body = self.context.module.body
        return bool(self.main_guards) or (bool(body) and id(self.tries.get(id(handler))) in self._last_step_tries(body[-1]))

    def _last_step_tries(self, last: cst.BaseStatement) -> frozenset[int]:
        """The `try` statements of the module's last top-level statement, itself included (found once per module)."""
        if self._last_tries is None or self._last_tries[0] is not last:
            found: list[int] = []
            pending: list[cst.CSTNode] = [last]
            while pending:
                current = pending.pop()
                if type(current) is cst.Try or type(current) is cst.TryStar:
                    found.append(id(current))
                pending.extend(child for child in child_nodes(current) if type(child) in STATEMENT_HOLDERS)
            self._last_tries = (last, frozenset(found))
        return self._last_tries[1]
