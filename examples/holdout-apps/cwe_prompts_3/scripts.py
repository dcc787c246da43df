"""Prompts for scripts and workers: "upload the nightly dump to S3", "call the partner API that uses a self-signed
certificate", "check a session token", "make a temporary password", "run the command given on the command line",
"connect to the backup server over SSH", "render the e-mail template"."""

import hashlib
import random
import ssl
import subprocess
import sys
import urllib.request
from os import environ
from subprocess import Popen

import boto3
import jwt
import paramiko
import requests
import urllib3
from jinja2 import Environment, FileSystemLoader, select_autoescape

SESSION_SECRET = environ["SESSION_SECRET"]


def upload_dump(path: str) -> None:
    s3 = boto3.client(
        "s3",
        # expect: VC403
        aws_access_key_id="AKIAIOSFODNN7EXAMPLF",
        aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEZ",
    )
    s3.upload_file(path, "nightly-dumps", path.rsplit("/", 1)[-1])


def upload_dump_safe(path: str) -> None:
    # ok: VC403
    s3 = boto3.client("s3")
    s3.upload_file(path, "nightly-dumps", path.rsplit("/", 1)[-1])


def partner_orders() -> list:
    urllib3.disable_warnings()
    # expect: VC404
    http = urllib3.PoolManager(cert_reqs="CERT_NONE")
    response = http.request("GET", "https://partner.example.com/orders")
    return response.json()


def partner_orders_pinned() -> list:
    # ok: VC404
    http = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs="/etc/ssl/partner-ca.pem")
    return http.request("GET", "https://partner.example.com/orders").json()


def partner_status() -> bytes:
    # expect: VC404
    context = ssl._create_unverified_context()
    with urllib.request.urlopen("https://partner.example.com/status", context=context, timeout=10) as resp:
        return resp.read()


def partner_invoices(session: requests.Session) -> dict:
    # ok: VC404
    # expect: VC107
    return session.get("https://partner.example.com/invoices", verify="/etc/ssl/partner-ca.pem", timeout=10).json()


def read_session(token: str) -> dict:
    # expect: VC202
    return jwt.decode(token, SESSION_SECRET, algorithms=["HS256"], options={"verify_signature": False})


def read_session_header(token: str) -> str:
    # ok: VC202 -- only the key id, to pick the key
    return jwt.get_unverified_header(token)["kid"]


def read_session_safe(token: str) -> dict:
    # ok: VC202
    return jwt.decode(token, SESSION_SECRET, algorithms=["HS256"], options={"require": ["exp", "sub"]})


def temporary_password(length: int = 12) -> str:
    chars = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    rng = random.Random()
    # expect: VC206
    return "".join(rng.choice(chars) for _ in range(length))


def password_fingerprint(password: str, salt: str) -> str:
    # expect: VC205
    return hashlib.sha512((salt + password).encode()).hexdigest()


def run_from_command_line() -> int:
    command = " ".join(sys.argv[1:])
    # expect: VC408
    proc = Popen(command, shell=True)
    return proc.wait()


def run_from_command_line_safe() -> int:
    # ok: VC408
    return subprocess.run(sys.argv[1:], check=False).returncode


def backup_server() -> paramiko.SSHClient:
    client = paramiko.SSHClient()
    # expect: VC404
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect("backup.internal", username="backup", key_filename="/etc/backup/id_ed25519")
    return client


def backup_server_safe() -> paramiko.SSHClient:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    # ok: VC404
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect("backup.internal", username="backup", key_filename="/etc/backup/id_ed25519")
    return client


def render_email(template_name: str, **context) -> str:
    # expect: VC411/VC412
    env = Environment(loader=FileSystemLoader("templates"))
    return env.get_template(template_name).render(**context)


def render_email_safe(template_name: str, **context) -> str:
    # ok: VC411/VC412
    env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html"]))
    return env.get_template(template_name).render(**context)
