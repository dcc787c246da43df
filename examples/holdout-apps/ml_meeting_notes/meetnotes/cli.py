import logging

import click
import pandas as pd

from .actions import run_follow_ups, save_summary
from .analytics import answer_question
from .audio import to_wav
from .config import load_config
from .transcribe import transcribe_file

logger = logging.getLogger(__name__)


@click.group()
@click.option("--config", "config_path", default=None)
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    ctx.obj = load_config(config_path)


@cli.command()
@click.argument("media")
@click.option("--follow-ups/--no-follow-ups", default=False)
@click.pass_obj
def process(cfg, media: str, follow_ups: bool) -> None:
    wav = to_wav(media, cfg.ffmpeg_bin)
    transcript = transcribe_file(cfg, wav)
    path = save_summary(cfg, transcript)
    click.echo(f"summary written to {path}")
    if follow_ups:
        run_follow_ups(cfg, transcript)


@cli.command()
@click.argument("csv_path")
@click.argument("question")
@click.pass_obj
def ask(cfg, csv_path: str, question: str) -> None:
    df = pd.read_csv(csv_path, parse_dates=["started_at"])
    click.echo(answer_question(cfg, df, question))


if __name__ == "__main__":
    cli()
