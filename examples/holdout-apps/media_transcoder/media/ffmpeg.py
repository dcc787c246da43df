"""Thin wrappers around ffmpeg / ffprobe / ImageMagick."""

import json
import logging
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)

ALLOWED_CODECS = {"libx264", "libx265", "libvpx-vp9", "aac", "libopus"}
ALLOWED_PRESETS = {"ultrafast", "fast", "medium", "slow"}


def transcode(src: str, dst: str, codec: str, extra_args: str = "") -> None:
    cmd = f"ffmpeg -y -i {src} -c:v {codec} {extra_args} {dst}"
    log.info("running %s", cmd)
    # expect: VC408/VC417
    subprocess.run(cmd, shell=True, check=True)


def transcode_safe(src: Path, dst: Path, codec: str, preset: str, width: int) -> None:
    if codec not in ALLOWED_CODECS or preset not in ALLOWED_PRESETS:
        raise ValueError("unsupported codec or preset")
    args = ["ffmpeg", "-y", "-i", str(src), "-c:v", codec, "-preset", preset, "-vf", f"scale={int(width)}:-2", str(dst)]
    # ok: VC408/VC421/VC108
    subprocess.run(args, check=True, timeout=3600, capture_output=True)


def probe(path: Path) -> dict:
    # expect: VC108
    out = subprocess.run(
        ["ffprobe", "-v", "quiet", "-print_format", "json", "-show_format", "-show_streams", str(path)],
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout or "{}")


def resize_image(src: str, dst: str, geometry: str) -> None:
    # expect: VC408/VC417
    # expect: VC108
    subprocess.call("convert %s -resize %s %s" % (src, geometry, dst), shell=True)


def extract_frame(src: Path, dst: Path, at_seconds: float) -> None:
    # ok: VC408/VC421/VC108
    subprocess.check_call(["ffmpeg", "-y", "-ss", f"{float(at_seconds):.3f}", "-i", str(src), "-frames:v", "1", str(dst)])
