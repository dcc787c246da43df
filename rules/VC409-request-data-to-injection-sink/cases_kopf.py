"""VC409 corpus (kopf operators): the custom resource's text is its author's; the names the API server validated
are not, and a `@kopf.on.delete` handler is no HTTP DELETE route."""
import kopf


@kopf.on.create("backups.acme.io", "v1", "backupjobs")
def created(spec, name, logger, **_):
    # expect: VC409
    logger.info("backing up %s", spec["targetPod"])


@kopf.on.delete("backups.acme.io", "v1", "backupjobs")
def deleted(name, namespace, logger, **_):
    # ok: VC409 -- DNS labels, checked by the API server
    logger.info("job %s/%s already gone", namespace, name)
