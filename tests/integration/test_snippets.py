"""Every snippet users copy works as copied: README code, `examples/ci/`, `action.yml`.

Commands must exist in the CLI with the options and values they use, YAML/JSON/TOML must parse, installs
must not name the unreleased PyPI distribution, and pinned commits must be commits of this repository
that hold the hook definition and the action. The action's check step is run for real on a project.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO_ROOT
from tests.integration.conftest import write
from tests.snippet_check import check_text, commands_in, problems

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
ACTION = yaml.safe_load((REPO_ROOT / "action.yml").read_text(encoding="utf-8"))
CI_EXAMPLES = sorted((REPO_ROOT / "examples" / "ci").glob("*.yml"))
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
PIN = re.compile(r"(?:OWNER/vibecheck@|rev: )([0-9a-f]{7,40}|\S+)")
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")
GIT, BASH = shutil.which("git"), shutil.which("bash")
SWALLOW = "def load():\n    try:\n        return work()\n    except Exception:\n        pass\n"
TEST_OF_LOAD = "from app import load\n\n\ndef test_load():\n    assert load() is None\n"


def blocks(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(text)]


SHELL_KEYS = {"run", "script", "before_script", "after_script", "command", "entry"}


def strings_in(data: Any, shell: bool = False) -> list[str]:
    """The shell text in parsed YAML or JSON: the values of `run`, `script`, `command`, `entry` keys."""
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in strings_in(value, shell or key in SHELL_KEYS)]
    if isinstance(data, list):
        return [s for value in data for s in strings_in(value, shell)]
    return [data] if isinstance(data, str) and shell else []


def shell_texts() -> list[tuple[str, str]]:
    """(where, shell text) for every place a user copies commands from."""
    texts = [(f"README ```{lang}", body) for lang, body in blocks(README) if lang in ("console", "bash", "sh", "shell")]
    for lang, body in blocks(README):
        if lang in ("yaml", "json"):
            data = yaml.safe_load(body) if lang == "yaml" else json.loads(body)
            texts += [(f"README ```{lang}", s) for s in strings_in(data)]
    prose = FENCE.sub("", README)
    texts += [("README inline code", span) for span in re.findall(r"`([^`\n]+)`", prose)
              if span.startswith(("vibecheck ", '"$CLAUDE_PROJECT_DIR'))]
    for path in [*CI_EXAMPLES, REPO_ROOT / "action.yml"]:
        texts += [(path.name, s) for s in strings_in(yaml.safe_load(path.read_text(encoding="utf-8")))]
    return texts


def test_the_checker_rejects_what_does_not_exist() -> None:
    """The check below can fail: a misspelt option, a bad value and an unknown command are caught."""
    assert problems(["--formt", "json"]) and problems(["--format", "xml"]) and problems(["hook", "extra"])
    assert not problems(["--format", "sarif", "--output", "x.sarif", "src"])
    assert not problems(["server", "start", "--idle-timeout", "60"]) and not problems(["server", "stop"])
    assert problems(["server", "begin"]) and problems(["server"]) and problems(["server", "start", "--idle", "1"])
    assert list(commands_in("cat app.py | vibecheck --stdin-filename app.py  # comment")) == [["--stdin-filename", "app.py"]]


def test_every_vibecheck_command_in_the_snippets_exists() -> None:
    count = sum(check_text(text, where) for where, text in shell_texts())
    assert count >= 25, f"only {count} vibecheck commands found: the extraction is broken"


def test_every_structured_snippet_parses() -> None:
    parsed = {"yaml": yaml.safe_load, "json": json.loads, "toml": tomllib.loads}
    seen = [lang for lang, body in blocks(README) if lang in parsed and parsed[lang](body) is not None]
    assert {"yaml", "json", "toml"} <= set(seen)


def test_no_snippet_installs_the_unreleased_distribution_from_the_index() -> None:
    installs = [line for _, text in shell_texts() for line in text.splitlines() if "pip install" in line]
    installs += [line for lang, body in blocks(README) for line in body.splitlines() if "pip install" in line]
    assert installs
    for line in installs:
        words = shlex.split(line.split("pip install", 1)[1].split("&&")[0], comments=True)
        targets = [w for w in words if not w.startswith("-")]
        assert targets, line
        for target in targets:
            assert target.startswith((".", "/", "git+https://", "$", "${{")), f"installs from the index: {line}"


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    assert GIT is not None
    return subprocess.run([GIT, "-C", str(REPO_ROOT), *args], capture_output=True, text=True, check=False)


def test_pinned_commits_are_commits_of_this_repository_with_the_hook_and_the_action() -> None:
    texts = [README, *(p.read_text(encoding="utf-8") for p in CI_EXAMPLES)]
    pins = {pin for text in texts for pin in PIN.findall(text)} - {"<commit>"}
    assert pins, "no pinned commit found in the snippets"
    assert all(re.fullmatch(r"[0-9a-f]{40}", pin) for pin in pins), f"not a full commit sha: {pins}"
    if GIT is None or _git("rev-parse", "--is-shallow-repository").stdout.strip() != "false":
        pytest.skip("not a full git checkout: the pinned commits cannot be looked up")
    for pin in pins:
        assert _git("merge-base", "--is-ancestor", pin, "HEAD").returncode == 0, f"{pin} is not a commit of this branch"
        hooks = yaml.safe_load(_git("show", f"{pin}:.pre-commit-hooks.yaml").stdout)
        assert any(hook["id"] == "vibecheck" for hook in hooks)
        action = yaml.safe_load(_git("show", f"{pin}:action.yml").stdout)
        assert action and action["runs"]["using"] == "composite", f"{pin} has no action.yml"


def test_the_gitlab_example_reports_code_quality_from_the_gitlab_format() -> None:
    job = yaml.safe_load((REPO_ROOT / "examples" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))["vibecheck"]
    report = job["artifacts"]["reports"]["codequality"]
    commands = [args for line in job["script"] for args in commands_in(line)]
    assert any(args[args.index("--format") + 1] == "gitlab" and args[args.index("--output") + 1] == report
               for args in commands if "--format" in args and "--output" in args)
    assert job["artifacts"]["when"] == "always"


def test_the_github_example_uses_this_action() -> None:
    workflow = yaml.safe_load((REPO_ROOT / "examples" / "ci" / "github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["vibecheck"]["steps"]
    ours = [s for s in steps if s.get("uses", "").startswith("OWNER/vibecheck@")]
    assert len(ours) == 1 and set(ours[0].get("with", {})) <= set(ACTION["inputs"])
    assert workflow["permissions"]["security-events"] == "write"


def test_the_action_declares_and_uses_its_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "args", "fail-on", "sarif-file", "upload-sarif"}
    used = set(re.findall(r"\binputs\.([\w-]+)", (REPO_ROOT / "action.yml").read_text(encoding="utf-8")))
    assert used == set(ACTION["inputs"])
    steps = {step["name"]: step for step in ACTION["runs"]["steps"]}
    assert 'pip install --quiet "${{ github.action_path }}"' in steps["Install vibecheck"]["run"]
    upload = steps["Upload SARIF"]
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert "--format markdown" in steps["Check"]["run"] and "GITHUB_STEP_SUMMARY" in steps["Check"]["run"]
    assert steps["Fail on findings"]["if"] == "${{ steps.check.outputs.exit-code != '0' }}"


def run_check_step(project: Path, tmp_path: Path, inputs: dict[str, str]) -> tuple[dict[str, str], str]:
    """The action's check step under bash, with the action's expressions filled as GitHub would."""
    step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "check")
    values = {f"inputs.{name}": spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    values |= {f"inputs.{name}": value for name, value in inputs.items()}
    values["runner.temp"] = str(tmp_path / "runner")
    (tmp_path / "runner").mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env |= {name: EXPRESSION.sub(lambda m: values[m.group(1)], value) for name, value in step["env"].items()}
    env["VIBECHECK"] = str(Path(sys.executable).parent / "vibecheck")
    env["GITHUB_OUTPUT"] = str(tmp_path / "output")
    env["GITHUB_STEP_SUMMARY"] = str(tmp_path / "summary.md")
    env["RUNNER_TEMP"] = values["runner.temp"]
    for name in ("output", "summary.md"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert BASH is not None
    subprocess.run([BASH, "-eo", "pipefail", "-c", step["run"]], cwd=project, env=env, check=True, timeout=300)
    outputs = dict(line.split("=", 1) for line in (tmp_path / "output").read_text(encoding="utf-8").splitlines())
    return outputs, (tmp_path / "summary.md").read_text(encoding="utf-8")


@pytest.mark.skipif(BASH is None, reason="the action's steps are bash scripts")
def test_the_action_check_step_reports_and_sets_the_exit_code(tmp_path: Path) -> None:
    project = write(tmp_path / "project", {"pyproject.toml": "[project]\nname = 'demo'\n", "app.py": SWALLOW,
                                           "tests/test_app.py": TEST_OF_LOAD,
                                           "migrations/0001.py": SWALLOW})
    outputs, summary = run_check_step(project, tmp_path, {"args": "--extend-exclude migrations/"})
    assert outputs["exit-code"] == "1"
    assert "### app.py" in summary and "VC101" in summary and "migrations" not in summary
    sarif = json.loads((project / "vibecheck.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert "VC101" in {r["ruleId"] for r in results}
    assert all("migrations" not in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results)
    outputs, _ = run_check_step(project, tmp_path, {"fail-on": "high", "paths": "app.py tests", "sarif-file": ""})
    assert outputs["exit-code"] == "0"
    outputs, summary = run_check_step(project, tmp_path, {"args": "--select VC999"})
    assert outputs["exit-code"] == "2"
