"""VC001: a file that cannot be parsed is reported instead of silently skipped."""

from vibecheck.model import Category, Severity
from vibecheck.rule import Rule


class ParseError(Rule):
    """A file could not be decoded or parsed, so no rule checked it.

    ## What it does
    Reports a Python file that libcst cannot parse (a syntax error, an encoding that does not match the
    file's bytes, or nesting too deep to parse). The engine emits this finding itself; the rest of the
    run goes on.

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
