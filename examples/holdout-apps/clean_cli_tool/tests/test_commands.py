import subprocess
from pathlib import Path
from unittest.mock import patch

import pytest

from snapkit.commands import CommandError, dump_database, require


def test_missing_program_is_reported() -> None:
    with patch("snapkit.commands.shutil.which", return_value=None), pytest.raises(CommandError, match="pg_dump not"):
        require("pg_dump")


@patch("snapkit.commands.shutil.which", return_value="/usr/bin/pg_dump")
@patch("snapkit.commands.subprocess.run")
def test_dump_passes_an_argument_list(run, which, tmp_path: Path) -> None:
    dump_database("postgresql://u@db/app", tmp_path / "d.dump")
    args, kwargs = run.call_args
    assert args[0][0] == "/usr/bin/pg_dump"
    assert args[0][-2:] == ["--dbname", "postgresql://u@db/app"]
    assert kwargs["check"] is True
    assert kwargs["timeout"] > 0
    assert "shell" not in kwargs


@patch("snapkit.commands.shutil.which", return_value="/usr/bin/pg_dump")
@patch("snapkit.commands.subprocess.run")
def test_dump_failure_carries_stderr(run, which, tmp_path: Path) -> None:
    run.side_effect = subprocess.CalledProcessError(1, ["pg_dump"], stderr="connection refused\n")
    with pytest.raises(CommandError, match="status 1: connection refused") as excinfo:
        dump_database("postgresql://u@db/app", tmp_path / "d.dump")
    assert isinstance(excinfo.value.__cause__, subprocess.CalledProcessError)


@patch("snapkit.commands.shutil.which", return_value="/usr/bin/pg_dump")
@patch("snapkit.commands.subprocess.run", side_effect=subprocess.TimeoutExpired(["pg_dump"], 3600))
def test_dump_timeout(run, which, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="did not finish"):
        dump_database("postgresql://u@db/app", tmp_path / "d.dump")
