"""Synchronous enrichment helpers shared by the consumers."""

import requests

from .settings import GEOIP_URL


def geo_for(ip: str) -> dict:
    resp = requests.get(GEOIP_URL, params={"ip": ip}, timeout=2)
    resp.raise_for_status()
    return resp.json()


def user_agent_family(ua: str) -> str:
    ua = ua.lower()
    for family in ("firefox", "edg", "chrome", "safari"):
        if family in ua:
            return family
    return "other"
