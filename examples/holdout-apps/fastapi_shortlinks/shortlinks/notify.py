import httpx

SLACK_HOOK = "https://hooks.slack.example/T000/B000"


def announce(link_code: str, client: httpx.Client | None = None) -> None:
    """Post a new link to the team channel; failures raise so the caller can log them."""
    http = client or httpx.Client(timeout=5)
    resp = http.post(SLACK_HOOK, json={"text": f"new short link: /{link_code}"})
    resp.raise_for_status()
