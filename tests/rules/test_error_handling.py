"""Rule-specific behaviour of the error-handling pack beyond the generic corpus and docs tests."""

from __future__ import annotations

from vibecheck.rules.error_handling.broad_exception_caught import BroadExceptionCaught
from vibecheck.testing import findings_for

BROAD_IN_RUN = """
import logging
logger = logging.getLogger(__name__)

def run():
    try:
        work()
    except Exception as exc:
        logger.error("fatal: %s", exc)
"""


def test_vc102_boundary_functions_are_configurable() -> None:
    assert len(findings_for(BroadExceptionCaught, BROAD_IN_RUN)) == 1
    options = BroadExceptionCaught.parse_options({"boundary-functions": ["main", "run"]})
    assert findings_for(BroadExceptionCaught, BROAD_IN_RUN, options=options) == []
