"""`shipit`: one command from a clean main branch to an announced release."""

import json
import subprocess
import sys
from pathlib import Path

import click

from . import announce, docker, gitops
from .config import load_config, registry_password
from .versioning import bump, read_version, write_version


@click.group()
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=Path(".shipit.yaml"))
@click.option("-v", "--verbose", is_flag=True)
@click.pass_context
def cli(ctx: click.Context, config_path: Path, verbose: bool) -> None:
    ctx.obj = {"config": load_config(config_path), "verbose": verbose}
    if verbose:
        # expect: VC407
        click.echo(f"Loaded config: {json.dumps(ctx.obj['config'], indent=2)}")


@cli.command()
@click.argument("part", type=click.Choice(["major", "minor", "patch"]))
@click.option("--dry-run", is_flag=True)
@click.pass_context
def release(ctx: click.Context, part: str, dry_run: bool) -> None:
    config = ctx.obj["config"]
    if not gitops.is_clean():
        click.echo("Working tree is dirty, commit or stash first.", err=True)
        # ok: VC104
        sys.exit(1)
    pyproject = Path("pyproject.toml")
    new = bump(read_version(pyproject), part)
    if dry_run:
        click.echo(f"Would release {new}")
        return
    write_version(pyproject, new)
    gitops.commit_all(f"Release {new}")
    gitops.tag(str(new), f"Release {new}")
    gitops.push(config["branch"])
    click.echo(f"Released {new}")


@cli.command()
@click.argument("version")
@click.pass_context
def image(ctx: click.Context, version: str) -> None:
    config = ctx.obj["config"]
    name = f"{config['registry']}/{Path.cwd().name}"
    try:
        docker.login(config["registry"], config.get("registry_user", "shipit-bot"), registry_password(),
                     verbose=ctx.obj["verbose"])
        docker.build(name, version)
        docker.push(name, [version, "latest"])
    # expect: VC104
    except subprocess.CalledProcessError as exc:
        click.echo(f"Image build failed: {exc}", err=True)
        return
    click.echo(f"Pushed {name}:{version}")


@cli.command()
@click.argument("version")
@click.pass_context
def image_strict(ctx: click.Context, version: str) -> None:
    config = ctx.obj["config"]
    name = f"{config['registry']}/{Path.cwd().name}"
    try:
        docker.build(name, version)
    # ok: VC104
    except subprocess.CalledProcessError as exc:
        raise click.ClickException(f"image build failed: {exc}") from exc
    failed = docker.push_reporting(name, [version, "latest"])
    if failed:
        raise click.ClickException(f"could not push: {', '.join(failed)}")


@cli.command()
@click.argument("version")
@click.option("--repo", required=True)
@click.pass_context
def announce_release(ctx: click.Context, version: str, repo: str) -> None:
    config = ctx.obj["config"]
    notes = "\n".join(f"- {c}" for c in gitops.commits_since(gitops.last_tag()))
    if ctx.obj["verbose"]:
        # expect: VC407
        click.echo(f"Using GitHub token {config['github_token']} for {repo}")
    url = announce.create_github_release(repo, config["github_token"], version, notes)
    if config.get("slack_webhook"):
        announce.notify_slack(config["slack_webhook"], f"Released {repo} v{version}: {url}")
    if ctx.obj["verbose"]:
        # ok: VC407
        click.echo(f"Token: {'set' if config['github_token'] else 'missing'}; release at {url}")


@cli.command()
@click.pass_context
def doctor(ctx: click.Context) -> None:
    """Check the tools shipit needs are installed."""
    for tool in ("git", "docker"):
        try:
            subprocess.run([tool, "--version"], capture_output=True, check=True)
            click.echo(f"{tool}: ok")
        # expect: VC111, VC102
        except:
            click.echo(f"{tool}: missing")
    ctx.exit(0)


if __name__ == "__main__":
    cli()
