"""Things the dashboard can do to a server."""
import logging
import subprocess

import paramiko

from .settings import SERVERS

logger = logging.getLogger(__name__)
RUNBOOK = {
    "restart": ["systemctl", "restart", "app"],
    "scale": ["/opt/ops/scale.sh", "+1"],
}


def run_shell(command: str) -> str:
    # expect: VC408/VC417 -- whatever line the caller passes runs through the shell
    result = subprocess.run(command, shell=True, capture_output=True, text=True)
    return result.stdout + result.stderr


def run_runbook(action: str) -> str:
    argv = RUNBOOK.get(action)
    if argv is None:
        return f"unknown action {action}"
    # ok: VC408/VC401/VC108 -- fixed argument list from a table, checked
    result = subprocess.run(argv, capture_output=True, text=True, check=True)
    return result.stdout


def ssh_exec(server: str, command: str) -> str:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(SERVERS[server], username="ops")
    try:
        # expect: VC417 -- the model's command from pages.py runs on the server
        _, stdout, _ = client.exec_command(command)
        return stdout.read().decode()
    finally:
        client.close()
