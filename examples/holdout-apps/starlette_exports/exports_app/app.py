"""Starlette service: webhooks that queue RQ jobs, "export my data", presigned uploads."""

import hashlib
import hmac
import json
import logging
import os
import uuid

from redis import Redis
from rq import Queue
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from . import db, storage
from .auth import is_admin, require_user

log = logging.getLogger(__name__)

WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"]
STRIPE_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]
queue = Queue("exports", connection=Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0")))


async def github_webhook(request: Request) -> Response:
    body = await request.body()
    signature = request.headers.get("X-Hub-Signature-256", "")
    expected = "sha256=" + hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    # expect: VC204
    if signature != expected:
        return JSONResponse({"error": "bad signature"}, status_code=401)
    payload = json.loads(body)
    queue.enqueue("exports_app.jobs.sync_repository", payload["repository"]["full_name"], job_timeout=600)
    return JSONResponse({"queued": True})


async def stripe_webhook(request: Request) -> Response:
    body = await request.body()
    signature = request.headers.get("Stripe-Signature", "")
    expected = hmac.new(STRIPE_SECRET.encode(), body, hashlib.sha256).hexdigest()
    # ok: VC204
    if not hmac.compare_digest(signature, expected):
        return JSONResponse({"error": "bad signature"}, status_code=401)
    event = json.loads(body)
    if event.get("type") == "customer.deleted":
        queue.enqueue("exports_app.jobs.purge_customer", event["data"]["object"]["id"])
    return JSONResponse({"received": True})


async def request_export(request: Request) -> Response:
    user = await require_user(request)
    try:
        export_id = db.create_export(user["id"])
        queue.enqueue("exports_app.jobs.build_export", export_id)
    except Exception as exc:
        log.exception("could not queue export")
        # expect: VC414
        return JSONResponse({"error": str(exc)}, status_code=500)
    return JSONResponse({"export_id": export_id}, status_code=202)


async def list_my_exports(request: Request) -> Response:
    user = await require_user(request)
    status = request.query_params.get("status", "ready")
    order_by = request.query_params.get("sort", "created_at")
    return JSONResponse(db.list_exports(user["id"], status, order_by))


async def download_export(request: Request) -> Response:
    await require_user(request)
    export_id = int(request.path_params["export_id"])
    # expect: VC214
    export = db.get_export(export_id)
    if export is None or export["status"] != "ready":
        return JSONResponse({"error": "not found"}, status_code=404)
    return RedirectResponse(storage.presigned_download(export["s3_key"]))


async def export_status(request: Request) -> Response:
    user = await require_user(request)
    # ok: VC214
    export = db.get_export_for_user(int(request.path_params["export_id"]), user["id"])
    if export is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse({"id": export["id"], "status": export["status"]})


async def upload_url(request: Request) -> Response:
    await require_user(request)
    data = await request.json()
    url = storage.presigned_upload(data["key"], data.get("content_type", "application/octet-stream"))
    return JSONResponse({"url": url, "key": data["key"]})


async def attachment_upload_url(request: Request) -> Response:
    user = await require_user(request)
    data = await request.json()
    key = f"attachments/{user['id']}/{uuid.uuid4().hex}"
    # ok: VC232
    url = storage.presigned_upload(key, data.get("content_type", "application/octet-stream"))
    return JSONResponse({"url": url, "key": key})


async def purge_exports(request: Request) -> Response:
    await require_user(request)
    # expect: VC207/VC217/VC417
    if not is_admin(request):
        raise HTTPException(status_code=403)
    return JSONResponse({"deleted": db.delete_all_exports()})


async def resync_repository(request: Request) -> Response:
    await require_user(request)
    repo = request.path_params["owner"] + "/" + request.path_params["name"]
    # expect: VC218
    queue.enqueue("exports_app.jobs.sync_repository", repo, job_timeout=600)
    return JSONResponse({"queued": repo})


async def health(request: Request) -> Response:
    return JSONResponse({"ok": True})


routes = [
    Route("/webhooks/github", github_webhook, methods=["POST"]),
    Route("/webhooks/stripe", stripe_webhook, methods=["POST"]),
    Route("/exports", request_export, methods=["POST"]),
    Route("/exports", list_my_exports, methods=["GET"]),
    Route("/exports/{export_id:int}/download", download_export),
    Route("/exports/{export_id:int}", export_status),
    Route("/uploads/presign", upload_url, methods=["POST"]),
    Route("/attachments/presign", attachment_upload_url, methods=["POST"]),
    Route("/admin/exports/purge", purge_exports, methods=["POST"]),
    Route("/admin/repos/{owner}/{name}/resync", resync_repository, methods=["POST"]),
    Route("/health", health),
]

app = Starlette(routes=routes)
