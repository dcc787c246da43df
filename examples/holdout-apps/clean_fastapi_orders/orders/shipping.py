"""Client for the shipping provider: bounded retries with backoff, a timeout on every call."""

import logging
import time

import httpx

from .config import Settings

logger = logging.getLogger(__name__)

RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})


class ShippingError(RuntimeError):
    """The provider refused the request or stayed unavailable after every attempt."""


def _client(settings: Settings) -> httpx.Client:
    return httpx.Client(
        base_url=settings.shipping_api_url,
        headers={"Authorization": f"Bearer {settings.shipping_api_key.get_secret_value()}"},
        timeout=settings.http_timeout_seconds,
    )


def create_shipment(order_id: int, settings: Settings, *, attempts: int = 4, base_delay: float = 0.5) -> str:
    """Book a shipment for an order and return the provider's tracking number."""
    with _client(settings) as client:
        # ok: VC109 -- bounded by `attempts`
        for attempt in range(1, attempts + 1):
            try:
                response = client.post("/shipments", json={"reference": str(order_id)})
            except httpx.TransportError:
                logger.warning("shipping call failed (attempt %d/%d)", attempt, attempts, exc_info=True)
            else:
                if response.status_code not in RETRYABLE_STATUSES:
                    try:
                        response.raise_for_status()
                    except httpx.HTTPStatusError as exc:
                        raise ShippingError(f"provider refused order {order_id}: {response.status_code}") from exc
                    return str(response.json()["tracking_number"])
                logger.warning("shipping provider busy (%d), attempt %d/%d", response.status_code, attempt, attempts)
            if attempt < attempts:
                time.sleep(base_delay * 2 ** (attempt - 1))
    raise ShippingError(f"shipping provider unavailable after {attempts} attempts")
