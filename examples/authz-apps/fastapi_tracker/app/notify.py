import httpx


def send_webhook(url: str, event: dict) -> int:
    response = httpx.post(url, json=event, timeout=5.0)
    return response.status_code
