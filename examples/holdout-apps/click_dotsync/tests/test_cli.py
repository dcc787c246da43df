import json
from unittest import mock

import pytest

from dotsync.cli import cli


def test_init_writes_config(runner, tmp_path):
    config_path = tmp_path / "c.json"
    result = runner.invoke(cli, ["--config", str(config_path), "init", str(tmp_path / "dots")])
    # ok: VC310
    assert result.exit_code == 0, result.output
    assert json.loads(config_path.read_text())["repo"] == str(tmp_path / "dots")


# expect: VC303
def test_add_files(runner, config_file):
    runner.invoke(cli, ["--config", str(config_file), "add", ".gitconfig"])


def test_add_reports_count(runner, config_file):
    result = runner.invoke(cli, ["--config", str(config_file), "add", ".gitconfig"])
    # expect: VC304/VC310
    assert result


def test_add_reports_count_text(runner, config_file):
    result = runner.invoke(cli, ["--config", str(config_file), "add", ".gitconfig"])
    # ok: VC310
    assert "tracking 3 files" in result.output


def test_sync_links(runner, config_file, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with mock.patch("dotsync.git.subprocess.run") as run:
        run.return_value = mock.Mock(returncode=1, stdout="nothing to commit", stderr="")
        result = runner.invoke(cli, ["--config", str(config_file), "sync", "--home", str(home)])
    # ok: VC308
    assert run.call_count == 3
    assert (home / ".vimrc").is_symlink()
    assert "linked 2 files" in result.output


# expect: VC308
def test_sync_pulls(runner, config_file, tmp_path):
    with mock.patch("dotsync.git.pull") as pull, mock.patch("dotsync.git.commit_all", return_value=False):
        runner.invoke(cli, ["--config", str(config_file), "sync", "--home", str(tmp_path)])
    pull.assert_called_once()


def test_sync_exit_code(runner, config_file, tmp_path):
    with mock.patch("dotsync.git.subprocess.run"):
        result = runner.invoke(cli, ["--config", str(config_file), "sync", "--home", str(tmp_path)])
    # expect: VC304
    assert result.exit_code == 0 or result.exit_code != 0


def test_sync_without_config(runner, tmp_path):
    result = runner.invoke(cli, ["--config", str(tmp_path / "missing.json"), "sync"])
    # expect: VC304
    assert result.output == result.output


def test_push_failure(runner, config_file):
    with mock.patch("dotsync.git.push", side_effect=RuntimeError("rejected")):
        result = runner.invoke(cli, ["--config", str(config_file), "push"])
    # expect: VC304
    assert result.exit_code in (0, 1)


def test_pull_failure_exits_nonzero(runner, config_file):
    with mock.patch("dotsync.git.pull", side_effect=OSError("no git")):
        result = runner.invoke(cli, ["--config", str(config_file), "pull"])
    # ok: VC304
    assert result.exit_code == 1
    assert "pull failed: no git" in result.output


def test_missing_config_is_an_error(runner, tmp_path):
    result = runner.invoke(cli, ["--config", str(tmp_path / "nope.json"), "status"])
    # ok: VC304, VC310
    assert result.exit_code != 0
    assert "run `dotsync init` first" in result.output


def test_restore(runner, config_file, tmp_path):
    result = runner.invoke(cli, ["--config", str(config_file), "restore", "--home", str(tmp_path)])
    # expect: VC311
    if result.exception is None:
        assert "restored" in result.output


# expect: VC306
@pytest.mark.skip()
def test_status_clean(runner, config_file):
    result = runner.invoke(cli, ["--config", str(config_file), "status"])
    assert result.output.strip() == "clean"


def test_status_runs(runner, config_file):
    try:
        result = runner.invoke(cli, ["--config", str(config_file), "status"], catch_exceptions=False)
        assert result.exit_code == 0
    # expect: VC305, VC111
    except:
        pass
