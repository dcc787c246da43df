"""VC409 corpus, Bottle: an upload's `filename` is sanitised by Bottle, its `raw_filename` is the client's."""
import os

from bottle import Bottle, request

app = Bottle()
UPLOAD_DIR = "/srv/uploads"


@app.post("/upload")
def upload():
    upload = request.files.get("file")
    # ok: VC409 -- Bottle's `FileUpload.filename` keeps only safe characters
    upload.save(os.path.join(UPLOAD_DIR, upload.filename))


@app.post("/upload/raw")
def upload_raw():
    upload = request.files.get("file")
    # expect: VC409 -- the name exactly as the client sent it
    upload.save(os.path.join(UPLOAD_DIR, upload.raw_filename))
