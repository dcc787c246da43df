"""Which paths a FastHTML Beforeware lets by: read by the app model's resolver, which runs without libcst."""

from __future__ import annotations

import re

# Values a route's capture (`{iid}`) may take in a request, to match skip patterns against.
CAPTURE_STAND_INS = ("1", "x", "a1")


def skipped(path: str | None, patterns: tuple[str, ...] | list[str]) -> bool:
    """Whether FastHTML lets requests for the path past the Beforeware: a skip pattern matches it whole, for some value
    of its captures (`/invoices/{iid}/pay` and `/invoices/\\d+/pay`: a number, a word or both)."""
    if path is None:
        return False
    requests = {re.sub(r"\{[^}]*\}", stand_in, path) for stand_in in CAPTURE_STAND_INS}
    for pattern in patterns:
        try:
            if any(re.fullmatch(pattern, request) for request in requests):
                return True
        except re.error:
            continue
    return False
