"""VC902: a suppression comment that names no code and so silences every check."""

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule


class BlanketSuppression(Rule):
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
