"""ACME001: `datetime.utcnow()` returns a naive datetime that looks like local time."""

from __future__ import annotations

import libcst as cst

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule

NAIVE_UTC_CALLS = frozenset({"datetime.datetime.utcnow", "datetime.datetime.utcfromtimestamp"})


class NaiveUtcNow(Rule):
    """A call to `datetime.utcnow()` or `datetime.utcfromtimestamp()`, which return naive datetimes.

    ## What it does
    Reports calls to `datetime.utcnow()` and `datetime.utcfromtimestamp()`, however `datetime` was
    imported.

    ## Why is this bad?
    Both return a *naive* datetime holding UTC wall-clock time. Anything that later treats it as local
    time (`.timestamp()`, comparisons with aware datetimes, serialisers) silently shifts it by the
    machine's UTC offset. Python 3.12 deprecates both functions.

    ## Example
    ```python
    from datetime import datetime

    created_at = datetime.utcnow()
    ```

    ## Use instead
    ```python
    from datetime import datetime, timezone

    created_at = datetime.now(timezone.utc)
    ```

    ## References
    - [Python docs: datetime.utcnow](https://docs.python.org/3/library/datetime.html#datetime.datetime.utcnow)
    """

    code = "ACME001"
    name = "naive-utcnow"
    category = Category.ERROR_HANDLING
    severity = Severity.LOW
    confidence = Confidence.HIGH

    def visit_Call(self, node: cst.Call) -> None:
        if self.qualified_name(node.func) in NAIVE_UTC_CALLS:
            self.report(node, "`datetime.utcnow()` returns a naive datetime that other code will read as local time.",
                        hint="Use `datetime.now(timezone.utc)` to get an aware UTC datetime.")
