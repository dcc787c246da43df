"""ledger-sync: pull the ledger feeds, load them into the warehouse, archive old data."""

import json
import tempfile
from contextlib import suppress
from datetime import date, timedelta
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from .archive import cleanup, compress, dump_table, ship
from .config import load_config
from .fetch import fetch_csv
from .warehouse import connect, count_rows, load_frame, prune_before, safe_rollback, validate_frame

app = typer.Typer(help="Sync ledger feeds into the warehouse.")
console = Console()


@app.command()
def sync(
    config: Path = typer.Option(Path("pipeline.yaml"), exists=True),
    only: Optional[str] = typer.Option(None, help="sync only this feed"),
    where: Optional[str] = typer.Option(None, help="row filter, e.g. \"row['amount'] > 0\""),
) -> None:
    cfg = load_config(config)
    conn = connect(cfg.dsn)
    loaded = {}
    for name, url in cfg.feeds.items():
        if only and name != only:
            continue
        try:
            frame = validate_frame(fetch_csv(url, cfg.api_token))
            if where:
                keep = [
                    # expect: VC413
                    bool(eval(where, {}, {"row": row}))
                    for row in frame.to_dict("records")
                ]
                frame = frame[keep]
            loaded[name] = load_frame(conn, name, frame)
        # expect: VC102/VC104 -- it also rolls back, so VC102 (no traceback) names it, not VC104 (only prints)
        except Exception as exc:
            console.print(f"[red]feed {name} failed:[/red] {exc}")
            safe_rollback(conn)
            continue
    # ok: VC505
    print(json.dumps(loaded, indent=2))


@app.command()
def prune(
    config: Path = typer.Option(Path("pipeline.yaml"), exists=True),
    days: int = typer.Option(400, min=30),
) -> None:
    cfg = load_config(config)
    conn = connect(cfg.dsn)
    cutoff = date.today() - timedelta(days=days)
    for table in cfg.tables:
        # expect: VC101
        with suppress(Exception):
            deleted = prune_before(conn, table, cutoff)
            typer.echo(f"{table}: {deleted} rows pruned")


@app.command()
def archive(
    config: Path = typer.Option(Path("pipeline.yaml"), exists=True),
    remote_dir: str = typer.Option("/srv/archive/ledger"),
) -> None:
    cfg = load_config(config)
    work_dir = tempfile.mkdtemp(prefix="ledger-archive-")
    try:
        for table in cfg.tables:
            ship(compress(dump_table(cfg.dsn, table, work_dir)), remote_dir)
    finally:
        cleanup(work_dir)


@app.command()
def stats(
    config: Path = typer.Option(Path("pipeline.yaml"), exists=True),
    since: Optional[str] = typer.Option(None),
) -> None:
    cfg = load_config(config)
    conn = connect(cfg.dsn)
    for table in cfg.tables:
        try:
            typer.echo(f"{table}: {count_rows(conn, table, since)}")
        # ok: VC101, VC102
        except Exception:
            console.print_exception()
            raise typer.Exit(code=1)


if __name__ == "__main__":
    app()
