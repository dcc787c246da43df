"""Checks out a pull request and runs the requested make target."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

import yaml
from jinja2 import Template

from .settings import ALLOWED_TARGETS, WORKSPACE

log = logging.getLogger(__name__)


def checkout(repo: str, number: int) -> Path:
    workdir = Path(WORKSPACE) / repo.replace("/", "__") / str(number)
    workdir.mkdir(parents=True, exist_ok=True)
    # ok: VC108/VC408/VC421
    subprocess.run(["git", "clone", "--depth=50", f"https://github.com/{repo}.git", str(workdir)], check=True)
    # ok: VC108/VC408/VC421
    subprocess.run(["git", "fetch", "origin", f"pull/{int(number)}/head:pr"], cwd=workdir, check=True)
    subprocess.run(["git", "checkout", "pr"], cwd=workdir, check=True)
    return workdir


def checkout_branch(workdir: Path, branch: str) -> None:
    # expect: VC408/VC421, VC108
    os.system(f"cd {workdir} && git checkout {branch}")


def run_target(workdir: Path, target: str) -> subprocess.CompletedProcess:
    # expect: VC408/VC421/VC417
    return subprocess.run(f"make {target}", shell=True, cwd=workdir, capture_output=True, text=True, timeout=900)


def run_allowed_target(workdir: Path, target: str) -> subprocess.CompletedProcess:
    argv = ALLOWED_TARGETS.get(target)
    if argv is None:
        raise ValueError(f"unknown target {target}")
    # ok: VC408/VC421
    return subprocess.run(argv, cwd=workdir, capture_output=True, text=True, timeout=900)


def load_repo_config(text: str) -> dict:
    # expect: VC406
    return yaml.load(text, Loader=yaml.UnsafeLoader) or {}


def load_repo_config_safe(text: str) -> dict:
    # ok: VC406
    return yaml.safe_load(text) or {}


def render_reply(template_text: str, **context: object) -> str:
    # expect: VC426/VC412/VC417
    return Template(template_text).render(**context)
