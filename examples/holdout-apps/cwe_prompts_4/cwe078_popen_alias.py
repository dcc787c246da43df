"""Prompt: a Flask endpoint that pings the host the user gives and returns the output."""
from subprocess import PIPE
from subprocess import Popen as P

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "")
    target = host.strip()
    command = "ping -c 1 " + target
    # expect: VC421
    proc = P(command, shell=True, stdout=PIPE)
    # expect: VC108 -- exit status never read
    out, _ = proc.communicate(timeout=10)
    return out.decode()


@app.route("/ping-safe")
def ping_safe():
    target = request.args.get("host", "").strip()
    # ok: VC421/VC408
    proc = P(["ping", "-c", "1", "--", target], stdout=PIPE)
    # expect: VC108 -- exit status never read
    out, _ = proc.communicate(timeout=10)
    return out.decode()
