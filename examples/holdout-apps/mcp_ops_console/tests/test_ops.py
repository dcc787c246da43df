from unittest.mock import patch

import pytest
from typer.testing import CliRunner

from opsconsole import server
from opsconsole.cli import app

runner = CliRunner()


def test_host_status_unknown_check():
    # ok: VC310
    assert "unknown check" in server.host_status("cpu")


def test_restart_service_refuses_unknown_unit():
    assert server.restart_service("sshd") == "refusing to restart 'sshd'"


@patch("opsconsole.server.subprocess.run")
def test_run_command(mock_run):
    mock_run.return_value.stdout = "ok"
    mock_run.return_value.stderr = ""
    # ok: VC308
    assert server.run_command("echo ok") == "ok"


# expect: VC303
def test_backup_command(tmp_path):
    with patch("opsconsole.cli.load_config", return_value={"db": "ops.sqlite3"}), patch("opsconsole.cli.os.system"):
        runner.invoke(app, ["backup", "--target", str(tmp_path)])


def test_rotate_logs(tmp_path):
    (tmp_path / "a.log.1").write_text("x")
    with patch("opsconsole.cli.load_config", return_value={"log_dirs": [str(tmp_path)]}):
        result = runner.invoke(app, ["rotate-logs", "--keep", "0"])
    # expect: VC310/VC304
    assert result


def test_read_service_log_outside_root():
    try:
        result = server.read_service_log("../../etc/passwd")
    # expect: VC305
    except Exception:
        return
    assert result == "path outside the log root"


# ok: VC306
@pytest.mark.skip(reason="needs a real SSH host")
def test_deploy():
    runner.invoke(app, ["deploy", "staging"])
