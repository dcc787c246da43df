"""Configuration: the closest file wins, every key is validated, command-line flags win."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tests.integration.conftest import write
from vibecheck.config import Settings, find_config, load_settings
from vibecheck.errors import ConfigError
from vibecheck.model import Severity
from vibecheck.registry import load_registry

REGISTRY = load_registry()


def test_closest_config_wins_and_plain_pyprojects_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, {
        "pyproject.toml": "[tool.vibecheck]\nignore = ['VC1']\n",
        "a/pyproject.toml": "[project]\nname = 'a'\n",
        "a/b/vibecheck.toml": "fail-on = 'high'\n",
        "a/b/pyproject.toml": "[tool.vibecheck]\nfail-on = 'info'\n",
        "a/b/c/x.py": "",
    })
    assert find_config(tmp_path / "a") == tmp_path / "pyproject.toml"
    assert find_config(tmp_path / "a" / "b" / "c") == tmp_path / "a" / "b" / "vibecheck.toml"
    settings = load_settings(["a/b/c/x.py"], REGISTRY, cwd=tmp_path)
    assert settings.fail_on is Severity.HIGH
    assert settings.root == str(tmp_path / "a" / "b")


def test_all_documented_keys_are_read(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": """
        [tool.vibecheck]
        select = ["VC"]
        extend-select = ["VC101"]
        ignore = ["VC9"]
        exclude = ["gen/"]
        extend-exclude = ["*_pb2.py"]
        fail-on = "medium"
        test-paths = ["spec/"]
        src-paths = ["src"]

        [tool.vibecheck.per-file-ignores]
        "scripts/*" = ["VC101"]

        [tool.vibecheck.bandit]
        skips = ["B101"]
    """})
    settings = load_settings(["."], REGISTRY, cwd=tmp_path)
    assert settings.select == ("VC",) and settings.extend_select == ("VC101",) and settings.ignore == ("VC9",)
    assert settings.exclude == ("gen/",) and settings.extend_exclude == ("*_pb2.py",)
    assert settings.fail_on is Severity.MEDIUM and settings.test_paths == ("spec/",) and settings.src_paths == ("src",)
    assert settings.per_file_ignores == {"scripts/*": ("VC101",)}
    assert settings.bandit == {"skips": ["B101"]}
    assert settings.config_path == str(tmp_path / "pyproject.toml")


def test_flags_override_and_extend(tmp_path: Path) -> None:
    write(tmp_path, {"vibecheck.toml": "ignore = ['VC9']\nfail-on = 'high'\n"})
    settings = load_settings(["."], REGISTRY, cwd=tmp_path,
                             overrides={"ignore": "VC1", "fail_on": "info", "select": "VC", "jobs": 3})
    assert settings.ignore == ("VC9", "VC1")
    assert settings.fail_on is Severity.INFO and settings.select == ("VC",) and settings.jobs == 3


@pytest.mark.parametrize(("toml", "message"), [
    ("[tool.vibecheck]\nexlude = []\n", "unknown key `exlude`; did you mean `exclude`?"),
    ("[tool.vibecheck]\nselect = 'VC1'\nignore = [1]\n", "`ignore` must be a list of strings"),
    ("[tool.vibecheck]\nselect = ['VC7']\n", "unknown rule code, prefix or name `VC7`"),
    ("[tool.vibecheck.per-file-ignores]\n'x.py' = ['swallowed-exeption']\n", "did you mean `swallowed-exception`?"),
    ("[tool.vibecheck.rules.VC101]\nfoo = 1\n", "unknown option `foo`"),
    ("[tool.vibecheck]\nfail-on = 'severe'\n", "`fail-on` must be one of info, low, medium, high"),
    ("[tool.vibecheck\n", "invalid TOML"),
])
def test_invalid_config_is_a_one_line_error(tmp_path: Path, toml: str, message: str) -> None:
    write(tmp_path, {"pyproject.toml": toml})
    with pytest.raises(ConfigError) as caught:
        load_settings(["."], REGISTRY, cwd=tmp_path)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert str(tmp_path / "pyproject.toml") in str(caught.value)


def test_settings_survive_pickling() -> None:
    settings = Settings(select=("VC1",), per_file_ignores={"a": ("VC101",)}, rule_options={"x": {"y": 1}})
    assert pickle.loads(pickle.dumps(settings)) == settings
