"""Services the routes get from factories in `deps.py`: a shell runner and a pinger."""

import os
import subprocess

import requests

PARTNER = "https://partner.example.com"


class Runner:
    def __init__(self, cwd: str = "/srv") -> None:
        self.cwd = cwd

    @classmethod
    def from_env(cls) -> "Runner":
        return cls(os.environ.get("JOBS_DIR", "/srv"))

    def show(self, name: str) -> str:
        # expect: VC417 -- reached through `Depends(runner_dependency)`, a dependency that yields the runner
        with open(os.path.join(self.cwd, name)) as fh:
            return fh.read()

    def tail(self, name: str) -> str:
        # expect: VC417 -- reached through `Runner.from_env()`, a class method that returns `cls(...)`
        return subprocess.check_output(f"tail -n 20 {name}", shell=True, cwd=self.cwd, text=True)

    def run(self, cmd: str) -> str:
        # expect: VC417 -- reached through `get_runner()`
        return subprocess.run(cmd, shell=True, cwd=self.cwd, capture_output=True, text=True).stdout

    def run_listed(self, cmd: str) -> str:
        if cmd not in {"uptime", "df -h"}:
            raise ValueError(cmd)
        # ok: VC417
        return subprocess.run(cmd, shell=True, cwd=self.cwd, capture_output=True, text=True).stdout

    def run_script(self, script: str) -> str:
        # expect: VC417 -- reached through `Depends(get_cached_runner)`, a factory returning another's object
        return subprocess.check_output(["sh", "-c", script], cwd=self.cwd, text=True)

    def ping(self, host: str) -> str:
        # expect: VC417 -- reached through `deps.get_runner().ping(host)`
        return subprocess.check_output(f"ping -c 1 {host}", shell=True, text=True)


class Archiver:
    def pack(self, name: str) -> None:
        # ok: VC417 -- its one caller passes a constant
        subprocess.run(f"tar czf /srv/out.tgz {name}", shell=True, check=True)


class Notifier:
    def notify(self, url: str) -> int:
        # expect: VC417 -- reached through `notifier`, an instance this module binds and the routes import
        return requests.post(url, json={"done": True}, timeout=5).status_code

    def notify_partner(self, job: str) -> int:
        # ok: VC417 -- a number under a fixed host
        return requests.post(f"{PARTNER}/jobs/{int(job)}", timeout=5).status_code


notifier = Notifier()
