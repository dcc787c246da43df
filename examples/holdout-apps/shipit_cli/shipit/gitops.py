"""Thin wrappers over the git command line."""

import logging
import os
import subprocess

logger = logging.getLogger(__name__)


class GitError(RuntimeError):
    pass


def current_branch() -> str:
    # ok: VC108
    out = subprocess.run(["git", "rev-parse", "--abbrev-ref", "HEAD"], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def is_clean() -> bool:
    result = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True)
    # ok: VC108
    if result.returncode != 0:
        raise GitError(result.stderr)
    return result.stdout.strip() == ""


def last_tag() -> str | None:
    try:
        out = subprocess.check_output(["git", "describe", "--tags", "--abbrev=0"], text=True)
    # ok: VC101
    except subprocess.CalledProcessError:
        return None
    return out.strip()


def commits_since(tag: str | None) -> list[str]:
    rev = f"{tag}..HEAD" if tag else "HEAD"
    # expect: VC108
    out = subprocess.run(["git", "log", "--pretty=%s", rev], capture_output=True, text=True)
    return [line for line in out.stdout.splitlines() if line]


def tag(version: str, message: str) -> None:
    # expect: VC408
    subprocess.run(f"git tag -a v{version} -m '{message}'", shell=True, check=True)


def tag_safely(version: str, message: str) -> None:
    # ok: VC408
    subprocess.run(["git", "tag", "-a", f"v{version}", "-m", message], check=True)


def push(branch: str) -> None:
    # expect: VC108, VC408
    os.system(f"git push origin {branch} --follow-tags")


def commit_all(message: str) -> None:
    # expect: VC108
    subprocess.call(["git", "commit", "-am", message])
