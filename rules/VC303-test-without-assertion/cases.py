"""VC303 corpus (checked as a test file): tests that check nothing fire; tests with any real check do not."""
import logging
import sys
import typing
import unittest
import warnings
from contextlib import nullcontext
from pprint import pprint
from unittest import mock

import pytest

from shop import ExpectLog, Order, SecurityError, Transaction, checkout, make_order, render_page, validate_order, validate_url
from shop.tests.base import CheckoutFlowBase
import shop.dataset_testing_helpers as ds_helpers
from shop.services import run_nightly_sync
from tests.helpers import create_customer, run_checkout_roundtrip

from .support import exercise_every_payment_method


# expect: VC303
def test_only_calls():
    order = make_order()
    order.total()


# expect: VC303
def test_placeholder():
    pass


# expect: VC303
def test_prints_instead_of_asserting(capsys):
    print(make_order().total())


# expect: VC303
async def test_async_without_assert():
    await checkout(make_order())


# expect: VC303
def test_comparison_without_assert():
    make_order().total() == 7


# expect: VC303
def test_calls_helper_that_does_not_assert():
    build_fixture_data()


def build_fixture_data():
    return {"items": []}


@pytest.mark.parametrize("price", [1, 2])
# expect: VC303
def test_parametrized_without_assert(price):
    Order(items=[price]).total()


class TestOrders:
    # expect: VC303
    def test_method_without_assert(self):
        Order(items=[]).total()

    # ok: VC303
    def helper_not_a_test(self):
        Order(items=[]).total()


class OrderCase(unittest.TestCase):
    # expect: VC303
    def test_unittest_without_assert(self):
        Order(items=[]).total()

    # ok: VC303
    def test_unittest_assert_method(self):
        self.assertEqual(Order(items=[]).total(), 0)

    # ok: VC303
    def test_unittest_fail(self):
        if Order(items=[]).total():
            self.fail("an empty order costs nothing")


# ok: VC303
def test_plain_assert():
    assert make_order().total() == 7


# ok: VC303
def test_raises():
    with pytest.raises(ValueError):
        Order(items=None)


# ok: VC303
def test_warns():
    with pytest.warns(DeprecationWarning):
        make_order().legacy_total()


# ok: VC303
def test_mock_assert_call():
    gateway = mock.Mock()
    checkout(make_order(), gateway=gateway)
    gateway.charge.assert_called_once_with(7)


# ok: VC303
def test_prefixed_helper():
    check_invoice(make_order())


class TestValidMessages:
    """Valid messages pass validation."""

    # ok: VC303 -- the class says it: a validator raises on a bad message, the valid one passing it is the check
    def test_hello(self):
        validate_hello(["HELLO", "realm1", {}])


# ok: VC303 -- the comment says not raising is the point
def test_dispatches_to_hello_validator():
    # valid hello -> no error
    validate_message(["HELLO", "realm1", {}])


class TestMessages:
    """Messages and their fields."""

    # expect: VC303 -- nothing here says that not raising is the point
    def test_hello(self):
        validate_hello(["HELLO", "realm1", {}])


# ok: VC303
def test_local_helper_that_asserts():
    verify_totals_match()


def verify_totals_match():
    assert make_order().total() == 7


# ok: VC303
def test_unprefixed_local_helper_that_asserts():
    run_case(1, 1)


def run_case(given, expected):
    assert Order(items=[given]).total() == expected


# ok: VC303
def test_explicit_raise():
    if make_order().total() != 7:
        raise AssertionError("wrong total")


# ok: VC303
def test_pytest_fail():
    if not make_order().total():
        pytest.fail("empty total")


# ok: VC303
def helper_outside_tests():
    make_order()


def test_nested_assert_in_inner_function():
    def inner():
        assert make_order()
    # ok: VC303
    inner()


@pytest.fixture
# ok: VC303
def test_apps(monkeypatch):
    monkeypatch.syspath_prepend("apps")
    yield


@contextlib.contextmanager
# ok: VC303 -- a context-manager helper that tests enter, not a test
def testing_server(root):
    with mock.patch("socket.socket"):
        yield LiveServer(root)


# expect: VC303 -- a test that only enters the helper checks nothing
def test_server_starts(tmp_path):
    with testing_server(tmp_path):
        pass


# expect: VC303
def test_exception_built_but_never_raised():
    try:
        Order(items=None)
    except ValueError:
        AssertionError("Order must accept None")


# ok: VC303
def test_parse_does_not_raise_on_empty_input():
    Order.parse("")


class TestValidator:
    # ok: VC303
    def test_success(self):
        """Nothing happens if the value is valid."""
        validate_order(make_order())

    # expect: VC303
    def test_valid_order(self):
        """Validating a valid order."""
        validate_order(make_order())


# expect: VC303
def test_get_order_not_found_error(client):
    client.get("/orders/999")


@pytest.mark.parametrize(("items", "expectation"), [([1], nullcontext()), (None, pytest.raises(ValueError))])
# ok: VC303
def test_order_items(items, expectation):
    with expectation:
        Order(items=items)


# expect: VC303
def test_with_context_that_is_no_parameter(tmp_path):
    with open(tmp_path / "orders.csv") as handle:
        Order.load(handle)


# ok: VC303
def test_refunds():
    pytest.skip("the sandbox has no refunds yet (issue #42)")
    make_order().refund()


# expect: VC303
def test_conditionally_skipped():
    if not make_order():
        pytest.skip("no order backend")
    make_order().refund()



# expect: VC303
def test_total_is_right():
    """Test that the total is computed correctly."""
    result = make_order().total()
    print(f"total: {result}")


# expect: VC303 -- the docstring says "does not raise", but the test shows the result to a person
def test_checkout_logged():
    """Checkout does not raise and returns the right order."""
    order = checkout(make_order())
    logging.info("checked out: %s", order)


# expect: VC303
def test_smoke_pretty_printed():
    """Smoke test of validation."""
    pprint(validate_order(make_order()))


# expect: VC303
def test_never_fails_written_out():
    sys.stdout.write(str(make_order().total()))


# expect: VC303
def test_pass_fail_printed():
    result = make_order().total()
    if result == 7:
        print("PASS")
    else:
        print("FAIL", result)


class TestPrinting(unittest.TestCase):
    # expect: VC303
    def test_prints_in_method(self):
        """Order creation should not fail."""
        order = make_order()
        print(order)


# ok: VC303
def test_prints_and_asserts():
    result = make_order().total()
    print(result)
    assert result == 7


# ok: VC303
def test_parse_does_not_raise_with_label():
    print("validating a valid order")
    validate_order(make_order())


# ok: VC303
def test_output_captured(capsys):
    print(make_order().total())
    assert capsys.readouterr().out == "7\n"


# ok: VC303
def test_logs_and_checks(caplog):
    logging.info("order %s", make_order())
    assert "order" in caplog.text


class TestLogged(unittest.TestCase):
    # ok: VC303
    def test_logged_and_checked(self):
        order = make_order()
        logging.getLogger(__name__).info("order %s", order)
        self.assertEqual(order.total(), 7)

    # ok: VC303
    def test_print_inside_raises(self):
        with self.assertRaises(ValueError):
            print(make_order(items=-1))


# ok: VC303
def test_prints_then_helper_asserts():
    order = make_order()
    print(order)
    check_order(order)


# ok: VC303 -- the comment after the call says the point
def test_repo_path_inside_the_allowed_one():
    validate_order(make_order())  # Should not raise


# ok: VC303
def test_unknown_policy_allows_a_clean_order():
    """An order under an unknown policy is allowed (no raise)."""
    validate_order(make_order())


# ok: VC303 -- an import smoke test: it fails when the package does not import
def test_import():
    import shop  # noqa: F401


# expect: VC303 -- an import, then a call whose result nobody checks
def test_import_and_total():
    import shop
    shop.make_order().total()


# expect: VC303 -- a comment that only describes the call
def test_validate_with_comment():
    validate_order(make_order())  # validate the order


# ok: VC303
def test_validation_never_raises():
    """Validation never raises on a good order."""
    validate_order(make_order())


# ok: VC303 -- an assertion was meant: VC304 reports the missing parentheses on its line
def test_mock_assertion_without_parentheses():
    notifier = mock.Mock()
    checkout(make_order(), notifier)
    notifier.notify.assert_called_once


# expect: VC303 -- a mock attribute read that looks like no assertion is no attempt either
def test_reads_mock_attribute():
    notifier = mock.Mock()
    checkout(make_order(), notifier)
    notifier.notify.called


# ok: VC303 -- a context manager named for an assertion fails on exit when the log line never came
def test_failure_is_logged():
    with ExpectLog(logging.getLogger("shop"), "checkout failed"):
        checkout(None)


# expect: VC303 -- a context manager that checks nothing
def test_checkout_in_a_transaction():
    with Transaction():
        checkout(make_order())


# ok: VC303 -- the comment says the point is that nothing raises
def test_refund_twice():
    # refunding an order twice should not raise an error
    order = make_order()
    order.refund()
    order.refund()


# expect: VC303 -- a comment that says something else
def test_refund_once():
    # refunds the order
    make_order().refund()


class TestCheckoutFinishes(unittest.TestCase):
    def tearDown(self):
        self.assertTrue(self.finished)

    # ok: VC303 -- `tearDown` asserts on what each test leaves
    def test_checkout_finishes(self):
        checkout(make_order())
        self.finished = True


class TestCheckoutCleansUp(unittest.TestCase):
    def tearDown(self):
        super().tearDown()
        self.order.refund()

    # expect: VC303 -- a `tearDown` that checks nothing
    def test_checkout_runs(self):
        self.order = make_order()
        checkout(self.order)


class CheckoutFlowTest(CheckoutFlowBase):
    # ok: VC303 -- `self.do_checkout()` is the project's base class's, which may assert out of this file's sight
    def test_checkout(self):
        self.do_checkout()

    # expect: VC303
    def test_total_only(self):
        make_order().total()


class RefundFlowTest(CheckoutFlowTest):
    # ok: VC303 -- inherited through a class of this file from the project's base
    def test_refund(self):
        self.do_refund(make_order())

    # ok: VC303 -- the same inherited helper, with `self` typed for a checker
    def test_refund_typed(self):
        typing.cast("SupportsRefund", self).do_refund(make_order())

    # expect: VC303 -- a cast of another object is no call of an inherited helper
    def test_cast_order(self):
        typing.cast("Order", make_order()).recalculate()


class OrderCleanupCase(unittest.TestCase):
    # expect: VC303 -- unittest's own methods do not assert
    def test_cleanup_only(self):
        self.addCleanup(make_order)
        make_order().total()


class SnippetWorkflowTests(unittest.TestCase):
    # ok: VC303 -- an inherited test this case turns off: the runner reports it skipped
    @unittest.skip("Model is not lockable")
    def test_can_lock(self):
        pass

    # ok: VC303
    @pytest.mark.skip(reason="not lockable")
    def test_can_unlock(self):
        pass

    @pytest.mark.skip
    # expect: VC303 -- skipped without a reason: nothing says the empty body is meant
    def test_can_unlock_other(self):
        pass

    @unittest.skipIf(sys.platform == "win32", "no locks on Windows")
    # expect: VC303 -- skipped only where the condition holds: elsewhere it runs and checks nothing
    def test_can_relock(self):
        make_order().lock()


# ok: VC303 -- WebTest's `TestApp` fails the test when the answer has another status
def test_anonymous_users_cannot_add_members(app):
    app.get("/group/member_new/1", status=403)
    app.post_json("/api/members", {"id": 1}, status=[401, 403])


# expect: VC303 -- a status kept in a variable is checked by nobody
def test_member_page_loads(app):
    response = app.get("/group/members/1")
    status = response.status


# expect: VC303 -- `pytest.raises` called alone wraps nothing: the call after it is never checked
def test_parse_rejects_garbage():
    pytest.raises(ValueError)
    parse_order("not json")


# ok: VC303 -- the legacy form calls the function itself
def test_parse_rejects_garbage_legacy():
    pytest.raises(ValueError, parse_order, "not json")


# ok: VC303
def test_parse_rejects_garbage_in_block():
    with pytest.raises(ValueError):
        parse_order("not json")


class TestValidateUrl:
    # ok: VC303 -- `validate_url` refuses a URL by raising (the next test expects it to): a call that returns is the check
    def test_https_allowed(self):
        validate_url("https://example.com/photo.jpg")

    # ok: VC303
    def test_ftp_blocked(self):
        with pytest.raises(SecurityError):
            validate_url("ftp://example.com/photo.jpg")

    # expect: VC303 -- the result is kept and never checked
    def test_normalised(self):
        url = validate_url("HTTPS://Example.com")

    # expect: VC303 -- no test expects `render_page` to raise: calling it checks nothing
    def test_render(self):
        render_page("home")


# ok: VC303 -- the comment after the call says its point: that nothing raises
async def test_invalidate_missing_token(cache):
    await cache.invalidate_token("tok")  # no exception


# expect: VC303 -- a comment about error handling says nothing about what the test checks
def test_checkout_runs():
    checkout(make_order())  # no error handling here


# ok: VC303 -- pytester's line matcher fails the test when no line of the output matches
def test_option_is_listed(pytester):
    result = pytester.runpytest("--help")
    result.stdout.fnmatch_lines(["*--shots*"])


# ok: VC303 -- the hook recorder fails the test when the counts of outcomes differ
def test_inline_run_passes(pytester):
    reprec = pytester.inline_run("-k", "shots")
    reprec.assertoutcome(passed=1)


# expect: VC303 -- the outcomes are counted, never compared
def test_inline_run_counted(pytester):
    reprec = pytester.inline_run("-k", "shots")
    reprec.countoutcomes()


# expect: VC303 -- the lines are read, never matched
def test_option_output(pytester):
    result = pytester.runpytest("--help")
    lines = result.stdout.lines


# ok: VC303 -- the project's shared test helper runs the checks this file cannot show
def test_checkout_roundtrip(client):
    run_checkout_roundtrip(client, make_order())


# ok: VC303
def test_dataset_roundtrip(client):
    ds_helpers.run_dataset_add_get_entry(client, make_order())


# ok: VC303 -- a helper beside the test file
async def test_payment_methods(client):
    await exercise_every_payment_method(client)


# expect: VC303 -- a test helper that only sets something up checks nothing
def test_customer_created():
    create_customer("ada")


# expect: VC303 -- the code under test, called for nothing it returns
def test_nightly_sync():
    run_nightly_sync()


# ok: VC303 -- a benchmark: the fixture times the call, the correctness tests check it
def test_checkout_speed(benchmark):
    benchmark(checkout, make_order())


# ok: VC303 -- pytest-codspeed's mark on the test
@pytest.mark.benchmark
def test_render_speed():
    for _ in range(100):
        render_page("home")


class TestCheckoutBenchmarks:
    pytestmark = [pytest.mark.benchmark(group="checkout")]

    # ok: VC303 -- marked a benchmark by its class
    def test_many_orders(self):
        for _ in range(1_000):
            checkout(make_order())


class TestCheckoutSlow:
    pytestmark = pytest.mark.slow

    # expect: VC303 -- a mark that is no benchmark's
    def test_many_orders(self):
        for _ in range(1_000):
            checkout(make_order())


# expect: VC303 -- named for a benchmark, but nothing times it
def test_benchmark_report():
    run_nightly_sync()


# expect: VC303 -- a benchmark that shows its result to a person instead of checking it
def test_checkout_total_speed(benchmark):
    print(benchmark(checkout, make_order()))


# ok: VC303 -- expected to fail with the error it names
@pytest.mark.xfail(raises=SecurityError)
def test_refund_of_foreign_order():
    checkout(make_order()).refund_as("mallory")


# ok: VC303
@unittest.expectedFailure
def test_known_rounding_bug():
    checkout(make_order())


# ok: VC303 -- the decorator validates the class it defines, raising on a bad field
def test_frozen_order_accepts_plain_fields():
    @typing.final
    class FrozenOrder(Order):
        total: int = 0


# ok: VC303 -- subscribing a generic model builds its schema, which raises when it cannot
def test_generic_order_can_be_parametrized():
    T = typing.TypeVar("T")

    class Line(Order, typing.Generic[T]):
        item: T

    Line[int]


# expect: VC303 -- a bare class with nothing that runs when it is defined
def test_plain_class():
    class Draft:
        total = 0


# expect: VC303 -- the class is defined, then its method is called for nothing it returns
def test_defined_then_called():
    class Rush(Order):
        express = True

    Rush().total()


# ok: VC303 -- the reproduction of a reported crash
def test_checkout_of_empty_order():
    """https://github.com/shop/shop/issues/1182"""
    checkout(make_order())


# ok: VC303
def test_render_twice():
    # see #3679: the second render crashed
    render_page("home")
    render_page("home")


# ok: VC303 -- a metaclass checks the class it makes
def test_order_metaclass_on_other_class():
    class Audit(metaclass=type(Order)):
        pass


# expect: VC303 -- a number that cites no report
def test_checkout_many():
    # 25 orders at once
    checkout(make_order())


# ok: VC303 -- the module must offer these attributes: a lookup of a missing one raises
def test_public_api():
    typing.final
    ds_helpers.run_dataset_add_get_entry


# expect: VC303 -- an attribute of an object, looked up and dropped: a call forgotten, not an API check
def test_total_looked_up():
    make_order().total


# expect: VC303
def test_order_total_looked_up():
    Order.total


# ok: VC303
def test_order_pickles():
    # exact values aren't a concern so long as neither direction raises an exception
    pickle_roundtrip(make_order())


# expect: VC303 -- "neither" that says nothing about raising
def test_order_neither_paid_nor_shipped():
    # neither paid nor shipped yet
    checkout(make_order())


@pytest.fixture
def sound_store(tmp_path):
    store = Order(tmp_path)
    yield store
    assert store.integrity_ok()


# ok: VC303 -- the fixture it asks for asserts after its `yield`
def test_delete_keeps_store_sound(sound_store):
    sound_store.delete(1)


@pytest.fixture
def plain_store(tmp_path):
    return Order(tmp_path)


# expect: VC303
def test_delete_with_a_plain_fixture(plain_store):
    plain_store.delete(1)


class CountTests(unittest.TestCase):
    def test_missing(self):
        with self.assertRaises(Exception):
            Order.lookup(9999)
            self.assertEqual(Order.objects.count(), 1)

    # expect: VC303 -- `count` appears in the raises block only as what an assertion checks, not as a call expected to raise
    def test_counted(self):
        Order.objects.filter(paid=True).count()


# ok: VC303 -- every warning raises inside the block: the test checks the calls do not warn
def test_legacy_total_does_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        make_order().legacy_total()


# ok: VC303
def test_checkout_does_not_warn():
    with warnings.catch_warnings():
        warnings.filterwarnings(action="error", category=DeprecationWarning)
        checkout(make_order())


# expect: VC303 -- an "ignore" filter hides the warnings: nothing is checked
def test_legacy_total_with_warnings_ignored():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        make_order().legacy_total()
