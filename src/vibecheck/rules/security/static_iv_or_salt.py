"""VC425: a cipher's IV or nonce, or a password hash's salt, that is a constant written in the code."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.flow import short_code
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rules.security._support import BindingRule, argument

CRYPTOGRAPHY_MODES = "cryptography.hazmat.primitives.ciphers.modes."
# cryptography's modes that take an IV or nonce first: `modes.CBC(iv)`, `modes.GCM(iv, tag)`.
IV_MODES = frozenset(f"{CRYPTOGRAPHY_MODES}{mode}" for mode in ("CBC", "CFB", "CFB8", "OFB", "CTR", "GCM"))
IV_KEYWORDS = ("initialization_vector", "nonce")
PYCRYPTODOME_CIPHERS = ("Crypto.Cipher.", "Cryptodome.Cipher.")
# Key derivations and password hashes -> (position, keyword) of their salt.
SALTED: dict[str, tuple[int, str]] = {
    "hashlib.pbkdf2_hmac": (2, "salt"),
    "hashlib.scrypt": (1, "salt"),
    "cryptography.hazmat.primitives.kdf.pbkdf2.PBKDF2HMAC": (2, "salt"),
    "cryptography.hazmat.primitives.kdf.scrypt.Scrypt": (0, "salt"),
    "bcrypt.hashpw": (1, "salt"),
    "argon2.low_level.hash_secret": (1, "salt"),
    "argon2.low_level.hash_secret_raw": (1, "salt"),
    **{f"{package}Protocol.KDF.{kdf}": (1, "salt") for package in ("Crypto.", "Cryptodome.")
       for kdf in ("PBKDF2", "scrypt", "bcrypt")},
}
# Calls that build bytes from constants only: `bytes(16)`, `bytearray(16)`, `bytes.fromhex("00ff")`, `"x".encode()`.
CONSTANT_BUILDERS = frozenset({"bytes", "bytearray", "bytes.fromhex"})
HINT_IV = ("Draw a fresh IV or nonce for every message (`os.urandom(16)`, `get_random_bytes(16)`) and send it with the "
           "ciphertext; or let the library pick one (`AES.new(key, AES.MODE_GCM)`, then `cipher.nonce`).")
HINT_SALT = "Draw a fresh salt per password with `os.urandom(16)` and store it beside the hash."


class StaticIvOrSalt(BindingRule):
    """A cipher's IV or nonce, or the salt of a password hash, is a constant written in the code.

    ## What it does
    Reports an IV or nonce given as a constant to pycryptodome's `<Cipher>.new(key, mode, iv)` (third
    argument, `iv=` or `nonce=`; `Crypto` and `Cryptodome`) or to cryptography's `modes.CBC/CFB/CFB8/OFB/CTR/GCM`,
    and a salt given as a constant to `hashlib.pbkdf2_hmac`, `hashlib.scrypt`, cryptography's `PBKDF2HMAC` and
    `Scrypt`, pycryptodome's `PBKDF2`/`scrypt`/`bcrypt`, `bcrypt.hashpw` and argon2's low-level `hash_secret`. A
    constant is a string or bytes literal, literals joined or repeated (`b"x" * 16`, `b"\\0" * AES.block_size`),
    `bytes(16)`, `bytes.fromhex("...")`, `"...".encode()`, or a name bound once, in the function or the module, to
    one of those (`IV = b"0123456789abcdef"`). Test files are not checked: known-answer tests use fixed vectors.

    ## Why is this bad?
    An IV or nonce must differ for every message under one key. With a fixed IV, CBC encrypts equal
    messages (and equal first blocks) to equal ciphertext, so an eavesdropper sees repeats; CTR and GCM
    with a repeated nonce give away the XOR of two plaintexts, and GCM's authentication key with it. A
    fixed salt makes equal passwords hash to equal values, so one precomputed table cracks every stored
    hash at once. Agents write a constant because the example they recall did, or to make decryption
    "work" without storing the IV.

    ## Example
    ```python
    from Crypto.Cipher import AES

    def encrypt(key, data):
        iv = b"0000000000000000"
        return AES.new(key, AES.MODE_CBC, iv).encrypt(data)
    ```

    ## Use instead
    ```python
    from Crypto.Cipher import AES
    from Crypto.Random import get_random_bytes

    def encrypt(key, data):
        iv = get_random_bytes(16)
        return iv + AES.new(key, AES.MODE_CBC, iv).encrypt(data)
    ```

    ## References
    - [CWE-329: Generation of Predictable IV with CBC Mode](https://cwe.mitre.org/data/definitions/329.html)
    - [CWE-1204: Generation of Weak Initialization Vector (IV)](https://cwe.mitre.org/data/definitions/1204.html)
    - [CWE-760: Use of a One-Way Hash with a Predictable Salt](https://cwe.mitre.org/data/definitions/760.html)
    - [OWASP: Password Storage Cheat Sheet, salting](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#salting)
    """

    code = "VC425"
    name = "static-iv-or-salt"
    category = Category.SECURITY
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (329, 1204, 760)
    applies_to_tests = False  # known-answer tests use fixed vectors
    file_hints = ("crypto", "hashlib", "bcrypt", "argon2")

    def visit_Call(self, node: cst.Call) -> None:
        name = self.module_name(node) or ""
        if name in IV_MODES:
            self._check(node, argument(node, 0, IV_KEYWORDS[0]) or argument(node, 0, IV_KEYWORDS[1]), salt=False)
        elif name.startswith(PYCRYPTODOME_CIPHERS) and name.endswith(".new"):
            self._check(node, argument(node, 2, "iv") or argument(node, 2, "nonce"), salt=False)
        elif name in SALTED:
            position, keyword = SALTED[name]
            self._check(node, argument(node, position, keyword), salt=True)

    def _check(self, call: cst.Call, value: cst.BaseExpression | None, *, salt: bool) -> None:
        if value is None or not self._is_constant(value):
            return
        shown, callee = short_code(value), short_code(call.func)
        if salt:
            self.report(value, f"`{callee}()` hashes with the fixed salt `{shown}`: equal passwords get equal hashes, "
                        "and one precomputed table cracks them all.", hint=HINT_SALT, cwe=(760,))
        else:
            self.report(value, f"`{callee}()` is given the fixed IV or nonce `{shown}`: every message under this key "
                        "starts the same way, so repeats show and (in CTR or GCM) plaintexts leak.", hint=HINT_IV,
                        cwe=(329, 1204))

    def _is_constant(self, node: cst.BaseExpression, depth: int = 3) -> bool:
        """Bytes or text the code spells out, built only from literals, or a name bound once to such a value."""
        if type(node) is cst.Name:
            value = self.single_value(node)
            return depth > 0 and value is not None and self._is_constant(value, depth - 1)
        if string_value(node) is not None:
            return True
        if type(node) is cst.BinaryOperation:
            if type(node.operator) is cst.Multiply:
                return any(self._is_constant(side, depth) for side in (node.left, node.right)) \
                    and not any(type(side) is cst.Call for side in (node.left, node.right))
            return type(node.operator) is cst.Add and all(self._is_constant(s, depth) for s in (node.left, node.right))
        if type(node) is cst.Call:
            func = node.func
            if type(func) is cst.Attribute and func.attr.value == "encode":
                return string_value(func.value) is not None
            callee = short_code(func)
            return callee in CONSTANT_BUILDERS and all(
                type(arg.value) is cst.Integer or string_value(arg.value) is not None for arg in node.args)
        return False
