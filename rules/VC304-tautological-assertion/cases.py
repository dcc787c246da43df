"""VC304 corpus (checked as a test file): assertions fixed by their text fire; real checks do not."""
import unittest

import pytest
from unittest import mock
from http import HTTPStatus

from rest_framework import status
from shop import checkout, make_order, parse
from uuid import UUID
from decimal import Decimal
from shop.models import Order


def test_constants():
    order = make_order()
    # expect: VC304
    assert True
    # expect: VC304
    assert 1
    # expect: VC304
    assert "order is valid"
    # expect: VC304
    assert (order.total() == 7, "wrong total")
    # expect: VC304
    assert order.total() == 7 or True
    # expect: VC304
    assert not False
    # expect: VC304 -- the test is not about `__eq__`: comparing the result with itself checks nothing
    assert order == order
    # expect: VC304
    assert order is order
    # ok: VC304
    assert order.total == order.total
    # ok: VC304
    assert order.items[0] is order.items[0]
    # expect: VC304
    assert 7 == 7
    # expect: VC304
    assert isinstance(order, object)
    # expect: VC304
    assert len(order.items) >= 0
    # expect: VC304
    assert [order]
    # expect: VC304
    assert f"total: {order.total()}"
    # ok: VC304
    assert order.total() == 7
    # ok: VC304
    assert order.total() == 7, "wrong total"
    # ok: VC304
    assert order
    # ok: VC304
    assert hash(order) == hash(order)
    # ok: VC304
    assert isinstance(order, dict)
    # ok: VC304
    assert len(order.items) >= 1
    # ok: VC304
    assert order.total() or order.discount
    # ok: VC304
    assert not order.items
    # ok: VC304
    assert order.total() == order.subtotal() + order.tax()


def test_equality_is_reflexive():
    """A class's own `__eq__`/`__le__` is the code under test here (attrs tests its generated methods this way)."""
    a, b = make_order(), make_order()
    # ok: VC304
    assert a == a
    # ok: VC304
    assert a <= a


def test_create_order(client):
    response = client.post("/orders", json={"item": "book"})
    # expect: VC304
    assert response
    # expect: VC304
    assert response is not None
    # ok: VC304
    assert response.status_code == 201


async def test_list_orders(async_client, session):
    response = await async_client.get("/orders")
    # expect: VC304
    assert response is not None
    # ok: VC304
    assert response.json() == []
    response = session.get("https://example.com/orders")
    # ok: VC304
    assert response
    upstream = session.get("https://example.com/orders")
    # ok: VC304
    assert upstream


def test_create_with_fixture_client(api):
    response = api.post("/bookmarks/", {"title": "Z"}, format="json")
    # expect: VC304 -- `format="json"` is DRF's test client, whatever the fixture is called
    assert response


def test_create_with_admin_client(admin_client):
    response = admin_client.post("/admin/auth/user/add/", {"username": "z"}, follow=True)
    # expect: VC304
    assert response


def test_requests_session_keyword(session):
    response = session.get("https://example.com/orders", timeout=5)
    # ok: VC304 -- a `requests` response is false on an error status
    assert response


def test_flask_client(app):
    result = app.test_client().get("/health")
    # expect: VC304
    assert result
    result = parse(result)
    # ok: VC304
    assert result


def test_deliberate_failure_is_not_a_tautology():
    # ok: VC304
    assert False, "unreachable"
    # ok: VC304
    assert 0


class OrderCase(unittest.TestCase):
    def test_unittest_forms(self):
        order = make_order()
        # expect: VC304
        self.assertTrue(True)
        # expect: VC304
        self.assertFalse(None)
        # ok: VC304
        self.assertEqual(order.total, order.total)
        # expect: VC304
        self.assertEqual(1, 1)
        # expect: VC304
        self.assertIsInstance(order, object)
        # expect: VC304
        self.assertIsNotNone("order")
        # expect: VC304
        self.assertEqual(order, order)
        # expect: VC304
        self.assertTrue(order == order)
        # expect: VC304
        self.assertTrue(order.total() == 7 or True)
        # expect: VC304
        self.assertIs(order, order)
        response = self.client.get("/orders/1")
        # expect: VC304
        self.assertTrue(response)
        # expect: VC304
        self.assertIsNotNone(response)
        # ok: VC304
        self.assertEqual(response.status_code, 200)
        # ok: VC304
        self.assertTrue(order.paid)
        # ok: VC304
        self.assertEqual(order.total(), 7)
        # ok: VC304
        self.assertIsNotNone(order.id)
        # ok: VC304
        self.assertFalse(order.items)


def test_parse_result():
    result = parse("1 + 2")
    # expect: VC304
    assert result == result
    # expect: VC304
    assert result >= result
    # ok: VC304
    assert result == parse("1 + 2")
    # ok: VC304
    assert result != result


def test_retries_give_up(queue):
    push_with_limit(queue, {"id": 1}, attempts=2)
    # expect: VC304 -- what the mock recorded, compared with itself
    assert queue.rpush.call_count == queue.rpush.call_count
    # ok: VC304
    assert queue.rpush.call_count == 2
    # ok: VC304 -- an attribute that is not a mock's record may be a property that runs code each time it is read
    assert queue.size == queue.size


class TestRetries(unittest.TestCase):
    def test_gives_up(self):
        queue = mock.Mock()
        push_with_limit(queue, {"id": 1}, attempts=2)
        # expect: VC304
        self.assertEqual(queue.rpush.call_args_list, queue.rpush.call_args_list)


def test_exception_classes(make_error):
    first, second = make_error(1), make_error(2)
    # ok: VC304 -- the test also compares `first` with `second`: their comparisons are under test
    assert first == first
    assert first != second


class TestOrderEquality:
    def test_reflexive(self):
        order = make_order()
        # ok: VC304 -- the class is about equality: `__eq__` is the code under test
        assert order == order


def test_status_checks_that_accept_failure(client):
    response = client.post("/login", data={"user": "ada", "password": "wrong"})
    # expect: VC304
    assert response.status_code in (200, 500)
    # expect: VC304
    assert response.status_code in [200, 201, 400, 401, 403]
    # expect: VC304
    assert response.status_code < 600
    # expect: VC304
    assert response.status_code != 500
    # expect: VC304
    assert 100 <= response.status_code < 600
    # expect: VC304
    assert response.status_code in range(200, 500)
    # expect: VC304
    assert response.status_code in (status.HTTP_200_OK, status.HTTP_404_NOT_FOUND)
    # expect: VC304
    assert response.status_code in {HTTPStatus.OK, HTTPStatus.INTERNAL_SERVER_ERROR}
    # expect: VC304
    assert response.status_code
    # expect: VC304
    assert response.ok or True
    # expect: VC304
    assert 600 > response.status_code


def test_status_checks_that_tell_failure_apart(client):
    response = client.post("/login", data={"user": "ada", "password": "wrong"})
    # ok: VC304
    assert response.status_code in (401, 403)
    # ok: VC304
    assert response.status_code in (200, 201, 204)
    # ok: VC304
    assert response.status_code in (301, 302)
    # ok: VC304
    assert response.status_code >= 400
    # ok: VC304
    assert response.status_code < 400
    # ok: VC304
    assert 200 <= response.status_code < 300
    # ok: VC304
    assert response.status_code in (status.HTTP_400_BAD_REQUEST, status.HTTP_422_UNPROCESSABLE_ENTITY)
    # ok: VC304
    assert response.status_code in {HTTPStatus.UNAUTHORIZED, HTTPStatus.GONE}
    # ok: VC304
    assert response.status_code in allowed_statuses
    # ok: VC304
    assert response.ok


class StatusCase(unittest.TestCase):
    def test_unittest_status_checks(self):
        response = self.client.get("/orders/1")
        # expect: VC304
        self.assertIn(response.status_code, (200, 404))
        # expect: VC304
        self.assertLess(response.status_code, 600)
        # expect: VC304
        self.assertNotEqual(response.status_code, 500)
        # expect: VC304
        self.assertTrue(response.status_code in (200, 500))
        # ok: VC304
        self.assertIn(response.status_code, (200, 201))
        # ok: VC304
        self.assertGreaterEqual(response.status_code, 400)
        # ok: VC304
        self.assertNotIn(response.status_code, range(200, 300))
        # ok: VC304
        self.assertEqual(response.status_code, 200)


def test_either_outcome_passes():
    result = compute()
    # expect: VC304
    assert result is None or result is not None
    # expect: VC304
    assert isinstance(result, dict) or not isinstance(result, dict)
    # expect: VC304
    assert result.ok or result.count > 0 or not result.ok
    # expect: VC304
    assert len(result) < 3 or len(result) >= 3
    self_check = result == 1
    # expect: VC304
    assert self_check or not self_check
    # ok: VC304 -- two different conditions: the first may be false and the second too
    assert result is None or result.count > 0
    # ok: VC304 -- different operands
    assert result.start is None or result.end is not None
    # ok: VC304 -- an `and`, not an `or`: it fails unless both hold
    assert result is not None and result.count > 0
    # ok: VC304
    assert result == 1 or result != 2


def test_mock_assertions_never_made():
    notifier = mock.Mock()
    send = mock.Mock()
    result = checkout(make_order(), notifier, send)
    assert result.ok
    # expect: VC304 -- no parentheses: the method is looked up, not called
    notifier.notify.assert_called_once
    # expect: VC304
    send.assert_called_once_with
    # expect: VC304 -- `called_once_with` is no assertion: the mock invents it
    notifier.notify.called_once_with(result)
    # expect: VC304
    assert send.called_with(result)
    # expect: VC304
    send.has_calls([mock.call(result)])
    # expect: VC304 -- a bound method is always true
    assert notifier.notify.assert_called


def test_mock_assertions_made():
    notifier = mock.Mock()
    result = checkout(make_order(), notifier)
    # ok: VC304
    notifier.notify.assert_called_once_with(result)
    # ok: VC304
    notifier.notify.assert_has_calls([mock.call(result)])
    # ok: VC304
    assert notifier.notify.called
    # ok: VC304
    assert notifier.notify.call_count == 1
    # ok: VC304 -- a real attribute read in a comparison, not a call
    assert notifier.called_with == {"order": result}


def test_literal_types():
    # expect: VC304
    assert isinstance({}, dict)
    # expect: VC304
    assert isinstance([1, 2], (list, tuple))
    # expect: VC304
    assert isinstance("abc", str)
    # expect: VC304
    assert isinstance(b"raw", bytes)


class LiteralTypeTests(unittest.TestCase):
    def test_literal(self):
        # expect: VC304
        self.assertIsInstance({"a": 1}, dict)
        # expect: VC304
        self.assertTrue(isinstance(3, int))
        # ok: VC304 -- the value the code under test returned
        self.assertIsInstance(parse("{}"), dict)

    def test_constructed(self):
        cart = checkout.Cart(items=[])
        # expect: VC304
        self.assertIsNotNone(cart)
        # expect: VC304
        self.assertIsInstance(cart, checkout.Cart)


def test_literal_types_near_misses():
    result = parse("{}")
    # ok: VC304
    assert isinstance(result, dict)
    # ok: VC304 -- a literal of another type: this fails, it does not pass vacuously
    assert isinstance({}, list)
    # ok: VC304 -- a bytes literal is no `str`
    assert isinstance(b"raw", str)


def test_constructed_objects():
    order = make_order()
    receipt = checkout.Receipt(order)
    # expect: VC304
    assert receipt is not None
    # expect: VC304
    assert isinstance(receipt, checkout.Receipt)
    # ok: VC304 -- an object may define `__bool__` or `__len__`
    assert receipt
    # ok: VC304 -- a subclass check the constructor does not settle
    assert isinstance(receipt, checkout.Printable)
    # ok: VC304 -- a factory function may return None
    assert order is not None
    receipt = receipt.finalise()
    # ok: VC304 -- rebound to what a method returned
    assert receipt is not None
    # ok: VC304 -- an alternative constructor may return None
    loaded = checkout.Receipt.load("r-1")
    assert loaded is not None
    # ok: VC304 -- the object built is called in turn, and may return anything
    response = checkout.Middleware(order)(receipt)
    assert response is not None
    # ok: VC304 -- a constant's call (`UUID`, `DEFAULTS`) is not read as a class
    ident = UUID("12345678123456781234567812345678")
    assert ident is not None


def test_registry_after_cancel():
    checkout.cancel("none")
    # expect: VC304
    assert checkout.JOBS == checkout.JOBS


def test_registry_attribute_against_expected():
    checkout.cancel("none")
    # ok: VC304
    assert checkout.JOBS == {}


def test_local_object_attribute_read_twice(client):
    # ok: VC304 -- a property may change between reads
    assert client.session.token == client.session.token


def test_field_given_to_the_object_built():
    invoice = checkout.Invoice(total=Decimal("1.10"), currency="EUR")
    # expect: VC304 -- `total` was given to the class's call: the object stores it
    assert invoice.total == invoice.total
    # ok: VC304 -- `due_date` was not given: it may be a property computed on each read
    assert invoice.due_date == invoice.due_date
    order = Order.objects.create(total=3)
    # ok: VC304 -- a manager may build a subclass whose field is computed
    assert order.total == order.total
    # ok: VC304 -- another object's field
    assert invoice.total == order.total


class TestOrders(unittest.TestCase):
    def test_export_rejects_missing_owner(self):
        # expect: VC304
        self.assertRaises(TypeError)
        checkout.export()

    def test_export_rejects_with_callable(self):
        # ok: VC304
        self.assertRaises(TypeError, checkout.export)

    def test_export_warns_regex_with_callable(self):
        # ok: VC304
        self.assertWarnsRegex(DeprecationWarning, "old", checkout.export, "x")

    def test_rows_with_message_as_value(self):
        rows = checkout.export("bob")
        # expect: VC304
        self.assertTrue(rows, [{"total": 3}])

    def test_status_with_message(self):
        rows = checkout.export("bob")
        # ok: VC304 -- a real failure message
        self.assertTrue(rows, "export returned nothing")

    def test_headers_are_stripped(self, headers):
        for key, value in headers.items():
            # ok: VC304 -- the first argument is a comparison: the tuple shows the pair that failed
            self.assertTrue(value == value.strip(), (key, value))

    def test_prefix_of_expected(self, expected, got):
        # ok: VC304 -- a predicate's answer, with the two texts as the message
        self.assertTrue(expected.startswith(got), (expected, got))

    def test_total_with_expected_list(self):
        totals = checkout.totals("bob")
        # expect: VC304 -- a value, not a test: `[3, 4]` was meant as the expected value
        self.assertTrue(totals, [3, 4])

    def test_issue_count_with_expected(self):
        # expect: VC304 -- `issues()` is no predicate (`is` + `sues`)
        self.assertTrue(checkout.issues("bob"), [])

    def test_status_with_message_name(self, message="no rows"):
        # ok: VC304
        self.assertTrue(checkout.export("bob"), message)

    def test_created_order_exists(self):
        order = make_order.Order.objects.create(total=5)
        # expect: VC304
        self.assertIsNotNone(order)

    def test_first_order_exists(self):
        order = make_order.Order.objects.first()
        # ok: VC304 -- `first()` returns None on an empty table
        self.assertIsNotNone(order)

    def test_message_kept_after_block(self):
        with self.assertRaises(ValueError) as caught:
            parse("bad")
        # ok: VC304
        self.assertIn("bad", str(caught.exception))

    def test_message_checked_inside_block(self):
        with self.assertRaises(ValueError) as caught:
            parse("bad")
            # expect: VC304
            self.assertIn("bad", str(caught.exception))


def test_raises_on_its_own_line():
    # expect: VC304
    pytest.raises(ValueError)
    parse("bad")


def test_raises_with_callable():
    # ok: VC304
    pytest.raises(ValueError, parse, "bad")


def test_raises_with_unpacked_arguments(case):
    # ok: VC304 -- the callable may be in `case`
    pytest.raises(*case)


def test_excinfo_read_inside_block():
    with pytest.raises(ValueError) as excinfo:
        parse("bad")
        # expect: VC304
        assert "bad" in str(excinfo.value)


def test_excinfo_read_after_block():
    with pytest.raises(ValueError) as excinfo:
        parse("bad")
    # ok: VC304
    assert "bad" in str(excinfo.value)


def test_assert_inside_raises_block_without_excinfo():
    with pytest.raises(ValueError):
        # ok: VC304 -- the assertion's own call is what raises
        assert parse("bad")


def test_mock_call_count(gateway):
    checkout.pay(gateway)
    # expect: VC304
    assert gateway.charge.call_count >= 0


def test_rows_count(rows):
    # expect: VC304
    assert rows.count("x") >= 0


def test_counting_function():
    # expect: VC304
    assert checkout.count_open_orders() >= 0


def test_count_attribute(cursor):
    checkout.pay(cursor)
    # expect: VC304
    assert cursor.rowCount >= 0


def test_balance_never_negative(account):
    # ok: VC304 -- a balance can be negative
    assert account.balance >= 0


def test_mock_call_count_real(gateway):
    checkout.pay(gateway)
    # ok: VC304
    assert gateway.charge.call_count >= 1


def test_frame_after_parse():
    frame = parse("a,b\n1,2")
    # expect: VC304
    assert frame.equals(frame)


def test_frame_matches_expected():
    frame = parse("a,b\n1,2")
    expected = parse("a,b\n1,2")
    # ok: VC304 -- two values, one parser: a determinism check
    assert frame.equals(expected)


def test_array_after_parse(np):
    values = parse("1 2 3")
    # expect: VC304
    np.testing.assert_array_equal(values, values)


def test_snapshot_is_the_result():
    report = parse("a")
    snapshot = report
    # expect: VC304
    assert report == snapshot


def test_snapshot_rebound_before_check():
    report = parse("a")
    snapshot = report
    report = parse("b")
    # ok: VC304
    assert report != snapshot


def test_snapshot_alias_unittest_style():
    expected = parse("a")
    result = expected
    # expect: VC304
    unittest.TestCase().assertEqual(result, expected)


class TestFlags(unittest.TestCase):
    def test_flag_set_by_callback(self):
        cancelled = False

        def on_cancel():
            nonlocal cancelled
            cancelled = True

        checkout.cancel(on_cancel)
        expected = False
        # ok: VC304 -- a name bound to a constant is no alias of another value
        self.assertIs(cancelled, expected)

    def test_proxy_manager_builds_its_class(self):
        order = make_order.ProxyOrder.objects.create(total=5)
        # ok: VC304 -- a manager may build a subclass: its type is what the test checks
        self.assertIsInstance(order, make_order.ProxyOrder)


class TestItemText(unittest.TestCase):
    def test_item_text(self):
        item = make_order.Item(sku="a")
        # expect: VC304
        self.assertEqual(repr(item), repr(item))

    def test_item_text_matches(self):
        item = make_order.Item(sku="a")
        # ok: VC304
        self.assertEqual(str(item), "a")


def test_item_length():
    item = make_order.Item(sku="a")
    # expect: VC304
    assert len(item) == len(item)


def test_generator_read_twice():
    items = make_order.stream()
    # ok: VC304 -- a second `list(...)` of an iterator may differ
    assert list(items) == list(items)


class TestClientFactory(unittest.TestCase):
    def get_http_client(self):
        client = checkout.HttpClient(force_instance=True)
        # ok: VC304 -- a helper checks what it hands out: a class whose `__new__` picks the implementation may build another
        self.assertTrue(isinstance(client, checkout.HttpClient))
        return client

    def get_session(self):
        client = checkout.HttpClient(force_instance=True)
        # ok: VC304
        assert isinstance(client, checkout.HttpClient)
        return client

    def get_session_of(self):
        client = checkout.HttpClient(force_instance=True)
        # expect: VC304 -- the object built is not what the helper returns
        assert isinstance(client, checkout.HttpClient)
        return client.session

    def get_checked_client(self):
        client = checkout.HttpClient(force_instance=True)
        # expect: VC304 -- a presence check: a constructor never returns None
        self.assertIsNotNone(client)
        return client

    def test_client_type(self):
        client = checkout.HttpClient(force_instance=True)
        # expect: VC304
        self.assertIsInstance(client, checkout.HttpClient)


def test_score_is_a_probability():
    score = checkout("cart-1").score
    # expect: VC304 -- `or` where `and` was meant: every number passes
    assert score >= 0.0 or score <= 1.0
    # expect: VC304
    assert score > -1 or score < 0
    # expect: VC304 -- the bounds meet at 5, which the first one includes
    assert score >= 5 or score < 5
    # ok: VC304 -- a range check
    assert score >= 0.0 and score <= 1.0
    # ok: VC304 -- a chained range check
    assert 0.0 <= score <= 1.0
    # ok: VC304 -- outside a band: 0.5 fails it
    assert score < 0.1 or score > 0.9
    # ok: VC304 -- strict on both sides at one point: 5 fails it
    assert score > 5 or score < 5
    # ok: VC304 -- bounds on two different values
    assert score >= 0.0 or make_order().total <= 1.0


def test_detail_by_url(client, order_url):
    response = client.get(order_url)
    # expect: VC304 -- a test client asked for a URL
    assert response is not None


def test_token_in_cache(backend):
    token = backend.client.get(backend.key_for("order-1"))
    # ok: VC304 -- a cache client answers `None` for a missing key
    assert token is not None
    cached = backend.client.get(cache_key)
    # ok: VC304
    assert cached is not None


def test_capture_result_equality():
    cr = CaptureResult("out", "err")
    # ok: VC304 -- the test compares it with other objects: its `__eq__` is under test
    assert cr == cr
    assert cr == CaptureResult("out", "err")
    assert cr != CaptureResult("wrong", "err")


def test_total_twice():
    total = checkout(make_order()).total
    # expect: VC304 -- compared with a literal elsewhere, it is still compared with itself here
    assert total == total
    assert total == 7


async def test_one_request_at_a_time(session):
    current = None

    async def request(order_id):
        nonlocal current
        current = order_id
        await session.get(f"/orders/{order_id}")
        # ok: VC304 -- shared with the other requests, which may rebind it during the `await`
        assert current == order_id

    await request(1)


def test_snapshot_aliased(buf):
    before = buf
    buf.extend(b"more")
    # expect: VC304
    assert buf == before


def test_warns_rejects_none():
    with pytest.raises(TypeError):
        # ok: VC304 -- the call itself is expected to raise
        pytest.warns(None)
    with mock.patch("shop.clock"):
        # expect: VC304 -- not in a block that expects a raise
        pytest.warns(UserWarning)


def test_cli_runs(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["run", str(tmp_path)])
    # expect: VC304 -- click's `Result` is truthy whatever the exit code
    assert result
    runner = CliRunner()
    outcome = runner.invoke(cli, ["report"])
    # expect: VC304
    assert outcome is not None
    # ok: VC304
    assert outcome.exit_code == 0


def test_task_invoked(celery_task):
    result = celery_task.invoke("x")
    # ok: VC304 -- not a command-line runner
    assert result


def test_response_status_read_twice(client):
    resp = client.get("/orders")
    # expect: VC304
    assert resp.status_code == resp.status_code


class ResponseReadTwiceTests(unittest.TestCase):
    def test_index(self):
        response = self.client.get("/polls/")
        # expect: VC304
        self.assertEqual(response.status_code, response.status_code)
        # ok: VC304
        self.assertEqual(response.status_code, 200)


def run_cli(runner, *args):
    return runner.invoke(checkout, list(args))


def test_result_of_a_helper_that_runs_the_cli(runner):
    result = run_cli(runner, "add", "x")
    # expect: VC304
    assert result
    # expect: VC304
    assert result.exit_code == result.exit_code
    # expect: VC304
    assert "Added" in result.output or result.exit_code
    # ok: VC304
    assert result.exit_code == 0 or "already there" in result.output


def test_status_joined_by_or(client):
    resp = client.get("/orders")
    # expect: VC304
    assert "orders" in resp.text or resp.status_code


def test_mock_answer_read_back():
    session = mock.MagicMock()
    session.get.return_value.json.return_value = {"id": 1}
    checkout(session)
    # expect: VC304
    assert session.get.return_value.json.return_value == {"id": 1}
    # expect: VC304
    assert session.get.return_value is not None
    # ok: VC304 -- the code under test handed back what the mock answered
    assert checkout(session) is session.get.return_value
    # ok: VC304 -- what the code did with the mock's answer
    assert session.get.return_value.close.called


class MockAnswerTests(unittest.TestCase):
    def test_answer_present(self):
        mailer = mock.MagicMock()
        checkout(mailer)
        # expect: VC304
        self.assertIsNotNone(mailer.send.return_value)
        # expect: VC304
        self.assertTrue(mailer.send.called_once_with("ops@example.com"))

    def test_predicate_never_none(self):
        order = make_order()
        # expect: VC304
        self.assertIsNotNone(order.was_paid_recently())
        # expect: VC304
        assert order.is_paid() is not None
        # ok: VC304
        self.assertIs(order.was_paid_recently(), False)


async def test_coroutine_not_awaited(repo):
    await repo.add("alice", "rent")
    # expect: VC304
    assert repo.get_for("alice", 1)
    # ok: VC304 -- awaited
    assert await repo.get_for("alice", 1) == "rent"
    # ok: VC304 -- the file never awaits `repo.count`: a plain method
    assert repo.count("alice")


def test_assertion_after_the_raising_call():
    with pytest.raises(ValueError):
        tags = parse("a # b")
        # expect: VC304
        assert tags == []


def test_explicit_failure_after_the_raising_call():
    with pytest.raises(ValueError):
        parse("a b")
        # ok: VC304 -- fails the test when the call does not raise, as meant
        assert False, "parse accepted a space"


def test_setup_then_assertion_then_raising_call():
    with pytest.raises(ValueError):
        order = make_order()
        # ok: VC304 -- runs: the call that raises comes after it
        assert order.total() == 0
        order.pay(-1)


class RaisingCallTests(unittest.TestCase):
    def test_overship(self):
        order = make_order()
        with self.assertRaises(ValueError):
            order.pay(-1)
            # expect: VC304
            self.assertEqual(order.total(), 0)


def test_job_state_joined_by_or():
    job = make_order()
    # ok: VC304 -- a job's `status` may be `None` or a word: not a status code
    assert job.done or job.status


def test_pattern_found():
    import re

    # ok: VC304 -- `re.search` answers with a match or `None`
    assert re.search(r"\d+", str(make_order())) is not None


def test_cli_exit_status_either_way(runner):
    result = runner.invoke(cli, ["push"])
    # expect: VC304
    assert result.exit_code in (0, 1)


def test_process_exit_status_either_way(proc):
    # expect: VC304
    assert proc.returncode in [0, 2]


def test_linter_run_read_by_its_report(runner):
    result = runner.invoke(cli, ["check", "."])
    # ok: VC304 -- status 1 means "findings" here: what the command printed is the verdict, 0 or 1 only rules out a crash
    assert result.exit_code in (0, 1)
    assert "3 findings" in result.output


def test_cli_status_either_way_beside_another_commands_output(runner):
    setup = runner.invoke(cli, ["init"])
    result = runner.invoke(cli, ["push"])
    print(setup.output)
    # expect: VC304
    assert result.exit_code in (0, 1)


def test_cli_failure_statuses(runner):
    result = runner.invoke(cli, ["push"])
    # ok: VC304 -- click's usage error or a ClickException: both are failures
    assert result.exit_code in (1, 2)


class TestExitStatus(unittest.TestCase):
    def test_either_way(self):
        result = run_cli(["push"])
        # expect: VC304
        self.assertIn(result.exit_code, (0, 1))

    def test_either_way_then_the_report(self):
        result = run_cli(["check"])
        # ok: VC304 -- the report printed is checked
        self.assertIn(result.exit_code, (0, 1))
        self.assertIn("no findings", result.stdout)
