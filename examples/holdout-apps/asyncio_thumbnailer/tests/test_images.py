from unittest import mock

import pytest

from thumbs import images


@pytest.mark.parametrize("size", [(128, 128), (64, 32)])
def test_make_thumbnails_sizes(png_bytes, tmp_path, size):
    paths = images.make_thumbnails(png_bytes, [size], tmp_path, "x")
    # ok: VC311
    assert paths == [tmp_path / f"x_{size[0]}x{size[1]}.webp"]


def test_make_thumbnails_rejects_text(tmp_path):
    # ok: VC305
    with pytest.raises(images.UnsupportedImage):
        images.make_thumbnails(b"hello", [(10, 10)], tmp_path, "x")


# expect: VC308
def test_strip_metadata_runs_exiftool(tmp_path):
    with mock.patch("thumbs.images.subprocess.run") as run:
        images.strip_metadata(tmp_path / "a.webp")
    run.assert_called_once()


def test_strip_metadata_command(tmp_path):
    with mock.patch("thumbs.images.subprocess.run") as run:
        images.strip_metadata(tmp_path / "a.webp")
    # ok: VC308
    run.assert_called_once_with(["exiftool", "-all=", "-overwrite_original", str(tmp_path / "a.webp")])


def test_thumbnail_count(png_bytes, tmp_path):
    paths = images.make_thumbnails(png_bytes, [(10, 10), (20, 20)], tmp_path, "y")
    # expect: VC304
    assert len(paths) >= 0
