"""Flask API for the notebook UI: sessions, runs, files."""

from __future__ import annotations

import logging
import os
import traceback
from functools import wraps
from pathlib import Path

from flask import Flask, abort, g, jsonify, request, send_file, send_from_directory

from .agent import solve
from .sandbox import WORKDIR, run_in_container, run_inline

log = logging.getLogger(__name__)
app = Flask(__name__)
# expect: VC203
app.config["SECRET_KEY"] = "notebook-agent-dev-secret"
API_TOKENS = {t for t in os.environ.get("INTERP_TOKENS", "").split(",") if t}


def token_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if token not in API_TOKENS:
            abort(401)
        g.token = token
        return view(*args, **kwargs)
    return wrapper


@app.post("/api/solve")
@token_required
def api_solve():
    task = request.json["task"]
    # expect: VC407, VC409
    log.info("solve request token=%s task=%s", g.token, task[:80])
    try:
        return jsonify({"answer": solve(task, trusted=request.json.get("trusted", False))})
    except Exception:
        # expect: VC414
        return jsonify({"error": traceback.format_exc()}), 500


@app.post("/api/run")
@token_required
def api_run():
    code = request.json["code"]
    # ok: VC413
    result = run_in_container(code)
    return jsonify(result.__dict__)


@app.post("/api/run/fast")
@token_required
def api_run_fast():
    result = run_inline(request.json["code"])
    return jsonify(result.__dict__)


# expect: VC201
@app.post("/api/eval")
def api_eval():
    expression = request.args.get("expr", "")
    # expect: VC413
    return jsonify({"value": repr(eval(expression))})


@app.get("/api/files/<path:name>")
@token_required
def get_file(name: str):
    # expect: VC405
    return send_file(os.path.join(WORKDIR, name))


@app.get("/api/outputs/<path:name>")
@token_required
def get_output(name: str):
    # ok: VC405
    return send_from_directory(WORKDIR, name)


@app.delete("/api/sessions/<session_id>")
@token_required
def delete_session(session_id: str):
    target = (WORKDIR / session_id).resolve()
    # ok: VC405
    if not target.is_relative_to(WORKDIR) or target == WORKDIR:
        abort(400)
    for child in sorted(target.rglob("*"), reverse=True):
        child.unlink() if child.is_file() else child.rmdir()
    target.rmdir()
    return "", 204


@app.post("/api/upload")
@token_required
def upload():
    file = request.files["file"]
    # expect: VC405/VC409
    file.save(Path(WORKDIR) / file.filename)
    return {"saved": file.filename}


if __name__ == "__main__":
    # expect: VC211
    app.run(host="0.0.0.0", port=8080, debug=True)
