"""VC415: a URL or host is validated with `endswith`, `startswith` or `in` against a domain, which other hosts pass."""

from __future__ import annotations

import re

import libcst as cst

from vibecheck.analysis.flow import iter_expressions, short_code, string_value
from vibecheck.analysis.nodes import callee_tail
from vibecheck.cst_fields import walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule

# A host name, optionally with a scheme, a port and one trailing slash: `example.com`, `https://api.example.com/`.
DOMAIN = lazy_pattern(r"^(?P<scheme>[a-z][a-z0-9+.-]*://)?(?P<host>[a-z0-9-]+(\.[a-z0-9-]+)+)(?P<port>:\d+)?(?P<slash>/)?$",
                      re.IGNORECASE)
# `next` names the page to go to after a login only when it ends the name (`next`, `safe_next`): `next_lines`,
# `next_page_token` are the next of something else.
URL_WORDS = lazy_pattern(r"(^|_)(url|uri|host|hostname|netloc|origin|referer|referrer|redirect|domain|callback"
                         r"|return_to|returnto|webhook|link|location|endpoint|site)(_|$)|(^|_)next$", re.IGNORECASE)
URL_ATTRIBUTES = frozenset({"netloc", "hostname", "host", "origin", "url", "referrer", "host_url"})
URL_HEADERS = frozenset({"origin", "referer", "host", "x-forwarded-host"})
CWE = (20,)
# Methods that cut a string at a literal: a test for the literal before one of them guards a parse.
CUTS = frozenset({"split", "rsplit", "partition", "rpartition", "index", "rindex", "find", "rfind", "removesuffix",
                  "removeprefix"})
# Methods that rewrite a string where a literal occurs: a test for the literal before one of them picks the text to
# change (`if "http://example.com" in url: url = url.replace("http://example.com", "https://m.example.com")`).
REWRITES = frozenset({"replace"})
# The string methods that test a URL or host by its ends (`host.endswith("example.com")`).
AFFIX_TESTS = frozenset({"endswith", "startswith"})
# Calls that go to or fetch the URL they are given first: a name tested in an `if` whose body hands it to one of them
# is a URL, whatever it is called (`if "example.com" in target: return redirect(target)`).
URL_TAKERS = frozenset({"redirect", "RedirectResponse", "HttpResponseRedirect", "HttpResponsePermanentRedirect",
                        "urlopen"})
HTTP_CLIENT_MODULES = frozenset({"requests", "httpx"})
HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "request"})
# Regular-expression functions that test a value, and the position of that value among their arguments.
REGEX_TESTS = {"match": 1, "search": 1, "fullmatch": 1}
# File extensions, which follow an unescaped dot in patterns of paths (`/index.html`), not of hosts.
FILE_EXTENSIONS = "html?|js|css|json|xml|txt|php|py|md|csv|pdf|png|jpe?g|gif|svg|ico|zip|gz|tar|map|asp|aspx|jsp|cgi"
# A literal without a scheme that ends with a file extension (`options.html`, `report.pdf`) names a file in a URL's path,
# not a host: `"options.html" in target_url` picks a page, and no host name is trusted by it.
FILE_NAME = lazy_pattern(rf"\.(?:{FILE_EXTENSIONS})$", re.IGNORECASE)
# In a pattern, a host name whose dot is not escaped, so it matches any character: `(www|beta).example.com`, whose
# last label is a top-level domain's letters (`.*` and `[a-z]+.txt` are no host).
UNESCAPED_HOST_DOT = lazy_pattern(rf"(?<![\\\w])(?:[a-z0-9-]+\.)*[a-z0-9-]*[a-z0-9]\.(?!(?:{FILE_EXTENSIONS})\b)[a-z]{{2,6}}\b",
                                  re.IGNORECASE)
# A pattern that ends at an escaped host name, with no `/`, `:`, `$` or group after it to end the host, or with
# anything at all after it: `^https://example\.com` and `^https://[^/]+\.example\.com.*` also match
# `https://example.com.evil.net`.
OPEN_ENDED_HOST = lazy_pattern(r"[a-z0-9-]\\\.[a-z]{2,6}(?:\.[*+])?$", re.IGNORECASE)
# What says a pattern is about a URL or host at all, whatever the tested value is named.
URL_PATTERN_MARKS = ("://", "www")


# The parts of a parsed URL after its host (`request.url.path`, `urlparse(u).query`): a test of them picks a resource
# (a mock answering `maven-metadata.xml`, a route by file name); it says nothing about which host the URL names.
URL_PART_ATTRIBUTES = frozenset({"path", "raw_path", "query", "query_string", "fragment", "params", "suffix"})
CASE_METHODS = frozenset({"lower", "upper", "casefold", "strip", "lstrip", "rstrip"})
# A single host, by the last word of its name: `host`, `parsed.netloc`, `allowed_domain` (not `allowed_hosts`, a
# collection, nor `domain_list`).
HOST_NAME = lazy_pattern(r"(^|_)(host|hostname|netloc|domain)$", re.IGNORECASE)


# Methods of a match object that read what it captured: a match read at once extracts a part, it tests nothing.
MATCH_READERS = frozenset({"group", "groups", "groupdict"})


def _is_url_like(node: cst.BaseExpression) -> bool:
    """A value named or built like a URL or host: `next_url`, `parsed.netloc`, `request.headers.get("Origin")`; not a
    part of it after the host (`request.url.path`)."""
    tested = node
    while type(tested) is cst.Call and type(tested.func) is cst.Attribute and tested.func.attr.value in CASE_METHODS:
        tested = tested.func.value
    if type(tested) is cst.Attribute and tested.attr.value in URL_PART_ATTRIBUTES:
        return False
    for inner in iter_expressions(node):
        if isinstance(inner, cst.Attribute) and inner.attr.value in URL_ATTRIBUTES:
            return True
        if isinstance(inner, cst.Name) and URL_WORDS.search(inner.value):
            return True
        if isinstance(inner, cst.Call) and inner.args and (string_value(inner.args[0].value) or "").lower() in URL_HEADERS:
            return True
    return False


def _takes_url(node: cst.CSTNode, name: str) -> bool:
    """`redirect(name)`, `requests.get(name)`: a call that goes to or fetches the URL `name` holds."""
    if type(node) is not cst.Call or not node.args or node.args[0].keyword is not None:
        return False
    first = node.args[0].value
    if type(first) is not cst.Name or first.value != name:
        return False
    func = node.func
    if type(func) is cst.Attribute and type(func.value) is cst.Name and func.value.value in HTTP_CLIENT_MODULES:
        return func.attr.value in HTTP_METHODS
    return callee_tail(func) in URL_TAKERS


def _host_value(node: cst.BaseExpression) -> str | None:
    """The name of a single host held in a variable or attribute (`host`, `parsed.netloc`, `self.domain.lower()`)."""
    while type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in CASE_METHODS:
        node = node.func.value
    name = node.value if type(node) is cst.Name else node.attr.value if type(node) is cst.Attribute else None
    return name if name is not None and HOST_NAME.search(name) else None


def _cut_or_rewrite(method: str, argument: str | None, literal: str) -> bool:
    """Whether a call in the `if` body cuts the tested value at the tested literal, or rewrites text that holds it."""
    if argument is None:
        return False
    return (method in CUTS and argument == literal) or (method in REWRITES and literal in argument)


def _conjuncts(test: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The parts of an `and` chain (`a and b and c`), or the test itself."""
    if type(test) is cst.BooleanOperation and type(test.operator) is cst.And:
        return _conjuncts(test.left) + _conjuncts(test.right)
    return [test]


def _weak_literal(method: str, text: str) -> bool:
    """Whether a domain literal lets other hosts through with this kind of test."""
    match = DOMAIN.match(text)
    if match is None or (match.group("scheme") is None and FILE_NAME.search(match.group("host"))):
        return False
    if method == "endswith":
        return match.group("scheme") is None  # `evil-example.com/` also ends with `example.com/`
    if method == "startswith":
        return match.group("slash") is None
    return True  # a substring test: `"example.com" in url` also matches `example.com.evil.net`


class IncompleteUrlValidation(Rule):
    """A URL or host is checked with `endswith`, `startswith` or `in` against a domain, which other hosts also pass.

    ## What it does
    Reports tests on a value named or built like a URL or host (`url`, `next_url`, `redirect_to`, `origin`,
    `parsed.netloc`, `request.headers.get("Origin")`, ...), or on a name the `if` body then redirects to or fetches
    (`if "example.com" in target: return redirect(target)`, `requests.get(target)`), that compare it with a domain by
    text:
    `host.endswith("example.com")` (without the leading dot, with or without a `/` after it),
    `url.startswith("https://example.com")` (without the `/` that ends the host), and `"example.com" in url`, also
    for each domain of a list the test loops over (`any(domain in url for domain in PARTNER_DOMAINS)`); and
    regular expressions that test such a value, or whose pattern has a scheme or `www` (`re.match`, `re.search`,
    `re.fullmatch`, or a pattern compiled first), when a host name in the pattern has an unescaped `.`
    (`(www|beta).example.com/`: the dot matches any character) or the pattern ends at an escaped host with nothing
    after it (`^https://example\\.com` also matches `https://example.com.evil.net`; not with `fullmatch`) or with
    anything at all (`[^/]+\\.example\\.com.*`). A file name after a dot (`/index.html`) is no host. A test whose `if`
    body cuts the value at the same literal (`if "github.com/" in url: host, path = url.split("github.com/", 1)`)
    guards a parse, not a decision, and is not reported (also `host.removesuffix(...)` at the same literal, and such a
    test as one part of an `and`: `if host.endswith("-direct.example.com") and len(host) > 19:`); nor is a test whose
    body rewrites text of the value that
    holds the literal (`if "http://example.com" in url: url = url.replace("http://example.com", "https://m.example.com")`:
    it picks what to change, it allows nothing), or whose whole body rewrites the value and hands it back where the
    code after it returns it unedited (`if "cohere.com" in base_url or "cohere.ai" in base_url: return
    base_url.replace("/v1", "")`, then `return base_url`), nor a test of a part of a URL after its host
    (`request.url.path.endswith("sitemap.xml")`, `parsed.query`), nor a match whose group is read at once
    (`re.search(r"(.+?).blob.core.windows.net", account_url).group(1)`: it extracts the account, it allows nothing),
    nor a test whose match only picks the error to raise (`if response.status_code == 410 and "pypi.python.org" in
    response.url: raise UploadToDeprecatedPyPIDetected(...)`; a negated test, whose mismatch raises, still is).
    Test files are not checked: a mock transport that
    answers by URL and an `assert` on a URL the code returned guard nothing a client reaches.

    ## Why is this bad?
    These tests are used to allow a redirect, a fetch, a webhook or a CORS origin, and each lets a host
    the attacker owns through: `evil-example.com` ends with `example.com`,
    `https://example.com.evil.net` starts with `https://example.com`, and
    `https://evil.net/?example.com` contains it. The result is an open redirect, server-side request
    forgery or a CORS bypass.

    ## Example
    ```python
    from urllib.parse import urlparse

    def is_allowed(url):
        return urlparse(url).hostname.endswith("example.com")
    ```

    ## Use instead
    ```python
    from urllib.parse import urlparse

    ALLOWED_HOSTS = {"example.com", "www.example.com"}

    def is_allowed(url):
        return urlparse(url).hostname in ALLOWED_HOSTS
    ```

    ## References
    - [CWE-20: Improper Input Validation](https://cwe.mitre.org/data/definitions/20.html)
    - [OWASP: Unvalidated Redirects and Forwards Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html)
    """

    code = "VC415"
    name = "incomplete-url-validation"
    category = Category.SECURITY
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = CWE
    applies_to_tests = False  # a test's mock transport routes by URL text, and its asserts compare URLs it got back

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._parse_guards: set[int] = set()  # tests whose `if` body cuts the value at the literal it tested
        self._url_tests: set[int] = set()  # tests of a name whose `if` body redirects to it or fetches it
        self._compiled: dict[str, str] = {}  # names bound to `re.compile(<literal>)`, and their patterns
        self._extractions: set[int] = set()  # matches whose group is read at once: `re.search(...).group(1)`
        # names bound to a collection of domain literals (`PARTNER_DOMAINS = ("a.example.com", ...)`) and the names
        # that loop over one (`for domain in PARTNER_DOMAINS`), with the domains they hold
        self._domains: dict[str, list[str]] = {}
        # `if` statements with no `else` followed by a `return` of a bare name or attribute, and what that returns
        self._handed_back: dict[int, str] = {}

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        """`if "cohere.com" in base_url: return base_url.replace("/v1", "")` then `return base_url`: the value goes back
        whatever the test says, only edited where it matched."""
        for statement, following in zip(node.body, node.body[1:], strict=False):
            if type(statement) is cst.If and statement.orelse is None and type(following) is cst.SimpleStatementLine \
                    and type(following.body[0]) is cst.Return:
                returned = following.body[0].value
                if type(returned) is cst.Name or type(returned) is cst.Attribute:
                    self._handed_back[id(statement)] = short_code(returned)

    def visit_If(self, node: cst.If) -> None:
        """`if "github.com/" in url: host, path = url.split("github.com/", 1)`: the test only says the cut will work;
        the code parses the value there, it allows nothing."""
        if _only_raises(node.body):
            self._parse_guards.update(id(part) for part in _positive_parts(node.test))
        rewritten = _only_rewritten(node.body, self._handed_back.get(id(node)))
        if rewritten is not None:
            self._parse_guards.update(id(part) for part in _positive_parts(node.test) if _tested(part) == rewritten)
        test = node.test  # (only the tests that `visit_Call` and `visit_Comparison` judge: the others' bodies are not walked)
        for test in _conjuncts(node.test):
            self._note_guard(node, test)

    def _note_guard(self, node: cst.If, test: cst.BaseExpression) -> None:
        """One test of the `if` (`host.endswith(".example.com") and len(host) > 12`: each of its conjuncts guards a
        parse of the value; the whole test alone, a name the body redirects to or fetches)."""
        # (only the tests that `visit_Call` and `visit_Comparison` judge: the others' bodies are not walked)
        if type(test) is cst.Comparison and len(test.comparisons) == 1 and isinstance(test.comparisons[0].operator, cst.In):
            value, literal = test.comparisons[0].comparator, string_value(test.left)
        elif type(test) is cst.Call and type(test.func) is cst.Attribute and test.func.attr.value in AFFIX_TESTS and test.args:
            value, literal = test.func.value, string_value(test.args[0].value)
        else:
            return
        if test is node.test and type(value) is cst.Name and any(_takes_url(inner, value.value)
                                                                 for inner in walk_own(node.body)):
            self._url_tests.add(id(test))
        spelled = short_code(value)
        if literal is not None and any(
                type(inner) is cst.Call and type(inner.func) is cst.Attribute and short_code(inner.func.value) == spelled
                and inner.args and _cut_or_rewrite(inner.func.attr.value, string_value(inner.args[0].value), literal)
                for inner in walk_own(node.body)):
            self._parse_guards.add(id(test))

    def visit_Assign(self, node: cst.Assign) -> None:
        """`checker = re.compile("(www|beta).example.com/")`: remember the pattern a later `checker.match(url)` tests with;
        `PARTNER_DOMAINS = ("news.example.com", ...)`: the domains a loop over it tests one by one."""
        value = node.value
        domains = _domain_literals(value)
        for target in node.targets if domains else ():
            if type(target.target) is cst.Name:
                self._domains[target.target.value] = domains
        if type(value) is cst.Call and callee_tail(value.func) == "compile" and value.args:
            pattern = string_value(value.args[0].value)
            for target in node.targets:
                if type(target.target) is cst.Name and pattern is not None:
                    self._compiled[target.target.value] = pattern

    def visit_For(self, node: cst.For) -> None:
        self._note_loop(node.target, node.iter)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._note_loop(node.target, node.iter)

    def visit_GeneratorExp(self, node: cst.GeneratorExp) -> None:
        """`any(domain in url for domain in PARTNER_DOMAINS)`: the loop is visited after the test it feeds."""
        loop: cst.CompFor | None = node.for_in
        while loop is not None:
            self._note_loop(loop.target, loop.iter)
            loop = loop.inner_for_in

    visit_ListComp = visit_SetComp = visit_GeneratorExp

    def _note_loop(self, target: cst.BaseAssignTargetExpression, iterated: cst.BaseExpression) -> None:
        if type(target) is not cst.Name:
            return
        domains = self._domains.get(iterated.value) if type(iterated) is cst.Name else _domain_literals(iterated)
        if domains:
            self._domains[target.value] = domains
        else:
            self._domains.pop(target.value, None)  # the name loops over something else here

    def _literals(self, node: cst.BaseExpression) -> list[str | None]:
        """The domain texts a test's argument holds: a literal, a tuple of them, or a name looping over a list of them."""
        if type(node) is cst.Name and node.value in self._domains:
            return list(self._domains[node.value])
        return [string_value(e.value) for e in node.elements] if isinstance(node, cst.Tuple) else [string_value(node)]

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if type(func) is cst.Attribute and func.attr.value in MATCH_READERS and type(func.value) is cst.Call:
            self._extractions.add(id(func.value))  # visited before the match it reads
        self._check_regex(node)
        if not (type(func) is cst.Attribute and func.attr.value in AFFIX_TESTS and node.args) \
                or id(node) in self._parse_guards:
            return
        first = node.args[0].value
        literals = self._literals(first)
        weak = next((text for text in literals if text is not None and _weak_literal(func.attr.value, text)), None)
        if weak is not None and (_is_url_like(func.value) or id(node) in self._url_tests):
            self._report(node, short_code(node), weak, func.attr.value)
        elif func.attr.value == "endswith" and len(node.args) == 1 and self._hosts_compared(func.value, first):
            self._report_hosts(node, first, "endswith")

    def _check_regex(self, node: cst.Call) -> None:
        """`re.match("(www|beta).example.com/", url)`, `re.match(r"^https://example\\.com", url)`, or either pattern
        compiled first: the first lets `wwwXexample.com` through, the second `https://example.com.evil.net`."""
        func = node.func
        if type(func) is not cst.Attribute or func.attr.value not in REGEX_TESTS or id(node) in self._extractions:
            return
        receiver = func.value
        if type(receiver) is cst.Name and receiver.value == "re" and len(node.args) > 1:
            pattern, value = string_value(node.args[0].value), node.args[REGEX_TESTS[func.attr.value]].value
        elif type(receiver) is cst.Name and receiver.value in self._compiled and node.args:
            pattern, value = self._compiled[receiver.value], node.args[0].value
        else:
            return
        if pattern is None or not (_is_url_like(value) or any(mark in pattern for mark in URL_PATTERN_MARKS)):
            return
        loose = UNESCAPED_HOST_DOT.search(pattern)
        if loose is not None:
            host = loose.group(0)
            dot = host.rfind(".")
            self._report_regex(node, f"its `.` in `{host}` matches any character", f"{host[:dot]}-{host[dot + 1:]}.evil.net")
        elif (func.attr.value != "fullmatch" or pattern.rstrip().endswith((".*", ".+"))) \
                and OPEN_ENDED_HOST.search(pattern.rstrip()):
            self._report_regex(node, "nothing in it ends the host name", "https://" + _last_host(pattern) + ".evil.net")

    def _report_regex(self, node: cst.Call, why: str, bypass: str) -> None:
        self.report(node, f"`{short_code(node)}` checks a URL or host with a regular expression, but {why}, so "
                    f"`{bypass}` also passes.", hint="Parse the URL with `urllib.parse.urlparse` and compare its "
                    "`hostname` exactly with an allow-list (or escape every `.` and end the host with `(/|:|$)`).",
                    cwe=CWE)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        left = node.left
        text = string_value(left) if type(left) is not cst.Name or left.value not in self._domains else next(
            (domain for domain in self._domains[left.value] if _weak_literal("in", domain)), None)
        if id(node) in self._parse_guards or len(node.comparisons) != 1 or not isinstance(node.comparisons[0].operator, cst.In):
            return
        if text is None:
            if self._hosts_compared(node.comparisons[0].comparator, node.left):
                self._report_hosts(node, node.left, "in")
        elif _weak_literal("in", text) and (_is_url_like(node.comparisons[0].comparator) or id(node) in self._url_tests):
            self._report(node, short_code(node), text, "in")

    def _hosts_compared(self, tested: cst.BaseExpression, allowed: cst.BaseExpression) -> bool:
        """`host.endswith(domain)`, `domain in parsed.netloc`: one host tested against another held in a variable,
        which is not one bound to a leading dot (`dot_domain = "." + domain`)."""
        name = _host_value(allowed)
        return name is not None and _host_value(tested) is not None and re.search(
            rf"(?<![\w.]){re.escape(name)}\s*=\s*(?:f?[\"']\.|[\"']\.[\"']\s*\+)", self.context.source) is None

    def _report_hosts(self, node: cst.CSTNode, allowed: cst.BaseExpression, method: str) -> None:
        bypass = "`evil-` + it" if method == "endswith" else "a host that only contains it (`it.evil.net`)"
        self.report(node, f"`{short_code(node)}` checks a host against `{short_code(allowed)}` by text, which "
                    f"{bypass} also passes.", hint="Compare the host exactly (`host == d or host.endswith(\".\" + d)`), "
                    "or against an allow-list of hosts.", cwe=CWE)

    def _report(self, node: cst.CSTNode, code: str, domain: str, method: str) -> None:
        self.report(node, f"`{code}` checks a URL or host against `{domain}` by text, which `{_bypass(domain, method)}` "
                    "also passes.", hint="Parse the URL with `urllib.parse.urlparse` and compare its `hostname` exactly "
                    "with an allow-list (or test `hostname == d or hostname.endswith(\".\" + d)`).", cwe=CWE)


def _domain_literals(node: cst.BaseExpression) -> list[str]:
    """`("news.example.com", "blog.example.com")`, also a list, a set or `frozenset({...})`: every element a domain
    literal; else empty."""
    if type(node) is cst.Call and callee_tail(node.func) in ("frozenset", "set", "tuple") and len(node.args) == 1:
        node = node.args[0].value
    if (type(node) is not cst.Tuple and type(node) is not cst.List and type(node) is not cst.Set) or not node.elements:
        return []
    texts = [string_value(element.value) for element in node.elements]
    return [text for text in texts if text] if all(text and DOMAIN.match(text.lstrip(".")) for text in texts) else []


def _only_raises(body: cst.BaseSuite) -> bool:
    """`if response.status_code == 410 and "pypi.python.org" in response.url: raise UploadToDeprecatedPyPIDetected(...)`:
    a match that only picks the error to raise lets nothing through."""
    lines = body.body if isinstance(body, cst.IndentedBlock) else [body]
    return bool(lines) and all(isinstance(line, cst.SimpleStatementLine) and all(isinstance(small, cst.Raise)
                                                                               for small in line.body) for line in lines)


def _only_rewritten(body: cst.BaseSuite, handed_back: str | None) -> str | None:
    """The value every statement of the body only rewrites (`url = url.replace(...)`), or rewrites and returns where the
    code after the `if` returns it as it is (`handed_back`: `return base_url.replace("/v1", "")`, then `return
    base_url`), spelt as code: a match that picks a text edit of the value lets nothing through."""
    lines = body.body if isinstance(body, cst.IndentedBlock) else [body]
    rewritten: set[str] = set()
    for line in lines:
        small = line.body[0] if isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1 else None
        value = small.value if type(small) is cst.Return or type(small) is cst.Assign else None
        if type(value) is not cst.Call or type(value.func) is not cst.Attribute or value.func.attr.value not in REWRITES:
            return None
        spelled = short_code(value.func.value)
        if type(small) is cst.Return and spelled != handed_back:
            return None  # `return url.replace(...)`, and something else where the test fails: the allowed value
        if type(small) is cst.Assign and [short_code(t.target) for t in small.targets] != [spelled]:
            return None
        rewritten.add(spelled)
    return rewritten.pop() if len(rewritten) == 1 else None


def _tested(part: cst.BaseExpression) -> str | None:
    """The value a test looks a literal up in (`"example.com" in url`, `url.startswith(...)`), spelt as code."""
    if type(part) is cst.Comparison and len(part.comparisons) == 1 and isinstance(part.comparisons[0].operator, cst.In):
        return short_code(part.comparisons[0].comparator)
    if type(part) is cst.Call and type(part.func) is cst.Attribute and part.func.attr.value in AFFIX_TESTS:
        return short_code(part.func.value)
    return None


def _positive_parts(test: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The comparisons and calls of an `if` test whose match makes the whole test true (not under a `not`, whose match
    would make the code go past the `raise`)."""
    if type(test) is cst.BooleanOperation:
        return [*_positive_parts(test.left), *_positive_parts(test.right)]
    return [test] if type(test) is cst.Comparison or type(test) is cst.Call else []


def _last_host(pattern: str) -> str:
    """The host name a pattern ends with, unescaped: `^https://(www\\.)?example\\.com.*` -> `example.com`."""
    host = pattern.rstrip().removesuffix(".*").removesuffix(".+")
    return re.split(r"[^a-z0-9.-]", host.replace("\\.", "."), flags=re.IGNORECASE)[-1].lstrip(".")


def _bypass(domain: str, method: str) -> str:
    """A host the attacker can register that passes the test."""
    match = DOMAIN.match(domain)
    host = match.group("host") if match else domain
    scheme = (match.group("scheme") if match else None) or ""
    if method == "endswith":
        return f"evil-{host}"
    if method == "startswith":
        return f"{scheme}{host}.evil.net"
    return f"https://evil.net/?{domain}"
