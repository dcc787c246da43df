"""Telling people about the release: a GitHub release and a Slack message."""

import logging

import requests

logger = logging.getLogger(__name__)


def create_github_release(repo: str, token: str, version: str, notes: str) -> str | None:
    try:
        resp = requests.post(
            f"https://api.github.com/repos/{repo}/releases",
            json={"tag_name": f"v{version}", "name": f"v{version}", "body": notes},
            headers={"Authorization": f"token {token}", "Accept": "application/vnd.github+json"},
            timeout=20,
        )
        resp.raise_for_status()
        return resp.json()["html_url"]
    # expect: VC101/VC103
    except Exception:
        return None


def notify_slack(webhook: str, text: str) -> None:
    # expect: VC106, VC107
    requests.post(webhook, json={"text": text})


def notify_slack_checked(webhook: str, text: str) -> None:
    # ok: VC106, VC107
    resp = requests.post(webhook, json={"text": text}, timeout=10)
    resp.raise_for_status()
