"""Shell helpers the routes call: the command runs here, the client's text comes from views.py."""
import os
import shlex
import subprocess

import paramiko

ALLOWED_SERVICES = {"nginx", "postgres", "redis"}


def ping_host(host: str) -> str:
    # expect: VC417
    return subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True, text=True).stdout


def disk_usage(folder: str) -> str:
    command = "du -sh " + folder
    # expect: VC417
    return os.popen(command).read()


def run_tool(command_line: str) -> bytes:
    # expect: VC417
    return subprocess.check_output(shlex.split(command_line))


def tail_remote_log(server: str, name: str) -> str:
    client = paramiko.SSHClient()
    client.connect(server)
    # expect: VC417
    _, stdout, _ = client.exec_command(f"tail -n 50 /var/log/{name}")
    return stdout.read().decode()


def restart(service: str) -> int:
    return _systemctl("restart", service)


def _systemctl(action: str, service: str) -> int:
    # expect: VC417
    return os.system(f"systemctl {action} {service}")


def ping_as_argument(host: str) -> str:
    # ok: VC417 -- the host is a separate argument, no shell
    return subprocess.run(["ping", "-c", "1", host], capture_output=True, text=True).stdout


def ping_quoted(host: str) -> str:
    # ok: VC417 -- quoted for the shell
    return subprocess.run(f"ping -c 1 {shlex.quote(host)}", shell=True, capture_output=True, text=True).stdout


def restart_allowed(service: str) -> int:
    if service not in ALLOWED_SERVICES:
        raise ValueError(service)
    # ok: VC417 -- allow-listed first
    return os.system(f"systemctl restart {service}")


def uptime(label: str) -> str:
    # ok: VC417 -- the label never reaches the command
    output = subprocess.run("uptime", shell=True, capture_output=True, text=True).stdout
    return f"{label}: {output}"


def archive(folder: str) -> int:
    # ok: VC417 -- only ever called with a constant
    return os.system(f"tar czf /backups/archive.tgz {folder}")
