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
