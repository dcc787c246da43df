"""VC418: credentials sent over a connection without TLS: `http://` URLs, plain FTP, SMTP/IMAP/POP3 before STARTTLS."""

from __future__ import annotations

import re
from typing import Any

import libcst as cst

from vibecheck.analysis.secrets_names import is_secret_name
from vibecheck.cst_fields import names_in, walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.security._support import BindingRule, argument, keyword, positional, string_value

HTTP_CLIENT_MODULES = ("requests", "httpx", "aiohttp", "niquests", "urllib3")
HTTP_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request"})
# Constructors of client objects whose verb methods send requests: `session = requests.Session()`.
HTTP_CLIENTS = frozenset({"requests.Session", "requests.session", "httpx.Client", "httpx.AsyncClient",
                          "aiohttp.ClientSession", "niquests.Session", "urllib3.PoolManager"})
# Keywords of an HTTP call that carry credentials whatever their content.
AUTH_KEYWORDS = frozenset({"auth", "cert"})
# Keywords whose dict literal carries credentials when a key is named like one.
PAYLOAD_KEYWORDS = frozenset({"headers", "json", "data", "params", "cookies"})
CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "x-api-key", "api-key", "apikey", "x-auth-token",
                                "private-token", "x-access-token", "cookie"})
LOOPBACK_HOSTS = lazy_pattern(r"^(localhost|127(\.\d+){3}|0\.0\.0\.0|\[::1\]|[\w.-]+\.localhost|host\.docker\.internal)$",
                              re.IGNORECASE)
# A single-label host (`http://server:8001`, `http://auth-service/`): a container, compose service or cluster-internal
# name that only a private network's DNS resolves, so the clear text crosses that network and not the internet.
SERVICE_HOST = lazy_pattern(r"^[A-Za-z][\w-]*$")
# gRPC channels without TLS: a call made through one with credential metadata (`metadata=[("x-api-key", key)]`)
# sends that credential in clear text.
GRPC_PLAIN_CHANNELS = frozenset({"grpc.insecure_channel", "grpc.aio.insecure_channel"})
GRPC_CREDENTIAL_KEYS = CREDENTIAL_HEADERS | {"x-admin-key", "x-token", "token"}
# gRPC servers: `grpc.server(...)`, `grpc.aio.server(...)`, whose `interceptors=[...]` may check what clients send.
GRPC_SERVERS = frozenset({"grpc.server", "grpc.aio.server"})
# An interceptor named for checking a credential (`ApiKeyInterceptor`, `AuthInterceptor`, `JWTValidator`): the server
# receives that credential from every client.
CREDENTIAL_INTERCEPTOR = lazy_pattern(r"auth|api_?key|token|jwt|credential|bearer", re.IGNORECASE)
# A bind address only this machine reaches: the loopback or a Unix socket (`0.0.0.0` and `[::]` are every interface).
LOCAL_BIND = lazy_pattern(r"^(localhost|127(\.\d+){3}|\[::1\]|unix:)", re.IGNORECASE)
# `http://user:pass@host` or a query parameter named like a credential.
URL_USERINFO = lazy_pattern(r"^http://[^/@\s]+:[^/@\s]*@", re.IGNORECASE)
# urllib's openers, which bandit's B310 asks to audit for `file:` and custom schemes, and its request object.
URL_OPENERS = frozenset({"urllib.request.urlopen", "urllib.request.urlretrieve", "urllib.urlopen", "urllib.urlretrieve",
                         "urllib2.urlopen"})
URL_REQUESTS = frozenset({"urllib.request.Request", "urllib2.Request"})
WEB_SCHEMES = ("http://", "https://")
URL_QUERY_SECRET = lazy_pattern(r"[?&]([A-Za-z_\-]+)=", re.IGNORECASE)
# Protocol clients that log in over a plain connection unless STARTTLS comes first:
# constructor -> (the methods that send credentials, the methods that switch to TLS, the protocol's name).
PLAIN_PROTOCOLS: dict[str, tuple[frozenset[str], frozenset[str], str]] = {
    "smtplib.SMTP": (frozenset({"login", "auth"}), frozenset({"starttls"}), "SMTP"),
    "imaplib.IMAP4": (frozenset({"login", "authenticate", "login_cram_md5"}), frozenset({"starttls"}), "IMAP"),
    "poplib.POP3": (frozenset({"pass_", "apop", "rpop"}), frozenset({"stls"}), "POP3"),
    "ftplib.FTP": (frozenset({"login"}), frozenset(), "FTP"),
}
TLS_HINTS = {
    "SMTP": "Call `server.starttls(context=ssl.create_default_context())` before `login()`, or connect with `smtplib.SMTP_SSL`.",
    "IMAP": "Connect with `imaplib.IMAP4_SSL`, or call `starttls(ssl_context=ssl.create_default_context())` before logging in.",
    "POP3": "Connect with `poplib.POP3_SSL`, or call `stls(context=ssl.create_default_context())` before sending the password.",
    "FTP": "Use `ftplib.FTP_TLS` (then `prot_p()`), or better SFTP, so the password and the files are encrypted.",
}
# Words of a flag that chooses between a TLS client and a plain one (`tls`, `use_ssl`, `secure`).
TLS_FLAG_WORDS = ("tls", "ssl", "secure")
HTTP_HINT = "Use an `https://` URL (and keep certificate checks on) for every request that carries credentials."


def _url_host(url: str) -> str:
    rest = url[len("http://"):]
    authority = re.split(r"[/?#\x00]", rest, maxsplit=1)[0]
    host = authority.rsplit("@", 1)[-1]
    return host if host.startswith("[") else host.split(":", 1)[0]


class CleartextCredentials(BindingRule):
    """Credentials are sent over a connection without TLS: an `http://` URL, plain FTP, or SMTP/IMAP/POP3 before STARTTLS.

    ## What it does
    Reports:
    - an HTTP request (`requests`, `httpx`, `aiohttp`, a `Session`/`Client` made from them) to an
      `http://` URL whose host is written out and is not the loopback (`localhost`, `127.0.0.1`), when
      it carries credentials: `auth=`, a header such as `Authorization` or `X-API-Key`, a
      `json`/`data`/`params`/`cookies` dict with a key named like a secret (`password`, `api_key`,
      `access_token`), or a password or secret in the URL itself (`http://user:pass@host`,
      `?api_key=...`); the URL may be a literal, an f-string or a name bound to one in the file; to a
      single-label host (`http://auth-service/`, a compose or cluster service name that only a private
      network resolves) it is reported at low severity;
    - `ftplib.FTP(host, user, passwd)` and `login(user, passwd)` on a plain `FTP` object;
    - `grpc.insecure_channel(target)` (not to the loopback) in a function whose calls send credential metadata
      (`metadata=[("authorization", f"Bearer {token}")]`, `("x-api-key", key)`);
    - a gRPC server's plain port, `server.add_insecure_port("[::]:50051")` (not the loopback or a Unix socket), in a
      function that adds a TLS port in another branch (`add_secure_port(addr, creds)` when a certificate is
      configured: without one the server silently serves every client's credentials in clear) or that builds the
      server with an interceptor named for checking credentials (`interceptors=[ApiKeyInterceptor()]`);
    - `login()` on `smtplib.SMTP`, `imaplib.IMAP4` and `pass_()`/`apop()` on `poplib.POP3` with no
      `starttls()`/`stls()` on the same object before it in the function.

    `https://` URLs, `SMTP_SSL`/`IMAP4_SSL`/`POP3_SSL`/`FTP_TLS`, anonymous `ftp.login()` and
    requests without credentials are not reported. It supersedes bandit's `B321`, which reports every
    `ftplib` call whether or not it logs in, and clears it on the `FTP()` whose login it reports and on a plain
    `FTP()` that a TLS flag chooses (`FTP_TLS(context=ctx) if tls else FTP()`: the caller's opt-out). It also
    clears bandit's `B310` (audit `urlopen` for `file:` and custom schemes) where the code fixes the scheme as
    `http://` or `https://`: a literal URL, an f-string or `+` that starts with one, a name bound once to such a URL,
    or a `urllib.request.Request` made from one.

    ## Why is this bad?
    Anything sent without TLS can be read by whoever shares the network path: a coffee-shop Wi-Fi, a
    compromised router, a cloud neighbour. A password, API key or session token sent that way is
    everyone's. Agents copy `http://` endpoints from examples and use `smtplib.SMTP(host, 587)` with
    `login()` and no `starttls()`.

    ## Example
    ```python
    import smtplib

    def send_report(message, user, password):
        with smtplib.SMTP("smtp.example.com", 587) as server:
            server.login(user, password)
            server.send_message(message)
    ```

    ## Use instead
    ```python
    import smtplib
    import ssl

    def send_report(message, user, password):
        with smtplib.SMTP("smtp.example.com", 587) as server:
            server.starttls(context=ssl.create_default_context())
            server.login(user, password)
            server.send_message(message)
    ```

    ## References
    - [CWE-319: Cleartext Transmission of Sensitive Information](https://cwe.mitre.org/data/definitions/319.html)
    - [CWE-523: Unprotected Transport of Credentials](https://cwe.mitre.org/data/definitions/523.html)
    - [Python `smtplib.SMTP.starttls`](https://docs.python.org/3/library/smtplib.html#smtplib.SMTP.starttls)
    - [Python `ftplib.FTP_TLS`](https://docs.python.org/3/library/ftplib.html#ftplib.FTP_TLS)
    """

    code = "VC418"
    name = "cleartext-credentials"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (319, 523)
    applies_to_tests = False  # a test's credentials are fixtures, sent to its own test server or a mock
    supersedes = ("B321",)
    # Bandit's B321 on the `FTP()` whose login this rule reports (one problem, one finding), and on a plain `FTP()`
    # chosen by the caller's TLS flag (`FTP_TLS(context=ctx) if tls else FTP()`).
    # Bandit's B310 on an `urlopen` whose URL starts with `http://` or `https://` in the code: no scheme to audit.
    vets = ("B321", "B310")
    # Every finding is a call of a module the file names: an HTTP client's (`HTTP_CLIENT_MODULES`) or a protocol's
    # (`smtplib`, `imaplib`, `poplib`, `ftplib`); every B310 it clears, a call of `urlopen` or `urlretrieve`.
    file_hints = ("requests", "httpx", "aiohttp", "niquests", "urllib3", "smtplib", "imaplib", "poplib", "ftplib",
                  "urlopen", "urlretrieve", "insecure_channel", "add_insecure_port")

    def __init__(self, context: Any, options: Any = None) -> None:
        super().__init__(context, options)
        self._secured: list[set[str]] = [set()]
        # gRPC clients and servers, looked for in each function only when the file names them (once per file)
        self._grpc_channels = "insecure_channel" in context.source
        self._grpc_servers = "add_insecure_port" in context.source

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        self._secured.append(set())
        if self._grpc_channels:
            self._check_grpc(node)
        if self._grpc_servers:
            self._check_grpc_server(node)

    def _check_grpc(self, function: cst.FunctionDef) -> None:
        """A plain gRPC channel opened in a function whose calls send credential metadata."""
        calls = [n for n in walk_own(function.body) if type(n) is cst.Call]
        channels = [c for c in calls if self.module_name(c) in GRPC_PLAIN_CHANNELS
                    and not LOOPBACK_HOSTS.match((string_value(argument(c, 0, "target")) or "").rsplit(":", 1)[0])]
        header = next((key for c in calls if (given := keyword(c, "metadata")) is not None
                       for key in _metadata_keys(given.value) if key.lower() in GRPC_CREDENTIAL_KEYS), None)
        if channels and header is not None:
            self.report(channels[0], f"`{header}` metadata is sent over `grpc.insecure_channel(...)`, a channel without "
                        "TLS, so the credential crosses the network in clear text.",
                        hint="Open the channel with `grpc.secure_channel(target, grpc.ssl_channel_credentials())`.")

    def _check_grpc_server(self, function: cst.FunctionDef) -> None:
        """A gRPC server's plain port beside a TLS port the function adds when configured, or on a server whose
        interceptors check credentials."""
        calls = [n for n in walk_own(function.body) if type(n) is cst.Call]
        methods = {c.func.attr.value for c in calls if type(c.func) is cst.Attribute}
        plain = [c for c in calls if type(c.func) is cst.Attribute and c.func.attr.value == "add_insecure_port"
                 and not LOCAL_BIND.match(_leading_text(argument(c, 0, "address")))]
        if not plain:
            return
        if "add_secure_port" in methods:
            why = ("when no certificate is configured the server falls back to this port without TLS, so what "
                   "clients send (their tokens and keys among it) crosses the network in clear text")
        else:
            interceptor = next((name for c in calls if self.module_name(c) in GRPC_SERVERS
                                and (given := keyword(c, "interceptors")) is not None
                                for name in _called_names(given.value) if CREDENTIAL_INTERCEPTOR.search(name)), None)
            if interceptor is None:
                return
            why = (f"the server's `{interceptor}` checks a credential every client sends, and it crosses the network "
                   "in clear text")
        self.report(plain[0], f"`add_insecure_port(...)` serves gRPC without TLS: {why}.",
                    hint="Serve with `server.add_secure_port(address, grpc.ssl_server_credentials(...))` and refuse to "
                    "start without a certificate (or bind the plain port to the loopback behind a TLS proxy).")

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().leave_FunctionDef(node)
        self._secured.pop()

    def visit_Call(self, node: cst.Call) -> None:
        name = self.module_name(node) or ""
        if name in URL_OPENERS and self._fixes_web_scheme(argument(node, 0, "url")):
            self.vet(node)
            return
        if name == "ftplib.FTP" and (keyword(node, "user") or positional(node, 1)):
            self.report(node, "`ftplib.FTP()` logs in over plain FTP, so the password crosses the network in clear text.",
                        hint=TLS_HINTS["FTP"])
            return
        func = node.func
        if type(func) is not cst.Attribute:
            if name.startswith(HTTP_CLIENT_MODULES) and name.rsplit(".", 1)[-1] in HTTP_VERBS:
                self._check_http(node, name.rsplit(".", 1)[-1])
            return
        method = func.attr.value
        receiver = self.dotted(func.value)
        protocol = self._protocol_of(func.value)
        if protocol is not None:
            senders, securers, label = PLAIN_PROTOCOLS[protocol]
            if method in securers and receiver is not None:
                self._secured[-1].add(receiver)
            elif method in senders and receiver not in self._secured[-1] and (node.args or label != "FTP"):
                self.report(node, f"`{method}()` sends credentials over a plain {label} connection (no TLS), so they "
                            "cross the network in clear text.", hint=TLS_HINTS[label])
                self.vet(self.resolve(func.value))
            return
        if method in HTTP_VERBS and (name.startswith(HTTP_CLIENT_MODULES) or self._is_http_client(func.value)):
            self._check_http(node, method)

    def visit_IfExp(self, node: cst.IfExp) -> None:
        """`FTP_TLS(context=ctx) if tls else FTP()`: the plain client is the caller's opt-out, as the flag says."""
        if any(word in name.lower() for name in names_in(node.test) for word in TLS_FLAG_WORDS):
            for branch in (node.body, node.orelse):
                if isinstance(branch, cst.Call) and self.module_name(branch) == "ftplib.FTP":
                    self.vet(branch)

    def _fixes_web_scheme(self, url: cst.BaseExpression | None, depth: int = 4) -> bool:
        """The URL starts with `http://` or `https://` as written: a literal, an f-string or `+` whose literal start is
        one, a name bound once to such a URL, or a `urllib.request.Request` made from one."""
        if url is None or depth == 0:
            return False
        if isinstance(url, cst.Name):
            value = self.single_value(url)
            return value is not None and self._fixes_web_scheme(value, depth - 1)
        if isinstance(url, cst.Call):
            return self.module_name(url) in URL_REQUESTS and self._fixes_web_scheme(argument(url, 0, "url"), depth - 1)
        return _literal_start(url).lower().startswith(WEB_SCHEMES)

    def _protocol_of(self, receiver: cst.BaseExpression) -> str | None:
        """`smtplib.SMTP` for `smtplib.SMTP(...).login` or a name last bound to such a call (also by `with ... as`)."""
        value = self.resolve(receiver)
        if isinstance(value, cst.Call):
            name = self.module_name(value)
            return name if name in PLAIN_PROTOCOLS else None
        return None

    def _is_http_client(self, receiver: cst.BaseExpression) -> bool:
        value = self.resolve(receiver)
        return isinstance(value, cst.Call) and self.module_name(value) in HTTP_CLIENTS

    def _check_http(self, node: cst.Call, method: str) -> None:
        url = self._text(argument(node, 1 if method == "request" else 0, "url"))
        if url is None or not url.lower().startswith("http://"):
            return
        host = _url_host(url)
        if not host or "\x00" in host or LOOPBACK_HOSTS.match(host):
            return
        carried = self._credential(node, url)
        if carried is not None and SERVICE_HOST.match(host):
            self.report(node, f"{carried} is sent to the internal service `http://{host}` without TLS, so whoever shares "
                        "that private network (another container, a compromised pod) can read it.", hint="Use "
                        "`https://` (or mutual TLS through a service mesh) between services too.", severity=Severity.LOW)
        elif carried is not None:
            self.report(node, f"{carried} is sent to `http://{host}` without TLS, so it crosses the network in clear text.",
                        hint=HTTP_HINT)

    def _credential(self, node: cst.Call, url: str) -> str | None:
        """What credential the request carries, described for the message; None if it carries none."""
        if URL_USERINFO.match(url):
            return "A password in the URL"
        for parameter in URL_QUERY_SECRET.findall(url):
            if is_secret_name(parameter.replace("-", "_")):
                return f"The `{parameter}` query parameter"
        for arg in node.args:
            if arg.keyword is None:
                continue
            key = arg.keyword.value
            value = self.resolve(arg.value)
            if key in AUTH_KEYWORDS and not (isinstance(value, cst.Name) and value.value == "None"):
                return f"The `{key}=` credential"
            if key in PAYLOAD_KEYWORDS and isinstance(value, cst.Dict):
                for element in value.elements:
                    field = string_value(element.key) if isinstance(element, cst.DictElement) else None
                    if field is not None and (field.lower() in CREDENTIAL_HEADERS
                                              or is_secret_name(field.replace("-", "_"))):
                        return f"The `{field}` {'header' if key == 'headers' else 'field'}"
        return None

    def _text(self, node: cst.BaseExpression | None, followed: set[int] | None = None) -> str | None:
        """A URL's text: literal parts kept, other parts as `\\x00` (names bound to literals followed). Each binding is
        followed once (`followed`), so `url = f"{url}/next"` ends and `f"{url}{url}{url}"` does not multiply the work
        by three at every step."""
        if node is None:
            return None
        followed = set() if followed is None else followed
        value = self.resolve(node)
        if value is not node:
            if id(value) in followed:
                return None
            followed.add(id(value))
        text = string_value(value)
        if text is not None:
            return text
        if isinstance(value, cst.FormattedString):
            return "".join(part.value if isinstance(part, cst.FormattedStringText) else
                           self._text(part.expression, followed) or "\x00"
                           if isinstance(part, cst.FormattedStringExpression) else "\x00" for part in value.parts)
        if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Add):
            left, right = self._text(value.left, followed), self._text(value.right, followed)
            return None if left is None and right is None else (left or "\x00") + (right or "\x00")
        return None


def _leading_text(node: cst.BaseExpression | None) -> str:
    """The literal start of a string or f-string (`f"0.0.0.0:{port}"` -> `0.0.0.0:`), empty for anything else."""
    if type(node) is cst.FormattedString:
        first = node.parts[0] if node.parts else None
        return first.value if type(first) is cst.FormattedStringText else ""
    return string_value(node) or ""


def _called_names(value: cst.BaseExpression) -> list[str]:
    """The classes or functions called in a list of interceptors: `[LoggingInterceptor(), auth.ApiKeyInterceptor()]`."""
    elements = value.elements if isinstance(value, (cst.List, cst.Tuple)) else []
    funcs = [e.value.func for e in elements if type(e.value) is cst.Call]
    return [f.attr.value if isinstance(f, cst.Attribute) else f.value for f in funcs
            if isinstance(f, (cst.Attribute, cst.Name))]


def _metadata_keys(value: cst.BaseExpression) -> list[str]:
    """The keys of gRPC call metadata written out: `[("x-api-key", key), ("authorization", bearer)]`."""
    pairs = value.elements if isinstance(value, (cst.List, cst.Tuple)) else ()
    return [key for pair in pairs if isinstance(pair.value, cst.Tuple) and pair.value.elements
            and (key := string_value(pair.value.elements[0].value)) is not None]


def _literal_start(node: cst.BaseExpression) -> str:
    """The text an expression starts with as written: a string, an f-string's leading text, the left of a `+`."""
    text = string_value(node)
    if text is not None:
        return text
    if isinstance(node, cst.FormattedString):
        leading = []
        for part in node.parts:
            if not isinstance(part, cst.FormattedStringText):
                break
            leading.append(part.value)
        return "".join(leading)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return _literal_start(node.left)
    return ""
