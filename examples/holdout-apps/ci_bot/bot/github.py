"""GitHub REST calls made by the bot."""

from __future__ import annotations

import logging

import requests

from .settings import GITHUB_API, GITHUB_TOKEN

log = logging.getLogger(__name__)
session = requests.Session()
session.headers.update({"Authorization": f"Bearer {GITHUB_TOKEN}", "Accept": "application/vnd.github+json"})


def comment(repo: str, number: int, body: str) -> None:
    # ok: VC106/VC107/VC405
    resp = session.post(f"{GITHUB_API}/repos/{repo}/issues/{number}/comments", json={"body": body}, timeout=10)
    resp.raise_for_status()


def comment_at(comments_url: str, body: str) -> None:
    # expect: VC106, VC107
    session.post(comments_url, json={"body": body})


def set_status(repo: str, sha: str, state: str, description: str) -> None:
    # expect: VC107
    session.post(
        f"{GITHUB_API}/repos/{repo}/statuses/{sha}",
        json={"state": state, "description": description[:140], "context": "ci-bot"},
        timeout=10,
    )


def fetch_config(repo: str, ref: str) -> str:
    resp = session.get(
        f"{GITHUB_API}/repos/{repo}/contents/.ci-bot.yml", params={"ref": ref},
        headers={"Accept": "application/vnd.github.raw"}, timeout=10,
    )
    resp.raise_for_status()
    return resp.text
