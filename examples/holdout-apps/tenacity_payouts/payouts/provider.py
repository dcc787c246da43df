"""Client for the Payrail payouts API, with retries around the flaky endpoints."""

import logging

import httpx
import tenacity as tn
from tenacity import (
    AsyncRetrying,
    Retrying,
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential,
    wait_fixed,
    wait_random_exponential,
)

from .errors import InsufficientFunds, ProviderError
from .settings import HTTP_TIMEOUT, MAX_ATTEMPTS, PROVIDER_KEY, PROVIDER_URL

logger = logging.getLogger(__name__)

_client = httpx.Client(
    base_url=PROVIDER_URL,
    headers={"Authorization": f"Bearer {PROVIDER_KEY}"},
    timeout=HTTP_TIMEOUT,
)


# expect: VC109 -- every exception retried and no stop: a bad request retries forever
@retry(retry=retry_if_exception_type(Exception), wait=wait_fixed(2), stop=None)
def get_balance(currency: str) -> int:
    resp = _client.get("/balance", params={"currency": currency})
    resp.raise_for_status()
    return resp.json()["available"]


# expect: VC109 -- no stop argument at all: tenacity retries forever by default
@retry(wait=wait_random_exponential(multiplier=1, max=60))
def list_pending_payouts(cursor: str | None = None) -> dict:
    resp = _client.get("/payouts", params={"status": "pending", "cursor": cursor})
    resp.raise_for_status()
    return resp.json()


# expect: VC109 -- stop_never through the module alias
@tn.retry(stop=tn.stop_never, wait=tn.wait_exponential(max=30), retry=tn.retry_if_exception_type(httpx.HTTPError))
def get_payout(payout_id: str) -> dict:
    resp = _client.get(f"/payouts/{payout_id}")
    resp.raise_for_status()
    return resp.json()


# ok: VC109 -- transport errors only, five attempts, re-raised
@retry(
    retry=retry_if_exception_type(httpx.TransportError),
    stop=stop_after_attempt(MAX_ATTEMPTS),
    wait=wait_exponential(multiplier=1, max=20),
    reraise=True,
)
def create_payout(account_id: str, amount: int, currency: str, idempotency_key: str) -> dict:
    try:
        resp = _client.post(
            "/payouts",
            json={"destination": account_id, "amount": amount, "currency": currency},
            headers={"Idempotency-Key": idempotency_key},
        )
        resp.raise_for_status()
    except httpx.HTTPStatusError as exc:
        if exc.response.status_code == 402:
            # ok: VC105 -- chained to the HTTP error
            raise InsufficientFunds(exc.response.json().get("message", "insufficient funds")) from exc
        # expect: VC105 -- the provider's response is lost: only its text survives
        raise ProviderError(str(exc))
    return resp.json()


# ok: VC109 -- bounded by time as well as by attempts
@retry(stop=(stop_after_delay(120) | stop_after_attempt(10)), wait=wait_fixed(3), reraise=True)
def cancel_payout(payout_id: str) -> None:
    resp = _client.post(f"/payouts/{payout_id}/cancel")
    resp.raise_for_status()


def reverse_payout(payout_id: str, reason: str) -> dict:
    # expect: VC109 -- a Retrying loop without a stop condition
    for attempt in Retrying(wait=wait_fixed(5), retry=retry_if_exception_type(httpx.HTTPError)):
        with attempt:
            resp = _client.post(f"/payouts/{payout_id}/reversals", json={"reason": reason})
            resp.raise_for_status()
            return resp.json()
    raise ProviderError("unreachable")


async def fetch_fx_rate(client: httpx.AsyncClient, pair: str) -> float:
    # ok: VC109 -- AsyncRetrying with a stop
    async for attempt in AsyncRetrying(stop=stop_after_attempt(3), wait=wait_fixed(1), reraise=True):
        with attempt:
            resp = await client.get(f"/fx/{pair}")
            resp.raise_for_status()
            return float(resp.json()["rate"])
    raise ProviderError("unreachable")


def payout_status(payout_id: str) -> str:
    try:
        resp = _client.get(f"/payouts/{payout_id}")
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        logger.warning("could not read payout %s", payout_id)
        # expect: VC105 -- custom error without the cause
        raise ProviderError(f"payout {payout_id} unreadable: {exc}")
    return resp.json()["status"]


def webhook_endpoints() -> list[dict]:
    resp = _client.get("/webhook_endpoints")
    # expect: VC107 -- a 401 or a 500 body is read as the endpoint list
    return resp.json()["data"]


def account_details(account_id: str) -> dict:
    resp = _client.get(f"/accounts/{account_id}")
    if resp.status_code != 200:
        raise ProviderError(f"account {account_id}: HTTP {resp.status_code}")
    # ok: VC107 -- status checked by hand
    return resp.json()
