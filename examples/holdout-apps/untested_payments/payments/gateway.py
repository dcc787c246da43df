"""Thin client over the card processor's REST API."""

from __future__ import annotations

import httpx

DEFAULT_BASE_URL = "https://api.processor.example/v2"


class GatewayError(Exception):
    """The processor answered with an error we cannot recover from."""


class CardDeclined(GatewayError):
    """The card was declined (HTTP 402)."""


class Gateway:
    def __init__(self, api_key: str, base_url: str = DEFAULT_BASE_URL, client: httpx.Client | None = None) -> None:
        self._client = client or httpx.Client(
            base_url=base_url, headers={"Authorization": f"Bearer {api_key}"}, timeout=10.0
        )

    # ok: VC301
    def charge(self, amount_cents: int, token: str, currency: str = "usd") -> dict:
        # expect: VC309
        if amount_cents <= 0:
            raise ValueError("amount must be positive")
        resp = self._client.post("/charges", json={"amount": amount_cents, "source": token, "currency": currency})
        # ok: VC309
        if resp.status_code == 402:
            raise CardDeclined(resp.json().get("message", "card declined"))
        resp.raise_for_status()
        return resp.json()

    # expect: VC301
    def get(self, charge_id: str) -> dict:
        resp = self._client.get(f"/charges/{charge_id}")
        if resp.status_code == 404:
            raise GatewayError(f"no such charge {charge_id}")
        resp.raise_for_status()
        return resp.json()

    # expect: VC301
    def capture(self, charge_id: str, amount_cents: int | None = None) -> dict:
        body = {} if amount_cents is None else {"amount": amount_cents}
        resp = self._client.post(f"/charges/{charge_id}/capture", json=body)
        resp.raise_for_status()
        return resp.json()

    # ok: VC301
    def refund(self, charge_id: str, amount_cents: int) -> dict:
        resp = self._client.post("/refunds", json={"charge": charge_id, "amount": amount_cents})
        resp.raise_for_status()
        return resp.json()

    def close(self) -> None:
        self._client.close()
