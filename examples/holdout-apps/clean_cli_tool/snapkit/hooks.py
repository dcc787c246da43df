"""Hooks that run around a snapshot. The script text is ours; the operator's values are passed as arguments."""

import logging
import subprocess

logger = logging.getLogger(__name__)
HOOK_TIMEOUT = 300

# Flushes the application's write cache before the dump; "$1" is the service name, never spliced into the text.
FLUSH_SCRIPT = 'systemctl kill --signal=USR1 -- "$1" && sleep 2'


def flush_service(service: str) -> None:
    # ok: VC408/VC421 -- a fixed script; the service name arrives as "$1"
    subprocess.run(["sh", "-c", FLUSH_SCRIPT, "flush-hook", service], check=True, timeout=HOOK_TIMEOUT)


def disk_free(path: str) -> int:
    # ok: VC108
    result = subprocess.run(["df", "--output=avail", "-B1", "--", path], capture_output=True, text=True, timeout=30)
    if result.returncode != 0:
        raise OSError(f"df failed for {path}: {result.stderr.strip()}")
    return int(result.stdout.split()[-1])
