"""snapkit: `snapkit run job.yaml`, `snapkit verify DIR`, `snapkit restore ARCHIVE TARGET`."""

import logging
from datetime import datetime, timezone
from pathlib import Path

import click

from . import logs, notify
from .archive import create_archive, prune, restore_archive, sha256_of
from .commands import CommandError, dump_database, source_revision
from .config import ConfigError, load_job
from .manifest import Entry, ManifestError, read_manifest, write_manifest

logger = logging.getLogger("snapkit")


@click.group()
@click.option("--log-level", default="INFO", type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]))
def cli(log_level: str) -> None:
    logs.configure(log_level)


@cli.command()
@click.argument("job_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def run(job_file: Path) -> None:
    """Dump the database, archive the source tree and write a manifest."""
    try:
        job = load_job(job_file)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    snapshot_dir = job.target_dir / f"{job.name}-{stamp}"
    snapshot_dir.mkdir(parents=True)
    dump = snapshot_dir / "database.dump"
    try:
        dump_database(job.database_url, dump)
    except CommandError as exc:
        logger.error("database dump failed", exc_info=True, extra={"fields": {"job": job.name}})
        raise click.ClickException(str(exc)) from exc
    tree = create_archive(job.source_dir, snapshot_dir / "files.tar.gz", job.exclude)
    entries = [Entry(p.name, sha256_of(p), p.stat().st_size) for p in (dump, tree)]
    write_manifest(snapshot_dir / "manifest.xml", job.name, entries, source_revision(job.source_dir))
    removed = prune(job.target_dir, f"{job.name}-*", job.keep)
    logger.info("snapshot done", extra={"fields": {"job": job.name, "dir": str(snapshot_dir), "pruned": len(removed)}})
    if job.notify_url and not notify.send(job.notify_url, job.notify_token, {"job": job.name, "status": "ok"}):
        logger.warning("run succeeded but the notification was not delivered")


@cli.command()
@click.argument("snapshot_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
def verify(snapshot_dir: Path) -> None:
    """Check every file of a snapshot against its manifest."""
    try:
        entries = read_manifest(snapshot_dir / "manifest.xml")
    except ManifestError as exc:
        raise click.ClickException(str(exc)) from exc
    bad = [e.name for e in entries if sha256_of(snapshot_dir / Path(e.name).name) != e.sha256]
    if bad:
        raise click.ClickException(f"checksum mismatch: {', '.join(bad)}")
    click.echo(f"{len(entries)} files verified")


@cli.command()
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
def restore(archive: Path, target: Path) -> None:
    """Unpack a files archive into TARGET."""
    restore_archive(archive, target)
    click.echo(f"restored into {target}")


def main() -> None:
    cli()
