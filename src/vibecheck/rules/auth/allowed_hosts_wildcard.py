"""VC213: Django `ALLOWED_HOSTS` (or Starlette's trusted hosts) accepting any `Host` header."""

from __future__ import annotations

import libcst as cst

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule
from vibecheck.rules.auth.exprs import argument, assignment_targets, has_wildcard, is_config_object
from vibecheck.rules.auth.names import is_dev_path

SETTING = "ALLOWED_HOSTS"
LIST_ADDERS = frozenset({"append", "extend", "insert", "add", "update"})
CONFIG_WRITERS = frozenset({"configure", "update"})
HINT = 'List the domain names the site is served under, e.g. `ALLOWED_HOSTS = ["shop.example.com"]`, read from the environment.'


def _tests_debug(test: cst.BaseExpression) -> bool:
    """`if DEBUG:`, `if settings.DEBUG:`: a branch taken only in development."""
    return (isinstance(test, cst.Name) and test.value == "DEBUG") or (
        isinstance(test, cst.Attribute) and test.attr.value == "DEBUG")


class AllowedHostsWildcard(Rule):
    """`ALLOWED_HOSTS` contains `"*"`, so the app trusts any `Host` header.

    ## What it does
    Reports a `"*"` entry in Django's `ALLOWED_HOSTS` however it gets there: `ALLOWED_HOSTS = ["*"]`, a
    tuple or a longer list holding `"*"`, `ALLOWED_HOSTS += ["*"]`, `ALLOWED_HOSTS.append("*")`/`extend`,
    `settings.configure(ALLOWED_HOSTS=["*"])`, or an environment lookup whose default allows every host
    (`os.environ.get("ALLOWED_HOSTS", "*").split(",")`, `env.list("ALLOWED_HOSTS", default=["*"])`). Also
    Starlette's `TrustedHostMiddleware` with `allowed_hosts=["*"]`.

    Subdomain patterns such as `".example.com"` are fine. A wildcard chosen only for debug mode
    (`["*"] if DEBUG else [...]`, or inside `if DEBUG:`) is not reported, nor are test files and
    development, CI and demo settings files (`settings/dev.py`, `local_settings.py`, `ci_settings.py`).

    ## Why is this bad?
    Django builds absolute URLs (password-reset links, redirects, `request.build_absolute_uri()`) from the
    `Host` header. With `"*"` an attacker sends a reset request with `Host: evil.example`, and the victim's
    e-mail carries a link that hands the reset token to the attacker; caches can be poisoned the same way.

    ## Example
    ```python
    DEBUG = False
    ALLOWED_HOSTS = ["*"]
    ```

    ## Use instead
    ```python
    import os

    DEBUG = False
    ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")
    ```

    ## References
    - [CWE-183: Permissive List of Allowed Inputs](https://cwe.mitre.org/data/definitions/183.html)
    - [Django: `ALLOWED_HOSTS`](https://docs.djangoproject.com/en/stable/ref/settings/#allowed-hosts)
    - [Django security: Host header validation](https://docs.djangoproject.com/en/stable/topics/security/#host-headers-virtual-hosting)
    """

    code = "VC213"
    name = "allowed-hosts-wildcard"
    category = Category.AUTH
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (183, 644)
    applies_to_tests = False  # a test's settings configure the test run, not a deployment
    # Every finding names the setting or `TrustedHostMiddleware`'s `allowed_hosts=`.
    file_hints = ("allowed_hosts",)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._skip_file = is_dev_path(self.context.path)
        self._debug_bodies: set[int] = set()  # the bodies (not the `else`) of `if DEBUG:` statements
        self._debug_branches = 0

    def visit_If(self, node: cst.If) -> None:
        if _tests_debug(node.test):
            self._debug_bodies.add(id(node.body))

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        if id(node) in self._debug_bodies:
            self._debug_branches += 1

    def leave_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        if id(node) in self._debug_bodies:
            self._debug_branches -= 1

    def _allows_any(self, node: cst.CSTNode | None) -> bool:
        return has_wildcard(node, self.qualified_name)

    def visit_Assign(self, node: cst.Assign) -> None:
        if any(self._names_setting(t) for t in assignment_targets(node)) and self._allows_any(node.value):
            self._report(node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if self._names_setting(node.target) and self._allows_any(node.value):
            self._report(node)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if self._names_setting(node.target) and self._allows_any(node.value):
            self._report(node)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if self._skip_file or not isinstance(func, cst.Attribute):
            return
        method = func.attr.value
        if method in LIST_ADDERS and self._names_setting(func.value):
            if any(self._allows_any(arg.value) for arg in node.args):
                self._report(node)
        elif method in CONFIG_WRITERS and is_config_object(func.value):
            hosts = argument(node, None, SETTING)
            if hosts is not None and self._allows_any(hosts):
                self._report(hosts)  # on the setting's own line in a long `configure(...)`
        elif self._is_trusted_host_middleware(node) and self._allows_any(argument(node, None, "allowed_hosts")):
            self.report(node, '`TrustedHostMiddleware` is given `allowed_hosts=["*"]`, so it accepts any `Host` '
                        "header and protects nothing.", hint="List the domain names the app is served under in "
                        "`allowed_hosts`.")

    def _is_trusted_host_middleware(self, node: cst.Call) -> bool:
        return bool(node.args) and (self.qualified_name(node.args[0].value) or "").endswith("TrustedHostMiddleware")

    def _names_setting(self, target: cst.CSTNode) -> bool:
        if self._skip_file or self._debug_branches:
            return False
        if isinstance(target, cst.Name):
            return target.value == SETTING
        return isinstance(target, cst.Attribute) and target.attr.value == SETTING

    def _report(self, node: cst.CSTNode) -> None:
        self.report(node, '`ALLOWED_HOSTS` contains `"*"`, so Django trusts any `Host` header when it builds password-reset '
                    "links and other absolute URLs.", hint=HINT)
