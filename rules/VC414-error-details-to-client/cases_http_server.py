"""VC414 corpus: an `http.server` handler answering with an exception's text, directly or through its own helper."""
import json
import logging
import sqlite3
from http.server import BaseHTTPRequestHandler

log = logging.getLogger(__name__)


class ReportHandler(BaseHTTPRequestHandler):
    def _send_json(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def _note(self, message):
        log.warning("report failed: %s", message)

    def do_GET(self):
        try:
            rows = sqlite3.connect("reports.db").execute("SELECT * FROM reports").fetchall()
        except sqlite3.Error as exc:
            # expect: VC414
            self._send_json(500, {"error": str(exc)})
            return
        self._send_json(200, {"rows": rows})

    def do_POST(self):
        try:
            length = int(self.headers.get("Content-Length", 0))
            record = json.loads(self.rfile.read(length))
            sqlite3.connect("reports.db").execute("INSERT INTO reports VALUES (?)", (record["name"],))
        except sqlite3.Error as exc:
            self.send_response(500)
            self.end_headers()
            # expect: VC414
            self.wfile.write(f"database error: {exc}".encode())
            return
        self._send_json(201, {"ok": True})

    def do_DELETE(self):
        try:
            sqlite3.connect("reports.db").execute("DELETE FROM reports")
        except sqlite3.Error as exc:
            # ok: VC414 -- logged, not sent
            self._note(str(exc))
            # ok: VC414
            self._send_json(500, {"error": "could not delete the reports"})
            return
        self._send_json(204, {})
