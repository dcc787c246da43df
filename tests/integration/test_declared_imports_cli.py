"""VC503 decides from the project's declarations, not from what happens to be installed where it runs.

A pre-commit hook runs in its own virtualenv, which never holds the project's dependencies: a declared
distribution whose import name differs must still count as declared there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.integration.conftest import run_vibecheck, write

# declared distribution -> the module the code imports (none of them is a dependency of vibecheck)
DECLARED = {
    "opentelemetry-api": "opentelemetry",
    "pydantic-ai-slim": "pydantic_ai",
    "django-filter": "django_filters",
    "python3-saml": "onelogin",
    "google-cloud-storage": "google.cloud.storage",
}


def _missing_here(modules: list[str]) -> list[str]:
    """The top-level modules that a fresh interpreter of this environment cannot find."""
    tops = sorted({m.split(".")[0] for m in modules})
    probe = ("import importlib.util, json, sys\n"
             "print(json.dumps([m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", probe, *tops], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_declared_but_not_installed_distributions_cover_their_import_names(tmp_path: Path) -> None:
    modules = list(DECLARED.values())
    assert _missing_here(modules) == sorted({m.split(".")[0] for m in modules}), "the test needs them uninstalled"
    dependencies = ", ".join(f'"{name}"' for name in DECLARED)
    imports = "".join(f"import {module}\n" for module in modules)
    write(tmp_path, {
        "pyproject.toml": f'[project]\nname = "svc"\nversion = "1"\ndependencies = [{dependencies}]\n',
        "svc.py": imports + "import opentelemetry_hallucinated_helpers\n",
    })
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = run_vibecheck(["--no-bandit", "--select", "VC503", "--format", "json", "svc.py"], tmp_path, env=env)
    assert done.returncode == 1, done.stderr
    reported = [(f["code"], f["start"]["line"]) for f in json.loads(done.stdout)["findings"]]
    assert reported == [("VC503", len(modules) + 1)]


def test_a_requirements_file_nearer_than_the_repository_pyproject_declares_for_its_folder(tmp_path: Path) -> None:
    """A monorepo: `services/api/requirements.txt` declares what the service imports, under a `pyproject.toml` at the
    top that declares the repository's tooling. Both count for the service; an import neither declares is reported, and
    a cached run sees a requirement added to the service's file."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "platform-tools"\nversion = "1"\ndependencies = ["click"]\n',
        "services/api/requirements.txt": "fastapi\nhttpx\n",
        "services/api/app/__init__.py": "",
        "services/api/app/main.py": "import click\nimport fastapi\nimport httpx\nimport requests\n",
        "services/worker/worker.py": "import click\nimport fastapi\n",
    })
    (tmp_path / ".git").mkdir()

    def reported() -> list[tuple[str, str, int]]:
        done = run_vibecheck(["--no-bandit", "--select", "VC503,VC504", "--format", "json", "."], tmp_path)
        assert done.returncode in (0, 1), done.stderr
        return sorted((f["path"], f["code"], f["start"]["line"]) for f in json.loads(done.stdout)["findings"])

    assert reported() == [("services/api/app/main.py", "VC504", 4), ("services/worker/worker.py", "VC504", 2)]
    (tmp_path / "services/api/requirements.txt").write_text("fastapi\nhttpx\nrequests\n", encoding="utf-8")
    assert reported() == [("services/worker/worker.py", "VC504", 2)]
