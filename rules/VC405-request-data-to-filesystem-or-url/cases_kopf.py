"""VC405 corpus (Kubernetes operators): a kopf handler's `spec`, `body` and `status` are the custom resource, written by
whoever may create one in the cluster; its `name` and `namespace` are identifiers the API server validated."""
import logging
from pathlib import Path

import kopf
import requests

BACKUP_ROOT = Path("/var/backups")


@kopf.on.create("backups.acme.io", "v1", "backupjobs")
def notify_created(spec, name, namespace, **_):
    # expect: VC405
    requests.post(spec["notifyUrl"], json={"backup": name}, timeout=10)


@kopf.timer("backups.acme.io", "v1", "backupjobs", interval=300)
def export_report(body, **_):
    # expect: VC405
    Path(body["spec"]["reportPath"]).write_text("done")


@kopf.on.delete("backups.acme.io", "v1", "backupjobs")
def remove_archive(name, namespace, logger: logging.Logger, **_):
    # ok: VC405 -- a resource name is a DNS label: no `/` or `..` in it
    (BACKUP_ROOT / namespace / f"{name}.tar.gz").unlink(missing_ok=True)
    logger.info("removed the archive of %s", name)


@kopf.on.update("backups.acme.io", "v1", "backupjobs", field="spec.retention")
def retention_changed(new, **_):
    # ok: VC405 -- a fixed host; the resource only picks a number
    requests.put("https://backup-api.internal/retention", json={"days": int(new)}, timeout=10)
