from __future__ import annotations

import os
from pathlib import Path

import click

from notecli.render import render_markdown, render_table
from notecli.store import NoteNotFound, NoteStore
from notecli.tags import TagError, normalise_tag

DEFAULT_DB = Path(os.environ.get("NOTES_DB", Path.home() / ".notes.sqlite3"))


@click.group()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True)
@click.pass_context
def cli(ctx: click.Context, db: Path) -> None:
    ctx.obj = NoteStore(db)
    ctx.call_on_close(ctx.obj.close)


@cli.command()
@click.argument("body")
@click.pass_obj
def add(store: NoteStore, body: str) -> None:
    try:
        note = store.add(body)
    except TagError as exc:
        raise click.BadParameter(str(exc), param_hint="BODY") from exc
    click.echo(f"Added note {note.id}")


@cli.command(name="list")
@click.option("--tag")
@click.option("--grep")
@click.pass_obj
def list_notes(store: NoteStore, tag: str | None, grep: str | None) -> None:
    if tag:
        tag = normalise_tag(tag)
    click.echo(render_table(store.search(tag=tag, text=grep)))


@cli.command()
@click.argument("note_id", type=int)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def delete(store: NoteStore, note_id: int, yes: bool) -> None:
    if not yes:
        click.confirm(f"Delete note {note_id}?", abort=True)
    try:
        store.delete(note_id)
    except NoteNotFound:
        raise click.ClickException(f"no note {note_id}") from None
    click.echo(f"Deleted note {note_id}")


@cli.command()
@click.argument("out", type=click.File("w"))
@click.pass_obj
def export(store: NoteStore, out) -> None:
    out.write(render_markdown(store.search()))
