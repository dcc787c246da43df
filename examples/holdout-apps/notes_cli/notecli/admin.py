from __future__ import annotations

from pathlib import Path

import typer

from notecli.store import NoteStore

app = typer.Typer(help="Maintenance commands for the notes database.")


@app.command()
def check(db: Path = typer.Option(..., exists=True, dir_okay=False)) -> None:
    store = NoteStore(db)
    try:
        if not store.integrity_ok():
            typer.echo("integrity check failed", err=True)
            raise typer.Exit(code=1)
        typer.echo("ok")
    finally:
        store.close()


@app.command()
def stats(db: Path = typer.Option(..., exists=True, dir_okay=False)) -> None:
    store = NoteStore(db)
    try:
        notes = store.search()
        tags = {tag for note in notes for tag in note.tags}
        typer.echo(f"{len(notes)} notes, {len(tags)} tags")
    finally:
        store.close()
