import unittest
from decimal import Decimal

from stockledger import InsufficientStock, Ledger
from tests.support import LedgerAssertions, make_ledger


class ReceiveTests(unittest.TestCase):
    def setUp(self):
        self.ledger = Ledger()
        self.ledger.receive("BOLT-M6", 10, "0.05")

    # expect: VC303
    def test_receive_adds_stock(self):
        self.ledger.receive("BOLT-M6", 5, "0.05")

    def test_receive_returns_movement(self):
        movement = self.ledger.receive("NUT-M6", 3)
        # expect: VC310
        self.assertIsNotNone(movement)

    def test_ledger_exists(self):
        # expect: VC310
        self.assertTrue(self.ledger)

    def test_balance_after_receipt(self):
        balance = self.ledger.balance("BOLT-M6")
        # expect: VC304
        self.assertEqual(balance, balance)

    def test_receipt_is_flagged(self):
        movement = self.ledger.receive("NUT-M6", 3)
        # ok: VC310
        self.assertTrue(movement.is_receipt)

    def test_rejects_zero_quantity(self):
        # ok: VC303
        with self.assertRaisesRegex(ValueError, "must be positive"):
            self.ledger.receive("BOLT-M6", 0)


class ShipTests(LedgerAssertions, unittest.TestCase):
    def setUp(self):
        self.ledger = make_ledger()

    # ok: VC303 -- the mixin's assertBalances asserts
    def test_ship_reduces_balance(self):
        self.ledger.ship("BOLT-M6", 30)
        self.assertBalances(self.ledger, {"BOLT-M6": 70, "NUT-M6": 40})

    def test_cannot_ship_more_than_on_hand(self):
        with self.assertRaises(InsufficientStock) as ctx:
            self.ledger.ship("NUT-M6", 41)
        # ok: VC303
        self.assertEqual(ctx.exception.available, 40)

    def test_overship_keeps_balance(self):
        # expect: VC305
        with self.assertRaises(Exception):
            self.ledger.ship("NUT-M6", 41)
            # expect: VC304 -- marked after the first run: the assertion after the raising call never runs
            self.assertEqual(self.ledger.balance("NUT-M6"), 40)

    def test_overship_message(self):
        with self.assertRaises(InsufficientStock):
            self.ledger.ship("BOLT-M6", 500)
            # expect: VC303/VC304/VC305
            self.assertIn("only 100", str(self.ledger.history()[-1]))

    def test_ship_unknown_sku(self):
        try:
            self.ledger.ship("WASHER", 1)
        except InsufficientStock as exc:
            self.assertEqual(exc.available, 0)
        else:
            # ok: VC305
            self.fail("shipping an unknown SKU should raise")

    def test_history_is_recorded(self):
        self.ledger.ship("BOLT-M6", 1)
        try:
            self.assertEqual(len(self.ledger.history()), 3)
        # expect: VC305
        except AssertionError:
            pass

    def test_ship_all_empties_sku(self):
        self.ledger.ship("BOLT-M6", 100)
        self.ledger.ship("NUT-M6", 40)
        # ok: VC310
        self.assertTrue(self.ledger.is_empty())
        self.assertEqual(self.ledger.skus(), [])

    def test_shipments_are_negative(self):
        fresh = Ledger()
        # expect: VC311
        for movement in fresh.history():
            self.assertLess(movement.qty, 0)

    def test_each_sku_listed(self):
        for sku in ["BOLT-M6", "NUT-M6"]:
            with self.subTest(sku=sku):
                # ok: VC311
                self.assertIn(sku, self.ledger.skus())

    # expect: VC306
    @unittest.skip("")
    def test_ship_in_bulk(self):
        self.ledger.ship("BOLT-M6", 100)
        self.assertEqual(self.ledger.balance("BOLT-M6"), 0)

    # ok: VC306
    @unittest.skip("bulk shipments land in 0.3 (issue #41)")
    def test_ship_partial_layers(self):
        self.ledger.ship("BOLT-M6", 150)

    # expect: VC303
    def test_print_history(self):
        self.ledger.ship("BOLT-M6", 5)
        for movement in self.ledger.history():
            print(movement.sku, movement.qty, movement.unit_cost)

    def test_cost_is_decimal(self):
        movement = self.ledger.history("BOLT-M6")[0]
        # ok: VC304
        self.assertEqual(movement.unit_cost, Decimal("0.05"))


if __name__ == "__main__":
    unittest.main()
