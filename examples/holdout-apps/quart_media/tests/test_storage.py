import os

import pytest

from media import storage


def test_media_path_joins_under_root(monkeypatch):
    monkeypatch.setattr(storage, "MEDIA_ROOT", "/tmp/media")
    # ok: VC308/VC303/VC310
    assert storage.media_path("a", "b.png") == os.path.join("/tmp/media", "a", "b.png")


# expect: VC308
def test_safe_media_path(monkeypatch):
    monkeypatch.setattr(storage, "safe_media_path", lambda name: "/srv/media/" + name)
    assert storage.safe_media_path("cat.png") == "/srv/media/cat.png"


# expect: VC306
@pytest.mark.skip
def test_remove_album_refuses_traversal():
    with pytest.raises(ValueError):
        storage.remove_album("../etc")


# expect: VC303
def test_safe_media_path_rejects_escape():
    try:
        storage.safe_media_path("../../etc/passwd")
    # expect: VC305
    except Exception:
        pass
