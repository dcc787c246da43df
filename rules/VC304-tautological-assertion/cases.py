"""VC304 corpus (checked as a test file): assertions fixed by their text fire; real checks do not."""
import unittest

from shop import make_order, parse


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
    # ok: VC304
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
        # ok: VC304
        self.assertEqual(order, order)
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
