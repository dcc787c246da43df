"""Client for the payment service provider's settlement API."""

import logging
import time

import httpx
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from . import config

logger = logging.getLogger(__name__)


class PspClient:
    def __init__(self) -> None:
        headers = {"X-Api-Key": config.PSP_API_KEY, "X-Api-Secret": config.PSP_API_SECRET}
        # expect: VC407
        logger.debug("PSP client headers: %s", headers)
        # expect: VC404
        self.client = httpx.Client(base_url=config.PSP_BASE_URL, headers=headers, timeout=30, verify=False)

    def settlements(self, day: str) -> list[dict]:
        resp = self.client.get("/settlements", params={"date": day})
        # expect: VC107
        return resp.json()["items"]

    @retry(stop=stop_after_attempt(5), wait=wait_exponential(min=1, max=30), retry=retry_if_exception_type(httpx.TransportError))
    def payment(self, payment_id: str) -> dict:
        resp = self.client.get(f"/payments/{payment_id}")
        # ok: VC107
        resp.raise_for_status()
        return resp.json()

    def refund_status(self, refund_id: str) -> dict:
        delay = 1
        # expect: VC109
        while True:
            try:
                resp = self.client.get(f"/refunds/{refund_id}")
                resp.raise_for_status()
                return resp.json()
            except httpx.TransportError:
                time.sleep(delay)
                delay = min(delay * 2, 60)

    def capture(self, payment_id: str, amount_cents: int) -> dict:
        attempts = 0
        # ok: VC109/VC114
        while attempts < 3:
            try:
                resp = self.client.post(f"/payments/{payment_id}/capture", json={"amount": amount_cents})
                resp.raise_for_status()
                return resp.json()
            except httpx.HTTPStatusError as exc:
                if exc.response.status_code < 500:
                    raise
                attempts += 1
                time.sleep(2**attempts)
        raise RuntimeError(f"capture of {payment_id} failed after retries")
