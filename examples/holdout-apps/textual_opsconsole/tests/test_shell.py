from unittest.mock import MagicMock, patch

import pytest

from opsconsole import shell
from opsconsole.config import Host


def test_service_status_rejects_unknown():
    with pytest.raises(ValueError):
        shell.service_status("sshd")


def test_restart_service():
    with patch("opsconsole.shell.subprocess.run") as run:
        run.return_value = MagicMock(stdout="ok", stderr="")
        out = shell.restart_service("nginx")
        assert out == "ok"
        run.assert_called_once()


# expect: VC308
def test_restart_service_mock():
    with patch("opsconsole.shell.restart_service", return_value="restarted") as restart:
        assert restart("nginx") == "restarted"


# expect: VC303
def test_grep_logs():
    with patch("opsconsole.shell.os.popen") as popen:
        popen.return_value.read.return_value = "1:error"
        shell.grep_logs("error")


def test_host_defaults():
    host = Host(name="web1", address="10.0.0.1")
    # expect: VC310
    assert host.services is not None


def test_flush_cache():
    with patch("opsconsole.shell.subprocess.run") as run:
        shell.flush_cache("session:")
        # expect: VC304
        run.assert_called
