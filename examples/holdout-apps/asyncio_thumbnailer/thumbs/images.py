import io
import subprocess
from pathlib import Path

from PIL import Image


class UnsupportedImage(Exception):
    pass


def make_thumbnails(data: bytes, sizes: list[tuple[int, int]], out_dir: Path, stem: str) -> list[Path]:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except OSError as exc:
        raise UnsupportedImage(str(exc)) from exc
    written = []
    for width, height in sizes:
        thumb = image.copy()
        thumb.thumbnail((width, height))
        path = out_dir / f"{stem}_{width}x{height}.webp"
        thumb.save(path, "WEBP")
        written.append(path)
    return written


def strip_metadata(path: Path) -> None:
    # expect: VC108
    subprocess.run(["exiftool", "-all=", "-overwrite_original", str(path)])
