"""VC306 corpus (checked as a test file): skips without a reason and lax xfails fire."""
import sys
import unittest
from unittest import skip

import pytest
from pytest import mark

# expect: VC306
pytestmark = pytest.mark.skip


# expect: VC306
@pytest.mark.skip
def test_bare_skip_marker():
    assert False


# expect: VC306
@pytest.mark.skip()
def test_skip_marker_called_empty():
    assert False


# expect: VC306
@pytest.mark.skip(reason="")
def test_skip_marker_blank_reason():
    assert False


# expect: VC306
@pytest.mark.skipif(sys.platform == "win32")
def test_skipif_without_reason():
    assert False


# expect: VC306
@pytest.mark.xfail
def test_bare_xfail():
    assert False


# expect: VC306
@mark.xfail(raises=KeyError)
def test_xfail_imported_mark_not_strict():
    assert False


def test_imperative_skip():
    # expect: VC306
    pytest.skip()


@pytest.mark.parametrize("value", [
    1,
    # expect: VC306
    pytest.param(2, marks=pytest.mark.xfail),
])
def test_param_marks(value):
    assert value


class OrderCase(unittest.TestCase):
    # expect: VC306
    @unittest.skip("")
    def test_unittest_blank(self):
        self.fail()

    # expect: VC306
    @skip
    def test_unittest_bare(self):
        self.fail()

    def test_skiptest_without_reason(self):
        # expect: VC306
        self.skipTest("")

    # expect: VC306
    @unittest.skipIf(sys.platform == "win32")
    def test_skipif_missing_reason(self):
        self.fail()

    # ok: VC306
    @unittest.skip("the sandbox has no refunds yet")
    def test_unittest_with_reason(self):
        self.fail()

    # ok: VC306
    @unittest.skipUnless(sys.platform == "linux", "needs /proc")
    def test_skipunless_with_reason(self):
        self.fail()


# ok: VC306
@pytest.mark.skip(reason="needs network (issue #12)")
def test_skip_with_reason():
    assert False


# ok: VC306
@pytest.mark.skip("positional reason")
def test_skip_with_positional_reason():
    assert False


# ok: VC306
@pytest.mark.skipif(sys.platform == "win32", reason="no fork on Windows")
def test_skipif_with_reason():
    assert False


# ok: VC306
@pytest.mark.xfail(strict=True)
def test_strict_xfail():
    assert False


# ok: VC306
@pytest.mark.xfail(reason="bug #7: rounding")
def test_xfail_with_reason():
    assert False


def test_imperative_skip_with_reason():
    # ok: VC306
    pytest.skip("optional dependency missing")


def test_importorskip():
    # ok: VC306
    pytest.importorskip("numpy")


# ok: VC306
@pytest.mark.skipif("sys.platform == 'win32'")
def test_string_condition_is_its_own_reason():
    assert False


# ok: VC306
@pytest.mark.xfail(reason="", strict=True)
def test_strict_with_blank_reason_still_fails_when_fixed():
    assert False


# expect: VC306
@pytest.mark.xfail(reason="", strict=False)
def test_not_strict_and_blank_reason():
    assert False


# expect: VC306
@pytest.mark.parametrize("tag", [])
def test_no_cases(tag):
    assert tag


# expect: VC306
@pytest.mark.parametrize(("a", "b"), argvalues=())
def test_no_cases_by_keyword(a, b):
    assert a == b


# ok: VC306
@pytest.mark.parametrize("tag", ["a", "b"])
def test_some_cases(tag):
    assert tag.isalpha()


# ok: VC306 -- the cases come from a name, which may hold any number of them
@pytest.mark.parametrize("tag", TAGS)
def test_cases_from_a_name(tag):
    assert tag.isalpha()
