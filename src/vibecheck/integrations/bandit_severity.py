"""Which of bandit's checks fail the build by default, on vibecheck's severity scale.

Measured with `benchmarks/precision.py` on the package code of eight mature projects (requests, flask,
httpx, djangorestframework, django-allauth, fastapi; 121k lines): bandit's own severities made 217 of
the 407 failing findings `B101` alone. Severity means the same for bandit's codes as for vibecheck's
(see README, "What severity means"), so the codes below are re-rated; every other code keeps the
severity bandit gives each finding. A notice is reported at `info`, which never fails the build; select
`--fail-on info` to fail on notices too.
"""

from __future__ import annotations

from vibecheck.model import Severity

# code -> why a finding of it is a notice, not a defect
NOTICES: dict[str, str] = {
    "B101": "an `assert` in library code checks the caller's use of an API or an invariant (86 of "
            "djangorestframework's 147 failing findings); VC230 reports, and supersedes B101 for, the asserts "
            "that decide an authorization or input-validation question",
    "B105": "VC403 reads the value too and reports every hard-coded credential; the B105 findings it leaves "
            "are names next to `None`, `\"-\"` or other non-secrets",
    "B106": "VC403 reports the hard-coded credentials passed as arguments; what it leaves are placeholders",
    "B107": "VC403 reports the hard-coded credentials given as default arguments; what it leaves are placeholders",
    "B308": "bandit's B703 reports the same `mark_safe` call, and looks at its argument first",
    "B311": "VC206 reads what the value becomes and reports every `random` value that builds a token, password, "
            "key, nonce or salt; the B311 findings it leaves are samples, shuffles, jitter and seeds (the 12 on "
            "the precision sdists: lorem ipsum, cache culling, a test seed, retry countdowns, a MIME boundary)",
    "B413": "the `Crypto` package that code imports today is pycryptodome's, the maintained drop-in that installs "
            "under pycrypto's name (pycrypto stopped at 2.6.1 in 2013 and does not build on Python 3.12, which has no "
            "`distutils`); bandit cannot tell them apart, so `from Crypto.Cipher import AES` failed every build that "
            "uses pycryptodome. The weak ciphers themselves are B304",
    "B606": "starting a process without a shell (`os.execv`, `os.spawnv`) is the same notice as B603 for "
            "`subprocess`, which is off by default; a program named by client input is VC421's",
    **{code: f"importing `{module}` is no defect: the calls that parse or load untrusted data with it are "
             f"reported by their own codes ({calls}), and an import of a constant or an exception class "
             "(`from pickle import PicklingError`) by none"
       for code, module, calls in (
           ("B402", "ftplib", "B321, VC418"),
           ("B403", "pickle", "B301, VC406"), ("B405", "xml.etree", "B313-B314, VC416"),
           ("B406", "xml.sax", "B317, VC416"), ("B407", "xml.dom.expatbuilder", "B316, VC416"),
           ("B408", "xml.dom.minidom", "B318, VC416"), ("B409", "xml.dom.pulldom", "B319, VC416"),
           ("B410", "lxml", "B320, VC416"))},
}

# code -> the severity it is reported at: a real weakness, but rarely exploitable on its own
RERATED: dict[str, Severity] = {
    # MD5/SHA-1 in a protocol that requires them (HTTP Digest auth) or inside an HMAC; a fast hash of a
    # password, the exploitable case, is VC205's (high).
    "B324": Severity.MEDIUM,
    "B303": Severity.MEDIUM,
}


def default_severity(code: str, reported: Severity) -> Severity:
    """The severity a bandit finding of `code` is reported at, given the one bandit gave it."""
    if code in NOTICES:
        return Severity.INFO
    return RERATED.get(code, reported)


# Bidirectional characters that reorder how code is displayed (embeddings, overrides, isolates: the "Trojan
# Source" attack). Bandit's B613 also names the right-to-left mark U+200F, which only sets the direction of the
# neutral characters next to it and is how right-to-left locale strings are written (Django's Arabic and Persian
# date formats); rustc's lint against such characters likewise names only the reordering ones.
REORDERING_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def finding_severity(code: str, reported: Severity, lines: list[str]) -> Severity:
    """`default_severity`, except that B613 in a file (`lines`) without a reordering character is a notice: bandit
    reports one B613 per file, the first character it finds, so the whole file is read."""
    if code == "B613" and not any(REORDERING_BIDI.intersection(line) for line in lines):
        return Severity.INFO
    return default_severity(code, reported)
