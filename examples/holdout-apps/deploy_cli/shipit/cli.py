"""shipit: deploy the platform to an environment."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

import click
import yaml

from . import manifests, remote, tools
from .config import load_inventory

log = logging.getLogger("shipit")


@click.group()
@click.option("--inventory", type=click.Path(exists=True, path_type=Path), default="inventory.yaml")
@click.option("-v", "--verbose", is_flag=True)
@click.pass_context
def main(ctx: click.Context, inventory: Path, verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)
    ctx.obj = load_inventory(inventory)


@main.command()
@click.argument("env")
@click.option("--ref", default="main")
@click.option("--auto-approve", is_flag=True)
@click.pass_obj
def infra(environments: dict, env: str, ref: str, auto_approve: bool) -> None:
    workdir = Path("infra")
    tools.git_checkout(workdir, ref)
    tools.terraform_init(workdir)
    tools.terraform_apply(workdir, environments[env].name, auto_approve)


@main.command()
@click.argument("env")
@click.option("--tag", required=True)
@click.pass_obj
def release(environments: dict, env: str, tag: str) -> None:
    target = environments[env]
    values_file = Path(f"values/{env}.yaml")
    tools.helm_upgrade(target.name, target.chart, target.namespace, values_file, tag)
    tools.wait_for_rollout(target.name, target.namespace)


@main.command()
@click.argument("env")
@click.pass_obj
def render(environments: dict, env: str) -> None:
    target = environments[env]
    for doc in manifests.render_all(target.values):
        tools.kubectl_apply(yaml.safe_dump(doc))


@main.command()
@click.argument("env")
@click.pass_obj
def restart(environments: dict, env: str) -> None:
    for host in environments[env].hosts:
        try:
            remote.restart_services(host)
        # expect: VC101/VC102
        except Exception:
            continue


@main.command()
@click.argument("command", nargs=-1)
def kubectl(command: tuple[str, ...]) -> None:
    """Pass-through to kubectl with the platform kubeconfig."""
    # ok: VC421 -- the operator's own command line
    # ok: VC408
    subprocess.run(["kubectl", "--kubeconfig", os.path.expanduser("~/.kube/platform"), *command], check=True)


@main.command()
@click.argument("script")
def hook(script: str) -> None:
    """Run a local hook script before a deploy."""
    # expect: VC108
    # ok: VC408/VC421 -- the operator's own hook script, run whole
    subprocess.call(script, shell=True)


if __name__ == "__main__":
    main()
