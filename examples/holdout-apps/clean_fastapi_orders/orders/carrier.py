"""Tracking lookups at the carrier, over mutual TLS with the carrier's own CA."""

import logging
import os
import ssl

import httpx

logger = logging.getLogger(__name__)
CARRIER_URL = "https://track.carrier.example/api/"
# ok: VC403 -- the name of the variable, not its value
API_KEY_ENV = "ORDERS_CARRIER_API_KEY"


def _context() -> ssl.SSLContext:
    # ok: VC404
    context = ssl.create_default_context(cafile=os.environ["ORDERS_CARRIER_CA_BUNDLE"])
    context.load_cert_chain(os.environ["ORDERS_CARRIER_CLIENT_CERT"], os.environ["ORDERS_CARRIER_CLIENT_KEY"])
    return context


def tracking_status(tracking_number: str) -> str | None:
    """The carrier's status for a parcel, or None when the carrier does not know it (yet)."""
    # ok: VC404/VC106
    with httpx.Client(base_url=CARRIER_URL, verify=_context(), timeout=8.0) as client:
        # ok: VC107
        response = client.get(f"parcels/{tracking_number}", headers={"X-Api-Key": os.environ[API_KEY_ENV]})
        if response.status_code == httpx.codes.NOT_FOUND:
            return None
        response.raise_for_status()
        return str(response.json()["status"])


def is_payment_page(url: str) -> bool:
    # ok: VC415 -- an exact origin with its trailing slash
    return url.startswith("https://pay.provider.example/checkout/")
