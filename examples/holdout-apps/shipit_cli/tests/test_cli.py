from pathlib import Path
from unittest import mock

from click.testing import CliRunner
from packaging.version import Version

from shipit import cli as cli_module
from shipit.versioning import bump, read_version, write_version


def test_bump_patch():
    assert bump(Version("1.4.2"), "patch") == Version("1.4.3")


def test_bump_major_resets():
    assert str(bump(Version("1.4.2"), "major")) == "2.0.0"


def test_write_version_round_trip(tmp_path: Path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\nversion = "0.1.0"\n')
    write_version(pyproject, Version("0.2.0"))
    assert read_version(pyproject) == Version("0.2.0")


def test_release_dry_run(tmp_path: Path):
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path):
        Path("pyproject.toml").write_text('[project]\nversion = "1.0.0"\n')
        with mock.patch.object(cli_module.gitops, "is_clean", return_value=True):
            result = runner.invoke(cli_module.cli, ["release", "minor", "--dry-run"])
    assert result.exit_code == 0
    assert "Would release 1.1.0" in result.output


def test_release_dirty_tree_fails(tmp_path: Path):
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path):
        with mock.patch.object(cli_module.gitops, "is_clean", return_value=False):
            result = runner.invoke(cli_module.cli, ["release", "patch"])
    # expect: VC310
    assert result.output


# expect: VC308 -- CliRunner catches a crash after the push into the result the test drops (round 35)
def test_image_pushes(tmp_path: Path):
    runner = CliRunner()
    with mock.patch.object(cli_module, "docker") as docker_mock, \
            mock.patch.object(cli_module, "registry_password", return_value="pw"):
        runner.invoke(cli_module.cli, ["image", "1.0.0"])
    docker_mock.push.assert_called_once()


# expect: VC303
def test_doctor_runs():
    runner = CliRunner()
    runner.invoke(cli_module.cli, ["doctor"])
