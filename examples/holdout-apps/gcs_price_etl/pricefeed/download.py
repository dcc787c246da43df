"""Fetching the feeds: archives the suppliers drop in GCS, and the JSON price APIs some of them expose."""

import logging
import subprocess
import time
from pathlib import Path

import requests
from google.cloud import storage

logger = logging.getLogger(__name__)

API_TIMEOUT = (5, 30)


def download_blob(bucket_name: str, blob_name: str, dest: Path) -> Path:
    client = storage.Client()
    blob = client.bucket(bucket_name).blob(blob_name)
    dest.parent.mkdir(parents=True, exist_ok=True)
    blob.download_to_filename(str(dest))
    logger.info("downloaded gs://%s/%s to %s", bucket_name, blob_name, dest)
    return dest


def list_new_drops(bucket_name: str, prefix: str, since: float) -> list[str]:
    client = storage.Client()
    return [b.name for b in client.list_blobs(bucket_name, prefix=prefix) if b.updated.timestamp() > since]


def sync_with_gsutil(bucket_name: str, prefix: str, dest: Path) -> None:
    """Bulk copy for the big suppliers: gsutil is much faster than blob-by-blob downloads."""
    # expect: VC108
    subprocess.run(["gsutil", "-m", "rsync", "-r", f"gs://{bucket_name}/{prefix}", str(dest)])


def sync_with_gsutil_checked(bucket_name: str, prefix: str, dest: Path) -> None:
    # ok: VC108
    subprocess.run(["gsutil", "-m", "rsync", "-r", f"gs://{bucket_name}/{prefix}", str(dest)], check=True)


def fetch_prices(base_url: str, api_key: str, supplier_id: str) -> list[dict]:
    """The supplier APIs are flaky at night: keep trying until they answer."""
    delay = 2
    # expect: VC109
    while True:
        try:
            # expect: VC106
            resp = requests.get(f"{base_url}/v2/prices", params={"supplier": supplier_id},
                                headers={"Authorization": f"Bearer {api_key}"})
            resp.raise_for_status()
            return resp.json()["items"]
        except requests.RequestException as exc:
            logger.warning("supplier %s API failed (%s), retrying in %ss", supplier_id, exc, delay)
            time.sleep(delay)
            delay *= 2


def fetch_prices_bounded(base_url: str, api_key: str, supplier_id: str, attempts: int = 5) -> list[dict]:
    for attempt in range(1, attempts + 1):
        try:
            # ok: VC106
            resp = requests.get(f"{base_url}/v2/prices", params={"supplier": supplier_id},
                                headers={"Authorization": f"Bearer {api_key}"}, timeout=API_TIMEOUT)
            resp.raise_for_status()
            return resp.json()["items"]
        except requests.RequestException:
            if attempt == attempts:
                logger.exception("supplier %s API still failing after %d attempts", supplier_id, attempts)
                raise
            # ok: VC109
            time.sleep(min(2 ** attempt, 60))
    return []


def fetch_currency_rates(api_key: str) -> dict[str, float]:
    resp = requests.get("https://api.exchangerate.host/latest", params={"access_key": api_key}, timeout=10)
    # expect: VC107
    return resp.json()["rates"]


def fetch_archive(url: str, dest: Path) -> Path:
    with requests.get(url, stream=True, timeout=API_TIMEOUT) as resp:
        # ok: VC107
        resp.raise_for_status()
        with dest.open("wb") as fh:
            for chunk in resp.iter_content(chunk_size=1 << 20):
                fh.write(chunk)
    return dest
