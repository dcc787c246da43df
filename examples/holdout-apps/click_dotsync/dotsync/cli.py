import sys
from pathlib import Path

import click

from . import git, links
from .config import Config, ConfigError, load_config, load_config_strict, save_config


@click.group()
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None)
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None) -> None:
    ctx.ensure_object(dict)
    ctx.obj["config_path"] = config_path


def _config(ctx: click.Context) -> Config:
    path = ctx.obj["config_path"]
    try:
        return load_config_strict(path) if path else load_config_strict()
    except ConfigError as exc:
        # ok: VC105
        raise click.ClickException(str(exc)) from exc


@cli.command()
@click.argument("repo", type=click.Path(file_okay=False, path_type=Path))
@click.pass_context
def init(ctx: click.Context, repo: Path) -> None:
    config = Config(repo=repo)
    path = ctx.obj["config_path"]
    if path:
        save_config(config, path)
    else:
        save_config(config)
    click.echo(f"initialised dotsync for {repo}")


@cli.command()
@click.argument("names", nargs=-1)
@click.pass_context
def add(ctx: click.Context, names: tuple[str, ...]) -> None:
    config = _config(ctx)
    # expect: VC505
    print("DEBUG config", config)
    config.files.extend(n for n in names if n not in config.files)
    save_config(config, ctx.obj["config_path"]) if ctx.obj["config_path"] else save_config(config)
    click.echo(f"tracking {len(config.files)} files")


@cli.command()
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=Path.home())
@click.pass_context
def sync(ctx: click.Context, home: Path) -> None:
    config = load_config(ctx.obj["config_path"]) if ctx.obj["config_path"] else load_config()
    if config is None:
        click.echo("no config found")
        return
    git.pull(config.repo, config.remote, config.branch)
    linked = links.link_all(config.repo, config.files, home)
    if git.commit_all(config.repo, "dotsync: update"):
        git.push(config.repo, config.remote, config.branch)
    click.echo(f"linked {len(linked)} files")


@cli.command()
@click.pass_context
def push(ctx: click.Context) -> None:
    config = _config(ctx)
    try:
        git.push(config.repo, config.remote, config.branch)
    # expect: VC104
    except Exception as e:
        click.echo(f"push failed: {e}")


@cli.command()
@click.pass_context
def pull(ctx: click.Context) -> None:
    config = _config(ctx)
    try:
        git.pull(config.repo, config.remote, config.branch)
    except OSError as e:
        # ok: VC104
        click.echo(f"pull failed: {e}", err=True)
        sys.exit(1)


@cli.command()
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=Path.home())
@click.pass_context
def restore(ctx: click.Context, home: Path) -> None:
    config = _config(ctx)
    restored = links.restore_backups(home, config.files)
    click.echo(f"restored {len(restored)} files")


@cli.command()
@click.pass_context
def status(ctx: click.Context) -> None:
    config = _config(ctx)
    click.echo(git.status(config.repo) or "clean")
