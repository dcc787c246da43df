"""VC305 corpus (checked as a test file): handlers that turn a failure into a pass fire."""
import builtins
import contextlib
import logging
from contextlib import suppress
from unittest import mock

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


def test_raises_exception_around_an_assertion():
    # expect: VC305
    with pytest.raises(Exception):
        order = make_order()
        assert order.total() == 7


def test_raises_base_exception_around_an_assertion():
    # expect: VC305
    with pytest.raises(BaseException):
        assert refund("order-1").status == "done"


def test_raises_around_everything():
    # expect: VC305
    with pytest.raises(Exception):
        order = make_order()
        order.add_item("book")
        refund(order.id)


def test_raises_tuple_with_exception():
    # expect: VC305
    with pytest.raises((ValueError, Exception)):
        order = make_order(items=-1)
        order.total()


def test_raises_with_alias():
    import pytest as pt

    # expect: VC305
    with pt.raises(Exception) as caught:
        refund("order-9")
        make_order().pay()
    assert caught.value


def test_raises_in_one_line_block():
    # expect: VC305
    with pytest.raises(Exception): make_order(); refund("x")


class TestRaises:
    def test_unittest_style_in_pytest_class(self):
        # expect: VC305
        with self.assertRaises(Exception):
            order = make_order()
            self.assertEqual(order.total(), 7)

    def test_assert_raises_around_everything(self):
        # expect: VC305
        with self.assertRaises(BaseException):
            order = make_order()
            refund(order.id)


def test_raises_specific_error_around_block():
    # ok: VC305
    with pytest.raises(ValueError):
        order = make_order(items=-1)
        order.total()


def test_raises_exception_around_one_call():
    # ok: VC305
    with pytest.raises(Exception) as caught:
        refund("unknown")
    assert "unknown" in str(caught.value)


def test_raises_exception_around_an_assertion_then_reads_the_message():
    # ok: VC305 -- a failing `assert` inside raises an AssertionError whose message the check below rejects
    with pytest.raises(Exception) as caught:
        order = make_order(items=-1)
        assert order.total() == 0
    assert "negative quantity" in str(caught)


def test_raises_exception_around_a_block_then_matches():
    # ok: VC305
    with pytest.raises(Exception) as caught:
        order = make_order(items=-1)
        order.total()
    caught.match("negative quantity")


def test_raises_exception_around_an_assertion_then_reads_nothing_telling():
    # expect: VC305 -- any exception has a value: the check cannot tell which one was caught
    with pytest.raises(Exception) as caught:
        assert make_order(items=-1).total() == 0
    assert caught is not None


def test_raises_exception_with_match():
    # ok: VC305
    with pytest.raises(Exception, match="negative quantity"):
        order = make_order(items=-1)
        order.total()


def test_raises_exception_around_a_deliberate_raise():
    # ok: VC305
    with pytest.raises(Exception):
        with make_order().transaction():
            refund("order-1")
            raise Exception("roll back")


def test_raises_assertion_error_around_an_assertion_helper():
    # ok: VC305 -- the helper failing is what the test checks
    with pytest.raises(AssertionError):
        order = make_order()
        assert_paid(order)


def test_raises_exception_keyword_form():
    # ok: VC305
    with pytest.raises(expected_exception=Exception):
        refund("x")


def test_other_context_manager_around_everything():
    # ok: VC305
    with make_order().transaction():
        order = make_order()
        assert order.total() == 7


class TestSpecificRaises:
    def test_assert_raises_specific(self):
        # ok: VC305
        with self.assertRaises(KeyError):
            order = make_order()
            order.items["missing"]

    def test_assert_raises_regex(self):
        # ok: VC305
        with self.assertRaisesRegex(Exception, "negative"):
            order = make_order(items=-1)
            order.total()


class TestSkipOnFailure:
    def test_refund_skips_when_it_fails(self):
        try:
            refund(make_order())
        # expect: VC305
        except Exception:
            self.skipTest("refund backend unavailable")

    def test_skip_on_a_specific_error(self):
        try:
            refund(make_order())
        # ok: VC305
        except ConnectionError:
            self.skipTest("refund backend unavailable")
        assert make_order().refunded


def test_assertion_failure_becomes_a_skip():
    order = make_order()
    try:
        assert order.total() == 7
    # expect: VC305
    except AssertionError:
        pytest.skip("totals are rounded differently on this platform")


def test_import_failure_skips():
    try:
        import numpy
    # ok: VC305
    except ImportError:
        pytest.skip("numpy is not installed")
    assert numpy.zeros(1)[0] == 0


def test_connect_retries_until_broker_is_up(consumer, connect):
    try:
        consumer.connect()
    # expect: VC305 -- the call the test is named for: its failure is printed, the test goes on
    except Exception as exc:
        print(f"connect failed: {exc}")
    assert connect.call_count == 2


def test_set_may_fail_then_key_is_missing(cache):
    try:
        cache.set("key", "a" * 2**21)
    # ok: VC305 -- the name says the failure is tolerated
    except Exception:
        pass
    assert cache.get("key") is None


def test_refund_is_recorded(ledger, tmp_file):
    refund("order-1")
    try:
        tmp_file.unlink()
    # ok: VC305 -- a clean-up step, not the call the test is named for
    except Exception:
        pass
    assert ledger.entries == ["order-1"]


def test_raises_exception_around_one_bare_call():
    # expect: VC305 -- passes on a wrong argument as well as on what the parser should refuse with
    with pytest.raises(Exception):
        make_order(items="abc")


async def test_raises_base_exception_around_one_await(client):
    # expect: VC305
    with pytest.raises(BaseException):
        await client.download("https://img.example.com/x.png")


class TestOneCallRaises:
    def test_assert_raises_exception_around_one_call(self):
        # expect: VC305
        with self.assertRaises(Exception):
            refund("order-1")

    def test_assert_raises_exception_explained(self):
        # ok: VC305
        with self.assertRaises(Exception):  # IntegrityError or DatabaseError, depending on the backend
            refund("order-1")


def test_raises_exception_around_one_call_then_reads_what_it_caught():
    error = ValueError("boom")
    # ok: VC305 -- the test checks which exception came out
    with pytest.raises(Exception) as caught:
        refund(error)
    assert caught.value is error


def test_raises_specific_error_around_one_call():
    # ok: VC305
    with pytest.raises(ValueError):
        make_order(items=-1)


def test_raises_exception_around_a_nested_deliberate_raise():
    # ok: VC305
    with pytest.raises(Exception):
        with make_order().transaction():
            raise Exception("roll back")


def test_raises_exception_explained_above():
    # Raises ValueError on Pydantic v2 and ExceptionGroup on Pydantic v1.
    # ok: VC305
    with pytest.raises((ValueError, Exception)):
        make_order(items="abc")


class TestPlantedError:
    @mock.patch("shop.ledger.save", mock.Mock(side_effect=Exception))
    def test_rolls_back_when_the_patched_save_fails(self):
        # ok: VC305 -- the patched save raises Exception itself: that is the error expected
        with self.assertRaises(Exception):
            refund("order-1")

    @mock.patch("shop.ledger.save", mock.Mock(side_effect=KeyError))
    def test_rolls_back_when_the_patched_save_fails_with_a_key_error(self):
        # expect: VC305 -- the fake's error is a narrower one; the broad expectation takes any other too
        with self.assertRaises(Exception):
            refund("order-1")


def test_charge_fails_when_the_gateway_is_down(gateway):
    gateway.charge.side_effect = Exception("down")
    # ok: VC305
    with pytest.raises(Exception):
        make_order(gateway=gateway)


def test_charge_fails_with_a_planted_error_around_an_assertion(mocker):
    mocker.patch("shop.gateway.charge", side_effect=Exception)
    # expect: VC305 -- the assertion inside is still swallowed
    with pytest.raises(Exception):
        order = make_order()
        assert order.paid
