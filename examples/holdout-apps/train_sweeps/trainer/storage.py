"""Checkpoint storage: local disk and S3."""

from __future__ import annotations

import logging
import os
import subprocess
import time
from pathlib import Path

import boto3
import requests
import torch

log = logging.getLogger(__name__)
s3 = boto3.client("s3")
BUCKET = os.environ.get("CHECKPOINT_BUCKET", "acme-ml-checkpoints")


def save_checkpoint(state: dict, out_dir: Path, epoch: int) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"epoch-{epoch:03d}.pt"
    torch.save(state, path)
    return path


def resume(path: Path) -> dict:
    # ok: VC406
    return torch.load(path, map_location="cpu", weights_only=True)


def fetch_pretrained(url: str, cache: Path) -> dict:
    target = cache / Path(url).name
    if not target.exists():
        # expect: VC106/VC107
        resp = requests.get(url, stream=True)
        with open(target, "wb") as fh:
            # expect: VC107
            for chunk in resp.iter_content(1 << 20):
                fh.write(chunk)
    # expect: VC406
    return torch.load(target)


def upload(path: Path, run_name: str) -> None:
    # expect: VC109
    while True:
        try:
            s3.upload_file(str(path), BUCKET, f"{run_name}/{path.name}")
            return
        # expect: VC102
        except Exception as exc:
            log.warning("upload failed (%s), retrying", exc)
            time.sleep(30)


def upload_bounded(path: Path, run_name: str, attempts: int = 4) -> None:
    for attempt in range(attempts):
        try:
            s3.upload_file(str(path), BUCKET, f"{run_name}/{path.name}")
            return
        # ok: VC109
        except Exception:
            if attempt == attempts - 1:
                raise
            time.sleep(2**attempt)


def sync_dir(out_dir: Path, run_name: str) -> None:
    # expect: VC408, VC108
    os.system(f"aws s3 sync {out_dir} s3://{BUCKET}/{run_name}/")


def sync_dir_checked(out_dir: Path, run_name: str) -> None:
    # ok: VC408, VC108
    subprocess.run(["aws", "s3", "sync", str(out_dir), f"s3://{BUCKET}/{run_name}/"], check=True)
