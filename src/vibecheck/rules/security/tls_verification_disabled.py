"""VC404: TLS certificate or host name verification switched off."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import libcst as cst

from vibecheck.analysis.call_edits import without_argument
from vibecheck.analysis.nodes import is_name
from vibecheck.analysis.statement_edits import statement_removal
from vibecheck.analysis.unpacked_options import unpacked_option
from vibecheck.cst_fields import child_nodes, returned_names
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import NodeFix
from vibecheck.rules.security._support import (
    BindingRule,
    keyword,
    positional,
    string_value,
    tails,
)

HTTP_LIBRARIES = ("requests.", "httpx.", "aiohttp.", "urllib3.", "niquests.", "pip._vendor.requests.", "tornado.httpclient.")
# Methods of a session/client object (any receiver): `self.session.get(url, verify=False)`.
HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream",
                          "Session", "Client", "AsyncClient", "ClientSession", "TCPConnector", "PoolManager",
                          "ProxyManager", "HTTPSConnectionPool", "merge_environment_settings", "ws_connect",
                          "fetch", "HTTPRequest",  # Tornado: `AsyncHTTPClient().fetch(url, validate_cert=False)`
                          "client", "resource"})  # cloud SDK factories: `boto3.client("ec2", verify=False)`
# Keywords that switch verification off when given `False` (or `0`: `verify=0`, which the clients test for truth).
DISABLING_KEYWORDS = ("verify", "ssl", "verify_ssl", "validate_cert")
UNVERIFIED_REFERENCES = frozenset({"ssl._create_unverified_context", "ssl._create_stdlib_context"})
CERT_NONE_NAMES = frozenset({"ssl.CERT_NONE", "ssl.VerifyMode.CERT_NONE"})
CERT_LEVELS = frozenset({"CERT_NONE", "CERT_OPTIONAL", "CERT_REQUIRED"})
CERT_LEVEL_NAMES = frozenset(f"ssl.{prefix}{level}" for prefix in ("", "VerifyMode.") for level in CERT_LEVELS)
UNVERIFIED_TAILS = tails(UNVERIFIED_REFERENCES)
CHECKED_KEYWORDS = frozenset({*DISABLING_KEYWORDS, "cert_reqs"})
CERT_REQS_NONE = frozenset({"CERT_NONE", "NONE", "none"})
# Methods whose truthy first argument stops a client checking the server's host name against its certificate:
# paho-mqtt's `client.tls_insecure_set(True)`.
INSECURE_SWITCH_METHODS = frozenset({"tls_insecure_set"})
# SSH clients' policies for a host whose key is unknown that connect anyway, given to `set_missing_host_key_policy`
# (paramiko and its forks): `AutoAddPolicy` (trusts and stores the key) and `WarningPolicy` (logs and connects).
# `RejectPolicy`, the default, refuses.
TRUSTING_POLICY_TAILS = frozenset({"AutoAddPolicy", "WarningPolicy"})
# asyncssh's connect functions: `known_hosts=None` switches the server's host key check off.
ASYNCSSH_CONNECTS = frozenset({"asyncssh.connect", "asyncssh.connect_reverse", "asyncssh.SSHClientConnectionOptions"})
# The standard library's mail and file-transfer clients: without a context they use `ssl._create_stdlib_context()`,
# which checks neither the certificate nor the host name. Client class -> the keyword of its context.
STDLIB_TLS_CLIENTS = {"smtplib.SMTP_SSL": "context", "imaplib.IMAP4_SSL": "ssl_context", "poplib.POP3_SSL": "context",
                      "ftplib.FTP_TLS": "context", "nntplib.NNTP_SSL": "ssl_context"}
# Plain clients whose method upgrades the connection: class -> (method, keyword of its context, its position).
STDLIB_STARTTLS = {"smtplib.SMTP": ("starttls", "context", None), "smtplib.LMTP": ("starttls", "context", None),
                   "imaplib.IMAP4": ("starttls", "ssl_context", 0), "poplib.POP3": ("stls", "context", 0),
                   "nntplib.NNTP": ("starttls", "context", 0)}
STARTTLS_METHODS = frozenset(method for method, _, _ in STDLIB_STARTTLS.values())
# Async mail clients whose `starttls()` verifies by default: a file that uses one is not guessed about.
VERIFYING_MAIL_MODULES = ("aiosmtplib", "aioimaplib")
STDLIB_TLS_TAILS = tails(frozenset(STDLIB_TLS_CLIENTS))
# `if not verify:`, `if verified: ... else: ...` -- a branch that implements the caller's own choice, as HTTP
# libraries do.
OPT_OUT_WORDS = ("verif", "insecure", "ssl", "tls", "cert")
# `def _make_insecure_ssl_ctx(): ...; return ctx` -- a function whose name says it builds the unverified object it
# returns, for callers that ask for it by name.
INSECURE_BUILDER_WORDS = ("insecure", "unverified", "noverify", "no_verify", "unchecked")
# Settings that only an SSL context has: `self.check_hostname = False` in a class that is not a context is that
# class's own attribute (a wrapper that copies the context API and checks host names itself).
# A setting that switches certificate checks (`VERIFY_SSL`, `verify_tls: bool`, `SSL_VERIFY`, `VERIFY_CERTS`): set to
# `False` in a module or a settings class, it turns verification off wherever another module passes it on
# (`verify=settings.verify_ssl`), which that module's line cannot show.
TLS_SWITCH_NAME = lazy_pattern(r"^(?:[a-z0-9]+_)*(?:verify_(?:ssl|tls|certs?|certificates?|https)|(?:ssl|tls|https?)_verify"
                               r"(?:_certs?)?|validate_certs?)$", re.IGNORECASE)
# Words that turn such a setting around (`skip_tls_verify`, `no_verify_ssl`, `disable_ssl_verify`): `False` keeps the
# certificate checks on.
NEGATING_WORDS = frozenset({"skip", "no", "not", "disable", "disabled", "ignore", "bypass", "dont", "without"})
CONTEXT_ONLY_FIELDS = frozenset({"check_hostname", "verify_mode"})
# urllib3's context factory (also as `requests.packages.urllib3`, pip's vendored copy): a pool that gets such a context
# as `ssl_context=` matches the host name itself when the context's own check is off, as urllib3 switches it off.
URLLIB3_CONTEXT_FACTORY = "urllib3.util.ssl_.create_urllib3_context"
URLLIB3_CONTEXT_FACTORIES = frozenset({URLLIB3_CONTEXT_FACTORY, "urllib3.util.create_urllib3_context",
                                       *(f"{prefix}.{URLLIB3_CONTEXT_FACTORY}"
                                         for prefix in ("requests.packages", "pip._vendor"))})
# Attributes of a client's configuration that switch verification off when set to `False`: a `requests` session's
# `verify`, the Kubernetes client's `Configuration().verify_ssl` (which every `ApiClient` made from it then uses).
VERIFY_ATTRIBUTES = frozenset({"verify", "verify_ssl"})
# Built-in conversions: `int(ssl.CERT_NONE)` spells the level as a number, as an option's default does.
CONVERSIONS = frozenset({"int", "str"})
# Objects that have a `verify` attribute from the start (deleting `x.verify = False` leaves it at `True`).
# Browser automation options that accept any certificate when set to `True`: Playwright's `ignore_https_errors`
# (`browser.new_context(...)`, `launch_persistent_context(...)`), pyppeteer's `ignoreHTTPSErrors`, Selenium's
# `accept_insecure_certs` option and the WebDriver capability `acceptInsecureCerts`.
BROWSER_SWITCHES = frozenset({"ignore_https_errors", "ignoreHTTPSErrors", "accept_insecure_certs", "acceptInsecureCerts"})
# Chromium's command-line switches that accept any certificate: `options.add_argument("--ignore-certificate-errors")`,
# `chromium.launch(args=[...])`.
BROWSER_OPTION_METHODS = frozenset({"add_argument", "set_capability"})
BROWSER_FLAG = lazy_pattern(r"^--ignore-(?:certificate|ssl)-errors(?:=(?:true|yes|1))?$", re.IGNORECASE)
SESSION_CONSTRUCTORS = frozenset({"requests.Session", "requests.session", "requests.sessions.Session",
                                  "niquests.Session", "pip._vendor.requests.Session"})


class TlsVerificationDisabled(BindingRule):
    """TLS certificate or host name verification is switched off.

    ## What it does
    Reports `verify=False` (or `verify=0`) on `requests`/`httpx`/`aiohttp` calls, sessions and clients (also through a
    variable, an entry of the options dict a call unpacks, `httpx.AsyncClient(**OPTIONS)` with `OPTIONS = {"verify":
    False}` that the module does not rewrite later, `OPTIONS["verify"] = ca_bundle`, or `session.verify = False`), the
    cloud SDKs' client factories (`boto3.client("ec2", verify=False)`,
    `session.resource(...)`), the Kubernetes client's `configuration.verify_ssl = False`, Tornado's
    `validate_cert=False` (`AsyncHTTPClient().fetch(url, ...)`, `HTTPRequest(url, ...)`),
    `ssl._create_unverified_context()`, `ssl.CERT_NONE` given to a call or assigned (`context.verify_mode = ssl.CERT_NONE`),
    `cert_reqs="CERT_NONE"`, `context.check_hostname = False` and paho-mqtt's `client.tls_insecure_set(True)`. SSH
    clients that accept any server key are reported too: paramiko's `set_missing_host_key_policy(AutoAddPolicy())`
    (or `WarningPolicy`, also given as the class or through a name bound to it) and asyncssh's
    `connect(..., known_hosts=None)`. A setting
    named as the switch set to `False` in a
    module or a settings class (`VERIFY_SSL = False`, `verify_ssl: bool = False` in a pydantic `BaseSettings`, Flask's
    `VERIFY_TLS = False` in a `Config` class) is reported where it is set, since the call another module makes with it
    (`verify=settings.verify_ssl`) cannot show its value; where the same file passes it on, the call is reported
    instead; a name that turns the switch around (`skip_tls_verify: bool = False`, `no_verify_ssl`) keeps the checks on
    with `False`. It also reports the standard library's
    mail and file-transfer clients opened without a context (`smtplib.SMTP_SSL(host)`,
    `imaplib.IMAP4_SSL(host)`, `poplib.POP3_SSL`, `ftplib.FTP_TLS`) and `server.starttls()`/`stls()`
    without one: their default context checks neither the certificate nor the host name. Browser automation is
    reported too: Playwright's `ignore_https_errors=True` (`browser.new_context(...)`), pyppeteer's
    `ignoreHTTPSErrors=True`, Selenium's `accept_insecure_certs = True` and `acceptInsecureCerts` capability, and
    Chromium's `--ignore-certificate-errors` switch given to `options.add_argument(...)` alone or in a
    `launch(args=[...])` list (a command-line parser's `add_argument` of that name, with its `action=`, is the
    program's own option). Code inside an `if` that tests a
    `verify`/`verified`/`insecure` flag (either branch) is left alone: it implements the caller's own opt-out, and so
    is the object a function named for it builds and returns (`def _make_insecure_ssl_ctx(): ... return ctx`:
    callers ask for it by name), `self.check_hostname = False` in a class that is not a context class (its own
    field, in a wrapper that copies the context API), `context.check_hostname = False` on a context from urllib3's
    `create_urllib3_context()` that the function gives no standard-library client (`context=`): urllib3's pools match
    the host name themselves when the context does not, and a mapping that offers every certificate level
    (`{"required": CERT_REQUIRED, "none": CERT_NONE}`, a table from configured names to levels): what is
    configured decides; so does an option's `default=` (`click.option("--ssl-cert-reqs",
    default=int(ssl.CERT_NONE))`, the level a server starts at for client certificates), and so does `["verify"] =
    False` in a mapping that also gets `["sign"]`: a key's allowed uses, not request options. Test files are not
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
    A literal `verify=False` (`ssl=False`, `verify_ssl=False`, `validate_cert=False`, `cert_reqs="CERT_NONE"`) on a call is
    removed, which turns verification back on. The fix is unsafe: a server with a self-signed or
    private-CA certificate that worked before now fails with a certificate error, until its CA bundle is
    passed (`verify="/path/to/ca.pem"`). A `session.verify = False` statement is deleted (`pass` when it
    is the only statement of its block), for the same reason and with the same risk, when the session is
    a `requests.Session()` of the same function or an attribute named for a session (`self.session`):
    any other object may have no `verify` at all without that line. `check_hostname`,
    `ssl.CERT_NONE` and unverified contexts have no fix: what to put there depends on the certificates
    and the context's other settings.

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
    applies_to_tests = False  # a test reaches its own test server or a mock
    # Every finding names `verify`, `ssl`, a `*_TLS`/`starttls` client, `cert_reqs`/`CERT_NONE` or `check_hostname`.
    file_hints = ("verify", "ssl", "tls", "cert", "check_hostname", "https_errors", "httpserrors", "host_key",
                  "known_hosts")
    supersedes = ("B501", "B323", "B507")
    fixable = True

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._opt_out_depth = 0
        self._opt_out_ifs: set[int] = set()
        self._line: cst.SimpleStatementLine | cst.SimpleStatementSuite | None = None
        self._blocks: list[Sequence[cst.BaseStatement]] = []  # the indented blocks around the current line
        self._built: list[frozenset[str]] = []  # per enclosing function: what an insecure-named builder returns
        self._functions: list[cst.FunctionDef] = []  # the enclosing functions, innermost last
        self._classes: list[bool] = []  # per enclosing class: whether it derives from a TLS context class
        self._option_defaults: set[int] = set()  # ids of `default=` values: an option's default, which users choose
        self._depth = 0  # enclosing functions
        self._switches: list[tuple[str, cst.CSTNode]] = []  # settings set to False here: `VERIFY_SSL = False`
        self._passed: set[str] = set()  # names this file passes as `verify=`: reported there, where they are used

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._line = node

    def visit_SimpleStatementSuite(self, node: cst.SimpleStatementSuite) -> None:
        self._line = node

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self._blocks.append(node.body)

    def leave_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self._blocks.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        self._depth += 1
        named_insecure = any(word in node.name.value.lower() for word in INSECURE_BUILDER_WORDS)
        self._built.append(returned_names(node) if named_insecure else frozenset())
        self._functions.append(node)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().leave_FunctionDef(node)
        self._depth -= 1
        self._built.pop()
        self._functions.pop()

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._note_switch(node.target, node.value, node)

    def _note_switch(self, target: cst.BaseExpression, value: cst.BaseExpression, node: cst.CSTNode) -> None:
        """`VERIFY_SSL = False` in a module, `verify_ssl: bool = False` in a settings class: kept until the end of the
        file, which may pass it on itself (`verify=VERIFY_SSL`, reported there)."""
        if not self._depth and not self._opt_out_depth and type(target) is cst.Name \
                and TLS_SWITCH_NAME.match(target.value) and is_name(value, "False") \
                and NEGATING_WORDS.isdisjoint(target.value.lower().split("_")):
            self._switches.append((target.value, node))

    def leave_Module(self, original_node: cst.Module) -> None:
        for name, node in self._switches:
            if name not in self._passed:
                self.report(node, f"The setting `{name}` is `False`, so the HTTPS clients it configures do not verify "
                            "certificates.", hint=f"Set `{name}` to `True` (or drop it); trust a private CA with a CA "
                            "bundle path instead.")

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        self._classes.append(any((self.dotted(base.value) or "").endswith("Context") for base in node.bases))

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.pop()

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
            if arg.keyword is not None and arg.keyword.value == "default":
                self._option_defaults.add(id(arg.value))
        for arg in node.args:
            if self._is_cert_none(arg.value) and not self._is_option_default(node, arg):
                self.report(arg, f"`{self.source_of(arg)}` makes this TLS connection accept any certificate.",
                            hint="Use `ssl.CERT_REQUIRED` (the default of `ssl.create_default_context()`).")
        self._check_stdlib_tls(node)
        self._check_browser(node)
        self._check_insecure_switch(node)
        self._check_host_key_policy(node)
        if not (self.may_call(node, UNVERIFIED_TAILS) or any(
                (arg.keyword is not None and arg.keyword.value in CHECKED_KEYWORDS) or arg.star == "**" for arg in node.args)):
            return
        qualified = self.module_name(node) or ""
        if qualified in UNVERIFIED_REFERENCES:
            self.report(node, f"`{qualified}()` creates a TLS context that does not verify certificates.",
                        hint="Use `ssl.create_default_context()`; load a private CA with `cafile=`.")
            return
        method = node.func.attr.value if isinstance(node.func, cst.Attribute) else ""
        if not (qualified.startswith(HTTP_LIBRARIES) or method in HTTP_METHODS):
            return
        for word in DISABLING_KEYWORDS:
            switch = keyword(node, word)
            if switch is None:
                self._check_unpacked_switch(node, word)
                continue
            if type(switch.value) is cst.Name:
                self._passed.add(switch.value.value)
            value = self.resolve(switch.value)
            if value is not None and _switches_off(value):
                spelled = f"{word}={self.source_of(value)}"
                self.report(node, f"`{spelled}` turns off TLS certificate verification for this HTTP call.",
                            hint=f"Remove `{spelled}`; if the server uses a private CA, pass its bundle path instead.",
                            fix=_removal(node, switch, _switches_off(switch.value)))
                return
        cert_reqs = keyword(node, "cert_reqs")
        if cert_reqs is not None and string_value(self.resolve(cert_reqs.value)) in CERT_REQS_NONE:
            self.report(node, "`cert_reqs=CERT_NONE` turns off TLS certificate verification for this connection pool.",
                        hint="Remove `cert_reqs=CERT_NONE` (the default, `CERT_REQUIRED`, verifies certificates).",
                        fix=_removal(node, cert_reqs, string_value(cert_reqs.value) in CERT_REQS_NONE))

    def _check_unpacked_switch(self, node: cst.Call, word: str) -> None:
        """`httpx.AsyncClient(**CLIENT_OPTIONS)` where `CLIENT_OPTIONS = {"verify": False, ...}`: the dict's entry
        is the call's keyword."""
        entry = unpacked_option(node, word, self.value_of, self.context.source)
        value = self.resolve(entry) if entry is not None else None
        if value is not None and _switches_off(value):
            self.report(node, f"The options this HTTP call unpacks set `{word}={self.source_of(value)}`, which turns off "
                        "TLS certificate verification.", hint=f"Remove `{word}` from the options; if the server uses a "
                        "private CA, pass its bundle path instead.")

    def _check_insecure_switch(self, node: cst.Call) -> None:
        """`client.tls_insecure_set(True)`: an MQTT client that accepts a certificate issued for any host."""
        if not (isinstance(node.func, cst.Attribute) and node.func.attr.value in INSECURE_SWITCH_METHODS and node.args):
            return
        value = self.resolve(node.args[0].value)
        if value is not None and is_name(value, "True"):
            self.report(node, f"`{self.source_of(node)}` stops this client checking that the server's certificate was "
                        "issued for its host, so any certificate a trusted CA issued lets a machine on the path pose as "
                        "the broker.", hint="Remove the call (or pass `False`); give the broker a certificate for the "
                        "host name the client connects to.")

    def _check_host_key_policy(self, node: cst.Call) -> None:
        """`ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())`, `asyncssh.connect(host, known_hosts=None)`: an
        SSH client that takes whatever key the server shows, so a machine on the path can pose as the server."""
        if isinstance(node.func, cst.Attribute) and node.func.attr.value == "set_missing_host_key_policy" and node.args:
            policy = self.resolve(node.args[0].value)
            target = policy.func if isinstance(policy, cst.Call) else policy
            tail = target.attr.value if isinstance(target, cst.Attribute) else target.value if isinstance(target, cst.Name) \
                else ""
            if tail in TRUSTING_POLICY_TAILS:
                self.report(node, f"`{tail}` makes this SSH client accept any host key it has not seen, so a machine on "
                            "the path can pose as the server and read the credentials and commands.",
                            hint="Load the known host keys (`load_system_host_keys()` or `load_host_keys(path)`) and keep "
                            "`RejectPolicy`, the default.")
            return
        known_hosts = keyword(node, "known_hosts")
        if known_hosts is not None and is_name(self.resolve(known_hosts.value), "None") \
                and (self.module_name(node) or "") in ASYNCSSH_CONNECTS:
            self.report(node, "`known_hosts=None` makes this SSH connection accept any host key, so a machine on the path "
                        "can pose as the server.", hint="Pass a known-hosts file (the default `~/.ssh/known_hosts`) or "
                        "the server's public key.")

    def _check_browser(self, node: cst.Call) -> None:
        """`browser.new_context(ignore_https_errors=True)`, `options.add_argument("--ignore-certificate-errors")`,
        `options.set_capability("acceptInsecureCerts", True)`, `launch(args=["--ignore-certificate-errors"])`."""
        for arg in node.args:
            word = arg.keyword.value if arg.keyword is not None else None
            if word in BROWSER_SWITCHES and is_name(self.resolve(arg.value), "True"):
                self._report_browser(arg, f"{word}=True")
            elif word == "args" and isinstance(arg.value, (cst.List, cst.Tuple)):
                for element in arg.value.elements:
                    if _is_browser_flag(element.value):
                        self._report_browser(element, string_value(element.value) or "")
        method = node.func.attr.value if isinstance(node.func, cst.Attribute) else ""
        if method not in BROWSER_OPTION_METHODS:
            return
        values = [arg.value for arg in node.args if arg.keyword is None]
        if method == "add_argument" and len(node.args) == 1 and _is_browser_flag(values[0] if values else None):
            self._report_browser(node, string_value(values[0]) or "")
        if method == "set_capability" and len(values) == 2 and string_value(values[0]) in BROWSER_SWITCHES \
                and is_name(self.resolve(values[1]), "True"):
            self._report_browser(node, f"{string_value(values[0])}: True")

    def _report_browser(self, node: cst.CSTNode, spelled: str) -> None:
        self.report(node, f"`{spelled}` makes this automated browser accept any certificate, so anyone on the path can "
                    "read what it types (passwords included) and change the pages it reads.",
                    hint="Drop it; trust a private CA by installing it in the browser profile or the system store.")

    def _is_option_default(self, call: cst.Call, arg: cst.Arg) -> bool:
        """`click.option("--ssl-cert-reqs", default=int(ssl.CERT_NONE))`: the level an option starts at (a server that
        asks no client certificate), which configures no connection until the user's choice reaches one."""
        if id(arg.value) in self._option_defaults:
            return True
        converts = isinstance(call.func, cst.Name) and call.func.value in CONVERSIONS
        return converts and id(call) in self._option_defaults

    def _check_stdlib_tls(self, node: cst.Call) -> None:
        """`smtplib.SMTP_SSL(host)` and `server.starttls()` without a context: nothing is verified."""
        qualified = self.module_name(node) or "" if self.may_call(node, STDLIB_TLS_TAILS) else ""
        if qualified in STDLIB_TLS_CLIENTS:
            context = keyword(node, STDLIB_TLS_CLIENTS[qualified])
            if context is None or is_name(context.value, "None"):
                self.report(node, f"`{qualified}()` without `{STDLIB_TLS_CLIENTS[qualified]}=` encrypts the connection "
                            "but accepts any certificate, so anyone on the path can read the password.",
                            hint=f"Pass `{STDLIB_TLS_CLIENTS[qualified]}=ssl.create_default_context()`.")
            return
        func = node.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in STARTTLS_METHODS):
            return
        clients = [c for c in self._stdlib_clients(func.value) if STDLIB_STARTTLS[c][0] == func.attr.value]
        if not clients or any(self._has_context(node, client) for client in clients):
            return
        word = STDLIB_STARTTLS[clients[0]][1]
        self.report(node, f"`{self.source_of(func)}()` without `{word}=` upgrades to TLS but accepts any certificate "
                    "(the standard library's default context checks nothing), so anyone on the path can read what "
                    "follows.", hint=f"Pass `{word}=ssl.create_default_context()`.")

    @staticmethod
    def _has_context(call: cst.Call, client: str) -> bool:
        _, word, position = STDLIB_STARTTLS[client]
        context = keyword(call, word) or (positional(call, position) if position is not None else None)
        return context is not None and not is_name(context.value, "None")

    def _stdlib_clients(self, receiver: cst.BaseExpression) -> list[str]:
        """The standard-library client class a receiver was made from (`server = smtplib.SMTP(...)`), or, when it
        cannot be seen (`self.server`), the plain clients of the modules the file imports."""
        made = self.resolve(receiver)
        if isinstance(made, cst.Call):
            name = self.module_name(made) or ""
            return [name] if name in STDLIB_STARTTLS else []
        imported = self.context.imports.imported_names()
        if any(name.startswith(VERIFYING_MAIL_MODULES) for name in imported):
            return []
        modules = {name.split(".", 1)[0] for name in imported}
        return [client for client in STDLIB_STARTTLS if client.split(".", 1)[0] in modules]

    def _is_key_usage(self, target: cst.BaseExpression) -> bool:
        """`modes["verify"] = False` where the same mapping also gets `["sign"]`: a key's allowed uses (sign, verify,
        encrypt, ...), of which verifying signatures is one; no request is made with it."""
        receiver = self.source_of(target.value) if isinstance(target, cst.Subscript) else None
        return receiver is not None and re.search(
            rf"(?<![\w.]){re.escape(receiver)}\[\s*[\"']sign[\"']\s*\]\s*=(?!=)", self.context.source) is not None

    def visit_Dict(self, node: cst.Dict) -> None:
        if self._opt_out_depth:
            return
        values = [e.value for e in node.elements if isinstance(e, cst.DictElement)]
        if self._is_choice_table(values):
            return
        for element in node.elements:
            if isinstance(element, cst.DictElement) and string_value(element.key) in BROWSER_SWITCHES \
                    and is_name(self.resolve(element.value), "True"):
                self._report_browser(element, f"{string_value(element.key)}: True")
            if isinstance(element, cst.DictElement) and self._is_cert_none(element.value):
                self.report(element, f"`{self.source_of(element)}` makes this TLS connection accept any certificate.",
                            hint="Use `ssl.CERT_REQUIRED` (the default of `ssl.create_default_context()`).")

    def visit_Assign(self, node: cst.Assign) -> None:
        if self._opt_out_depth:
            return
        if len(node.targets) == 1:
            self._note_switch(node.targets[0].target, node.value, node)
        for target in node.targets:
            if _subscript_key(target.target) in DISABLING_KEYWORDS and _switches_off(self.resolve(node.value)) \
                    and not self._is_key_usage(target.target):
                self.report(node, f"`{self.source_of(target.target)} = {self.source_of(node.value)}` turns off TLS "
                            "certificate verification for the requests made with these options.",
                            hint="Remove this assignment; trust a private CA with a CA bundle path instead.")
            attribute = target.target
            if type(attribute) is not cst.Attribute:
                continue
            field = attribute.attr.value
            if (field in CONTEXT_ONLY_FIELDS and self._is_own_attribute(attribute)) or self._is_built(attribute) \
                    or (field == "check_hostname" and self._urllib3_matches_hosts(attribute.value)):
                continue
            if field in BROWSER_SWITCHES and is_name(self.resolve(node.value), "True"):
                self._report_browser(node, f"{self.source_of(attribute)} = True")
            if (field in VERIFY_ATTRIBUTES or field == "check_hostname") and _switches_off(self.resolve(node.value)):
                what = "host name checking" if field == "check_hostname" else "TLS certificate verification"
                assigned = self.source_of(node.value)  # rendered for a finding only: code generation is dear per assignment
                self.report(node, f"`{self.source_of(attribute)} = {assigned}` turns off {what} for every request it makes.",
                            hint=f"Remove `{self.source_of(attribute)} = {assigned}`; trust a private CA with a CA bundle "
                            "instead.",
                            fix=self._assignment_removal(node) if field == "verify" else None)
            elif field in ("verify_mode", "cert_reqs") and self._is_cert_none(node.value):
                self.report(node, f"`{self.source_of(attribute)} = CERT_NONE` makes this TLS connection accept any "
                            "certificate.", hint="Use `ssl.CERT_REQUIRED` (the default of `ssl.create_default_context()`).")
            elif field == "cert_reqs" and string_value(node.value) in CERT_REQS_NONE:
                self.report(node, f"`{self.source_of(attribute)} = \"CERT_NONE\"` turns off TLS certificate verification.",
                            hint="Keep `cert_reqs` at `CERT_REQUIRED`.")
        value = self.module_name(node.value) if (type(node.value) is cst.Attribute or type(node.value) is cst.Name) else None
        if value in UNVERIFIED_REFERENCES:
            self.report(node, f"Assigning `{value}` makes every default HTTPS connection skip certificate verification.",
                        hint="Remove this assignment and fix the certificate problem (install the CA, or pass `cafile=`).")


    def _is_own_attribute(self, attribute: cst.Attribute) -> bool:
        """`self.check_hostname` in a class that does not derive from a context class: the class's own field."""
        return isinstance(attribute.value, cst.Name) and attribute.value.value == "self" and bool(self._classes) \
            and not self._classes[-1]

    def _is_built(self, attribute: cst.Attribute) -> bool:
        """`context.check_hostname = False` where `context` is what `_make_insecure_ssl_ctx()` returns."""
        return bool(self._built) and isinstance(attribute.value, cst.Name) and attribute.value.value in self._built[-1]

    def _urllib3_matches_hosts(self, context: cst.BaseExpression) -> bool:
        """`context = create_urllib3_context()` (bound once in this function) that the function hands to no
        standard-library client (`context=`): urllib3, which the context is made for, checks the host name itself."""
        if type(context) is not cst.Name or not self._functions:
            return False
        value = self.single_value(context)
        if type(value) is not cst.Call or self.module_name(value.func) not in URLLIB3_CONTEXT_FACTORIES:
            return False
        return not any(argument.keyword is not None and argument.keyword.value == "context"
                       and type(argument.value) is cst.Name and argument.value.value == context.value
                       for argument in _arguments(self._functions[-1]))

    def _assignment_removal(self, node: cst.Assign) -> NodeFix | None:
        """Delete `session.verify = False`: a literal `False`, alone on its line, on a `requests` session (a name
        bound to `requests.Session()`, or an attribute named for a session), which has `verify` without it."""
        line = self._line
        if line is None or list(line.body) != [node] or len(node.targets) != 1 or not _switches_off(node.value):
            return None
        receiver = node.targets[0].target.value if isinstance(node.targets[0].target, cst.Attribute) else None
        if isinstance(receiver, cst.Name):
            value = self.value_of(receiver)
            if not (isinstance(value, cst.Call) and self.module_name(value) in SESSION_CONSTRUCTORS):
                return None
        elif not (isinstance(receiver, cst.Attribute) and "session" in receiver.attr.value.lower()):
            return None
        return statement_removal(line, self._blocks[-1] if self._blocks else None,
                                 f"`{self.source_of(node.targets[0].target)} = False`")

    def _is_choice_table(self, values: list[cst.BaseExpression]) -> bool:
        """`{"required": CERT_REQUIRED, "none": CERT_NONE}`: a table that turns a configured name into a
        certificate level offers every level, so it chooses none of them itself (its use decides)."""
        levels = {self._cert_level(value) for value in values} - {None}
        return len(levels) > 1

    def _cert_level(self, value: cst.BaseExpression) -> str | None:
        tail = value.attr.value if isinstance(value, cst.Attribute) else value.value if isinstance(value, cst.Name) else ""
        return tail if tail in CERT_LEVELS and self.module_name(value) in CERT_LEVEL_NAMES else None

    def _is_cert_none(self, value: cst.BaseExpression) -> bool:
        """`ssl.CERT_NONE`, `CERT_NONE` imported from `ssl`, `ssl.VerifyMode.CERT_NONE`."""
        tail = value.attr.value if type(value) is cst.Attribute else value.value if type(value) is cst.Name else ""
        return tail == "CERT_NONE" and self.module_name(value) in CERT_NONE_NAMES


def _switches_off(value: cst.BaseExpression | None) -> bool:
    """`False` or `0`: a value the HTTP clients and `ssl` read as "do not verify"."""
    return is_name(value, "False") or (type(value) is cst.Integer and value.evaluated_value == 0)


def _removal(call: cst.Call, argument: cst.Arg, literal: bool) -> NodeFix | None:
    """Drop the argument that switches verification off; only a literal one (a variable may be meant elsewhere)."""
    if not literal:
        return None
    word = argument.keyword.value if argument.keyword is not None else "the argument"
    return NodeFix(f"Remove `{word}=`", ((call, without_argument(call, argument)),), safe=False)


def _arguments(function: cst.FunctionDef) -> Iterator[cst.Arg]:
    """Every argument of every call in the function."""
    pending: list[cst.CSTNode] = [function.body]
    while pending:
        node = pending.pop()
        if type(node) is cst.Call:
            yield from node.args
        pending.extend(child_nodes(node))


def _is_browser_flag(value: cst.BaseExpression | None) -> bool:
    text = string_value(value)
    return text is not None and BROWSER_FLAG.match(text) is not None


def _subscript_key(node: cst.BaseExpression) -> str | None:
    """`"verify"` for `kwargs["verify"]`."""
    if type(node) is cst.Subscript and len(node.slice) == 1 and type(node.slice[0].slice) is cst.Index:
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
            pending.extend(child_nodes(node))
    return False
