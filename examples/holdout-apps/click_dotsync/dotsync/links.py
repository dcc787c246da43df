import logging
import shutil
from pathlib import Path

logger = logging.getLogger(__name__)


def link_file(repo: Path, name: str, home: Path) -> bool:
    target = home / name
    source = repo / name
    if target.is_symlink() and target.resolve() == source.resolve():
        return False
    if target.exists():
        backup = target.with_name(target.name + ".bak")
        shutil.move(str(target), str(backup))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(source)
    return True


def link_all(repo: Path, names: list[str], home: Path) -> list[str]:
    linked = []
    for name in names:
        try:
            if link_file(repo, name, home):
                linked.append(name)
        # expect: VC101
        except OSError as e:
            logger.debug("skipping %s: %s", name, e)
            continue
    return linked


def unlink_all(repo: Path, names: list[str], home: Path) -> list[str]:
    removed = []
    for name in names:
        target = home / name
        try:
            if target.is_symlink():
                target.unlink()
                removed.append(name)
        # ok: VC101
        except PermissionError:
            logger.warning("cannot remove %s", target, exc_info=True)
            raise
    return removed


# expect: VC501
def restore_backups(home: Path, names: list[str]) -> list[str]:
    raise NotImplementedError
