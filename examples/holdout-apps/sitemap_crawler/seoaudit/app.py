"""Flask front: clients submit their site and get an audit back."""

import os
import threading
import uuid
from urllib.parse import urlparse

from flask import Flask, Response, abort, jsonify, request, send_file, send_from_directory

from .crawler import crawl, crawl_same_site
from .fetch import head_status
from .report import render_rows, render_rows_escaped, to_csv

app = Flask(__name__)
# ok: VC203
app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]
REPORT_DIR = os.environ.get("REPORT_DIR", "/var/lib/seoaudit/reports")
AUDITS: dict[str, list] = {}
PARTNER_DOMAINS = {"acme-retail.com", "www.acme-retail.com"}


def _save(audit_id: str, reports: list) -> None:
    AUDITS[audit_id] = reports
    with open(os.path.join(REPORT_DIR, f"{audit_id}.csv"), "w", newline="", encoding="utf-8") as fh:
        fh.write(to_csv(reports))


# expect: VC201
@app.post("/audits")
def start_audit():
    start_url = request.json["start_url"]
    audit_id = uuid.uuid4().hex
    # expect: VC113 -- the crawl it starts fetches the client's URL, reported at the fetch in fetch.py
    threading.Thread(target=lambda: _save(audit_id, crawl(start_url)), daemon=True).start()
    return jsonify(id=audit_id), 202


@app.post("/audits/partner")
def start_partner_audit():
    start_url = request.json["start_url"]
    # expect: VC415
    if not start_url.startswith("https://acme-retail.com"):
        abort(400)
    audit_id = uuid.uuid4().hex
    _save(audit_id, crawl_same_site(start_url))
    return jsonify(id=audit_id)


@app.post("/audits/checked")
def start_checked_audit():
    start_url = request.json["start_url"]
    parsed = urlparse(start_url)
    if parsed.scheme != "https" or parsed.hostname not in PARTNER_DOMAINS:
        abort(400)
    audit_id = uuid.uuid4().hex
    # ok: VC405/VC417
    _save(audit_id, crawl_same_site(start_url))
    return jsonify(id=audit_id)


@app.get("/check-link")
def check_link():
    target = request.args["url"]
    return jsonify(status=head_status(target))


@app.get("/audits/<audit_id>")
def show_audit(audit_id: str):
    reports = AUDITS.get(audit_id) or abort(404)
    return Response(render_rows(reports), mimetype="text/html")


@app.get("/audits/<audit_id>/safe")
def show_audit_safe(audit_id: str):
    reports = AUDITS.get(audit_id) or abort(404)
    # ok: VC411/VC427
    return Response(render_rows_escaped(reports), mimetype="text/html")


@app.get("/reports/<name>")
def download_report(name: str):
    # expect: VC405
    return send_file(os.path.join(REPORT_DIR, name), mimetype="text/csv")


@app.get("/reports/safe/<name>")
def download_report_safe(name: str):
    # ok: VC405
    return send_from_directory(REPORT_DIR, name, mimetype="text/csv")


if __name__ == "__main__":
    # expect: VC211
    app.run(host="0.0.0.0", port=8080, debug=True)
