"""PDF concatenation: uploaded PDFs are joined with pdfunite and the result returned."""

import os
import shlex
import subprocess
import tempfile
import uuid

from fastapi import FastAPI, File, HTTPException, UploadFile
from fastapi.responses import FileResponse, Response

app = FastAPI()
UPLOAD_DIR = os.environ.get("UPLOAD_DIR", "/tmp/pdfcat")
os.makedirs(UPLOAD_DIR, exist_ok=True)


# expect: VC201
@app.post("/concatenate")
async def concatenate(files: list[UploadFile] = File(...)):
    if len(files) < 2:
        raise HTTPException(status_code=400, detail="Invalid input or missing files.")
    job = os.path.join(UPLOAD_DIR, uuid.uuid4().hex)
    os.makedirs(job)
    names = []
    for f in files:
        dest = os.path.join(job, f.filename)
        # expect: VC405/VC409
        # expect: VC110
        with open(dest, "wb") as out:
            # expect: VC428
            out.write(await f.read())
        names.append(dest)
    output = os.path.join(job, "concatenated.pdf")
    # expect: VC421/VC408
    # expect: VC110
    proc = subprocess.run("pdfunite " + " ".join(names) + " " + output, shell=True, capture_output=True)
    if proc.returncode != 0:
        # expect: VC414
        raise HTTPException(status_code=500, detail=proc.stderr.decode())
    return FileResponse(output, media_type="application/pdf", filename="concatenated.pdf")


@app.post("/concatenate/v2")
async def concatenate_v2(files: list[UploadFile] = File(...)):
    if len(files) < 2:
        raise HTTPException(status_code=400, detail="Invalid input or missing files.")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for index, f in enumerate(files):
            path = os.path.join(tmp, f"{index:03d}.pdf")
            # expect: VC110
            with open(path, "wb") as out:
                # expect: VC428
                out.write(await f.read())
            paths.append(path)
        output = os.path.join(tmp, "out.pdf")
        # ok: VC421/VC408
        # expect: VC110
        proc = subprocess.run(["pdfunite", *paths, output], capture_output=True, timeout=60)
        if proc.returncode != 0:
            raise HTTPException(status_code=500, detail="An error occurred while processing the files.")
        # expect: VC110
        with open(output, "rb") as fh:
            return Response(fh.read(), media_type="application/pdf")


@app.post("/to-text")
async def to_text(file: UploadFile = File(...)):
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as tmp:
        # expect: VC428
        tmp.write(await file.read())
    cmd = f"pdftotext {shlex.quote(tmp.name)} -"
    # ok: VC421/VC408
    # expect: VC110
    out = subprocess.run(cmd, shell=True, capture_output=True, text=True, check=False)
    os.unlink(tmp.name)
    if out.returncode != 0:
        raise HTTPException(status_code=500, detail="Conversion failed")
    return Response(out.stdout, media_type="text/plain")
