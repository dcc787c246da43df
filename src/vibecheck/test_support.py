"""Where a library ships the tools its tests use (`cms/test_utils/`, b2sdk's `_internal/testing/`, `numpy.testing`,
`pandas._testing`, `flask/testing.py`): code that runs only under tests, though no test runner collects it.

Rules that judge a risk only deployed code has (`Rule.applies_to_tests = False`) leave it alone, as they leave test
files alone: its stub auth backends, random names and forms are fixtures. It is not a test file: the rules that judge
tests do not read its helpers as tests (`django/test/` ships `test_*` helpers that are none), and what it calls is not
counted as tested. A module named `test_utils.py` is already a test file by pytest's `test_*.py`; its package is
support, not tests.
"""

from __future__ import annotations

SUPPORT_FOLDERS = frozenset({"test_utils", "testutils", "testing", "_testing", "test_helpers", "testhelpers",
                             "test_support"})
SUPPORT_MODULES = frozenset({"testing.py", "_testing.py", "testutils.py"})


def is_test_support(relative: str) -> bool:
    """Whether a path from the project's root is in a test-support package or is a test-support module."""
    *folders, name = relative.replace("\\", "/").split("/")
    return name in SUPPORT_MODULES or not SUPPORT_FOLDERS.isdisjoint(folders)
