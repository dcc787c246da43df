import json

import pytest
from click.testing import CliRunner


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def repo(tmp_path):
    path = tmp_path / "dotfiles"
    path.mkdir()
    (path / ".vimrc").write_text("set number\n")
    (path / ".zshrc").write_text("export EDITOR=vim\n")
    return path


@pytest.fixture
def config_file(tmp_path, repo):
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"repo": str(repo), "files": [".vimrc", ".zshrc"]}))
    return path
