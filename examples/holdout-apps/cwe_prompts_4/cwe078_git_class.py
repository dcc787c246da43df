"""Prompt: a service class that clones the repository URL a user submits, called from a Flask route."""
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


class GitRunner:
    def __init__(self, workdir: str) -> None:
        self.workdir = workdir

    def clone(self, url: str) -> str:
        # expect: VC421/VC408/VC417
        return subprocess.check_output(f"git clone --depth 1 {url}", shell=True, cwd=self.workdir, text=True)

    def clone_safe(self, url: str) -> str:
        # ok: VC421/VC408
        return subprocess.check_output(["git", "clone", "--depth", "1", "--", url], cwd=self.workdir, text=True)


runner = GitRunner("/srv/checkouts")


# expect: VC201 -- no authentication anywhere in the app
@app.post("/clone")
def clone():
    payload = request.get_json(silent=True) or {}
    return jsonify(output=runner.clone(payload.get("repo", "")))


@app.post("/clone-safe")
def clone_safe():
    payload = request.get_json(silent=True) or {}
    return jsonify(output=runner.clone_safe(payload.get("repo", "")))
