"""VC305 corpus (checked as a test file): handlers that turn a failure into a pass fire."""
import builtins
import contextlib
import logging
from contextlib import suppress

import pytest

from shop import make_order, refund

logger = logging.getLogger(__name__)


def test_broad_pass():
    try:
        assert make_order().total() == 7
    # expect: VC305
    except Exception:
        pass


def test_bare_except_return():
    try:
        assert refund("order-1").status == "done"
    # expect: VC305
    except:
        return


def test_assertion_error_printed():
    try:
        assert make_order().total() == 7
    # expect: VC305
    except AssertionError as error:
        print("ignoring", error)


def test_tuple_with_assertion_error():
    try:
        assert make_order().paid
    # expect: VC305
    except (AssertionError, KeyError):
        logger.warning("flaky")


def test_loop_continue():
    for order_id in ("a", "b"):
        try:
            assert refund(order_id)
        # expect: VC305
        except BaseException:
            continue


def test_one_line_handler():
    try:
        refund("x")
    # expect: VC305
    except builtins.Exception: pass


def test_suppress_call():
    # expect: VC305
    with contextlib.suppress(AssertionError):
        assert make_order().paid


def test_suppress_imported_name():
    # expect: VC305
    with suppress(Exception):
        assert refund("order-1")


class TestRefunds:
    def test_method_swallows(self):
        try:
            assert refund("order-2")
        # expect: VC305
        except Exception:
            "the sandbox is down sometimes"


def test_narrow_expected_exception():
    try:
        refund("missing")
    # ok: VC305
    except KeyError:
        pass


def test_reraises_with_context():
    try:
        assert refund("order-1")
    # ok: VC305
    except AssertionError:
        logger.error("refund failed")
        raise


def test_fails_explicitly():
    try:
        refund("order-1")
    # ok: VC305
    except Exception as error:
        pytest.fail(f"refund raised {error}")


def test_raises_is_the_right_tool():
    # ok: VC305
    with pytest.raises(KeyError):
        refund("missing")


def test_suppress_narrow():
    # ok: VC305
    with suppress(FileNotFoundError):
        refund("tmp")


def helper_outside_a_test():
    try:
        refund("x")
    # ok: VC305
    except Exception:
        pass


def test_handler_records_failure(failures):
    try:
        refund("x")
    # ok: VC305
    except Exception as error:
        failures.append(error)


def test_handler_asserts_on_error():
    try:
        refund("x")
    # ok: VC305
    except Exception as error:
        assert "refund" in str(error)


def test_exception_raised_on_purpose_to_set_the_scene(app):
    try:
        raise ValueError("dummy")
    # ok: VC305
    except Exception:
        pass
    assert app.last_error is None


def test_cleanup_may_fail(connection):
    try:
        assert not connection.is_usable()
    finally:
        try:
            connection.close()
        # ok: VC305
        except Exception:
            pass


def test_call_may_raise_then_state_is_checked(cache):
    try:
        cache.set("key", "a" * 2**21)
    # ok: VC305
    except Exception:
        pass
    assert cache.get("key") is None


def test_create_user_swallowed(client):
    try:
        client.post("/users", json={"name": "ada"})
    # expect: VC305
    except Exception:
        pass


def test_unittest_assertion_swallowed(case):
    try:
        case.assertEqual(refund("order-1").status, "done")
    # expect: VC305
    except AssertionError:
        pass
