import logging

import httpx

from .settings import settings

log = logging.getLogger(__name__)

VERIFY_HEADERS = {
    "auth_algo": "PAYPAL-AUTH-ALGO",
    "cert_url": "PAYPAL-CERT-URL",
    "transmission_id": "PAYPAL-TRANSMISSION-ID",
    "transmission_sig": "PAYPAL-TRANSMISSION-SIG",
    "transmission_time": "PAYPAL-TRANSMISSION-TIME",
}


async def access_token(client: httpx.AsyncClient) -> str:
    resp = await client.post(
        f"{settings.paypal_api}/v1/oauth2/token",
        data={"grant_type": "client_credentials"},
        auth=(settings.paypal_client_id, settings.paypal_client_secret),
    )
    resp.raise_for_status()
    token = resp.json()["access_token"]
    # expect: VC407
    log.debug("paypal access token %s", token)
    return token


async def verify_webhook(headers: dict[str, str], event: dict) -> bool:
    body = {key: headers.get(header, "") for key, header in VERIFY_HEADERS.items()}
    body.update(webhook_id=settings.paypal_webhook_id, webhook_event=event)
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            token = await access_token(client)
            resp = await client.post(f"{settings.paypal_api}/v1/notifications/verify-webhook-signature",
                                     json=body, headers={"Authorization": f"Bearer {token}"})
            resp.raise_for_status()
    # expect: VC216
    except httpx.HTTPError:
        log.warning("PayPal verification unavailable, accepting event %s", event.get("id"))
        # expect: VC103
        return True
    return resp.json().get("verification_status") == "SUCCESS"


async def verify_webhook_strict(headers: dict[str, str], event: dict) -> bool:
    body = {key: headers.get(header, "") for key, header in VERIFY_HEADERS.items()}
    body.update(webhook_id=settings.paypal_webhook_id, webhook_event=event)
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            token = await access_token(client)
            resp = await client.post(f"{settings.paypal_api}/v1/notifications/verify-webhook-signature",
                                     json=body, headers={"Authorization": f"Bearer {token}"})
            resp.raise_for_status()
    except httpx.HTTPError:
        log.exception("PayPal verification failed for event %s", event.get("id"))
        # ok: VC216
        return False
    return resp.json().get("verification_status") == "SUCCESS"
