import logging
import os
import subprocess

log = logging.getLogger(__name__)


def pull_and_deploy(repo_dir: str, branch: str, script: str) -> str:
    """Check out the pushed branch and run the deploy script."""
    # expect: VC408/VC421/VC417 -- the branch comes from the webhook's payload (reported here, through the call)
    # expect: VC108
    subprocess.run(f"cd {repo_dir} && git fetch origin && git checkout {branch} && git pull origin {branch}", shell=True)
    # expect: VC408/VC421/VC417
    # expect: VC108
    os.system(f"{script} {branch} >> /var/log/relay/deploy.log 2>&1")
    return branch


def pull_and_deploy_v2(repo_dir: str, branch: str, script: str, allowed: frozenset[str]) -> str:
    if branch not in allowed:
        raise ValueError(f"branch {branch!r} is not deployable")
    # ok: VC408/VC421/VC108
    subprocess.run(["git", "-C", repo_dir, "fetch", "origin", branch], check=True, timeout=120)
    # ok: VC408/VC421/VC108
    subprocess.run(["git", "-C", repo_dir, "checkout", "-B", branch, f"origin/{branch}"], check=True, timeout=60)
    # ok: VC408/VC421
    result = subprocess.run([script, branch], capture_output=True, text=True, timeout=900, check=True)
    log.info("deployed %s: %s", branch, result.stdout[-500:])
    return branch


def current_commit(repo_dir: str) -> str:
    # expect: VC108
    out = subprocess.run(["git", "-C", repo_dir, "rev-parse", "HEAD"], capture_output=True, text=True)
    return out.stdout.strip()
