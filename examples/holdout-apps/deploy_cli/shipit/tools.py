"""terraform, helm, kubectl and git through subprocess."""

from __future__ import annotations

import logging
import os
import subprocess
import time
from pathlib import Path

log = logging.getLogger(__name__)


def git_sha(repo: Path) -> str:
    # ok: VC108
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def git_checkout(repo: Path, ref: str) -> None:
    # expect: VC408, VC108
    os.system(f"cd {repo} && git fetch --all && git checkout {ref}")


def terraform_init(workdir: Path) -> None:
    # expect: VC108
    subprocess.run(["terraform", "init", "-input=false"], cwd=workdir)


def terraform_apply(workdir: Path, env: str, auto_approve: bool) -> None:
    cmd = f"terraform apply -input=false -var-file=envs/{env}.tfvars"
    if auto_approve:
        cmd += " -auto-approve"
    # expect: VC408
    subprocess.run(cmd, shell=True, cwd=workdir, check=True)


def terraform_plan(workdir: Path, env: str) -> int:
    # ok: VC108/VC408
    proc = subprocess.run(
        ["terraform", "plan", "-input=false", "-detailed-exitcode", f"-var-file=envs/{env}.tfvars"], cwd=workdir
    )
    if proc.returncode == 1:
        raise RuntimeError("terraform plan failed")
    return proc.returncode


def terraform_output(workdir: Path, name: str) -> str:
    # ok: VC108/VC408
    return subprocess.check_output(["terraform", "output", "-raw", name], cwd=workdir, text=True).strip()


def helm_upgrade(release: str, chart: str, namespace: str, values_file: Path, image_tag: str) -> None:
    # expect: VC408, VC108
    os.system(
        "helm upgrade --install " + release + " " + chart + " -n " + namespace
        + " -f " + str(values_file) + " --set image.tag=" + image_tag
    )


def helm_upgrade_safe(release: str, chart: str, namespace: str, values_file: Path, image_tag: str) -> None:
    # ok: VC408/VC108
    subprocess.run(
        ["helm", "upgrade", "--install", release, chart, "-n", namespace, "-f", str(values_file),
         "--set", f"image.tag={image_tag}", "--wait"],
        check=True,
    )


def kubectl_apply(manifest: str) -> None:
    proc = subprocess.Popen(["kubectl", "apply", "-f", "-"], stdin=subprocess.PIPE, text=True)
    # expect: VC108
    proc.communicate(manifest)


def wait_for_rollout(deployment: str, namespace: str) -> None:
    # expect: VC109
    while True:
        proc = subprocess.run(
            ["kubectl", "rollout", "status", f"deployment/{deployment}", "-n", namespace, "--timeout=30s"],
            capture_output=True,
        )
        if proc.returncode == 0:
            return
        log.info("waiting for %s", deployment)
        time.sleep(5)


def wait_for_rollout_bounded(deployment: str, namespace: str, attempts: int = 20) -> None:
    # ok: VC109
    for _ in range(attempts):
        proc = subprocess.run(
            ["kubectl", "rollout", "status", f"deployment/{deployment}", "-n", namespace, "--timeout=30s"],
            capture_output=True,
        )
        if proc.returncode == 0:
            return
        time.sleep(5)
    raise TimeoutError(deployment)


def docker_login(registry: str, user: str, password: str) -> None:
    log.info("logging in to %s as %s", registry, user)
    # expect: VC407
    log.debug("docker login -u %s -p %s %s", user, password, registry)
    subprocess.run(["docker", "login", "-u", user, "--password-stdin", registry], input=password, text=True, check=True)
