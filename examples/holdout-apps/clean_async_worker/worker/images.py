"""CPU-bound image work, run in a thread by the async worker."""

import io

from PIL import Image

MAX_PIXELS = 40_000_000


class ImageError(ValueError):
    """The source is not an image Pillow can read safely."""


def make_thumbnails(data: bytes, sizes: list[int]) -> dict[int, bytes]:
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            thumbnails = {}
            for size in sizes:
                copy = image.copy()
                copy.thumbnail((size, size))
                out = io.BytesIO()
                copy.convert("RGB").save(out, format="JPEG", quality=85)
                thumbnails[size] = out.getvalue()
            return thumbnails
    except (Image.DecompressionBombError, OSError) as exc:
        raise ImageError(f"unreadable image: {exc}") from exc
