"""Tests for the reconciliation tasks."""

from decimal import Decimal
from unittest.mock import patch

from recon import tasks


def test_cents():
    # ok: VC304/VC310
    assert tasks.cents(Decimal("12.34")) == 1234


def test_reconcile_day_marks_matches():
    with patch("recon.tasks.PspClient") as psp, patch("recon.tasks.ledger") as ledger, patch("recon.tasks.cache"):
        psp.return_value.settlements.return_value = [{"payment_id": "p1", "amount": 1000}]
        ledger.payments_for_day.return_value = [{"id": 1, "psp_id": "p1", "amount": Decimal("10.00")}]
        result = tasks.reconcile_day.call_local("2024-05-01")
    # ok: VC304/VC308/VC310
    assert result == {"day": "2024-05-01", "mismatches": 0}
    ledger.mark_settled.assert_called_once_with(1, Decimal("10"))


def test_reconcile_day_reports_missing():
    with patch("recon.tasks.PspClient") as psp, patch("recon.tasks.ledger") as ledger, patch("recon.tasks.cache"):
        psp.return_value.settlements.return_value = []
        ledger.payments_for_day.return_value = [{"id": 2, "psp_id": "p2", "amount": Decimal("5.00")}]
        tasks.reconcile_day.call_local("2024-05-01")
    # expect: VC304/VC308
    psp.return_value.settlements.assert_called


# expect: VC308
def test_settlements_parsing():
    with patch("recon.psp.PspClient") as client_cls:
        client = client_cls.return_value
        client.settlements.return_value = [{"payment_id": "p9", "amount": 50}]
        items = client.settlements("2024-05-01")
    assert items[0]["payment_id"] == "p9"


# expect: VC303
def test_export_report(tmp_path):
    with patch("recon.tasks.config.REPORT_DIR", str(tmp_path)), patch("recon.tasks.subprocess.run"):
        with patch("recon.tasks.cached_mismatches", return_value=[{"id": 1, "reason": "missing"}]):
            tasks.export_report.call_local("2024-05-01")
