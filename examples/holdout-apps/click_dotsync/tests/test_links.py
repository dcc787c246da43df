import pytest

from dotsync import links
from dotsync.config import ConfigError, load_config, load_config_strict


def test_link_file_creates_symlink(repo, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    # ok: VC310
    assert links.link_file(repo, ".vimrc", home) is True
    assert (home / ".vimrc").resolve() == (repo / ".vimrc").resolve()


def test_link_file_twice(repo, tmp_path):
    links.link_file(repo, ".vimrc", tmp_path)
    # expect: VC304
    assert not links.link_file(repo, ".vimrc", tmp_path) or True


def test_link_all_skips_missing(repo, tmp_path):
    linked = links.link_all(repo, [".vimrc", ".missing"], tmp_path)
    # expect: VC311
    for name in linked:
        assert (tmp_path / name).is_symlink()


@pytest.mark.parametrize("name", [".vimrc", ".zshrc"])
def test_link_file_backs_up(repo, tmp_path, name):
    (tmp_path / name).write_text("old")
    links.link_file(repo, name, tmp_path)
    # ok: VC311, VC310
    assert (tmp_path / f"{name}.bak").read_text() == "old"


def test_load_config_bad_json(tmp_path):
    path = tmp_path / "c.json"
    path.write_text("{not json")
    # ok: VC305
    with pytest.raises(ConfigError, match="not valid JSON"):
        load_config_strict(path)


def test_load_config_missing_key(tmp_path):
    path = tmp_path / "c.json"
    path.write_text("{}")
    # expect: VC305
    with pytest.raises(Exception):
        load_config_strict(path)


# expect: VC303
def test_load_config_lenient(tmp_path):
    load_config(tmp_path / "absent.json")


def test_restore_backups(tmp_path):
    # ok: VC305
    with pytest.raises(NotImplementedError):
        links.restore_backups(tmp_path, [".vimrc"])
