"""Local commands the console runs for the operator."""

from __future__ import annotations

import os
import shlex
import subprocess

from .config import ALLOWED_SERVICES


def restart_service(name: str) -> str:
    # expect: VC408
    result = subprocess.run(f"sudo systemctl restart {name}", shell=True, capture_output=True, text=True)
    return result.stdout + result.stderr


def service_status(name: str) -> str:
    if name not in ALLOWED_SERVICES:
        raise ValueError(f"unknown service {name}")
    # ok: VC408, VC108
    result = subprocess.run(["systemctl", "status", name, "--no-pager"], capture_output=True, text=True, check=False)
    return result.stdout


def tail_journal(unit: str, lines: int = 200) -> str:
    # ok: VC408
    cmd = f"journalctl -u {shlex.quote(unit)} -n {int(lines)} --no-pager"
    return subprocess.check_output(cmd, shell=True, text=True)


def grep_logs(pattern: str, path: str = "/var/log/app/app.log") -> str:
    # expect: VC408
    return os.popen(f"grep -n '{pattern}' {path} | tail -n 100").read()


def disk_usage() -> str:
    # ok: VC408, VC108
    return subprocess.run(["df", "-h"], capture_output=True, text=True, check=True).stdout


def flush_cache(prefix: str) -> None:
    # expect: VC108
    subprocess.run(["redis-cli", "--scan", "--pattern", f"{prefix}*"])
