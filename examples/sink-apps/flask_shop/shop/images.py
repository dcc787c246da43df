"""Thumbnails for product images."""
import os
import subprocess

UPLOADS = "static/uploads"
THUMBS = "static/thumbs"


def make_thumbnail(filename, size):
    # sink: CWE-78
    os.system(f"convert {UPLOADS}/{filename} -resize {size}x{size} {THUMBS}/{filename}")


def make_thumbnail_safe(filename, size):
    source = os.path.join(UPLOADS, os.path.basename(filename))
    target = os.path.join(THUMBS, os.path.basename(filename))
    # safe: CWE-78
    subprocess.run(["convert", source, "-resize", f"{int(size)}x{int(size)}", target], check=True)
