"""The Django admin module beside a checked file (`admin.py` of the same app): what its admin classes edit with.

A form named for the admin (`InvitationAdminChangeForm`) that the app's `admin.py` names is the form an admin class
uses, directly (`form = ...`) or through a setting that picks it (`kwargs["form"] = InvitationAdminChangeForm` in
`get_form`): only signed-in staff reach it.
"""

from __future__ import annotations

import functools
import os
import re

from vibecheck.safe_files import NotRegularFileError, read_regular_text

ADMIN_MODULE = "admin.py"
MAX_ADMIN_BYTES = 1_000_000


class AdminModuleInputs:
    """The size and modification time of the `admin.py` beside `path`: a `Rule.cache_inputs` function."""

    def __call__(self, path: str) -> str:
        return _stamp(os.path.join(os.path.dirname(os.path.abspath(path)), ADMIN_MODULE))

    def cache_clear(self) -> None:
        _stamp.cache_clear()
        _admin_text.cache_clear()


admin_module_inputs = AdminModuleInputs()


@functools.lru_cache(maxsize=1024)
def _stamp(admin_path: str) -> str:
    try:
        status = os.stat(admin_path)
    except OSError:
        return ""
    return f"{status.st_size}:{status.st_mtime_ns}"


@functools.lru_cache(maxsize=256)
def _admin_text(admin_path: str) -> str:
    try:
        return read_regular_text(admin_path, MAX_ADMIN_BYTES)
    except (OSError, NotRegularFileError, ValueError):
        return ""


def named_in_admin_module(path: str, name: str) -> bool:
    """Whether the `admin.py` beside the file at `path` names `name` (as a whole word)."""
    text = _admin_text(os.path.join(os.path.dirname(os.path.abspath(path)), ADMIN_MODULE))
    return bool(text) and re.search(rf"\b{re.escape(name)}\b", text) is not None
