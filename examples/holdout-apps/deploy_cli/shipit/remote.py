"""Restarting services on the VM fleet over SSH."""

from __future__ import annotations

import logging
import shlex
from pathlib import Path

import paramiko
from fabric import Connection

from .config import DEPLOY_PASSWORD, Host

log = logging.getLogger(__name__)
KNOWN_HOSTS = Path("~/.ssh/known_hosts").expanduser()


def ssh_client(host: Host) -> paramiko.SSHClient:
    ssh = paramiko.SSHClient()
    # expect: VC404
    ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    ssh.connect(host.address, username=host.user, password=DEPLOY_PASSWORD, timeout=10)
    return ssh


def strict_ssh_client(host: Host, key_file: Path) -> paramiko.SSHClient:
    ssh = paramiko.SSHClient()
    ssh.load_host_keys(str(KNOWN_HOSTS))
    # ok: VC404
    ssh.set_missing_host_key_policy(paramiko.RejectPolicy())
    ssh.connect(host.address, username=host.user, key_filename=str(key_file), timeout=10)
    return ssh


def restart_services(host: Host) -> None:
    ssh = ssh_client(host)
    try:
        # expect: VC408
        _, stdout, stderr = ssh.exec_command("sudo systemctl restart " + " ".join(host.services))
        # ok: VC108
        if stdout.channel.recv_exit_status() != 0:
            raise RuntimeError(stderr.read().decode())
    finally:
        ssh.close()


def restart_services_quoted(host: Host, key_file: Path) -> None:
    ssh = strict_ssh_client(host, key_file)
    try:
        # ok: VC408
        _, stdout, _ = ssh.exec_command("sudo systemctl restart " + " ".join(shlex.quote(s) for s in host.services))
        stdout.channel.recv_exit_status()
    finally:
        ssh.close()


def fabric_connection(host: Host) -> Connection:
    # expect: VC403
    return Connection(host.address, user=host.user, connect_kwargs={"password": "Fabr1c-deploy-99"})


def pull_release(host: Host, app_dir: str, branch: str) -> None:
    conn = Connection(host.address, user=host.user, connect_kwargs={"key_filename": "~/.ssh/deploy_ed25519"})
    # expect: VC408
    conn.run(f"cd {app_dir} && git pull origin {branch}")
    # ok: VC408
    conn.sudo("systemctl reload nginx")


def tail_logs(host: Host, unit: str, lines: int = 100) -> str:
    conn = fabric_connection(host)
    # ok: VC408
    result = conn.run(f"journalctl -u {shlex.quote(unit)} -n {int(lines)} --no-pager", hide=True)
    return result.stdout
