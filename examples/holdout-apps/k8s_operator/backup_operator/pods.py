"""Running commands inside the database pods."""

from __future__ import annotations

import shlex

from kubernetes import client
from kubernetes.stream import stream

DUMP_COMMANDS = {
    "postgres": ["pg_dumpall", "--clean"],
    "mysql": ["mysqldump", "--all-databases", "--single-transaction"],
    "redis": ["redis-cli", "--rdb", "/tmp/dump.rdb"],
}


def exec_in_pod(core: client.CoreV1Api, pod: str, namespace: str, command: list[str]) -> str:
    return stream(
        core.connect_get_namespaced_pod_exec,
        pod,
        namespace,
        command=command,
        stderr=True,
        stdin=False,
        stdout=True,
        tty=False,
    )


def run_shell(core: client.CoreV1Api, pod: str, namespace: str, script: str) -> str:
    """Run a shell snippet in the pod (pre/post backup hooks)."""
    return exec_in_pod(core, pod, namespace, ["/bin/sh", "-c", script])


def dump_database(core: client.CoreV1Api, pod: str, namespace: str, engine: str) -> str:
    # ok: VC421/VC408
    return exec_in_pod(core, pod, namespace, DUMP_COMMANDS[engine])


def list_backup_dir(core: client.CoreV1Api, pod: str, namespace: str, directory: str) -> str:
    # ok: VC421/VC408
    return exec_in_pod(core, pod, namespace, ["sh", "-c", "ls -la " + shlex.quote(directory)])
