import tempfile
import unittest
from pathlib import Path
from unittest import mock
from unittest.mock import MagicMock, call, patch

from stockledger import alerts
from stockledger.alerts import low_stock, notify_low_stock
from stockledger.storage import load_ledger, save_ledger
from tests.support import make_ledger


class NotifyTests(unittest.TestCase):
    def setUp(self):
        self.ledger = make_ledger()
        self.mailer = MagicMock()

    def test_sends_one_mail_for_short_items(self):
        count = notify_low_stock(self.ledger, {"NUT-M6": 50, "BOLT-M6": 10}, self.mailer, "ops@example.com")
        self.assertEqual(count, 1)
        # ok: VC308
        self.mailer.send.assert_called_once_with("ops@example.com", "Low stock: 1 items", "NUT-M6: 40 left")

    def test_no_mail_when_stocked(self):
        notify_low_stock(self.ledger, {"NUT-M6": 5}, self.mailer, "ops@example.com")
        # ok: VC308
        self.mailer.send.assert_not_called()

    def test_mail_arguments(self):
        notify_low_stock(self.ledger, {"BOLT-M6": 500}, self.mailer, "ops@example.com")
        # ok: VC308
        self.assertEqual(self.mailer.send.call_args, call("ops@example.com", "Low stock: 1 items", "BOLT-M6: 100 left"))

    def test_mail_is_sent(self):
        notify_low_stock(self.ledger, {"NUT-M6": 50}, self.mailer, "ops@example.com")
        # expect: VC304
        self.mailer.send.assert_called

    def test_mail_sent_once(self):
        notify_low_stock(self.ledger, {"NUT-M6": 50}, self.mailer, "ops@example.com")
        # expect: VC304
        self.assertTrue(self.mailer.send.called_once_with("ops@example.com", mock.ANY, mock.ANY))

    def test_mail_has_body(self):
        notify_low_stock(self.ledger, {"NUT-M6": 50}, self.mailer, "ops@example.com")
        # expect: VC304/VC308/VC310
        self.assertIsNotNone(self.mailer.send.return_value)

    # expect: VC308
    def test_mailer_send(self):
        mailer = MagicMock()
        mailer.send.return_value = None
        mailer.send("ops@example.com", "Low stock: 2 items", "BOLT-M6: 1 left")
        mailer.send.assert_called_once_with("ops@example.com", "Low stock: 2 items", "BOLT-M6: 1 left")

    # expect: VC308
    def test_low_stock_patched(self):
        with patch.object(alerts, "low_stock", return_value={"NUT-M6": 1}) as fake:
            result = fake(self.ledger, {"NUT-M6": 5})
        self.assertEqual(result, {"NUT-M6": 1})

    def test_low_stock_lists_short_skus(self):
        # ok: VC304
        self.assertEqual(low_stock(self.ledger, {"NUT-M6": 50, "BOLT-M6": 1}), {"NUT-M6": 40})

    def test_notify_returns_count(self):
        count = notify_low_stock(self.ledger, {"NUT-M6": 50, "BOLT-M6": 500}, self.mailer, "ops@example.com")
        # expect: VC310
        self.assertTrue(count)


class StorageTests(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self._tmp.cleanup)
        self.path = Path(self._tmp.name) / "ledger.json"

    def test_round_trip(self):
        ledger = make_ledger()
        save_ledger(ledger, self.path)
        loaded = load_ledger(self.path)
        self.assertEqual(loaded.balance("BOLT-M6"), 100)
        self.assertEqual(len(loaded.history()), 2)

    def test_missing_file(self):
        # ok: VC310
        self.assertIsNone(load_ledger(self.path))

    def test_load_saved(self):
        save_ledger(make_ledger(), self.path)
        loaded = load_ledger(self.path)
        # expect: VC310
        self.assertIsNotNone(loaded)

    # expect: VC303
    def test_save_writes_file(self):
        save_ledger(make_ledger(), self.path)
        self.path.exists()

    # expect: VC303
    def test_corrupt_file(self):
        self.path.write_text("{not json", encoding="utf-8")
        try:
            load_ledger(self.path)
        # expect: VC305
        except Exception:
            pass
