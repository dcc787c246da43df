"""VC232 corpus: signed URLs for object keys the client names fire; keys built from or checked against the caller,
and keys the server reads from its own records, do not."""
import re

import boto3
from azure.storage.blob import generate_blob_sas
from fastapi import FastAPI
from flask import Flask, abort, g, jsonify, redirect, request
from flask_login import current_user, login_required
from google.cloud import storage
from minio import Minio

from inventory.models import Export

app = Flask(__name__)
api = FastAPI()
s3 = boto3.client("s3")
gcs = storage.Client().bucket("exports")
minio = Minio("minio:9000")
BUCKET = "exports"
SAFE_NAME = re.compile(r"^[\w.-]{1,80}$")


@app.get("/download")
@login_required
def download():
    key = request.args["key"]
    # expect: VC232
    return redirect(s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=300))


@app.get("/download/checked-name")
def download_checked_name():
    name = request.args["name"]
    if not SAFE_NAME.match(name):
        abort(400)
    # expect: VC232
    return redirect(s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": f"exports/{name}"}))


@app.post("/upload-url")
def upload_url():
    body = request.get_json()
    # expect: VC232
    post = s3.generate_presigned_post(BUCKET, body["key"], ExpiresIn=600)
    # expect: VC232
    put = minio.presigned_put_object(BUCKET, object_name=body["name"])
    return jsonify(post=post, put=put)


@app.get("/gcs")
def gcs_link():
    # expect: VC232
    return redirect(gcs.blob(request.args["path"]).generate_signed_url(version="v4", expiration=300))


@app.get("/azure")
def azure_link():
    name = request.args["blob"]
    # expect: VC232
    token = generate_blob_sas("acct", "exports", name, account_key="k", permission="r")
    return jsonify(token=token)


@api.get("/files/{key}")
def fastapi_file(key: str):
    # expect: VC232
    return {"url": s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key})}


@app.get("/own/<name>")
@login_required
def own_export(name):
    if not SAFE_NAME.match(name):
        abort(400)
    key = f"exports/{current_user.id}/{name}"
    # ok: VC232
    return redirect(s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=300))


@app.get("/own/joined")
def own_joined():
    # ok: VC232
    return redirect(gcs.blob("/".join([str(g.user.id), request.args["name"]])).generate_signed_url(expiration=300))


@app.get("/looked-up")
@login_required
def looked_up():
    key = request.args["key"]
    Export.query.filter_by(key=key, owner_id=current_user.id).first_or_404()
    # ok: VC232
    return redirect(s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}))


@app.get("/by-id/<int:export_id>")
@login_required
def by_id(export_id):
    export = Export.query.filter_by(id=export_id, owner_id=current_user.id).first_or_404()
    # ok: VC232
    return redirect(s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": export.key}))


@app.get("/prefixed")
@login_required
def prefixed():
    key = request.args["key"]
    if not key.startswith(f"users/{current_user.id}/"):
        abort(403)
    # ok: VC232
    return redirect(s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}))


def nightly_report(key):
    # ok: VC232
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=900)


@app.get("/put-url")
def put_url():
    wanted = request.args.get("file")
    path = f"uploads/{wanted}"
    # expect: VC232
    return s3.generate_presigned_url(ClientMethod="put_object", Params={"Bucket": BUCKET, "Key": path})


@app.get("/minio")
def minio_link():
    # expect: VC232
    return redirect(minio.presigned_get_object(BUCKET, request.args["object"]))


@app.post("/new-upload")
@login_required
def new_upload():
    import uuid

    key = f"uploads/{uuid.uuid4()}"
    # ok: VC232
    post = s3.generate_presigned_post(BUCKET, key, ExpiresIn=600)
    # ok: VC232
    logo = s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": "public/logo.png"})
    return jsonify(post=post, logo=logo, title=request.args.get("title"))


@app.get("/tenant/<name>")
@login_required
def tenant_file(name):
    # ok: VC232
    return redirect(minio.presigned_get_object(BUCKET, f"{g.tenant.slug}/{name}"))
