"""Storage back-ends: an abstract base, a protocol for type checkers, and size formatting by type."""

from abc import ABC, abstractmethod
from functools import singledispatch
from pathlib import Path
from typing import Protocol, overload


class Store(ABC):
    """Where finished snapshots are kept."""

    @abstractmethod
    def put(self, path: Path) -> str:
        """Store the file; return where it went."""

    @abstractmethod
    def names(self) -> list[str]:
        # ok: VC501 -- an abstract method: subclasses implement it
        raise NotImplementedError


class SupportsClose(Protocol):
    # ok: VC501
    def close(self) -> None: ...


class LocalStore(Store):
    def __init__(self, root: Path) -> None:
        self.root = root

    def put(self, path: Path) -> str:
        target = self.root / path.name
        target.write_bytes(path.read_bytes())
        return str(target)

    def names(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir())


@overload
def human_size(value: int) -> str: ...
# ok: VC506 -- typing overloads
@overload
def human_size(value: Path) -> str: ...
# ok: VC506
def human_size(value: int | Path) -> str:
    size = value.stat().st_size if isinstance(value, Path) else value
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024:
            return f"{size:.0f} {unit}"
        size /= 1024
    return f"{size:.1f} TiB"


@singledispatch
def describe(target: object) -> str:
    raise TypeError(f"cannot describe {type(target).__name__}")


@describe.register
def _(target: Path) -> str:
    return f"file {target.name}"


# ok: VC506 -- singledispatch implementations are conventionally all named `_`
@describe.register
def _(target: LocalStore) -> str:
    return f"local store at {target.root}"
