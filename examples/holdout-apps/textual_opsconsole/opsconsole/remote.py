"""SSH into inventory hosts."""

from __future__ import annotations

import logging
import shlex

import paramiko

from .config import DEFAULT_SSH_PASSWORD, Host

log = logging.getLogger(__name__)


def connect(host: Host) -> paramiko.SSHClient:
    client = paramiko.SSHClient()
    # expect: VC404
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    password = host.password or DEFAULT_SSH_PASSWORD
    # expect: VC407
    log.debug("connecting to %s as %s with password %s", host.address, host.user, password)
    client.connect(host.address, username=host.user, password=password, timeout=10)
    return client


def connect_strict(host: Host) -> paramiko.SSHClient:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    # ok: VC404
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host.address, username=host.user, timeout=10)
    return client


def run_remote(host: Host, command: str) -> str:
    client = connect(host)
    try:
        # expect: VC408
        _, stdout, stderr = client.exec_command(f"bash -lc '{command}'")
        return stdout.read().decode() + stderr.read().decode()
    finally:
        client.close()


def remote_uptime(host: Host) -> str:
    client = connect_strict(host)
    try:
        # ok: VC408
        _, stdout, _ = client.exec_command("uptime")
        return stdout.read().decode()
    finally:
        client.close()


def remote_tail(host: Host, unit: str) -> str:
    client = connect_strict(host)
    try:
        # ok: VC408
        _, stdout, _ = client.exec_command(f"journalctl -u {shlex.quote(unit)} -n 100 --no-pager")
        return stdout.read().decode()
    finally:
        client.close()


def reachable(host: Host) -> bool:
    try:
        connect(host).close()
        return True
    # expect: VC101/VC102
    except Exception:
        return False
