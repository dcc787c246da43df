"""The functions `dataclasses` generates, compiled once per interpreter and kept beside vibecheck's bytecode.

`@dataclass` writes each class's `__init__`, `__repr__`, `__eq__`, `__hash__` and, for a frozen class, `__setattr__`
and `__delattr__` as source text and compiles it with `exec`, on every import: libcst's ~250 node classes and
vibecheck's own made a third of the imports of a hook's worker (1,381 texts, about 120 ms of CPU), and Python keeps
no bytecode for them. The command line (`vibecheck.entry`) replaces the `exec` that the `dataclasses` module calls
with one that compiles each distinct text once and keeps the code in a file of the interpreter's bytecode folder
for vibecheck (`__pycache__`, or under `PYTHONPYCACHEPREFIX`), keyed by the text itself: a text compiles to the
same code on the same interpreter, so an entry is never stale. A process that compiled new texts adds them to the
file as it ends (`save`), as Python writes `.pyc` files: not with `PYTHONDONTWRITEBYTECODE`. The file holds code
that runs, so it lives where vibecheck's own bytecode does, never in a checked project; one that does not load is
ignored and rewritten. Only the command line installs it: a program that imports vibecheck keeps its `dataclasses`.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import sys
from types import CodeType

import vibecheck

FORMAT = 1
LIMIT = 5_000  # texts kept at most: past it, a save keeps those this process used (old versions' texts go)
_HEADER = (FORMAT, sys.version)

_codes: dict[str, CodeType] = {}
_compiled: set[str] = set()  # texts this process compiled that the file lacks
_used: set[str] = set()
_builtin_exec = exec


def cache_file() -> str | None:
    """The file beside vibecheck's own bytecode for this interpreter, or None when Python keeps none for it."""
    cached = getattr(vibecheck, "__cached__", None)
    if not cached:
        return None
    return os.path.join(os.path.dirname(cached), f"dataclass-code.{sys.implementation.cache_tag}.marshal")


def install() -> None:
    """Load the kept code and make `dataclasses` use it (once per process; a forked worker inherits both)."""
    import dataclasses  # here: a command that a resident server runs never imports it in this process

    if getattr(dataclasses, "exec", None) is _exec:
        return
    _codes.update(_read(cache_file()))
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # found before the builtin by the module's own calls
    atexit.register(save)


def _exec(source: object, *args: object, **kwargs: object) -> None:
    """`exec` for `dataclasses`: the code of a text compiled once, with the flags `exec` compiles it with there (no
    `__future__` import of this module's)."""
    if not isinstance(source, str) or kwargs:
        _builtin_exec(source, *args, **kwargs)  # type: ignore[arg-type]
        return
    _used.add(source)
    code = _codes.get(source)
    if code is None:
        code = _codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
        _compiled.add(source)
    _builtin_exec(code, *args)  # type: ignore[arg-type]


def save() -> None:
    """Add the texts this process compiled to the file (read again first: another process may have added others).
    Called when a process has loaded what it imports, and at exit; a failure to write costs only the next run's
    compiles."""
    path = cache_file()
    if not _compiled or path is None or sys.dont_write_bytecode:
        return
    kept = _read(path)
    kept.update((text, _codes[text]) for text in _compiled)
    if len(kept) > LIMIT:
        kept = {text: _codes[text] for text in _used}
    _compiled.clear()
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "xb") as out:  # a name of this process's own: a concurrent save writes another
            out.write(marshal.dumps((_HEADER, kept)))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _read(path: str | None) -> dict[str, CodeType]:
    """The file's texts and code; none when it is missing, damaged or written by another interpreter."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as source:
            header, codes = marshal.loads(source.read())  # vibecheck: ignore[B302] -- ours, trusted as the .pyc beside it
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if header != _HEADER or not isinstance(codes, dict):
        return {}
    return {text: code for text, code in codes.items() if isinstance(text, str) and isinstance(code, CodeType)}
