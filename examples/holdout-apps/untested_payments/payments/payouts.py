# expect: VC302
"""Payouts to connected accounts, batched daily."""

from __future__ import annotations

from payments.gateway import Gateway

MINIMUM_PAYOUT_CENTS = 500


class PayoutError(Exception):
    pass


def payable(balances: dict[str, int]) -> dict[str, int]:
    return {account: cents for account, cents in balances.items() if cents >= MINIMUM_PAYOUT_CENTS}


def send_payouts(gateway: Gateway, balances: dict[str, int]) -> list[str]:
    sent = []
    for account, cents in payable(balances).items():
        if not account.startswith("acct_"):
            raise PayoutError(f"not a connected account: {account}")
        sent.append(gateway.refund(account, cents)["id"])
    return sent
