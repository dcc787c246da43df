"""VC423: a block cipher used in ECB mode (pycryptodome's `MODE_ECB`, cryptography's `modes.ECB()`)."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.flow import short_code
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule, RuleContext

# The packages that name pycryptodome's (and the old PyCrypto's) cipher modules.
PYCRYPTODOME_CIPHERS = ("Crypto.Cipher.", "Cryptodome.Cipher.")
ECB_CONSTANT = ".MODE_ECB"
CRYPTOGRAPHY_ECB = frozenset({"cryptography.hazmat.primitives.ciphers.modes.ECB"})
HINT = ("Use an authenticated mode with a fresh random nonce per message: `AES.new(key, AES.MODE_GCM)` in "
        "pycryptodome, `AESGCM(key).encrypt(nonce, data, None)` in cryptography.")


class EcbCipherMode(Rule):
    """A block cipher is used in ECB mode, which encrypts equal blocks of plaintext to equal blocks of ciphertext.

    ## What it does
    Reports pycryptodome's (and PyCrypto's) `MODE_ECB` constant of any cipher module (`AES.MODE_ECB`,
    `DES3.MODE_ECB`, `Cryptodome.Cipher`, aliased imports, `from Crypto.Cipher.AES import MODE_ECB`)
    wherever it is passed, stored or given as a default, and every call of cryptography's `modes.ECB()`
    (however it was imported). A comparison such as `if mode == AES.MODE_ECB:` is a check, not a use, and
    is not reported; neither are test files, where ECB appears in known-answer tests. It supersedes
    bandit's `B305` (cryptography's `ECB` only) on the lines it reports.

    ## Why is this bad?
    ECB encrypts each block on its own with the same key: equal plaintext blocks give equal ciphertext
    blocks, so the structure of the data shows through (the well-known encrypted penguin), blocks can be
    cut, reordered and replayed without the key, and nothing detects that the ciphertext was changed.
    Agents pick it because it needs no IV or nonce.

    ## Example
    ```python
    from Crypto.Cipher import AES

    def encrypt(key, data):
        cipher = AES.new(key, AES.MODE_ECB)
        return cipher.encrypt(data)
    ```

    ## Use instead
    ```python
    from Crypto.Cipher import AES

    def encrypt(key, data):
        cipher = AES.new(key, AES.MODE_GCM)
        ciphertext, tag = cipher.encrypt_and_digest(data)
        return cipher.nonce + tag + ciphertext
    ```

    ## References
    - [CWE-327: Use of a Broken or Risky Cryptographic Algorithm](https://cwe.mitre.org/data/definitions/327.html)
    - [pycryptodome: classic modes of operation (ECB)](https://pycryptodome.readthedocs.io/en/latest/src/cipher/classic.html#ecb-mode)
    - [cryptography: authenticated encryption (AESGCM)](https://cryptography.io/en/latest/hazmat/primitives/aead/)
    """

    code = "VC423"
    name = "ecb-cipher-mode"
    category = Category.SECURITY
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (327,)
    applies_to_tests = False  # a test encrypts fixture data
    file_hints = ("ecb",)
    supersedes = ("B305",)

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self._outside_code = 0  # depth of imports, comparisons and targets, where the constant is named but not used
        self._attribute_names: set[int] = set()  # the `MODE_ECB` of `AES.MODE_ECB`, reported as the attribute

    def _enter(self, node: cst.CSTNode) -> None:
        self._outside_code += 1

    def _leave(self, node: cst.CSTNode) -> None:
        self._outside_code -= 1

    visit_Import = visit_ImportFrom = visit_Comparison = visit_AssignTarget = _enter
    leave_Import = leave_ImportFrom = leave_Comparison = leave_AssignTarget = _leave

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._attribute_names.add(id(node.attr))
        self._check_constant(node)

    def visit_Name(self, node: cst.Name) -> None:
        if id(node) not in self._attribute_names:
            self._check_constant(node)

    def _check_constant(self, node: cst.Attribute | cst.Name) -> None:
        if self._outside_code:
            return
        name = self.qualified_name(node) or ""
        if name.startswith(PYCRYPTODOME_CIPHERS) and name.endswith(ECB_CONSTANT):
            self._report_ecb(node)

    def visit_Call(self, node: cst.Call) -> None:
        if self.qualified_name(node) in CRYPTOGRAPHY_ECB:
            self._report_ecb(node)

    def _report_ecb(self, node: cst.CSTNode) -> None:
        self.report(node, f"`{short_code(node)}` encrypts in ECB mode: equal plaintext blocks give equal ciphertext "
                    "blocks, so the data's patterns show and blocks can be swapped unnoticed.", hint=HINT)
