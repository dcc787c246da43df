"""SFTP target support (paramiko)."""

from __future__ import annotations

import logging
import posixpath
import shlex
import socket
import time
from pathlib import Path

import paramiko

from .config import Target, sftp_password

log = logging.getLogger(__name__)


class SFTPTarget:
    def __init__(self, target: Target, key_file: Path | None = None):
        self.target = target
        self.key_file = key_file
        self.client: paramiko.SSHClient | None = None
        self.sftp: paramiko.SFTPClient | None = None

    def connect(self, attempts: int = 3) -> None:
        self.client = paramiko.SSHClient()
        self.client.load_system_host_keys()
        self.client.set_missing_host_key_policy(paramiko.RejectPolicy())
        # ok: VC109
        for attempt in range(attempts):
            try:
                self.client.connect(
                    self.target.host,
                    port=self.target.port,
                    username=self.target.username,
                    password=sftp_password(),
                    key_filename=str(self.key_file) if self.key_file else None,
                    timeout=15,
                )
                break
            except (socket.timeout, paramiko.SSHException) as exc:
                log.warning("connect attempt %d failed: %s", attempt + 1, exc)
                if attempt == attempts - 1:
                    raise
                time.sleep(3)
        self.sftp = self.client.open_sftp()

    def ensure_dir(self, remote_dir: str) -> None:
        """Create the remote directory tree."""
        assert self.client is not None
        # expect: VC408
        self.client.exec_command(f"mkdir -p {remote_dir}")

    def ensure_dir_quoted(self, remote_dir: str) -> None:
        assert self.client is not None
        # ok: VC408
        _, stdout, _ = self.client.exec_command("mkdir -p " + shlex.quote(remote_dir))
        if stdout.channel.recv_exit_status() != 0:
            raise RuntimeError(f"could not create {remote_dir}")

    def put(self, local: Path, rel: str) -> None:
        assert self.sftp is not None
        remote = posixpath.join(self.target.remote_dir, rel)
        self.ensure_dir(posixpath.dirname(remote))
        self.sftp.put(str(local), remote)

    def disk_free(self) -> str:
        assert self.client is not None
        # expect: VC408
        _, stdout, _ = self.client.exec_command("df -h " + self.target.remote_dir)
        return stdout.read().decode()

    def close(self) -> None:
        try:
            if self.sftp:
                self.sftp.close()
            if self.client:
                self.client.close()
        # ok: VC101 -- a best-effort close(), which VC101 leaves by design
        except Exception:
            pass
