import subprocess
from unittest.mock import MagicMock, patch

import pytest

from shipit import tools


@patch("shipit.tools.subprocess.run")
def test_helm_upgrade_safe_passes_argv(mock_run):
    tools.helm_upgrade_safe("web", "charts/web", "prod", tools.Path("values/prod.yaml"), "1.2.3")
    argv = mock_run.call_args.args[0]
    assert argv[:3] == ["helm", "upgrade", "--install"]
    assert "image.tag=1.2.3" in argv


@patch("shipit.tools.subprocess.run")
def test_wait_for_rollout_bounded_gives_up(mock_run, monkeypatch):
    monkeypatch.setattr(tools.time, "sleep", lambda _s: None)
    mock_run.return_value = MagicMock(returncode=1)
    with pytest.raises(TimeoutError):
        tools.wait_for_rollout_bounded("web", "prod", attempts=2)


@patch("shipit.tools.subprocess.run")
def test_terraform_plan_reports_changes(mock_run):
    mock_run.return_value = MagicMock(returncode=2)
    assert tools.terraform_plan(tools.Path("infra"), "prod")


@patch("shipit.tools.subprocess.run")
def test_git_sha(mock_run):
    mock_run.return_value = MagicMock(stdout="abc1234\n")
    sha = tools.git_sha(tools.Path("."))
    # ok: VC308 -- git_sha runs: VC308 reports tests in which no project code runs
    assert mock_run.return_value.stdout == "abc1234\n"


# expect: VC303
def test_terraform_init_runs():
    with patch("shipit.tools.subprocess.run") as mock_run:
        mock_run.side_effect = subprocess.CalledProcessError(1, "terraform")
        try:
            tools.terraform_init(tools.Path("infra"))
        except subprocess.CalledProcessError:
            pass
