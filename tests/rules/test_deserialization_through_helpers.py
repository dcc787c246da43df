"""VC406's loads behind a project helper: client input, an upload's bytes or the path an upload was saved to, handed to
a loader in another module (VC413's summaries, reported by VC417 at the load with the route that feeds it)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from vibecheck.api import check_paths
from vibecheck.config import Settings

LOADING = """
    import io
    import pickle

    import joblib
    import numpy as np
    import torch


    def load_checkpoint(path):
        return torch.load(path, map_location="cpu")


    def load_saved(path):
        return torch.load(path, map_location="cpu")


    def load_copied(path):
        with open(path, "rb") as handle:
            return pickle.load(handle)


    def load_pipeline(data):
        return joblib.load(io.BytesIO(data))


    def load_arrays(fileobj):
        return np.load(fileobj, allow_pickle=True)


    def load_weights(path):
        return torch.load(path, map_location="cpu", weights_only=True)


    def load_plain_arrays(fileobj):
        return np.load(fileobj)


    def load_bundled(name):
        with open("models/default.pkl", "rb") as handle:
            return pickle.load(handle)


    def load_operator_model(path):
        return torch.load(path)
"""
# A cache module that also pickles what it stores: VC406 rates its load medium (the store is the program's own),
# unless the client's bytes reach it.
CACHE = """
    import pickle


    def store(backend, key, value):
        backend.set(key, pickle.dumps(value))


    def restore(raw):
        return pickle.loads(raw)
"""
ROUTES = """
    import os
    import shutil
    import tempfile

    from fastapi import FastAPI, UploadFile
    from flask import Flask, request
    from werkzeug.utils import secure_filename

    from app import cache
    from app.loading import (load_arrays, load_bundled, load_checkpoint, load_copied, load_pipeline, load_plain_arrays,
                             load_saved, load_weights)

    app = Flask(__name__)
    api = FastAPI()
    UPLOADS = "/srv/uploads"


    @app.post("/checkpoint")
    def checkpoint():
        return str(load_checkpoint(request.files["model"]))


    @app.post("/saved")
    def saved():
        upload = request.files["model"]
        path = os.path.join(UPLOADS, secure_filename(upload.filename))
        upload.save(path)
        return str(load_saved(path))


    @api.post("/copied")
    async def copied(file: UploadFile):
        path = os.path.join(tempfile.mkdtemp(), "state.pkl")
        with open(path, "wb") as out:
            shutil.copyfileobj(file.file, out)
        return {"state": str(load_copied(path))}


    @api.post("/pipeline")
    async def pipeline(file: UploadFile):
        return {"model": str(load_pipeline(await file.read()))}


    @app.post("/arrays")
    def arrays():
        return str(load_arrays(request.files["arrays"]))


    @app.get("/restore")
    def restore():
        return str(cache.restore(request.cookies["state"].encode()))


    @app.post("/weights")
    def weights():
        return str(load_weights(request.files["model"]))


    @app.post("/plain-arrays")
    def plain_arrays():
        return str(load_plain_arrays(request.files["arrays"]))


    @app.get("/bundled")
    def bundled():
        return str(load_bundled(request.args["name"]))


    @app.post("/default")
    def default():
        upload = request.files["model"]
        path = os.path.join(UPLOADS, "incoming.pt")
        upload.save(path)
        return str(load_weights(path)), str(load_bundled("default"))
"""
# A command-line tool loading the checkpoint its own user names: the tool's input, judged by VC406 where it loads.
TOOL = """
    import sys

    from app.loading import load_operator_model

    if __name__ == "__main__":
        print(load_operator_model(sys.argv[1]))
"""


def test_client_data_reaching_a_helpers_load_is_reported_at_the_load(tmp_path: Path) -> None:
    files = {"app/__init__.py": "", "app/loading.py": LOADING, "app/cache.py": CACHE, "app/routes.py": ROUTES,
             "app/tool.py": TOOL}
    for relative, text in files.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(textwrap.dedent(text), encoding="utf-8")
    settings = Settings(root=str(tmp_path), select=("VC406", "VC417"), no_bandit=True, cache=False)
    findings = check_paths([str(tmp_path)], settings).findings
    reported = sorted((Path(f.location.path).name, f.code, f.severity.value, f.line_text.strip()) for f in findings)
    assert reported == [
        ("cache.py", "VC417", "high", "return pickle.loads(raw)"),
        ("loading.py", "VC406", "high", "return torch.load(path)"),
        ("loading.py", "VC417", "high", "return joblib.load(io.BytesIO(data))"),
        ("loading.py", "VC417", "high", 'return np.load(fileobj, allow_pickle=True)'),
        ("loading.py", "VC417", "high", "return pickle.load(handle)"),
        ("loading.py", "VC417", "high", 'return torch.load(path, map_location="cpu")'),
        ("loading.py", "VC417", "high", 'return torch.load(path, map_location="cpu")'),
    ], reported
    messages = {f.message for f in findings if f.code == "VC417"}
    assert any("`request.files` in `saved()`" in m and "(through `saved()` -> `load_saved()`)" in m for m in messages)
    assert any("`file` in `copied()`" in m and "`pickle.load()`" in m for m in messages), messages
    assert any("`request.cookies` in `restore()`" in m for m in messages), messages
    hints = {f.hint for f in findings if f.code == "VC417"}
    assert any("weights_only=True" in (hint or "") for hint in hints), hints
    assert all(f.cwe == (502, 94) for f in findings if f.code == "VC417")
