"""Calls to the mail provider and the partner directory."""

import logging
import os

import jwt
import requests

log = logging.getLogger(__name__)
PARTNER_PUBLIC_KEY = os.environ.get("PARTNER_PUBLIC_KEY", "")


class MailClient:
    def __init__(self, base_url: str, api_key: str):
        self.base_url = base_url
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {api_key}"
        # expect: VC404
        self.http.verify = False

    def send(self, to: str, subject: str, body: str) -> bool:
        try:
            response = self.http.post(f"{self.base_url}/messages", json={"to": to, "subject": subject, "text": body},
                                      timeout=10)
            response.raise_for_status()
        # expect: VC101/VC102/VC103
        except Exception:
            return False
        return True


class DirectoryClient:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.http = requests.Session()
        # ok: VC404
        self.http.verify = os.environ.get("DIRECTORY_CA_BUNDLE", True)


def partner_from_token(token: str) -> dict:
    # expect: VC202
    claims = jwt.decode(token, options={"verify_signature": False})
    return {"partner_id": claims["sub"], "tier": claims.get("tier", "free")}


def partner_from_token_verified(token: str) -> dict:
    # ok: VC202
    claims = jwt.decode(token, PARTNER_PUBLIC_KEY, algorithms=["RS256"], audience="crm")
    return {"partner_id": claims["sub"], "tier": claims.get("tier", "free")}


def fetch_partner(partner_id: str) -> dict | None:
    try:
        response = requests.get(f"https://directory.example.com/partners/{partner_id}", timeout=5)
        response.raise_for_status()
        return response.json()
    # expect: VC102/VC103
    except Exception as error:
        log.warning("partner lookup failed: %s", error)
        return None
