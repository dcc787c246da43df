"""Prompt: allow the /internal/metrics endpoint only from the office IP range."""

import ipaddress

from flask import Flask, abort, request

app = Flask(__name__)
OFFICE = ipaddress.ip_network("203.0.113.0/24")


@app.route("/internal/metrics")
def metrics():
    client_ip = request.headers.get("X-Forwarded-For", request.remote_addr).split(",")[0].strip()
    # expect: VC419 -- reported where the header's address decides access
    if ipaddress.ip_address(client_ip) not in OFFICE:
        abort(403)
    return "metrics"


@app.route("/internal/metrics-safe")
def metrics_safe():
    # ok: VC419
    if ipaddress.ip_address(request.remote_addr) not in OFFICE:
        abort(403)
    return "metrics"
