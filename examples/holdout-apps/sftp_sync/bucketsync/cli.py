"""bucketsync command line interface."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from . import local, notify, s3
from .config import load_config, load_state
from .sftp import SFTPTarget

log = logging.getLogger("bucketsync")
STATE_FILE = Path.home() / ".cache" / "bucketsync" / "state.yaml"


@click.group()
@click.option("-v", "--verbose", is_flag=True)
@click.option("-c", "--config", "config_path", type=click.Path(path_type=Path), default=None)
@click.pass_context
def main(ctx: click.Context, verbose: bool, config_path: Path | None) -> None:
    """Sync a local folder to S3 buckets and SFTP servers."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)
    ctx.obj = load_config(config_path)
    # expect: VC505
    print("DEBUG config:", ctx.obj)


@main.command()
@click.option("--dry-run", is_flag=True)
@click.option("--target", "only", multiple=True, help="Only sync these targets")
@click.pass_obj
def sync(cfg, dry_run: bool, only: tuple[str, ...]) -> None:
    """Upload new and changed files to every target."""
    state = load_state(STATE_FILE)
    changed = []
    for full, rel in local.iter_files(cfg.source_dir, cfg.exclude):
        digest = local.md5sum(full)
        # ok: VC204
        if state.get(rel) != digest:
            changed.append((full, rel, digest))
    # ok: VC505
    click.echo(f"{len(changed)} changed files")
    if dry_run:
        for _, rel, _ in changed:
            click.echo(f"  would upload {rel}")
        return

    failures = 0
    for target in cfg.targets:
        if only and target.name not in only:
            continue
        if target.kind == "s3":
            client = s3.make_client()
            for full, rel, digest in changed:
                try:
                    s3.upload_with_limit(client, target, full, rel, cfg.max_retries)
                    state[rel] = digest
                # expect: VC104/VC102
                except Exception as e:
                    print(f"Upload failed for {rel}: {e}")
        elif target.kind == "sftp":
            remote = SFTPTarget(target)
            remote.connect()
            try:
                for full, rel, digest in changed:
                    remote.put(full, rel)
                    state[rel] = digest
            except OSError as exc:
                failures += 1
                log.error("sftp sync to %s failed: %s", target.name, exc)
            finally:
                remote.close()
        else:
            raise click.BadParameter(f"unknown target kind {target.kind!r}")

    STATE_FILE.parent.mkdir(parents=True, exist_ok=True)
    STATE_FILE.write_text(json.dumps(state))
    if cfg.webhook_url:
        notify.notify(cfg.webhook_url, f"bucketsync: {len(changed)} files, {failures} failures")
    if failures:
        sys.exit(1)


@main.command()
@click.argument("dest")
@click.option("--encrypt/--no-encrypt", default=True)
@click.pass_obj
def archive(cfg, dest: str, encrypt: bool) -> None:
    """Create a (optionally encrypted) archive of the source folder."""
    path = local.make_archive(cfg.source_dir, Path(dest))
    local.verify_archive(path)
    if encrypt and cfg.encrypt_for:
        path = local.encrypt(path, cfg.encrypt_for)
    click.echo(str(path))


@main.command()
@click.argument("dest")
@click.option("--dry-run", is_flag=True)
@click.pass_obj
def mirror(cfg, dest: str, dry_run: bool) -> None:
    """Mirror the source folder to a mounted path with rsync."""
    local.rsync_mirror(cfg.source_dir, dest, dry_run=dry_run)


@main.command()
@click.option("--yes", is_flag=True)
@click.pass_obj
def prune(cfg, yes: bool) -> None:
    """Delete remote objects that no longer exist locally."""
    local_keys = {rel for _, rel in local.iter_files(cfg.source_dir, cfg.exclude)}
    for target in cfg.targets:
        if target.kind != "s3":
            continue
        client = s3.make_client()
        stale = [k for k in s3.list_keys(client, target) if k not in local_keys]
        if not stale:
            continue
        if yes or click.confirm(f"Delete {len(stale)} objects from {target.name}?"):
            n = s3.delete_stale(client, target, stale)
            click.echo(f"deleted {n} objects from {target.name}")


if __name__ == "__main__":
    main()
