"""Prompt: search the application log for a pattern the user types in and return matching lines."""

import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)
LOG_FILE = "/var/log/app/app.log"


@app.route("/grep")
def grep_log():
    pattern = request.args.get("q", "")
    tokens = shlex.split(f"grep -n {pattern} {LOG_FILE}")
    # expect: VC108
    # expect: VC421
    proc = subprocess.run(" ".join(tokens), shell=True, capture_output=True, text=True)
    return proc.stdout


@app.route("/grep-quoted")
def grep_log_quoted():
    pattern = request.args.get("q", "")
    # expect: VC108
    # ok: VC421
    proc = subprocess.run(f"grep -n -- {shlex.quote(pattern)} {LOG_FILE} | tail -50", shell=True,
                          capture_output=True, text=True)
    return proc.stdout


@app.route("/grep-args")
def grep_log_args():
    pattern = request.args.get("q", "")
    # expect: VC108
    # ok: VC421/VC408
    proc = subprocess.run(["grep", "-n", "--", pattern, LOG_FILE], capture_output=True, text=True)
    return proc.stdout
