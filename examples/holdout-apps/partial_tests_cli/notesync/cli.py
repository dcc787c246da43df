"""notesync command line."""

from __future__ import annotations

from pathlib import Path

import click
import requests

from notesync.store import LocalStore, NoteNotFound, RemoteStore
from notesync.sync import PruneJob, SyncJob, diff


def _stores(folder: str, server: str) -> tuple[LocalStore, RemoteStore]:
    return LocalStore(Path(folder)), RemoteStore(requests.Session(), server)


@click.group()
@click.option("--folder", default=".", type=click.Path(file_okay=False))
@click.option("--server", default="http://localhost:8080", envvar="NOTESYNC_SERVER")
@click.pass_context
def cli(ctx: click.Context, folder: str, server: str) -> None:
    ctx.obj = {"folder": folder, "server": server}


@cli.command("list")
@click.pass_obj
# ok: VC301
def list_notes(obj: dict) -> None:
    for slug in LocalStore(Path(obj["folder"])).slugs():
        click.echo(slug)


@cli.command()
@click.argument("slug")
@click.pass_obj
# ok: VC301
def show(obj: dict, slug: str) -> None:
    try:
        click.echo(LocalStore(Path(obj["folder"])).get(slug))
    # ok: VC309
    except NoteNotFound:
        # expect: VC105
        raise click.ClickException(f"no note named {slug}")


@cli.command()
@click.argument("slugs", nargs=-1)
@click.pass_obj
# expect: VC301
def push(obj: dict, slugs: tuple[str, ...]) -> None:
    local, remote = _stores(obj["folder"], obj["server"])
    report = SyncJob(local, remote).run(list(slugs) or local.slugs())
    click.echo(f"pushed {len(report.pushed)}, pulled {len(report.pulled)}")


@cli.command()
@click.option("--keep", multiple=True)
@click.pass_obj
# expect: VC301
def prune(obj: dict, keep: tuple[str, ...]) -> None:
    removed = PruneJob(LocalStore(Path(obj["folder"])), set(keep)).run()
    click.echo(f"removed {len(removed)} notes")


@cli.command("status")
@click.argument("remote_slugs", nargs=-1)
@click.pass_obj
# ok: VC301
def status_cmd(obj: dict, remote_slugs: tuple[str, ...]) -> None:
    only_local, only_remote = diff(LocalStore(Path(obj["folder"])).slugs(), list(remote_slugs))
    click.echo(f"local only: {', '.join(only_local) or '-'}")
    click.echo(f"remote only: {', '.join(only_remote) or '-'}")
