"""kopf handlers for BackupJob resources (backups.acme.io/v1)."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import kopf
import requests
from kubernetes import client
from kubernetes.client.rest import ApiException

from . import kube, manifests
from .pods import dump_database, exec_in_pod, run_shell

GROUP, VERSION, PLURAL = "backups.acme.io", "v1", "backupjobs"
ALLOWED_HOOKS = {
    "flush-tables": ["mysql", "-e", "FLUSH TABLES WITH READ LOCK"],
    "checkpoint": ["psql", "-c", "CHECKPOINT"],
}


@kopf.on.startup()
def configure(settings: kopf.OperatorSettings, **_: Any) -> None:
    settings.posting.level = logging.WARNING
    kube.load_config()


@kopf.on.create(GROUP, VERSION, PLURAL)
def create_backup(spec: dict[str, Any], name: str, namespace: str, logger: logging.Logger, **_: Any) -> dict[str, str]:
    core = client.CoreV1Api()
    pod = spec["targetPod"]
    hook = spec.get("preHook")
    if hook:
        # expect: VC421/VC408
        run_shell(core, pod, namespace, hook)
    output = dump_database(core, pod, namespace, spec.get("engine", "postgres"))
    # expect: VC409
    logger.info("dumped %d bytes from %s", len(output), pod)
    job = manifests.render_job(name, spec)
    kopf.adopt(job)
    client.BatchV1Api().create_namespaced_job(namespace, job)
    return {"phase": "Running"}


@kopf.on.update(GROUP, VERSION, PLURAL, field="spec.postHook")
def post_hook_changed(spec: dict[str, Any], namespace: str, **_: Any) -> None:
    core = client.CoreV1Api()
    post = spec["postHook"]
    # expect: VC421/VC408
    exec_in_pod(core, spec["targetPod"], namespace, ["bash", "-c", f"cd /data && {post}"])


@kopf.on.field(GROUP, VERSION, PLURAL, field="spec.hook")
def named_hook(spec: dict[str, Any], namespace: str, **_: Any) -> None:
    if spec["hook"] not in ALLOWED_HOOKS:
        raise kopf.PermanentError(f"unknown hook {spec['hook']!r}")
    # ok: VC421/VC408
    exec_in_pod(client.CoreV1Api(), spec["targetPod"], namespace, ALLOWED_HOOKS[spec["hook"]])


@kopf.on.create(GROUP, VERSION, "custombackupjobs")
def create_custom(spec: dict[str, Any], name: str, namespace: str, **_: Any) -> None:
    job = manifests.render_custom_job(name, spec)
    job["spec"].update(manifests.load_overrides(spec))
    client.BatchV1Api().create_namespaced_job(namespace, job)


@kopf.on.delete(GROUP, VERSION, PLURAL)
def delete_backup(name: str, namespace: str, **_: Any) -> None:
    try:
        client.BatchV1Api().delete_namespaced_job(f"{name}-backup", namespace, propagation_policy="Foreground")
    # expect: VC101
    except ApiException:
        pass


@kopf.on.delete(GROUP, VERSION, "custombackupjobs")
def delete_custom(name: str, namespace: str, logger: logging.Logger, **_: Any) -> None:
    try:
        client.BatchV1Api().delete_namespaced_job(f"{name}-backup", namespace)
    # ok: VC101
    except ApiException as exc:
        if exc.status != 404:
            # expect: VC105
            raise kopf.TemporaryError(f"delete failed: {exc.reason}", delay=30)
        # ok: VC409 -- a resource name is a DNS label the API server checked
        logger.info("job %s already gone", name)


@kopf.timer(GROUP, VERSION, PLURAL, interval=300)
async def report_status(spec: dict[str, Any], name: str, status: dict[str, Any], **_: Any) -> None:
    webhook = spec.get("notifyUrl")
    if not webhook:
        return
    # expect: VC405, VC110, VC107
    requests.post(webhook, json={"backup": name, "status": status.get("create_backup")}, timeout=10)


@kopf.timer(GROUP, VERSION, PLURAL, interval=60)
async def prune_old(spec: dict[str, Any], namespace: str, **_: Any) -> None:
    keep = int(spec.get("keep", 7))
    jobs = client.BatchV1Api().list_namespaced_job(namespace, label_selector="app=backup").items
    for job in sorted(jobs, key=lambda j: j.metadata.creation_timestamp)[:-keep]:
        client.BatchV1Api().delete_namespaced_job(job.metadata.name, namespace)
        # expect: VC110
        time.sleep(0.5)


@kopf.daemon(GROUP, VERSION, PLURAL)
async def watch_target(spec: dict[str, Any], namespace: str, stopped: kopf.DaemonStopped, **_: Any) -> None:
    # ok: VC109
    while not stopped:
        await asyncio.sleep(30)


@kopf.on.probe(id="ready")
def ready(**_: Any) -> bool:
    return True
