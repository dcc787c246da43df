import unittest
from decimal import Decimal

from stockledger import Ledger, fifo_cost, reorder_point


class FifoCostTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ledger = Ledger()
        cls.ledger.receive("GEAR", 10, "2.00")
        cls.ledger.receive("GEAR", 10, "3.00")
        cls.ledger.ship("GEAR", 15)

    def test_fifo_takes_oldest_first(self):
        self.assertEqual(fifo_cost(self.ledger, "GEAR"), Decimal("15.00"))

    def test_fifo_of_unknown_sku(self):
        cost = fifo_cost(self.ledger, "NOPE")
        # expect: VC310
        self.assertIsNotNone(cost)

    # expect: VC303
    def test_fifo_runs(self):
        fifo_cost(self.ledger, "GEAR")


class ReorderPointTests(unittest.TestCase):
    def test_reorder_point(self):
        cases = [(4.0, 5, 0, 20), (2.5, 3, 2, 10), (0, 10, 5, 5)]
        for demand, lead, safety, expected in cases:
            with self.subTest(demand=demand, lead=lead):
                self.assertEqual(reorder_point(demand, lead, safety), expected)

    def test_negative_demand(self):
        # ok: VC303
        self.assertRaises(ValueError, reorder_point, -1, 5)

    def test_negative_lead_time(self):
        # expect: VC305
        with self.assertRaises(Exception):
            point = reorder_point(1.0, -2)
            # expect: VC304 -- marked after the first run: the assertion after the raising call never runs
            self.assertEqual(point, 0)

    def test_reorder_is_positive(self):
        point = reorder_point(3.0, 7)
        # expect: VC304
        self.assertTrue(point >= 0 or point < 0)

    def test_reorder_with_safety(self):
        point = reorder_point(1.0, 1, safety_stock=4)
        # expect: VC311
        if point:
            self.assertEqual(point, 5)

    # ok: VC306 -- corrected after the first run: `expectedFailure` takes no reason and is strict (an unexpected success fails the run)
    @unittest.expectedFailure
    def test_fractional_demand_rounds_up(self):
        self.assertEqual(reorder_point(0.4, 1), 1)
