"""Transactional mail through the provider's HTTP API."""

import logging
import os

import httpx

logger = logging.getLogger(__name__)
MAIL_API = "https://api.mailer.example/v1/send"


def send_reset_mail(address: str, link: str) -> None:
    # ok: VC403
    api_key = os.environ["ORDERS_MAIL_API_KEY"]
    try:
        # ok: VC106/VC107/VC418
        response = httpx.post(
            MAIL_API,
            json={"to": address, "template": "password-reset", "variables": {"link": link}},
            headers={"Authorization": f"Bearer {api_key}"},
            timeout=10.0,
        )
        response.raise_for_status()
    except httpx.HTTPError:
        # ok: VC407 -- the link holds the token: only the status is logged
        logger.error("reset mail could not be sent", exc_info=True)
        raise
