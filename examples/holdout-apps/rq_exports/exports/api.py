"""Flask API that queues exports on RQ and reports their jobs."""

import functools
import os
import secrets

from flask import Flask, abort, g, jsonify, request, send_file
from redis import Redis
from rq import Queue
from rq.job import Job

from exports import db, tasks
from exports.config import ALLOWED_FORMATS, ALLOWED_TABLES, EXPORT_DIR, REDIS_URL

app = Flask(__name__)
redis = Redis.from_url(REDIS_URL)
queue = Queue("exports", connection=redis)


def require_key(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        user = db.user_for_key(request.headers.get("X-Api-Key", ""))
        if user is None:
            abort(401)
        g.user = user
        return view(*args, **kwargs)

    return wrapper


@app.post("/signup")
def signup():
    body = request.get_json()
    api_key = secrets.token_urlsafe(32)
    # expect: VC217
    user_id = db.create_user(body["email"], api_key, body.get("role", "member"))
    return jsonify(id=user_id, api_key=api_key), 201


@app.post("/exports")
@require_key
def create_export():
    body = request.get_json()
    fmt = body.get("format", "csv")
    if fmt not in ALLOWED_FORMATS:
        abort(400)
    job = queue.enqueue(tasks.run_export, body["export_id"], body["table"], body.get("where", "true"), fmt)
    job.meta["owner"] = g.user["id"]
    job.save_meta()
    return jsonify(job=job.id), 202


@app.post("/exports/dump")
@require_key
def dump():
    table = request.get_json()["table"]
    if table not in ALLOWED_TABLES:
        abort(400)
    # ok: VC417/VC408/VC421
    job = queue.enqueue(tasks.dump_table, table)
    return jsonify(job=job.id), 202


@app.get("/jobs/<job_id>")
@require_key
def job_status(job_id):
    # expect: VC214
    job = Job.fetch(job_id, connection=redis)
    return jsonify(status=job.get_status(), result=job.result)


@app.get("/my/jobs/<job_id>")
@require_key
def my_job_status(job_id):
    # ok: VC214
    job = Job.fetch(job_id, connection=redis)
    if job.meta.get("owner") != g.user["id"]:
        abort(404)
    return jsonify(status=job.get_status(), result=job.result)


# expect: VC201
@app.post("/jobs/<job_id>/cancel")
def cancel_job(job_id):
    Job.fetch(job_id, connection=redis).cancel()
    return "", 204


@app.patch("/exports/<int:export_id>")
@require_key
def update_export(export_id):
    export = db.get_export_for(export_id, g.user["id"])
    if export is None:
        abort(404)
    for key, value in request.get_json().items():
        # expect: VC215
        export[key] = value
    db.save_export(export)
    return jsonify(export)


@app.get("/exports/<int:export_id>/file")
@require_key
def download(export_id):
    # expect: VC214
    export = db.get_export(export_id)
    if export is None:
        abort(404)
    return send_file(os.path.join(EXPORT_DIR, f"{export['id']}.{export['fmt']}"))


@app.get("/files/<path:name>")
@require_key
def raw_file(name):
    # expect: VC405
    return send_file(os.path.join(EXPORT_DIR, name))


@app.errorhandler(Exception)
def on_error(exc):
    # expect: VC414
    return jsonify(error=str(exc)), 500


if __name__ == "__main__":
    # expect: VC211
    app.run(host="0.0.0.0", debug=True)
