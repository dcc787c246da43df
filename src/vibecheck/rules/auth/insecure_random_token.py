"""VC206: a token, password, session id, one-time code, nonce or salt built with the predictable `random` module."""

from __future__ import annotations

import libcst as cst

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule
from vibecheck.rules.auth.exprs import assignment_targets, string_value, target_name
from vibecheck.rules.auth.names import GENERATED_SECRETS, function_kinds, secret_kinds, words

# Predictable generators: Mersenne Twister (`random`, `numpy.random`) and the clock-and-MAC `uuid1`.
RANDOM_FUNCTIONS = frozenset({
    *(f"random.{name}" for name in ("random", "randint", "randrange", "choice", "choices", "sample", "getrandbits",
                                     "shuffle", "uniform", "randbytes")),
    *(f"numpy.random.{name}" for name in ("randint", "choice", "bytes", "rand", "random", "random_integers", "permutation")),
    "uuid.uuid1",
})
# Enclosing functions or classes whose randomness is not a secret: MIME boundaries, test doubles, retry jitter.
NOT_SECRET_CONTEXTS = frozenset({"boundary", "mock", "fake", "dummy", "jitter", "backoff", "retry", "shuffle"})
KIND_ORDER = ("password", "api key", "session id", "csrf token", "one-time code", "nonce", "salt", "secret", "token")
HINT = ("Use the `secrets` module: `secrets.token_urlsafe()`, `secrets.token_hex()`, `secrets.choice()` or "
        "`secrets.randbelow()`.")


def _describe(kinds: frozenset[str]) -> str:
    return next(k for k in KIND_ORDER if k in kinds)


class InsecureRandomToken(Rule):
    """A token, password, one-time code, session id, nonce or salt is built with the `random` module.

    ## What it does
    Reports calls to `random.random/randint/randrange/choice/choices/sample/getrandbits/shuffle/uniform/
    randbytes`, the same `numpy.random` functions and `uuid.uuid1()` (through any import alias) when the
    value builds a secret:
    - it is assigned (also with `+=`, or through a dict key or keyword argument such as
      `User(password=...)` or `{"token": ...}`) to something named like a token, password, api key,
      session id, CSRF token, OTP or verification/reset code, nonce, salt or secret;
    - it is computed in a function named for one (`generate_token`, `make_otp`, `random_password`,
      `send_verification_code`);
    - or it is first stored in a variable that later flows into such an assignment in the same function
      (`digits = random.choices(...)`, then `otp = "".join(digits)`);
    - or a helper function of the same file returns such a value (`def random_string(n): ...`) and its
      result builds a secret in one of the ways above (`token = random_string(32)`).

    `random.SystemRandom()` and the `secrets` module are not reported; neither are test files, nor code in
    functions or classes named for something that is not a secret (`_make_boundary`, `FakeCredentials`,
    `retry_with_jitter`).

    ## Why is this bad?
    `random` is a Mersenne Twister: after 624 observed outputs its whole future (and past) is known, and
    seeds are often guessable. Reset codes, session ids and API keys drawn from it can be predicted.
    `uuid1()` is the clock plus the machine's MAC address.

    ## Example
    ```python
    import random
    import string

    def generate_reset_token():
        return "".join(random.choices(string.ascii_letters + string.digits, k=32))
    ```

    ## Use instead
    ```python
    import secrets

    def generate_reset_token():
        return secrets.token_urlsafe(32)
    ```

    ## References
    - [CWE-330: Use of Insufficiently Random Values](https://cwe.mitre.org/data/definitions/330.html)
    - [CWE-338: Use of Cryptographically Weak PRNG](https://cwe.mitre.org/data/definitions/338.html)
    - [Python: the `secrets` module](https://docs.python.org/3/library/secrets.html)
    """

    code = "VC206"
    name = "insecure-random-token"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (330, 338)
    supersedes = ()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._functions: list[str] = []
        self._contexts: list[list[str]] = []  # names the value being computed is stored under (innermost last)
        self._tainted: list[dict[str, cst.Call]] = [{}]  # per scope: variable -> the random call it holds
        self._reported: set[int] = set()
        self._quiet = 0  # depth of functions/classes such as `_make_boundary` or `FakeTokenFactory`
        self._helpers: dict[str, str] = {}  # functions of this file that return `random` output -> the random call

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node.name.value)
        self._tainted.append({})
        self._enter_scope(node.name.value)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.pop()
        self._tainted.pop()
        self._leave_scope(node.name.value)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._enter_scope(node.name.value)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._leave_scope(node.name.value)

    def _enter_scope(self, name: str) -> None:
        if NOT_SECRET_CONTEXTS & set(words(name)):
            self._quiet += 1

    def _leave_scope(self, name: str) -> None:
        if NOT_SECRET_CONTEXTS & set(words(name)):
            self._quiet -= 1

    def _enter(self, node: cst.Assign | cst.AnnAssign | cst.AugAssign) -> None:
        names = [name for name in (target_name(t) for t in assignment_targets(node)) if name]
        self._contexts.append(names)
        value = node.value
        kinds = self._kinds(names)
        if kinds and value is not None:
            self._report_tainted(value, names, kinds)

    def _leave(self, node: cst.CSTNode) -> None:
        self._contexts.pop()

    visit_Assign = visit_AnnAssign = visit_AugAssign = _enter
    leave_Assign = leave_AnnAssign = leave_AugAssign = _leave

    def visit_Arg(self, node: cst.Arg) -> None:
        self._contexts.append([node.keyword.value] if node.keyword is not None else [])

    def leave_Arg(self, node: cst.Arg) -> None:
        self._contexts.pop()

    def visit_DictElement(self, node: cst.DictElement) -> None:
        key = string_value(node.key)
        self._contexts.append([key] if key else [])

    def leave_DictElement(self, node: cst.DictElement) -> None:
        self._contexts.pop()

    @staticmethod
    def _kinds(names: list[str]) -> frozenset[str]:
        kinds: frozenset[str] = frozenset()
        for name in names:
            kinds |= secret_kinds(name) & GENERATED_SECRETS
        return kinds

    def _source(self, call: cst.Call) -> tuple[str, str] | None:
        """(the predictable function behind the call, how to name the call) for a random call or a helper call."""
        qualified = self.qualified_name(call)
        if qualified in RANDOM_FUNCTIONS:
            return qualified, f"`{qualified}()`"
        func = call.func
        if isinstance(func, cst.Name) and func.value in self._helpers:
            source = self._helpers[func.value]
            return source, f"`{func.value}()`, which draws from `{source}()`,"
        return None

    def visit_Call(self, node: cst.Call) -> None:
        if self.context.is_test_file or self._quiet:
            return
        source = self._source(node)
        if source is None:
            return
        for names in reversed(self._contexts):
            kinds = self._kinds(names)
            if kinds:
                self._report(node, source, _describe(kinds), f"`{names[0]}`")
                return
        if self._functions:
            kinds = function_kinds(self._functions[-1]) & GENERATED_SECRETS
            if kinds:
                self._report(node, source, _describe(kinds), f"`{self._functions[-1]}()`")
                return
        for names in self._contexts:
            for name in names:
                self._tainted[-1].setdefault(name, node)
        if self._functions:
            self._helpers.setdefault(self._functions[-1], source[0])

    def _report_tainted(self, value: cst.BaseExpression, names: list[str], kinds: frozenset[str]) -> None:
        tainted = self._tainted[-1]
        if not tainted:
            return
        pending: list[cst.CSTNode] = [value]
        while pending:
            current = pending.pop()
            if isinstance(current, cst.Name) and current.value in tainted:
                call = tainted[current.value]
                source = self._source(call)
                if source is not None:
                    self._report(call, source, _describe(kinds), f"`{names[0]}`")
                return
            pending.extend(current.children)

    def _report(self, node: cst.Call, source: tuple[str, str], kind: str, where: str) -> None:
        if id(node) in self._reported:
            return
        self._reported.add(id(node))
        function, subject = source
        why = "is built from the clock and the MAC address" if function == "uuid.uuid1" else "is predictable"
        article = "an" if kind[0] in "aeiu" else "a"
        self.report(node, f"{subject} builds {article} {kind} ({where}), but its output {why}, so the {kind} can be "
                    "guessed.", hint=HINT)
