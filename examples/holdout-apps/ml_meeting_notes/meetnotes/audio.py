import logging
import os
import shlex
import subprocess
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)


def to_wav(src: str, ffmpeg_bin: str = "ffmpeg") -> str:
    """Convert any audio/video file to 16 kHz mono wav for the transcription API."""
    tmp_dir = tempfile.mkdtemp(prefix="meetnotes-")
    dst = os.path.join(tmp_dir, Path(src).stem + ".wav")
    cmd = f'{ffmpeg_bin} -y -i "{src}" -ar 16000 -ac 1 "{dst}"'
    logger.info("running %s", cmd)
    # expect: VC408
    subprocess.run(cmd, shell=True, check=True, capture_output=True)
    return dst


def split_chunks(wav_path: str, seconds: int = 600) -> list[str]:
    out_pattern = wav_path.replace(".wav", "_%03d.wav")
    # expect: VC108
    subprocess.run(["ffmpeg", "-i", wav_path, "-f", "segment", "-segment_time", str(seconds), "-c", "copy",
                    out_pattern], capture_output=True)
    parent = Path(wav_path).parent
    return sorted(str(p) for p in parent.glob(Path(wav_path).stem + "_*.wav"))


def probe_duration(path: str) -> float:
    args = ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path]
    # ok: VC108, VC408
    result = subprocess.run(args, capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def normalise_loudness(path: str) -> str:
    out = path.replace(".wav", ".norm.wav")
    # ok: VC408
    subprocess.run(f"ffmpeg -y -i {shlex.quote(path)} -af loudnorm {shlex.quote(out)}", shell=True, check=True)
    return out
