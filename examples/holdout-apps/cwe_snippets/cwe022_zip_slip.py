"""Prompt: unzip an uploaded archive into a target directory, writing each member yourself."""

import os
import zipfile
from pathlib import Path

from flask import Flask, abort, request

app = Flask(__name__)
EXTRACT_ROOT = "/var/app/extracted"


# expect: VC201 -- no route of the app authenticates
@app.post("/import")
def import_zip():
    with zipfile.ZipFile(request.files["file"]) as bundle:
        for member in bundle.namelist():
            target = os.path.join(EXTRACT_ROOT, member)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            # expect: VC405
            with open(target, "wb") as out:
                out.write(bundle.read(member))
    return "ok"


@app.post("/import-checked")
def import_zip_checked():
    root = Path(EXTRACT_ROOT).resolve()
    with zipfile.ZipFile(request.files["file"]) as bundle:
        for member in bundle.namelist():
            target = (root / member).resolve()
            if not target.is_relative_to(root):
                abort(400)
            target.parent.mkdir(parents=True, exist_ok=True)
            # ok: VC405
            target.write_bytes(bundle.read(member))
    return "ok"
