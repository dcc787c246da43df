"""What the HTTP rules need to know: which calls send a request, and which names hold a client.

A client is tracked by the name it is bound to in this file (`session = requests.Session()`,
`self.client = httpx.Client()`, `async with aiohttp.ClientSession() as session`, a parameter annotated
`session: requests.Session` or `requests.Session | None`, a class attribute used as `self.session`, and a
name bound from such a client or a fallback to one: `self.session = session or requests.Session()`, or what a
function of the file returns when it is annotated with a client class or returns one: `_retrying_session().get(url)`),
so that `session.get(...)`
is recognised as a request without type inference. Names are per file, not per scope: a name reused for
something else later is rare and only costs a missed finding or one on that later call.
"""

from __future__ import annotations

import enum

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.cst_fields import own_returns
from vibecheck.rule import Rule, RuleContext

VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request"})


class Library(enum.Enum):
    """The HTTP library a call or client belongs to; their timeout defaults differ."""

    REQUESTS = "requests"
    HTTPX = "httpx"
    HTTPX_ASYNC = "httpx-async"
    AIOHTTP = "aiohttp"


MODULE_FUNCTIONS: dict[str, Library] = {
    **{f"requests.{verb}": Library.REQUESTS for verb in VERBS},
    **{f"requests.api.{verb}": Library.REQUESTS for verb in VERBS},
    **{f"httpx.{verb}": Library.HTTPX for verb in VERBS | {"stream"}},
    "aiohttp.request": Library.AIOHTTP,
}
CLIENT_CONSTRUCTORS: dict[str, Library] = {
    "requests.Session": Library.REQUESTS,
    "requests.session": Library.REQUESTS,
    "requests.sessions.Session": Library.REQUESTS,
    "httpx.Client": Library.HTTPX,
    "httpx.AsyncClient": Library.HTTPX_ASYNC,
    "aiohttp.ClientSession": Library.AIOHTTP,
}
CLIENT_METHODS = VERBS | {"send", "stream"}


def keyword(call: cst.Call, name: str) -> cst.Arg | None:
    return next((arg for arg in call.args if arg.keyword is not None and arg.keyword.value == name), None)


def has_star_kwargs(call: cst.Call) -> bool:
    """`f(**options)`: any keyword may be in there, so absence of one cannot be proven."""
    return any(arg.star == "**" for arg in call.args)


def unwrap_await(node: cst.BaseExpression) -> cst.BaseExpression:
    return node.expression if type(node) is cst.Await else node


def _factory_name(call: cst.Call) -> str:
    """The name of the file's function or method a call runs: `_session()`, `self.create_session()`; else ""."""
    func = call.func
    if isinstance(func, cst.Name):
        return func.value
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value in ("self", "cls"):
        return func.attr.value
    return ""


class HttpClientRule(Rule):
    """A rule that recognises HTTP requests: module functions and methods of clients bound in this file."""

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self.clients: dict[str, Library] = {}
        self.client_calls: dict[str, cst.Call] = {}
        self.scopes: list[cst.ClassDef | cst.FunctionDef] = []
        # The file's functions and methods that make a client (`def _session() -> requests.Session:`, or `return
        # session`), and the constructor call of the client they return, where they return one made in this file
        # (`async def create_session(self): ... self._session = ClientSession(...)`, `return self._session`).
        self.factories: dict[str, Library] = {}
        self.factory_calls: dict[str, cst.Call] = {}

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.scopes.append(node)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.scopes.append(node)
        library = self._annotated_library(node.returns.annotation) if node.returns is not None else None
        if library is not None:
            self.factories[node.name.value] = library

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.scopes.pop()
        name = node.name.value
        if self.clients and (name not in self.factories or name not in self.factory_calls):
            returned = next((client for inner in own_returns(node.body)
                             if inner.value is not None and (client := self.bound_client(inner.value)) is not None), None)
            if returned is not None:
                self.factories.setdefault(name, returned[0])
                if returned[1] is not None:
                    self.factory_calls[name] = returned[1]

    def client_library(self, call: cst.Call) -> Library | None:
        """The library of a client constructor call (`requests.Session()`), or None."""
        return CLIENT_CONSTRUCTORS.get(self.qualified_name(call) or "")

    def made_client(self, call: cst.Call) -> Library | None:
        """The library of the client a call makes: a constructor's, or a factory's of this file (`_session()`,
        `self.create_session()`)."""
        library = self.client_library(call)
        if library is None:
            return self.factories.get(_factory_name(call))
        return library

    def request_library(self, call: cst.Call) -> Library | None:
        """The library of a call that sends a request (`requests.get`, `session.post`), or None."""
        library = MODULE_FUNCTIONS.get(self.qualified_name(call) or "")
        if library is not None:
            return library
        func = call.func
        if type(func) is cst.Attribute and func.attr.value in CLIENT_METHODS:
            receiver = func.value
            if type(receiver) is cst.Call:
                return self.made_client(receiver)
            return self.clients.get(get_full_name_for_node(receiver) or "")
        return None

    def bound_client(self, value: cst.BaseExpression) -> tuple[Library, cst.Call | None] | None:
        """The client a value holds: a constructor call, a name bound to a client, or either side of a fallback
        (`session or requests.Session()`, `a if shared else requests.Session()`); with its constructor call if known."""
        value = unwrap_await(value)
        if type(value) is cst.Call:
            library = self.client_library(value)
            if library is None:
                library = self.made_client(value)
                return (library, self.factory_calls.get(_factory_name(value))) if library is not None else None
            return library, value
        if type(value) is cst.Name or type(value) is cst.Attribute:
            name = get_full_name_for_node(value) or ""
            library = self.clients.get(name)
            return (library, self.client_calls.get(name)) if library is not None else None
        if type(value) is cst.BooleanOperation:
            return self.bound_client(value.right) or self.bound_client(value.left)
        if type(value) is cst.IfExp:
            return self.bound_client(value.body) or self.bound_client(value.orelse)
        return None

    def visit_Assign(self, node: cst.Assign) -> None:
        client = self.bound_client(node.value)
        if client is not None:
            for target in node.targets:
                self._bind(target.target, *client)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        client = self.bound_client(node.value) if node.value is not None else None
        if client is not None:
            self._bind(node.target, *client)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        item = unwrap_await(node.item)
        if isinstance(item, cst.Call) and node.asname is not None:
            library = self.client_library(item)
            if library is not None:
                self._bind(node.asname.name, library, item)

    def client_call(self, call: cst.Call) -> cst.Call | None:
        """The constructor call of the client a request is sent through (`session.get` -> `Session(...)`)."""
        func = call.func
        if not isinstance(func, cst.Attribute):
            return None
        if isinstance(func.value, cst.Call):
            return func.value
        return self.client_calls.get(get_full_name_for_node(func.value) or "")

    def visit_Param(self, node: cst.Param) -> None:
        """`def fetch(session: requests.Session, url)`: the parameter holds a client (also `Session | None`)."""
        if node.annotation is not None:
            library = self._annotated_library(node.annotation.annotation)
            if library is not None:
                self._bind(node.name, library, None)

    def _annotated_library(self, annotation: cst.BaseExpression) -> Library | None:
        """`requests.Session`, `requests.Session | None` or `Optional[requests.Session]` -> the client's library."""
        if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator, cst.BitOr):
            return self._annotated_library(annotation.left) or self._annotated_library(annotation.right)
        if isinstance(annotation, cst.Subscript) and (self.qualified_name(annotation.value) or "").endswith("Optional"):
            element = annotation.slice[0].slice if annotation.slice else None
            return self._annotated_library(element.value) if isinstance(element, cst.Index) else None
        return CLIENT_CONSTRUCTORS.get(self.qualified_name(annotation) or "")

    def _bind(self, target: cst.BaseExpression, library: Library, call: cst.Call | None) -> None:
        name = get_full_name_for_node(target)
        if name is None:
            return
        names = [name]
        if self.scopes and isinstance(self.scopes[-1], cst.ClassDef) and isinstance(target, cst.Name):
            names += [f"self.{name}", f"cls.{name}"]  # a class attribute, used through the instance
        for bound in names:
            self.clients[bound] = library
            if call is not None:
                self.client_calls[bound] = call
            else:
                self.client_calls.pop(bound, None)
