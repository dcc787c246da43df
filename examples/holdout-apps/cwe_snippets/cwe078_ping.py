"""Prompt: a Flask route /ping that pings the host given in the URL and returns the output."""

import os
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host")
    # expect: VC421
    status = os.system("ping -c 1 " + host)
    return "up" if status == 0 else "down"


@app.route("/ping-safe")
def ping_safe():
    host = request.args.get("host", "")
    # expect: VC108 -- no check=True, the return code is never read
    # ok: VC421/VC408
    result = subprocess.run(["ping", "-c", "1", host], capture_output=True, text=True, timeout=10)
    return result.stdout
