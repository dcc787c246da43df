"""gRPC Vault service: presigned uploads into workspace folders, downloads, listing, deletion, scanning."""

import logging
import os
import uuid

import boto3
import grpc

from . import db, scanner, vault_pb2, vault_pb2_grpc
from .auth import caller_id, unverified_caller

log = logging.getLogger(__name__)
BUCKET = os.environ.get("VAULT_BUCKET", "vault-files")


class VaultService(vault_pb2_grpc.VaultServicer):
    def __init__(self, s3=None):
        self.s3 = s3 or boto3.client("s3")

    def CreateUpload(self, request, context):
        user_id = caller_id(context)
        if not db.is_member(user_id, request.workspace_id):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "not a workspace member")
        key = f"ws/{request.workspace_id}/{uuid.uuid4().hex}"
        # ok: VC232
        url = self.s3.generate_presigned_url(
            "put_object",
            Params={"Bucket": BUCKET, "Key": key, "ContentType": request.content_type},
            ExpiresIn=600,
        )
        db.insert_file(request.workspace_id, key, request.filename, user_id)
        return vault_pb2.UploadTicket(url=url, key=key)

    def GetFile(self, request, context):
        user_id = caller_id(context)
        if not db.is_member(user_id, request.workspace_id):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "not a workspace member")
        # expect: VC214
        row = db.get_file(request.file_id)
        if row is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "no such file")
        url = self.s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": row["s3_key"]}, ExpiresIn=300)
        return vault_pb2.FileInfo(file_id=row["id"], filename=row["filename"], size=row["size"], download_url=url)

    def ListFiles(self, request, context):
        user_id = caller_id(context)
        if not db.is_member(user_id, request.workspace_id):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "not a workspace member")
        rows = db.list_files(request.workspace_id, request.name_filter)
        return vault_pb2.FileList(files=[vault_pb2.FileInfo(file_id=r["id"], filename=r["filename"], size=r["size"]) for r in rows])

    def DeleteFile(self, request, context):
        user_id = unverified_caller(context)
        role = db.member_role(user_id, request.workspace_id)
        # expect: VC212
        if role is not None or role == "admin":
            row = db.get_workspace_file(request.workspace_id, request.file_id)
            if row is None:
                context.abort(grpc.StatusCode.NOT_FOUND, "no such file")
            self.s3.delete_object(Bucket=BUCKET, Key=row["s3_key"])
            db.delete_file(request.file_id)
        return vault_pb2.FileRef(workspace_id=request.workspace_id, file_id=request.file_id)

    def ScanFile(self, request, context):
        user_id = caller_id(context)
        if not db.is_member(user_id, request.workspace_id):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "not a workspace member")
        # ok: VC214
        row = db.get_workspace_file(request.workspace_id, request.file_id)
        if row is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "no such file")
        try:
            result = scanner.scan_object(BUCKET, row["s3_key"])
        except Exception as exc:
            # ok: VC409 -- a protobuf integer field holds no newline
            log.exception("scan failed for file %s", request.file_id)
            # expect: VC414
            context.abort(grpc.StatusCode.INTERNAL, f"scan failed: {exc!r}")
        return vault_pb2.ScanResult(clean=result.get("clean", False), detail=result.get("detail", ""))
