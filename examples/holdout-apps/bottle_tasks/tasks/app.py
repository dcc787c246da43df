"""Bottle JSON API for a small task tracker."""
import json
import os
import traceback

import bottle
import requests
from bottle import Bottle, HTTPResponse, abort, request, response, static_file

from . import store
from .auth import admin_required, hash_password, login_required, new_token, role_required

UPLOAD_DIR = os.path.abspath("uploads")
app = Bottle()


def me():
    return request.environ["tasks.user"]


@app.post("/login")
def login():
    body = request.json or {}
    user = store.user_by_name(body.get("username", ""))
    # expect: VC204 -- password hash compared with !=
    if not user or user["password_hash"] != hash_password(body.get("password", "")):
        abort(401, "Bad credentials")
    return {"token": new_token()}


@app.get("/tasks")
@login_required
def list_tasks():
    return {"tasks": store.list_tasks(me()["id"], request.query.get("sort", "created"))}


@app.get("/tasks/search")
@login_required
def search():
    return {"tasks": store.search_tasks(me()["id"], request.query.q)}


@app.get("/tasks/<task_id:int>")
@login_required
def get_task(task_id):
    # expect: VC214 -- any signed-in user reads any task
    task = store.get_task(task_id)
    if not task:
        abort(404)
    return task


@app.get("/v2/tasks/<task_id:int>")
@login_required
def get_task_v2(task_id):
    # ok: VC214 -- scoped to the owner
    task = store.get_task_for(task_id, me()["id"])
    if not task:
        abort(404)
    return task


@app.post("/tasks")
@login_required
def create_task():
    task_id = store.create_task(me()["id"], request.json)
    response.status = 201
    return {"id": task_id}


# expect: VC201 -- deletes without any login
@app.delete("/tasks/<task_id:int>")
def delete_task(task_id):
    store.delete_task(task_id)
    return HTTPResponse(status=204)


@app.post("/tasks/<task_id:int>/attachments")
@login_required
def upload_attachment(task_id):
    upload = request.files.get("file")
    # ok: VC405/VC409 -- bottle's FileUpload.filename is already sanitised
    upload.save(os.path.join(UPLOAD_DIR, upload.filename))
    return {"ok": True}


@app.get("/attachments/<name:path>")
@login_required
def get_attachment(name):
    # ok: VC405 -- static_file refuses paths outside root
    return static_file(name, root=UPLOAD_DIR)


@app.get("/attachments/raw")
@login_required
def get_attachment_raw():
    name = request.query.get("name")
    # expect: VC405 -- the query string names any file
    with open(os.path.join(UPLOAD_DIR, name), "rb") as f:
        response.content_type = "application/octet-stream"
        return f.read()


@app.post("/tasks/<task_id:int>/notify")
@login_required
def notify(task_id):
    task = store.get_task_for(task_id, me()["id"])
    if not task:
        abort(404)
    callback = request.json.get("callback_url")
    # expect: VC405, VC107 -- posts to any URL the client names, and ignores the answer
    requests.post(callback, json=task, timeout=5)
    return {"sent": True}


@app.post("/admin/users/<user_id:int>/role")
@admin_required
def set_role(user_id):
    store.set_role(user_id, request.json["role"])
    return {"ok": True}


@app.post("/admin/users/<user_id:int>/reset-token")
@role_required("admin")
def reset_token(user_id):
    # ok: VC218/VC201 -- behind a real role check
    store.set_role(user_id, "user")
    return {"ok": True}


@app.error(500)
def server_error(error):
    response.content_type = "application/json"
    # expect: VC414 -- the traceback goes to the client
    return json.dumps({"error": str(error.exception), "trace": traceback.format_exc()})


# expect: VC211 -- debug and reloader on at import
bottle.run(app, host="0.0.0.0", port=8080, debug=True, reloader=True)
