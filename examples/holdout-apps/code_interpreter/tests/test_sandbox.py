import subprocess
from unittest.mock import patch

import pytest

from interp import sandbox


def test_run_inline_captures_stdout():
    result = sandbox.run_inline("print(6 * 7)")
    assert result.stdout == "42\n"
    assert result.exit_code == 0


def test_run_inline_reports_errors():
    result = sandbox.run_inline("1 / 0")
    assert result.exit_code == 1
    assert "ZeroDivisionError" in result.stderr


def test_install_package_refuses_unknown():
    assert sandbox.install_package("evil-pkg").startswith("refused")


def test_run_in_container_uses_no_network(tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "WORKDIR", tmp_path)
    completed = subprocess.CompletedProcess(args=[], returncode=0, stdout="ok", stderr="")
    with patch.object(sandbox.subprocess, "run", return_value=completed) as run:
        sandbox.run_in_container("print('ok')")
    argv = run.call_args.args[0]
    assert "--network=none" in argv


def test_run_subprocess_timeout():
    with pytest.raises(subprocess.TimeoutExpired):
        sandbox.run_subprocess("while True: pass", timeout=1)


# expect: VC306
@pytest.mark.skip
def test_install_any():
    assert sandbox.install_any("requests")


def test_run_result_fields():
    result = sandbox.RunResult("a", "b", 0)
    # expect: VC304
    assert result.stdout == result.stdout
