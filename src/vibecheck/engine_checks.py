"""Findings the pipeline emits itself, declared as data: a code, a name, metadata and the docs in the docstring.

They are not visitor rules (nothing walks a tree for them): VC001 comes from decoding and parsing, VC901 and
VC902 from the filter stage's suppression bookkeeping. They are registered with the built-in rules, so
`vibecheck rule VC001`, `vibecheck rules`, selection and the generated docs treat them like any rule.
"""

from typing import ClassVar

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import BaseRule


class EngineCheck(BaseRule):
    """A check the pipeline performs itself; subclasses only declare metadata and docs."""

    applies_to_tests_only: ClassVar[bool] = False  # like a visitor rule's: it judges every file


class ParseError(EngineCheck):
    """A file could not be decoded or parsed, so no rule checked it.

    ## What it does
    Reports a Python file that libcst cannot parse (a syntax error, an encoding that does not match the
    file's bytes, or nesting too deep to parse), and a file too complex to check in bounded time (a
    chain of more than 200 calls, attribute accesses and subscripts in one expression, which real code
    never comes near). Valid Python that libcst's grammar does not cover (a parenthesised annotated
    target such as `(x): int = 0`) is reported too, with a message that says the file is not wrong. The engine
    emits this finding itself; the rest of the run goes on.

    ## Why is this bad?
    A file that cannot be parsed is a file no guardrail looked at. Staying silent would make the run look
    green while part of the code went unchecked, so the file is reported and the build fails.

    ## Example
    ```python
    def broken(:
        pass
    ```

    ## Use instead
    ```python
    def fixed():
        pass
    ```

    ## References
    - [Python reference: lexical analysis and encoding declarations](https://docs.python.org/3/reference/lexical_analysis.html#encoding-declarations)
    """

    code = "VC001"
    name = "parse-error"
    category = Category.ENGINE
    severity = Severity.HIGH


class UnusedSuppression(EngineCheck):
    """A suppression comment names a check that reports nothing on its line.

    ## What it does
    Reports a `# noqa: CODE`, `# vibecheck: ignore[CODE]` or `# vibecheck: ignore-file[CODE]` comment
    when the named vibecheck or bandit check is enabled for the file but reports nothing that the
    comment could silence, a bare `# vibecheck: ignore` that silences nothing, and a suppression naming a
    vibecheck code that does not exist. Codes of other tools (`# noqa: E501`) and bare `# noqa` comments,
    which flake8 and ruff read too, are left alone. The suppression stage reports it after every other
    check of the file has run.

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


class BlanketSuppression(EngineCheck):
    """A suppression comment names no code, so it silences every check on its line or file.

    ## What it does
    Reports a bare `# noqa`, `# vibecheck: ignore` or `# vibecheck: ignore-file` comment. Like ruff and
    flake8, vibecheck still honours it (every finding it covers is suppressed); this rule makes the
    blanket itself visible, so a reviewer sees what was switched off. A bare `# noqa` is reported at
    `info` severity (it usually serves flake8 or ruff too, so it does not fail the build by default); a
    bare `# vibecheck: ignore` is reported at the rule's severity.

    ## Why is this bad?
    A blanket suppression hides every present and future finding on the line, not only the one that was
    judged acceptable. Agents reach for it to make a linter pass; a later SQL injection or swallowed
    error on the same line then goes unreported.

    ## Example
    ```python
    import subprocess


    def run(command):
        subprocess.run(command, shell=True)  # noqa
    ```

    ## Use instead
    ```python
    import subprocess


    def run(command):
        subprocess.run(command, shell=True)  # vibecheck: ignore[B602] -- commands come from our own config
    ```

    ## References
    - [Ruff: blanket-noqa (PGH004)](https://docs.astral.sh/ruff/rules/blanket-noqa/)
    """

    code = "VC902"
    name = "blanket-suppression"
    category = Category.SUPPRESSION
    severity = Severity.LOW
    confidence = Confidence.HIGH


ENGINE_CHECKS: tuple[type[EngineCheck], ...] = (ParseError, UnusedSuppression, BlanketSuppression)
