"""Where uploads live on disk."""

import os
import shutil

from .settings import MEDIA_ROOT


def media_path(*parts: str) -> str:
    return os.path.join(MEDIA_ROOT, *parts)


def remove_album(album: str) -> None:
    # expect: VC405/VC417
    shutil.rmtree(media_path(album))


def safe_media_path(name: str) -> str:
    root = os.path.realpath(MEDIA_ROOT)
    target = os.path.realpath(os.path.join(root, name))
    if os.path.commonpath([root, target]) != root:
        raise ValueError("outside the media root")
    return target
