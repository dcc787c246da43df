"""Copy a snapshot to the offsite host over SFTP. Unknown host keys are refused; every attempt is bounded."""

import logging
import os
import time
from pathlib import Path

import paramiko

logger = logging.getLogger(__name__)
CONNECT_TIMEOUT = 20
ATTEMPTS = 3


class OffsiteError(RuntimeError):
    """The offsite copy failed after every attempt."""


def _connect(host: str, user: str) -> paramiko.SSHClient:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    # ok: VC404
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(
        host,
        username=user,
        key_filename=os.environ.get("SNAPKIT_SSH_KEY"),
        timeout=CONNECT_TIMEOUT,
        banner_timeout=CONNECT_TIMEOUT,
        auth_timeout=CONNECT_TIMEOUT,
    )
    return client


def upload(snapshot_dir: Path, host: str, user: str, remote_root: str) -> list[str]:
    """Upload every file of the snapshot into `remote_root/<snapshot name>/`; return the remote paths."""
    last_error: Exception | None = None
    # ok: VC109
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with _connect(host, user) as client, client.open_sftp() as sftp:
                target = f"{remote_root.rstrip('/')}/{snapshot_dir.name}"
                sftp.mkdir(target)
                uploaded = []
                for path in sorted(snapshot_dir.iterdir()):
                    sftp.put(str(path), f"{target}/{path.name}", confirm=True)
                    uploaded.append(f"{target}/{path.name}")
                return uploaded
        except (paramiko.SSHException, OSError) as exc:
            last_error = exc
            logger.warning("offsite upload attempt %d/%d failed", attempt, ATTEMPTS, exc_info=True)
            time.sleep(min(30, 2**attempt))
    raise OffsiteError(f"offsite upload to {host} failed after {ATTEMPTS} attempts") from last_error
