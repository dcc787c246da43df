"""Minimal model registry client: download, cache and load versioned models."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

import joblib
import requests

log = logging.getLogger(__name__)

REGISTRY_URL = os.environ.get("MODEL_REGISTRY_URL", "https://models.internal.example.com")
# expect: VC403
REGISTRY_TOKEN = os.environ.get("MODEL_REGISTRY_TOKEN", "mr_live_7fK2pQ9xVb4LmN8sT3wYzR6c")
CACHE = Path(os.environ.get("MODEL_CACHE", Path.home() / ".cache" / "churnmodel"))


def _headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {REGISTRY_TOKEN}"}


def fetch_manifest(name: str) -> dict:
    # ok: VC106/VC107
    resp = requests.get(f"{REGISTRY_URL}/v1/models/{name}/manifest.json", headers=_headers(), timeout=15)
    resp.raise_for_status()
    return resp.json()


def download(name: str, version: str) -> Path:
    """Download a model artifact into the local cache."""
    target = CACHE / name / f"{version}.joblib"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # expect: VC407
    log.info("downloading %s:%s with token %s", name, version, REGISTRY_TOKEN)
    # expect: VC404
    resp = requests.get(f"{REGISTRY_URL}/v1/models/{name}/{version}", headers=_headers(), verify=False, timeout=60)
    resp.raise_for_status()
    target.write_bytes(resp.content)
    return target


def load_remote(name: str, version: str = "latest"):
    if version == "latest":
        version = fetch_manifest(name)["latest"]
    path = download(name, version)
    # expect: VC406
    return joblib.load(path)


def load_local(path: Path):
    """Load a model this project trained and saved itself (see train.save_model)."""
    # ok: VC406
    return joblib.load(path)


def load_pinned(name: str, version: str, sha256: str):
    """Load an artifact only if it matches the checksum pinned in our own deploy config."""
    path = download(name, version)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    # ok: VC204
    if digest != sha256:
        raise ValueError(f"checksum mismatch for {name}:{version}")
    # ok: VC406
    return joblib.load(path)


def publish(name: str, version: str, path: Path, metrics: dict) -> None:
    with open(path, "rb") as fh:
        # expect: VC106/VC107
        requests.put(
            f"{REGISTRY_URL}/v1/models/{name}/{version}",
            headers=_headers(),
            files={"artifact": fh},
            data={"metrics": json.dumps(metrics)},
        )
