import logging
import subprocess
from pathlib import Path

logger = logging.getLogger(__name__)


class GitError(Exception):
    pass


def pull(repo: Path, remote: str, branch: str) -> None:
    # expect: VC108
    subprocess.run(["git", "-C", str(repo), "pull", "--rebase", remote, branch])


def push(repo: Path, remote: str, branch: str) -> None:
    # ok: VC108
    subprocess.run(["git", "-C", str(repo), "push", remote, branch], check=True)


def commit_all(repo: Path, message: str) -> bool:
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    # ok: VC108
    result = subprocess.run(["git", "-C", str(repo), "commit", "-m", message], capture_output=True, text=True)
    if result.returncode == 1 and "nothing to commit" in result.stdout:
        return False
    if result.returncode != 0:
        raise GitError(result.stderr.strip())
    return True


def current_commit(repo: Path) -> str:
    # ok: VC108
    out = subprocess.check_output(["git", "-C", str(repo), "rev-parse", "HEAD"], text=True)
    return out.strip()


def status(repo: Path) -> str:
    proc = subprocess.Popen(["git", "-C", str(repo), "status", "--short"], stdout=subprocess.PIPE, text=True)
    # expect: VC108
    out, _ = proc.communicate()
    return out


def clone(url: str, dest: Path) -> None:
    try:
        subprocess.run(["git", "clone", url, str(dest)], check=True, capture_output=True)
    # expect: VC104
    except subprocess.CalledProcessError as e:
        # expect: VC505
        print("clone failed:", e.stderr)


def wait_for_lock(repo: Path) -> None:
    lock = repo / ".git" / "index.lock"
    import time

    # expect: VC114
    while lock.exists:
        time.sleep(0.2)


def wait_for_lock_gone(repo: Path, timeout: float = 10.0) -> None:
    import time

    lock = repo / ".git" / "index.lock"
    deadline = time.monotonic() + timeout
    # ok: VC114, VC109
    while lock.exists():
        if time.monotonic() > deadline:
            raise GitError(f"{lock} still present after {timeout}s")
        time.sleep(0.2)
