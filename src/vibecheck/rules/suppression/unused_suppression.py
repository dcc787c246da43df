"""VC901: a suppression comment that suppresses nothing."""

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule


class UnusedSuppression(Rule):
    """A suppression comment names a check that reports nothing on its line.

    ## What it does
    Reports a `# noqa: CODE`, `# vibecheck: ignore[CODE]` or `# vibecheck: ignore-file[CODE]` comment
    when the named vibecheck or bandit check is enabled for the file but reports nothing that the
    comment could silence, and a suppression naming a vibecheck code that does not exist. Codes of other
    tools (`# noqa: E501`) are left alone. The suppression stage reports it after every other check of the
    file has run.

    ## Why is this bad?
    A stale suppression is a loaded gun: the code it once excused has changed, and the comment now waits
    to silence the next real problem on that line. Coding agents also add suppressions "just in case",
    which hides what was checked and teaches readers to ignore the guardrail.

    ## Example
    ```python
    def total(prices):
        return sum(prices)  # noqa: VC101
    ```

    ## Use instead
    ```python
    def total(prices):
        return sum(prices)
    ```

    ## References
    - [Ruff: unused-noqa (RUF100)](https://docs.astral.sh/ruff/rules/unused-noqa/)
    """

    code = "VC901"
    name = "unused-suppression"
    category = Category.SUPPRESSION
    severity = Severity.LOW
    confidence = Confidence.HIGH
