"""Packages that ship a library's test tools (`cms/test_utils/`, `_internal/testing/`, `testing.py`), through the
command line: the rules of risks only deployed code has leave them alone, as they leave tests; the same code beside
them is reported, and the rules that judge tests do not read their helpers as tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck.cli import cli

BACKEND = """
    class ObjectPermissionBackend:
        def authenticate(self, request, username=None, password=None):
            return True
"""
TOKEN = """
    import random
    import string


    def random_token(length=8):
        return "".join(random.choice(string.ascii_lowercase) for _ in range(length))
"""
HOLLOW_HELPER = """
    def test_bucket_name():
        pass
"""


def codes(root: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["check", "--format", "concise", "--no-bandit", "--no-cache", "--quiet", "--jobs", "1",
                                      "--select", "VC206,VC212,VC303", str(root)], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return sorted(" ".join(line.split()[:2]).replace(str(root) + "/", "") for line in result.stdout.splitlines()
                  if line.strip())


@pytest.mark.parametrize("support", ["pkg/test_utils/project/backends.py", "pkg/_internal/testing/helpers.py",
                                     "pkg/testing.py", "pkg/_testing/__init__.py"])
def test_test_tools_are_left_to_the_tests(tmp_path: Path, support: str) -> None:
    write(tmp_path, {"pkg/__init__.py": "", support: BACKEND + TOKEN + HOLLOW_HELPER})
    assert codes(tmp_path) == []


def test_the_same_code_in_the_library_is_reported(tmp_path: Path) -> None:
    write(tmp_path, {"pkg/__init__.py": "", "pkg/backends.py": BACKEND + TOKEN,
                     "pkg/attesting/helpers.py": BACKEND})
    found = codes(tmp_path)
    assert found == ["pkg/attesting/helpers.py:3:5: VC212", "pkg/backends.py:11:20: VC206", "pkg/backends.py:3:5: VC212"]
