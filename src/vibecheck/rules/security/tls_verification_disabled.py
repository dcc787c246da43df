"""VC404: TLS certificate or host name verification switched off."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.call_edits import without_argument
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import NodeFix
from vibecheck.rules.security._support import BindingRule, is_name_constant, keyword, string_value, tails

HTTP_LIBRARIES = ("requests.", "httpx.", "aiohttp.", "urllib3.", "niquests.", "pip._vendor.requests.")
# Methods of a session/client object (any receiver): `self.session.get(url, verify=False)`.
HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream",
                          "Session", "Client", "AsyncClient", "ClientSession", "TCPConnector", "PoolManager",
                          "ProxyManager", "HTTPSConnectionPool", "merge_environment_settings", "ws_connect"})
# keyword -> the value that disables verification
DISABLING_KEYWORDS = {"verify": "False", "ssl": "False", "verify_ssl": "False"}
UNVERIFIED_REFERENCES = frozenset({"ssl._create_unverified_context", "ssl._create_stdlib_context"})
CERT_NONE_NAMES = frozenset({"ssl.CERT_NONE", "ssl.VerifyMode.CERT_NONE"})
UNVERIFIED_TAILS = tails(UNVERIFIED_REFERENCES)
CHECKED_KEYWORDS = frozenset({*DISABLING_KEYWORDS, "cert_reqs"})
CERT_REQS_NONE = frozenset({"CERT_NONE", "NONE", "none"})
# `if not verify:` -- a branch that implements the caller's own choice, as HTTP libraries do.
OPT_OUT_WORDS = ("verify", "insecure", "ssl", "tls", "cert")


class TlsVerificationDisabled(BindingRule):
    """TLS certificate or host name verification is switched off.

    ## What it does
    Reports `verify=False` on `requests`/`httpx`/`aiohttp` calls, sessions and clients (also through a
    variable or `session.verify = False`), `ssl._create_unverified_context()`, `ssl.CERT_NONE` given
    to a call or assigned (`context.verify_mode = ssl.CERT_NONE`),
    `cert_reqs="CERT_NONE"` and `context.check_hostname = False`. Code inside an `if` that tests a
    `verify`/`insecure` flag is left alone: it implements the caller's own opt-out. Test files are not
    checked: tests talk to local servers with self-signed certificates, and that code does not ship.

    ## Why is this bad?
    Without certificate verification anyone on the network path can impersonate the server, read the
    traffic and change the responses (credentials, tokens, downloaded code). Agents add `verify=False`
    to make an SSL error go away, and it then ships to production.

    ## Example
    ```python
    import requests

    def fetch_orders(api_url, token):
        return requests.get(api_url, headers={"Authorization": token}, verify=False, timeout=10)
    ```

    ## Use instead
    ```python
    import requests

    def fetch_orders(api_url, token):
        # trust the private CA explicitly instead of trusting everyone
        return requests.get(api_url, headers={"Authorization": token}, verify="/etc/ssl/internal-ca.pem", timeout=10)
    ```

    ## Fix safety
    A literal `verify=False` (`ssl=False`, `verify_ssl=False`, `cert_reqs="CERT_NONE"`) on a call is
    removed, which turns verification back on. The fix is unsafe: a server with a self-signed or
    private-CA certificate that worked before now fails with a certificate error, until its CA bundle is
    passed (`verify="/path/to/ca.pem"`). Assignments (`session.verify = False`), `ssl.CERT_NONE` and
    unverified contexts have no fix: what to put there depends on the certificates in use.

    ## References
    - [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
    - [Requests: SSL certificate verification](https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification)
    - [Python `ssl`: security considerations](https://docs.python.org/3/library/ssl.html#security-considerations)
    """

    code = "VC404"
    name = "tls-verification-disabled"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (295,)
    supersedes = ("B501", "B323")
    fixable = True

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._opt_out_depth = 0
        self._opt_out_ifs: set[int] = set()

    def visit_Module(self, node: cst.Module) -> None:
        if self.context.is_test_file:
            self._opt_out_depth += 1  # never decremented: nothing in a test file is reported

    def visit_If(self, node: cst.If) -> None:
        if _mentions_opt_out(node.test):
            self._opt_out_ifs.add(id(node))
            self._opt_out_depth += 1

    def leave_If(self, node: cst.If) -> None:
        if id(node) in self._opt_out_ifs:
            self._opt_out_ifs.discard(id(node))
            self._opt_out_depth -= 1

    def visit_Call(self, node: cst.Call) -> None:
        if self._opt_out_depth:
            return
        for arg in node.args:
            if self._is_cert_none(arg.value):
                self.report(arg, f"`{self.source_of(arg)}` makes this TLS connection accept any certificate.",
                            hint="Use `ssl.CERT_REQUIRED` (the default of `ssl.create_default_context()`).")
        if not (self.may_call(node, UNVERIFIED_TAILS) or any(
                arg.keyword is not None and arg.keyword.value in CHECKED_KEYWORDS for arg in node.args)):
            return
        qualified = self.module_name(node) or ""
        if qualified in UNVERIFIED_REFERENCES:
            self.report(node, f"`{qualified}()` creates a TLS context that does not verify certificates.",
                        hint="Use `ssl.create_default_context()`; load a private CA with `cafile=`.")
            return
        method = node.func.attr.value if isinstance(node.func, cst.Attribute) else ""
        if not (qualified.startswith(HTTP_LIBRARIES) or method in HTTP_METHODS):
            return
        for word, disabling in DISABLING_KEYWORDS.items():
            switch = keyword(node, word)
            if switch is not None and is_name_constant(self.resolve(switch.value), disabling):
                self.report(node, f"`{word}=False` turns off TLS certificate verification for this HTTP call.",
                            hint=f"Remove `{word}=False`; if the server uses a private CA, pass its bundle path instead.",
                            fix=_removal(node, switch, is_name_constant(switch.value, disabling)))
                return
        cert_reqs = keyword(node, "cert_reqs")
        if cert_reqs is not None and string_value(self.resolve(cert_reqs.value)) in CERT_REQS_NONE:
            self.report(node, "`cert_reqs=CERT_NONE` turns off TLS certificate verification for this connection pool.",
                        hint="Remove `cert_reqs=CERT_NONE` (the default, `CERT_REQUIRED`, verifies certificates).",
                        fix=_removal(node, cert_reqs, string_value(cert_reqs.value) in CERT_REQS_NONE))

    def visit_DictElement(self, node: cst.DictElement) -> None:
        if not self._opt_out_depth and self._is_cert_none(node.value):
            self.report(node, f"`{self.source_of(node)}` makes this TLS connection accept any certificate.",
                        hint="Use `ssl.CERT_REQUIRED` (the default of `ssl.create_default_context()`).")

    def visit_Assign(self, node: cst.Assign) -> None:
        if self._opt_out_depth:
            return
        for target in node.targets:
            if _subscript_key(target.target) in DISABLING_KEYWORDS and is_name_constant(self.resolve(node.value), "False"):
                self.report(node, f"`{self.source_of(target.target)} = False` turns off TLS certificate verification for the "
                            "requests made with these options.", hint="Remove this assignment; trust a private CA with a CA "
                            "bundle path instead.")
            attribute = target.target
            if not isinstance(attribute, cst.Attribute):
                continue
            field = attribute.attr.value
            if field in ("verify", "check_hostname") and is_name_constant(self.resolve(node.value), "False"):
                what = "host name checking" if field == "check_hostname" else "TLS certificate verification"
                self.report(node, f"`{self.source_of(attribute)} = False` turns off {what} for every request it makes.",
                            hint=f"Remove `{self.source_of(attribute)} = False`; trust a private CA with a CA bundle instead.")
            elif field in ("verify_mode", "cert_reqs") and self._is_cert_none(node.value):
                self.report(node, f"`{self.source_of(attribute)} = CERT_NONE` makes this TLS connection accept any "
                            "certificate.", hint="Use `ssl.CERT_REQUIRED` (the default of `ssl.create_default_context()`).")
            elif field == "cert_reqs" and string_value(node.value) in CERT_REQS_NONE:
                self.report(node, f"`{self.source_of(attribute)} = \"CERT_NONE\"` turns off TLS certificate verification.",
                            hint="Keep `cert_reqs` at `CERT_REQUIRED`.")
        value = self.module_name(node.value) if isinstance(node.value, (cst.Attribute, cst.Name)) else None
        if value in UNVERIFIED_REFERENCES:
            self.report(node, f"Assigning `{value}` makes every default HTTPS connection skip certificate verification.",
                        hint="Remove this assignment and fix the certificate problem (install the CA, or pass `cafile=`).")


    def _is_cert_none(self, value: cst.BaseExpression) -> bool:
        """`ssl.CERT_NONE`, `CERT_NONE` imported from `ssl`, `ssl.VerifyMode.CERT_NONE`."""
        tail = value.attr.value if isinstance(value, cst.Attribute) else value.value if isinstance(value, cst.Name) else ""
        return tail == "CERT_NONE" and self.module_name(value) in CERT_NONE_NAMES


def _removal(call: cst.Call, argument: cst.Arg, literal: bool) -> NodeFix | None:
    """Drop the argument that switches verification off; only a literal one (a variable may be meant elsewhere)."""
    if not literal:
        return None
    word = argument.keyword.value if argument.keyword is not None else "the argument"
    return NodeFix(f"Remove `{word}=`", ((call, without_argument(call, argument)),), safe=False)


def _subscript_key(node: cst.BaseExpression) -> str | None:
    """`"verify"` for `kwargs["verify"]`."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        return string_value(node.slice[0].slice.value)
    return None


def _mentions_opt_out(test: cst.BaseExpression) -> bool:
    """The `if` test names a verification flag (`if not verify:`, `if self.insecure:`, `if ssl_verify is False:`)."""
    pending: list[cst.CSTNode] = [test]
    while pending:
        node = pending.pop()
        if isinstance(node, cst.Name):
            if any(word in node.value.lower() for word in OPT_OUT_WORDS):
                return True
        elif isinstance(node, cst.Attribute):
            if any(word in node.attr.value.lower() for word in OPT_OUT_WORDS):
                return True
            pending.append(node.value)
        elif isinstance(node, (cst.UnaryOperation, cst.Comparison, cst.BooleanOperation, cst.ComparisonTarget)):
            pending.extend(node.children)
    return False
