"""VC304 corpus (checked as a test file): assertions fixed by their text fire; real checks do not."""
import unittest

from shop import make_order


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
    # expect: VC304
    assert order == order
    # expect: VC304
    assert order.items[0] is order.items[0]
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
        # expect: VC304
        self.assertEqual(order.total, order.total)
        # expect: VC304
        self.assertIsInstance(order, object)
        # expect: VC304
        self.assertIsNotNone("order")
        # ok: VC304
        self.assertTrue(order.paid)
        # ok: VC304
        self.assertEqual(order.total(), 7)
        # ok: VC304
        self.assertIsNotNone(order.id)
        # ok: VC304
        self.assertFalse(order.items)
