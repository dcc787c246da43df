"""Hostile trees (issue 11): no secret or outside file leaks, no hijacked output, errors are messages with exit 2.

Every test builds the hostile input in `tmp_path` and runs vibecheck as a user or CI does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET  # nosec B405 -- parses vibecheck's own output in a test
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import run_vibecheck, write
from vibecheck.cli import cli

FORMATS = ("text", "concise", "json", "sarif", "junit", "github", "gitlab")
SWALLOW = "def load():\n    try:\n        return work()\n    except Exception:\n        pass\n"


def invoke(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)
    return root


# --- secrets and files outside the tree -------------------------------------------------------------------

def test_symlink_to_proc_environ_is_not_read_and_is_named_on_stderr(project: Path) -> None:
    (project / "settings.py").symlink_to("/proc/self/environ")
    write(project, {"app.py": SWALLOW})
    result = run_vibecheck(["--no-bandit", "--format", "json", "."], project,
                           env={"HOSTILE_IO_SECRET": "EnvironLeak0123456789"})
    assert "EnvironLeak0123456789" not in result.stdout + result.stderr
    assert "settings.py: not checked:" in result.stderr and "/proc/" in result.stderr
    report = json.loads(result.stdout)
    assert {f["path"] for f in report["findings"]} == {"app.py"}
    assert result.returncode == 1, result.stderr


def test_symlinks_leaving_the_tree_are_skipped_and_inside_ones_followed(project: Path, tmp_path: Path) -> None:
    outside = write(tmp_path / "outside", {"leak.py": SWALLOW, "pkg/mod.py": SWALLOW})
    write(project, {"real/inside.py": SWALLOW})
    (project / "leak.py").symlink_to(outside / "leak.py")
    (project / "pkg").symlink_to(outside / "pkg", target_is_directory=True)
    (project / "alias.py").symlink_to(project / "real" / "inside.py")
    result = invoke(["--no-bandit", "--format", "concise", "."])
    paths = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert paths == {"alias.py", "real/inside.py"}, result.output
    assert "leak.py: not checked: a symlink to" in result.stderr
    assert "pkg: not walked: a symlink to" in result.stderr


def test_fifo_and_device_are_never_read(project: Path) -> None:
    os.mkfifo(project / "pipe.py")
    (project / "zero.py").symlink_to("/dev/zero")
    write(project, {"ok.py": "x = 1\n"})
    result = run_vibecheck(["--no-bandit", "."], project)  # a read of either would hang: the timeout fails it
    assert result.returncode == 0, result.stderr
    assert "pipe.py: not checked: it is not a regular file" in result.stderr
    assert "zero.py: not checked:" in result.stderr
    assert "1 file" in result.stderr


SECRETS = {
    "ZqSyntaxErrKey77": "a key on a syntax-error line (VC001 snippet)",
    "FirstSecret123x": "the first secret of a line (shown in the second one's snippet)",
    "SecondSecret456y": "a second secret on the same line",
    "MultiLineSecret789": "the first line of a multi-line string",
    "Vc105Hunter2zz": "the VC105 message quoting the raised call",
    "FormFeedSecret1": "a line above a form feed",
    "LineSepSecret22": "a line above a U+2028",
    "EnvFixSecret42": "a secret a fix replaces by an environment variable (VC403's fix)",
    "FixKeptSecret99": "a secret a fix keeps in its edit (VC106's added timeout)",
    "KEPT_SECRET_2024": "a secret shaped like an environment variable's name, kept by VC106's fix",
}
SECRET_FILES = {
    "broken.py": 'API_KEY = "ZqSyntaxErrKey77" (\n',
    "app.py": (
        "import logging\n\n\n"
        "def login():\n"
        '    db = connect(password="FirstSecret123x", token="SecondSecret456y")\n'
        '    password = """MultiLineSecret789\n'
        '    second line"""\n'
        "    try:\n"
        "        work(db)\n"
        "    except KeyError as err:\n"
        '        raise LoginError(password="Vc105Hunter2zz")\n'
        '    logging.info("pw %s", password)\n'
    ),
    "fixes.py": ('import requests\nDB_PASSWORD = "EnvFixSecret42"\n\n\ndef fetch(url):\n'
                 '    return requests.get(url, auth=("svc", "FixKeptSecret99"), headers={"X-Token": "KEPT_SECRET_2024"})\n'),
    "shift.py": ('# a\x0cb\nsecret_value = "FormFeedSecret1"\neval(data)\n'
                 '# c\u2028d\nother_pwd = "LineSepSecret22"\neval(more)\n'),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_prints_a_secret_from_any_snippet_or_message(project: Path, fmt: str) -> None:
    write(project, SECRET_FILES)
    result = invoke(["--format", fmt, "--output", "report.out", "."])
    written = (project / "report.out").read_text(encoding="utf-8")
    assert "VC001" in written and "VC105" in written and "VC403" in written
    leaked = {secret: why for secret, why in SECRETS.items() if secret in written + result.output}
    assert not leaked, leaked


def test_a_fix_on_a_secret_line_shows_the_environment_variable_it_reads(project: Path) -> None:
    write(project, {"fixes.py": SECRET_FILES["fixes.py"]})
    result = invoke(["--format", "json", "--select", "VC403,VC106", "."])
    fixes = {f["code"]: f["fix"] for f in json.loads(result.stdout)["findings"] if f["fix"]}
    assert fixes["VC403"]["edits"][0]["content"] == 'os.environ["DB_PASSWORD"]'
    assert fixes["VC403"]["description"] == 'Read it from `os.environ["DB_PASSWORD"]`'
    kept = fixes["VC106"]["edits"][0]["content"]
    assert "timeout=10" in kept and '"KEPT****"' in kept and '"Fix****"' in kept


def test_snippets_follow_the_parsers_lines_after_form_feed_and_line_separator(project: Path) -> None:
    write(project, {"shift.py": SECRET_FILES["shift.py"]})
    result = invoke(["--format", "json", "--select", "B307", "."])
    snippets = [(f["start"]["line"], f["line_text"]) for f in json.loads(result.stdout)["findings"]]
    assert snippets == [(3, "eval(data)"), (6, "eval(more)")]


# --- output that cannot be hijacked ----------------------------------------------------------------------

HOSTILE_NAME = "evil\x1b]0;pwned\x07\x1b[2J\n::error file=x::injected.py"
# (the call is a statement, not the function's last answer: VC101 takes a commented handler after a `try` that
# returns at the function's end for a deliberate fallback to `None`)
HOSTILE_SOURCE = ('def load():\n    try:\n        work("\x1b]0;title\x07\x9b31m")\n'
                  '    except Exception:  # \x1b[2J \x9b2J\n        pass\n')


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_characters_and_workflow_commands_cannot_be_injected(project: Path, fmt: str) -> None:
    (project / HOSTILE_NAME).write_text(HOSTILE_SOURCE, encoding="utf-8")
    result = run_vibecheck(["--no-bandit", "--format", fmt, HOSTILE_NAME], project)
    assert result.returncode == 1, result.stderr
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream and "\x07" not in stream and "\x9b" not in stream
        starts = [line for line in stream.splitlines() if line.startswith("::")]
        if fmt == "github" and stream is result.stdout:
            assert starts and all(line.startswith("::warning file=evil") or line.startswith("::error file=evil")
                                  for line in starts), starts
        else:
            assert not starts, starts
    if fmt == "junit":
        ET.fromstring(result.stdout.encode("utf-8"))  # well-formed XML 1.0
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(result.stdout)


def test_sarif_uris_are_percent_encoded(project: Path) -> None:
    write(project, {"a dir/100% #1.py": SWALLOW})
    result = invoke(["--no-bandit", "--format", "sarif", "."])
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(result.stdout)["runs"][0]["results"]}
    assert uris == {"a%20dir/100%25%20%231.py"}


@pytest.mark.skipif(sys.platform != "linux", reason="needs a filesystem that takes any bytes as a name")
def test_non_utf8_file_name_with_a_finding_writes_sarif(project: Path) -> None:
    name = os.fsdecode(b"caf\xe9.py")
    (project / name).write_text(SWALLOW, encoding="utf-8")
    result = run_vibecheck(["--no-bandit", "--format", "sarif", "--output", "out.sarif", "."], project)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    log = json.loads((project / "out.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "caf%E9.py"
    text = run_vibecheck(["--no-bandit", "--format", "text", "."], project)
    assert "caf\\xe9.py" in text.stdout and text.returncode == 1


# --- errors are messages with exit 2 ---------------------------------------------------------------------

def _assert_error(result, *words: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "vibecheck: error:" in result.stderr
    for word in words:
        assert word in result.stderr


def test_symlink_loop_named_on_the_command_line(project: Path) -> None:
    (project / "a").symlink_to(project / "b")
    (project / "b").symlink_to(project / "a")
    _assert_error(run_vibecheck(["a"], project), "a: ", "symlink loop")


def test_unreadable_folder_named_on_the_command_line(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project, {"locked/x.py": "x = 1\n"})
    real_scandir = os.scandir

    def refuse(path: object = ".") -> object:  # chmod 000 does not stop root, which runs CI containers
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    result = CliRunner().invoke(cli, ["locked"])
    assert result.exit_code == 2, result.output
    assert "vibecheck: error: locked: cannot list the folder: Permission denied" in result.stderr


@pytest.mark.parametrize("option", ["--exclude", "--extend-exclude"])
def test_invalid_exclude_pattern(project: Path, option: str) -> None:
    write(project, {"a.py": "x = 1\n"})
    _assert_error(run_vibecheck([option, "!", "."], project), "`!` is not a valid gitignore-style pattern")


@pytest.mark.parametrize("content", [b"\xff\xfe[tool.vibecheck]\n", b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n"],
                         ids=["undecodable", "deeply-nested"])
def test_broken_toml_on_the_config_search_path(project: Path, content: bytes) -> None:
    (project.parent / "pyproject.toml").write_bytes(content)  # above the checked folder: still searched
    write(project, {"a.py": "x = 1\n"})
    _assert_error(run_vibecheck(["."], project), "pyproject.toml: invalid TOML")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stdout_on_a_full_disk(project: Path) -> None:
    write(project, {"a.py": SWALLOW})
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "vibecheck", "--no-bandit", "."], cwd=project, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=300)
    _assert_error(result, "cannot write the report to stdout")


@pytest.mark.parametrize("include", ["/dev/zero", "/dev/stdin", "../outside.txt"])
def test_requirement_includes_cannot_leave_the_project(project: Path, include: str) -> None:
    # outside.txt would declare PyYAML: if the include were followed, `import yaml` would look declared.
    (project.parent / "outside.txt").write_text("PyYAML\n", encoding="utf-8")
    write(project, {"requirements.txt": f"requests\n-r {include}\n", "tox.ini": f"[testenv]\ndeps =\n    -r{include}\n",
                    "setup.cfg": "[metadata]\nname = demo\n", "app.py": "import requests\nimport yaml\n"})
    result = run_vibecheck(["--no-bandit", "--format", "concise", "--select", "VC504", "."], project, stdin="")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "app.py:2:" in result.stdout and "app.py:1:" not in result.stdout


def test_deeply_nested_setup_py_does_not_crash_the_import_rules(project: Path) -> None:
    # `not` 5000 times: `ast.parse` raises RecursionError ("maximum recursion depth exceeded during ast construction").
    write(project, {"setup.py": "x = " + "not " * 5000 + "1\n", "requirements.txt": "requests\n", "app.py": "import yaml\n"})
    result = run_vibecheck(["--no-bandit", "--format", "concise", "--select", "VC503,VC504", "app.py"], project)
    assert "crashed" not in result.stderr and "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert "app.py:1:8: VC504" in result.stdout


def test_a_tree_thousands_of_folders_deep_is_checked(project: Path) -> None:
    """Finding each file's project root walks up its folders: with recursion, 1,200 levels crashed the run."""
    write(project, {"pyproject.toml": '[project]\nname = "deep"\nversion = "1"\ndependencies = []\n'})
    depth = 1200  # a path this long is beyond PATH_MAX: only relative steps (one `chdir` at a time) reach its end
    for _ in range(depth):
        os.mkdir("d")
        os.chdir("d")
    Path("app.py").write_text("import yaml\n", encoding="utf-8")
    os.chdir(project)
    try:
        result = run_vibecheck(["--no-bandit", "--format", "concise", "--select", "VC504", "."], project)
    finally:
        _remove_deep_tree(project, depth)  # pytest's recursive clean-up would fail on it later
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stderr
    assert "/app.py:1:8: VC504" in result.stdout


def _remove_deep_tree(project: Path, depth: int) -> None:
    for _ in range(depth):
        os.chdir("d")
    os.remove("app.py")
    for _ in range(depth):
        os.chdir("..")
        os.rmdir("d")
    os.chdir(project)


# --- python -m vibecheck in an untrusted tree ------------------------------------------------------------

def test_python_m_vibecheck_does_not_import_modules_from_the_checked_tree(project: Path) -> None:
    marker = project / "IMPORTED"
    for module in ("click", "bandit", "libcst"):
        write(project, {f"{module}.py": f"open({str(marker)!r}, 'a').write('{module}')\n"})
    result = run_vibecheck(["--no-bandit", "."], project)
    assert not marker.exists(), marker.read_text()
    assert result.returncode in (0, 1), result.stderr


def test_gitignore_pointing_at_proc_is_not_read(project: Path) -> None:
    # Read as patterns, the environment would decide what is checked: this variable's value ignores every file.
    (project / ".gitignore").symlink_to("/proc/self/environ")
    write(project, {"app.py": SWALLOW})
    result = run_vibecheck(["--no-bandit", "--format", "concise", "."], project, env={"HOSTILE_IO_IGNORE": "x\n*.py\n"})
    assert "app.py:4:5: VC101" in result.stdout, result.stderr
