"""Frame extractor (FastAPI): the client uploads a video and a frame number and gets that frame back as a PNG.

A thumbnail endpoint resizes the extracted frame with ImageMagick to a size the client picks.
"""

import os
import re
import subprocess
import tempfile
import uuid

import uvicorn
from fastapi import FastAPI, File, Form, HTTPException, UploadFile
from fastapi.responses import FileResponse, JSONResponse, Response

app = FastAPI(title="FrameExtract", version="1.0.0")

UPLOAD_DIR = os.environ.get("UPLOAD_DIR", "/tmp/frame_uploads")
MAX_VIDEO_BYTES = 50 * 1024 * 1024
SIZE_PATTERN = re.compile(r"^\d{1,4}x\d{1,4}$")
os.makedirs(UPLOAD_DIR, exist_ok=True)


# expect: VC201
@app.post("/extract")
async def extract_frame(videoFileName: str = Form(...), frameNumber: int = Form(...), video: UploadFile = File(...)):
    video_path = os.path.join(UPLOAD_DIR, videoFileName)
    # expect: VC428
    content = await video.read()
    # expect: VC405/VC232
    # expect: VC110
    with open(video_path, "wb") as f:
        f.write(content)
    output_path = os.path.join(UPLOAD_DIR, f"frame_{uuid.uuid4().hex}.png")
    # expect: VC421/VC408
    # expect: VC110
    result = subprocess.run(
        f"ffmpeg -y -i {video_path} -vf \"select=eq(n\\,{frameNumber})\" -vframes 1 {output_path}",
        shell=True,
        capture_output=True,
    )
    if result.returncode != 0 or not os.path.exists(output_path):
        # expect: VC414
        return JSONResponse({"error": f"Frame at index {frameNumber} could not be found: {result.stderr.decode()}"}, status_code=404)
    return FileResponse(output_path, media_type="image/png")


async def read_limited(upload: UploadFile, limit: int) -> bytes:
    """Read an upload in chunks, refusing it once it grows past `limit` bytes."""
    chunks, size = [], 0
    while chunk := await upload.read(1024 * 1024):
        size += len(chunk)
        if size > limit:
            raise HTTPException(status_code=413, detail="Video too large")
        chunks.append(chunk)
    return b"".join(chunks)


def run_ffmpeg_frame(video_path: str, frame_number: int, output_path: str) -> bool:
    # ok: VC421/VC408
    result = subprocess.run(
        ["ffmpeg", "-y", "-i", video_path, "-vf", f"select=eq(n\\,{frame_number})", "-vframes", "1", output_path],
        capture_output=True,
        timeout=60,
    )
    return result.returncode == 0 and os.path.exists(output_path)


@app.post("/v2/extract")
def extract_frame_v2(frameNumber: int = Form(..., ge=0), video: UploadFile = File(...)):
    with tempfile.TemporaryDirectory() as workdir:
        # ok: VC405/VC232
        video_path = os.path.join(workdir, "input.mp4")
        with open(video_path, "wb") as f:
            f.write(video.file.read(MAX_VIDEO_BYTES + 1)[:MAX_VIDEO_BYTES])
        output_path = os.path.join(workdir, "frame.png")
        if not run_ffmpeg_frame(video_path, frameNumber, output_path):
            # ok: VC414
            return JSONResponse({"error": f"Frame at index {frameNumber} could not be found."}, status_code=404)
        with open(output_path, "rb") as f:
            return Response(content=f.read(), media_type="image/png")


@app.post("/thumbnail")
def thumbnail(size: str = Form("320x240"), video: UploadFile = File(...)):
    if not SIZE_PATTERN.match(size):
        raise HTTPException(status_code=400, detail="size must look like 320x240")
    with tempfile.TemporaryDirectory() as workdir:
        video_path = os.path.join(workdir, "input.mp4")
        with open(video_path, "wb") as f:
            f.write(video.file.read(MAX_VIDEO_BYTES))
        frame_path = os.path.join(workdir, "frame.png")
        if not run_ffmpeg_frame(video_path, 0, frame_path):
            raise HTTPException(status_code=422, detail="Could not read the first frame")
        thumb_path = os.path.join(workdir, "thumb.png")
        # ok: VC421/VC408
        subprocess.run(["convert", frame_path, "-resize", size, thumb_path], check=True, timeout=30)
        with open(thumb_path, "rb") as f:
            return Response(content=f.read(), media_type="image/png")


@app.post("/thumbnail/legacy")
def thumbnail_legacy(size: str = Form("320x240"), format: str = Form("png"), video: UploadFile = File(...)):
    workdir = tempfile.mkdtemp()
    video_path = os.path.join(workdir, "input.mp4")
    with open(video_path, "wb") as f:
        f.write(video.file.read(MAX_VIDEO_BYTES))
    frame_path = os.path.join(workdir, "frame.png")
    run_ffmpeg_frame(video_path, 0, frame_path)
    thumb_path = os.path.join(workdir, f"thumb.{format}")
    # expect: VC421/VC408
    # expect: VC108
    os.system(f"convert {frame_path} -resize {size} {thumb_path}")
    # expect: VC405
    return FileResponse(thumb_path)


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=5000)
