import io
from pathlib import Path

from PIL import Image

Image.MAX_IMAGE_PIXELS = None

THUMB_SIZES = {"small": (128, 128), "medium": (512, 512), "large": (1024, 1024)}


def make_thumbnail(data: bytes, size: str, dest: Path) -> Path:
    box = THUMB_SIZES.get(size, THUMB_SIZES["small"])
    with Image.open(io.BytesIO(data)) as img:
        img.thumbnail(box)
        img.convert("RGB").save(dest, "JPEG", quality=85)
    return dest


def image_info(data: bytes) -> dict:
    with Image.open(io.BytesIO(data)) as img:
        return {"width": img.width, "height": img.height, "format": img.format}
