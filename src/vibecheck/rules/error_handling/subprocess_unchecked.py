"""VC108: a child process run as a bare statement whose failure nobody looks at."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.call_edits import with_keyword
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import NodeFix, Rule
from vibecheck.rules.error_handling.http_calls import has_star_kwargs, keyword

CHECKABLE = frozenset({"subprocess.run"})
STATUS_ONLY = frozenset({"subprocess.call", "os.system"})


class SubprocessUnchecked(Rule):
    """A child process whose exit status is ignored: a failed command goes unnoticed.

    ## What it does
    Reports `subprocess.run(...)` used as a statement on its own (its result thrown away) without a
    `check=` argument, and `subprocess.call(...)` or `os.system(...)` used as a statement on its own:
    their only result is the exit status, and it is dropped. `check=False` written out is a decision and
    is not reported; nor is a call that passes `**kwargs`, or one whose result is kept.

    ## Why is this bad?
    A command that fails (a missing binary, a failed migration, a full disk) exits with a non-zero status
    and the script carries on as if it had worked. The next step then runs on missing or half-written
    output and fails somewhere else, or worse, succeeds on stale data.

    ## Example
    ```python
    import subprocess

    def build(path):
        subprocess.run(["make", "-C", path])
        publish(path)
    ```

    ## Use instead
    ```python
    import subprocess

    def build(path):
        subprocess.run(["make", "-C", path], check=True)
        publish(path)
    ```

    ## Fix safety
    The fix adds `check=True` to `subprocess.run(...)`. It is unsafe: a command that fails now raises
    `CalledProcessError` where the program used to carry on, which is the point, but some commands exit
    non-zero on success (`grep` finding nothing, `diff` finding differences) and then need `check=False`
    written out instead. `subprocess.call` and `os.system` are not fixed: their replacement is a rewrite.

    ## References
    - [CWE-252: Unchecked Return Value](https://cwe.mitre.org/data/definitions/252.html)
    - [Python docs: `subprocess.run` and `check`](https://docs.python.org/3/library/subprocess.html#subprocess.run)
    """

    code = "VC108"
    name = "subprocess-unchecked"
    category = Category.ERROR_HANDLING
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (252, 754)
    fixable = True

    def visit_Expr(self, node: cst.Expr) -> None:
        call = node.value
        if not isinstance(call, cst.Call) or has_star_kwargs(call):
            return
        name = self.qualified_name(call)
        if name in CHECKABLE and keyword(call, "check") is None:
            self.report(
                call,
                f"`{name}(...)` ignores the command's exit status: a failed command goes unnoticed.",
                hint="Pass `check=True` so that a failed command raises `CalledProcessError`.",
                fix=NodeFix("Add `check=True`", ((call, with_keyword(call, "check", cst.Name("True"))),), safe=False),
            )
        elif name in STATUS_ONLY:
            self.report(
                call,
                f"The exit status returned by `{name}(...)` is thrown away: a failed command goes unnoticed.",
                hint="Use `subprocess.run([...], check=True)`, or check the returned status.",
            )
