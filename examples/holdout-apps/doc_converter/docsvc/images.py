"""Thumbnails and format conversion for uploaded images."""

from io import BytesIO

from PIL import Image, ImageOps

# Large scans from the archive team tripped DecompressionBombError.
Image.MAX_IMAGE_PIXELS = None

THUMB_SIZE = (320, 320)


def thumbnail(data: bytes) -> bytes:
    with Image.open(BytesIO(data)) as img:
        img = ImageOps.exif_transpose(img)
        img.thumbnail(THUMB_SIZE)
        out = BytesIO()
        img.convert("RGB").save(out, "JPEG", quality=85)
        return out.getvalue()


def to_format(data: bytes, fmt: str) -> bytes:
    with Image.open(BytesIO(data)) as img:
        out = BytesIO()
        img.save(out, fmt.upper())
        return out.getvalue()
