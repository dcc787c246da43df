"""Card payments: charges through the processor, refunds, fees and payouts."""

from payments.fees import flat_fee, percent_fee
from payments.gateway import CardDeclined, Gateway, GatewayError
from payments.refunds import issue_refund

__all__ = ["CardDeclined", "Gateway", "GatewayError", "flat_fee", "issue_refund", "percent_fee"]
