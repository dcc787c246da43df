"""Grafana panels the dashboard tab shows."""

from __future__ import annotations

import requests

from .config import GRAFANA_TOKEN

GRAFANA = "https://grafana.internal/api"


def panel_value(query: str) -> float | None:
    # expect: VC404
    resp = requests.get(
        f"{GRAFANA}/ds/query", params={"q": query}, headers={"Authorization": f"Bearer {GRAFANA_TOKEN}"}, verify=False,
        timeout=5,
    )
    if resp.status_code != 200:
        return None
    return resp.json()["results"][0]["value"]


def alerts() -> list[dict]:
    # expect: VC106, VC107
    return requests.get(f"{GRAFANA}/alerts", headers={"Authorization": f"Bearer {GRAFANA_TOKEN}"}).json()
