from datetime import datetime, timezone
from unittest import mock

import pytest

from payments.refunds import RefundError, refund_window_open
from payments.refunds import issue_refund as refund


def test_refund_within_window(gateway, charge):
    result = refund(gateway, charge, 1000)
    assert result["amount"] == 1000


def test_refund_over_amount_is_refused(gateway, charge):
    charge["refunds"] = [{"amount": 2000}]
    with pytest.raises(RefundError):
        refund(gateway, charge, 1000)


# expect: VC303
def test_refund_window_open():
    refund_window_open(datetime(2026, 11, 1, tzinfo=timezone.utc), now=datetime(2026, 11, 20, tzinfo=timezone.utc))


# expect: VC308
def test_batch_refund_calls_gateway(charge):
    gw = mock.Mock()
    gw.refund.return_value = {"id": "re_2"}
    gw.refund("ch_1", 2500)
    gw.refund.assert_called_once_with("ch_1", 2500)
