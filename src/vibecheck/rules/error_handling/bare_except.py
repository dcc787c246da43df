"""VC111: a bare `except:`, which also catches Ctrl-C, `sys.exit()` and a closing generator."""

from __future__ import annotations

import libcst as cst

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import NodeFix, NodeHead, Rule


class BareExcept(Rule):
    """A bare `except:` that also catches `KeyboardInterrupt`, `SystemExit` and `GeneratorExit`.

    ## What it does
    Reports an `except:` clause without an exception type, unless its body re-raises the exception with a
    bare `raise` (clean up, then let everything through: the one job a bare `except:` does well).

    What the handler then does with the error is the business of VC101-VC104 (swallowed, broad,
    returned as a value, printed); this rule is about what it catches.

    ## Why is this bad?
    `except:` catches `BaseException`, not just errors: Ctrl-C (`KeyboardInterrupt`), `sys.exit()`
    (`SystemExit`) and the `GeneratorExit` that closes a generator. A worker loop with a bare `except:`
    cannot be stopped with Ctrl-C, a `sys.exit(1)` deep in a helper is silently ignored, and a generator
    that swallows `GeneratorExit` raises `RuntimeError` when it is closed. Coding agents write `except:`
    to make an error go away; they rarely mean to catch these.

    ## Example
    ```python
    def poll(queue):
        while True:
            try:
                handle(queue.get())
            except:
                log_failure()
    ```

    ## Use instead
    ```python
    def poll(queue):
        while True:
            try:
                handle(queue.get())
            except Exception:
                log_failure()
    ```

    ## Fix safety
    The fix writes `except Exception:`, and it is safe: errors are caught exactly as before, and only
    `KeyboardInterrupt`, `SystemExit` and `GeneratorExit` now pass through, which is what stopping a
    program (or closing a generator) is meant to do. A handler that re-raises with a bare `raise` is not
    reported, so no clean-up that must also run on Ctrl-C is changed. Code that truly wants to stop
    `sys.exit()` should say so with `except BaseException:` or `except SystemExit:`.

    ## References
    - [CWE-396: Declaration of Catch for Generic Exception](https://cwe.mitre.org/data/definitions/396.html)
    - [Python docs: exception hierarchy](https://docs.python.org/3/library/exceptions.html#exception-hierarchy)
    - [PEP 8: programming recommendations (bare `except:`)](https://peps.python.org/pep-0008/#programming-recommendations)
    """

    code = "VC111"
    name = "bare-except"
    category = Category.ERROR_HANDLING
    severity = Severity.LOW
    confidence = Confidence.HIGH
    cwe = (396,)
    fixable = True

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        # The bare handlers being walked, each with whether a bare `raise` was seen in its body yet.
        self._open: list[list[bool]] = []

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.type is None:
            self._open.append([False])

    def visit_Raise(self, node: cst.Raise) -> None:
        if node.exc is None:
            for handler in self._open:
                handler[0] = True

    def leave_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.type is not None or self._open.pop()[0]:
            return
        head = NodeHead(node, len("except") + len(node.whitespace_after_except.value))
        self.report(
            node,
            "A bare `except:` also catches `KeyboardInterrupt` and `SystemExit`, so Ctrl-C and `sys.exit()` "
            "are swallowed with the errors; catch `Exception` instead.",
            hint="Catch `Exception` (or the specific errors you expect) instead of everything.",
            fix=NodeFix("Replace `except:` with `except Exception:`", ((head, "except Exception"),)),
        )
