"""VC205: a password hashed with a fast general-purpose hash (MD5, SHA-1, SHA-256, ...)."""

from __future__ import annotations

import libcst as cst

from vibecheck.cst_fields import child_nodes
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule
from vibecheck.rules.auth.exprs import argument, assignment_targets, target_name, value_name
from vibecheck.rules.auth.names import PASSWORD_KIND, function_kinds, is_password_name

FAST_HASHES = frozenset({
    "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512",
    "blake2b", "blake2s", "sha512_224", "sha512_256",
})
CONSTRUCTORS = frozenset(f"hashlib.{name}" for name in FAST_HASHES) | {"hashlib.new"}
NAME_NODES = (cst.Name, cst.Attribute, cst.Subscript, cst.Call)
HINT = ("Hash passwords with a slow, salted key-derivation function: `hashlib.scrypt`, `hashlib.pbkdf2_hmac` with "
        "a high iteration count, bcrypt or argon2.")


def mentions_password(node: cst.CSTNode | None) -> bool:
    """True if a password-named value appears anywhere in the expression (`(salt + pw).encode()`)."""
    pending = [node] if node is not None else []
    while pending:
        current = pending.pop()
        if isinstance(current, NAME_NODES) and is_password_name(value_name(current)):
            return True
        pending.extend(child_nodes(current))
    return False


class WeakPasswordHash(Rule):
    """A password is hashed with a fast hash such as MD5 or SHA-256.

    ## What it does
    Reports `hashlib.md5/sha1/sha256/sha512/sha3_*/blake2*(...)` and `hashlib.new(name, ...)` (through any
    import alias, with or without `.hexdigest()`) when:
    - the data hashed mentions a value named like a password (`password.encode()`,
      `(salt + pwd).encode()`, `f"{salt}{raw_password}"`, `form.password.data`);
    - or a hash object is fed one with `.update(...)` in the same function;
    - or the hash becomes a password: assigned to `password_hash`, `user.password`, ..., or computed in a
      function such as `hash_password`, `set_password` or `check_password`.

    Values that only mention a password but are tokens (`password_reset_token`) are not reported: hashing
    a random token with SHA-256 is fine. `hashlib.pbkdf2_hmac` and `hashlib.scrypt` are never reported. Test
    files are not checked.

    ## Why is this bad?
    General-purpose hashes are built to be fast: a stolen table of SHA-256 password hashes, even salted,
    is cracked at billions of guesses per second on one GPU. Password hashes must be slow and salted.

    ## Example
    ```python
    import hashlib

    def hash_password(password):
        return hashlib.sha256(password.encode()).hexdigest()
    ```

    ## Use instead
    ```python
    import hashlib
    import os

    def hash_password(password):
        salt = os.urandom(16)
        return salt + hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    ```

    ## References
    - [CWE-916: Use of Password Hash With Insufficient Computational Effort](https://cwe.mitre.org/data/definitions/916.html)
    - [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
    - [Python: `hashlib.scrypt`](https://docs.python.org/3/library/hashlib.html#hashlib.scrypt)
    """

    code = "VC205"
    name = "weak-password-hash"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (916, 328)
    # Every finding is a `hashlib` constructor (or a hash object one made), which the file must name.
    file_hints = ("hashlib",)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._functions: list[str] = []
        self._hashers: list[dict[str, str]] = [{}]  # per scope: names bound to a fast hash object -> its constructor
        self._password_targets = 0  # depth of assignments whose target is a password

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node.name.value)
        self._hashers.append({})

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.pop()
        self._hashers.pop()

    def visit_Assign(self, node: cst.Assign) -> None:
        self._enter_assignment(node, node.value)

    def leave_Assign(self, node: cst.Assign) -> None:
        self._leave_assignment(node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._enter_assignment(node, node.value)

    def leave_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._leave_assignment(node)

    def _enter_assignment(self, node: cst.Assign | cst.AnnAssign, value: cst.BaseExpression | None) -> None:
        if isinstance(value, cst.Call) and self.qualified_name(value) in CONSTRUCTORS:
            qualified = self.qualified_name(value) or ""
            self._hashers[-1].update((t.value, qualified) for t in assignment_targets(node) if isinstance(t, cst.Name))
        if self._targets_password(node):
            self._password_targets += 1

    def _leave_assignment(self, node: cst.Assign | cst.AnnAssign) -> None:
        if self._targets_password(node):
            self._password_targets -= 1

    @staticmethod
    def _targets_password(node: cst.Assign | cst.AnnAssign) -> bool:
        return any(is_password_name(target_name(t)) for t in assignment_targets(node))

    def visit_Call(self, node: cst.Call) -> None:
        if self.context.is_test_file:
            return
        qualified = self.qualified_name(node)
        if qualified in CONSTRUCTORS:
            data = argument(node, 1, "data") if qualified == "hashlib.new" else argument(node, 0, "data")
            if data is None and qualified != "hashlib.new":
                data = argument(node, None, "string")
            in_password_function = bool(self._functions) and PASSWORD_KIND in function_kinds(self._functions[-1])
            if mentions_password(data) or self._password_targets or in_password_function:
                self._report(node, node, qualified)
            return
        func = node.func
        if (isinstance(func, cst.Attribute) and func.attr.value == "update" and isinstance(func.value, cst.Name)
                and func.value.value in self._hashers[-1] and node.args and mentions_password(node.args[0].value)):
            constructor = self._hashers[-1][func.value.value]
            self._report(node, None, constructor)

    def _report(self, node: cst.Call, constructor: cst.Call | None, qualified: str) -> None:
        algorithm = qualified.rsplit(".", 1)[-1]
        name = constructor.args[0].value if constructor is not None and constructor.args else None
        if algorithm == "new":
            algorithm = string_value(name) or algorithm
        hasher = f"`hashlib.{algorithm}`" if algorithm in FAST_HASHES else "a `hashlib` hash"
        self.report(node, f"A password is hashed with {hasher}, a fast hash that lets whoever gets the hashes "
                    "test billions of guesses per second.", hint=HINT)
