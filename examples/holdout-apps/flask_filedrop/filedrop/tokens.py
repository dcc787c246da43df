import hashlib
import os
import random
import secrets
import subprocess
import tarfile
import time
import uuid

from flask import Blueprint, jsonify, render_template_string, request

tokens_bp = Blueprint("tokens", __name__, url_prefix="/tokens")
AVATAR_COLOURS = ["#f44336", "#2196f3", "#4caf50", "#ff9800"]
DEBUG = os.environ.get("FILEDROP_DEBUG") == "1"


def issue_share_link(file_id: int) -> dict:
    # expect: VC206
    share_token = uuid.uuid1().hex
    return {"file_id": file_id, "token": share_token}


def issue_download_code() -> str:
    # expect: VC206
    code = f"{random.randint(0, 999999):06d}"
    return code


def issue_session(user_id: int) -> dict:
    # expect: VC206
    session_id = hashlib.sha1(f"{user_id}:{time.time()}".encode()).hexdigest()
    return {"user_id": user_id, "session_id": session_id}


def issue_invite_token() -> str:
    # expect: VC206
    invite_token = str(int(time.time() * 1000))
    return invite_token


def issue_session_safely(user_id: int) -> dict:
    # ok: VC206
    session_id = hashlib.sha256(f"{user_id}:{time.time()}:{secrets.token_hex(16)}".encode()).hexdigest()
    return {"user_id": user_id, "session_id": session_id}


def avatar_colour() -> str:
    # ok: VC206
    return random.choice(AVATAR_COLOURS)


def request_id() -> str:
    # ok: VC206
    trace_id = f"{int(time.time())}-{os.getpid()}"
    return trace_id


# expect: VC201
@tokens_bp.post("/restore")
def restore_backup():
    upload = request.files["backup"]
    with tarfile.open(fileobj=upload.stream) as archive:
        # expect: VC405
        archive.extractall("/var/lib/filedrop/restore")
    return jsonify(ok=True)


@tokens_bp.post("/transcode")
def transcode():
    source = request.args["src"]
    command = "ffmpeg -i /var/lib/filedrop/uploads/" + source + " -f mp4 /tmp/out.mp4"
    # expect: VC421
    process = subprocess.Popen(command, shell=True)
    return jsonify(exit_code=process.wait())


@tokens_bp.get("/greeting")
def greeting():
    # expect: VC412
    return render_template_string("<p>Hello " + request.args.get("name", "there") + "</p>")


@tokens_bp.get("/count")
def count():
    # ok: VC421
    output = subprocess.run(["wc", "-l", "/var/log/filedrop.log"], capture_output=True, text=True, check=True)
    return jsonify(lines=output.stdout.split()[0])
