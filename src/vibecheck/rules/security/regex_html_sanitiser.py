"""VC420: HTML made "safe" with a regular expression or `str.replace` that removes script tags or event handlers."""

from __future__ import annotations

import re
from typing import Any

import libcst as cst

from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule

# Regex calls whose first argument is the pattern that is removed or replaced.
REGEX_SUBSTITUTIONS = frozenset({f"{module}.{name}" for module in ("re", "regex") for name in ("sub", "subn")})
REGEX_COMPILERS = frozenset({"re.compile", "regex.compile"})
# What a pattern or a replaced text aims at when it tries to defuse markup: dangerous tags, event
# handlers, `javascript:` URLs.
DANGEROUS_MARKUP = lazy_pattern(r"<(?:\\s|[^a-z>]){0,8}(script|iframe|object|embed|svg|frame|applet)|javascript"
                                r"|(?:^|[^a-z]|\\s|\\b)on(?:\(\?:|\()?(\\w\+|\\w\*|\[a-z\]\+|\[a-z\]\*|error|load|click|mouse\w*)",
                                re.IGNORECASE)
# A generic tag stripper (`<[^>]+>`, `<.*?>`): markup removal, a sanitiser when the function says it is one.
TAG_STRIPPER = lazy_pattern(r"^<(\[\^>\]|\.)[*+]\??>|^</?\??\[\^>\]")
SANITISER_NAME = lazy_pattern(r"saniti[sz]|xss|clean_?html|safe_?html|escape_?html|strip_?(?:scripts?|tags|html)|purify",
                            re.IGNORECASE)
# A backreference in a replacement (`\1`, `\g<1>`, `\g<name>`): the matched markup is put back.
KEPT_GROUP = lazy_pattern(r"\\(?:\d|g<)")
HINT = ("Escape the text (`markupsafe.escape`, `html.escape`, template autoescaping), or clean HTML with a parser-based "
        "allow-list such as `nh3.clean()`.")


class RegexHtmlSanitiser(Rule):
    """HTML is made "safe" with a regex or `str.replace` that removes script tags, event handlers or `javascript:`.

    ## What it does
    Reports `re.sub`/`re.subn` (also through `re.compile(...).sub`, the `regex` module, and aliases)
    whose pattern targets dangerous markup (`<script`, `<iframe`, `<svg`, `on\\w+=` event handlers,
    `javascript:`), and `str.replace()` calls that remove such text (`html.replace("<script>", "")`).
    A generic tag stripper (`<[^>]+>`, `<.*?>`) is reported only inside a function that says it
    sanitises (`sanitize_html`, `clean_html`, `strip_xss`): elsewhere it usually makes plain text for a
    preview that is escaped later. A substitution whose replacement puts the markup back (the same tag,
    `re.sub(r"\\s*</embed>\\s*", "</embed>", html)`, a `\\1` backreference, or a function of the file that
    rebuilds the match) reformats HTML and is not reported, nor is one that puts the tag back with attributes added
    (`svg.replace("<svg ", format_html("<svg {} ", attrs), 1)`, `Markup(...).format`, an f-string).

    ## Why is this bad?
    Markup has too many spellings for a pattern to catch: `<ScRiPt>`, `<script src=...>` split over
    lines, `<scr<script>ipt>` that becomes `<script>` once the inner tag is removed, `<img src=x
    onerror=alert(1)>`, `<svg onload=...>`, `jav&#x09;ascript:` and entities. What survives is trusted as
    safe HTML and runs in every visitor's browser (cross-site scripting). Agents write such filters
    because they look complete on the three examples they thought of.

    ## Example
    ```python
    import re

    def clean_comment(html):
        return re.sub(r"<script.*?>.*?</script>", "", html, flags=re.IGNORECASE | re.DOTALL)
    ```

    ## Use instead
    ```python
    import nh3

    def clean_comment(html):
        return nh3.clean(html, tags={"b", "i", "a", "p"})
    ```

    ## References
    - [CWE-116: Improper Encoding or Escaping of Output](https://cwe.mitre.org/data/definitions/116.html)
    - [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
    - [CWE-184: Incomplete List of Disallowed Inputs](https://cwe.mitre.org/data/definitions/184.html)
    - [OWASP XSS Filter Evasion Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html)
    - [nh3: HTML sanitizer](https://nh3.readthedocs.io/)
    """

    code = "VC420"
    name = "regex-html-sanitiser"
    category = Category.SECURITY
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (116, 79, 184)

    def __init__(self, context: Any, options: Any = None) -> None:
        super().__init__(context, options)
        self._functions: list[str] = []
        self._compiled: list[dict[str, str]] = [{}]
        self._defined: set[str] = set()  # functions defined so far: a replacement function rebuilds the match

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node.name.value)
        self._defined.add(node.name.value)
        self._compiled.append({})

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._functions.pop()
        self._compiled.pop()

    def visit_Assign(self, node: cst.Assign) -> None:
        """Remember `SCRIPT_RE = re.compile(r"<script...")`, so that `SCRIPT_RE.sub("", html)` is seen."""
        value = node.value
        if type(value) is cst.Call and self.qualified_name(value) in REGEX_COMPILERS and value.args:
            pattern = string_value(value.args[0].value)
            for target in node.targets:
                if isinstance(target.target, cst.Name) and pattern is not None:
                    self._compiled[-1][target.target.value] = pattern

    def visit_Call(self, node: cst.Call) -> None:
        found = self._sanitising(node)
        if found is None:
            return
        if isinstance(node.func, cst.Attribute) and isinstance(node.func.value, cst.Call) \
                and self._sanitising(node.func.value) is not None:
            return  # the inner call of `html.replace("<script>", "").replace(...)` speaks for the chain
        kind, text = found
        how = "`str.replace()`" if kind == "text" else "a regular expression"
        self.report(node, f"HTML is sanitised with {how} (`{_shown(text)}`), which misses other spellings of the "
                    "same markup (`<ScRiPt>`, `<scr<script>ipt>`, `<img onerror=...>`).", hint=HINT)

    def _sanitising(self, node: cst.Call) -> tuple[str, str] | None:
        """The removed pattern when the call tries to defuse markup, else None."""
        pattern = self._removed_pattern(node)
        if pattern is None or self._keeps_markup(node):
            return None
        kind, text = pattern
        intended = any(SANITISER_NAME.search(name) for name in self._functions)
        if DANGEROUS_MARKUP.search(text) or (intended and kind == "regex" and TAG_STRIPPER.search(text)):
            return pattern
        return None

    def _keeps_markup(self, node: cst.Call) -> bool:
        """The replacement puts the markup back (`re.sub(r"\\s*</embed>\\s*", "</embed>", html)`, a `\\1` backreference,
        or a function of this file that rebuilds the match): the call reformats HTML, it removes nothing."""
        compiled = isinstance(node.func, cst.Attribute) and node.func.attr.value in ("sub", "subn") \
            and self.qualified_name(node) not in REGEX_SUBSTITUTIONS
        position = 0 if compiled else 1
        if len(node.args) <= position:
            return False
        replacement = node.args[position].value
        if isinstance(replacement, cst.Name):
            return replacement.value in self._defined
        text = string_value(replacement) or _built_markup(replacement)
        return text is not None and (DANGEROUS_MARKUP.search(text) is not None or KEPT_GROUP.search(text) is not None)

    def _removed_pattern(self, node: cst.Call) -> tuple[str, str] | None:
        """("regex", pattern) for a substitution, ("text", old) for `str.replace(old, ...)`; None otherwise."""
        if self.qualified_name(node) in REGEX_SUBSTITUTIONS and node.args:
            text = string_value(node.args[0].value)
            return ("regex", text) if text is not None else None
        func = node.func
        if type(func) is not cst.Attribute or func.attr.value not in ("sub", "subn", "replace") or not node.args:
            return None
        if func.attr.value == "replace":
            old = string_value(node.args[0].value)
            return ("text", old) if old is not None else None
        receiver = func.value
        if isinstance(receiver, cst.Call) and self.qualified_name(receiver) in REGEX_COMPILERS and receiver.args:
            text = string_value(receiver.args[0].value)
            return ("regex", text) if text is not None else None
        if isinstance(receiver, cst.Name):
            for scope in (self._compiled[-1], self._compiled[0]):
                if receiver.value in scope:
                    return "regex", scope[receiver.value]
        return None


# Calls that make trusted markup of their first argument (Django's `format_html`, markupsafe's `Markup`): not an escape,
# which turns the tag it is given into text.
MARKUP_BUILDERS = frozenset({"format_html", "Markup", "mark_safe", "SafeString"})


def _built_markup(node: cst.BaseExpression) -> str | None:
    """The literal text of markup built around values: `format_html("<svg {} ", attrs)`, `Markup("<svg {}>").format(x)`,
    `"<svg {} ".format(attrs)`, `f"<svg {attrs} "`. Put in place of the tag, it adds attributes and keeps the tag."""
    if isinstance(node, cst.FormattedString):
        return "".join(part.value for part in node.parts if isinstance(part, cst.FormattedStringText))
    if not isinstance(node, cst.Call):
        return None
    func = node.func
    if isinstance(func, cst.Attribute) and func.attr.value == "format":
        return string_value(func.value) or _built_markup(func.value)
    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
    return string_value(node.args[0].value) if node.args and name in MARKUP_BUILDERS else None


def _shown(text: str, limit: int = 40) -> str:
    shown = " ".join(text.split()).replace("`", "'")
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."
