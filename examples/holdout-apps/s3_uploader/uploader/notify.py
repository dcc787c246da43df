import requests

# expect: VC403
SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/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"
RATES_API = "https://api.exchangerate.host/latest"


def notify_slack(message: str) -> None:
    # expect: VC106, VC107
    requests.post(SLACK_WEBHOOK_URL, json={"text": message})


def storage_cost_in(currency: str, usd: float) -> float:
    resp = requests.get(RATES_API, params={"base": "USD", "symbols": currency}, timeout=10)
    # expect: VC107
    return usd * resp.json()["rates"][currency]


def storage_cost_checked(currency: str, usd: float) -> float:
    resp = requests.get(RATES_API, params={"base": "USD", "symbols": currency}, timeout=10)
    resp.raise_for_status()
    # ok: VC107
    return usd * resp.json()["rates"][currency]
