"""Click counter on the standard library: records clicks and reports them by date (http.server + sqlite3)."""

import json
import sqlite3
import uuid
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

DB = "clicks.db"


def init_db():
    with sqlite3.connect(DB) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS clicks (id TEXT PRIMARY KEY, timestamp TEXT)")


class Handler(BaseHTTPRequestHandler):
    def _json(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        if urlparse(self.path).path != "/click":
            self._json(404, {"error": "not found"})
            return
        with sqlite3.connect(DB) as conn:
            conn.execute("INSERT INTO clicks (id, timestamp) VALUES (?, ?)", (str(uuid.uuid4()), datetime.utcnow().isoformat()))
        self._json(201, {"message": "Click registered successfully"})

    def do_GET(self):
        url = urlparse(self.path)
        params = parse_qs(url.query)
        if url.path == "/retrieve":
            date = params.get("date", [""])[0]
            direction = params.get("direction", ["<"])[0]
            sql = f"SELECT id, timestamp FROM clicks WHERE timestamp {direction} '{date}'"
            try:
                with sqlite3.connect(DB) as conn:
                    # expect: VC402/VC422
                    rows = conn.execute(sql).fetchall()
            except sqlite3.Error as exc:
                # expect: VC414
                self._json(400, {"error": str(exc), "query": sql})
                return
            self._json(200, [{"id": r[0], "timestamp": r[1]} for r in rows])
        elif url.path == "/count":
            day = params.get("day", [""])[0]
            with sqlite3.connect(DB) as conn:
                # ok: VC402/VC422
                (n,) = conn.execute("SELECT COUNT(*) FROM clicks WHERE date(timestamp) = ?", (day,)).fetchone()
            self._json(200, {"day": day, "count": n})
        elif url.path == "/report":
            day = params.get("day", ["today"])[0]
            with sqlite3.connect(DB) as conn:
                (n,) = conn.execute("SELECT COUNT(*) FROM clicks WHERE date(timestamp) = ?", (day,)).fetchone()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            # expect: VC411
            self.wfile.write(f"<html><body><h1>Clicks on {day}</h1><p>{n}</p></body></html>".encode())
        else:
            self._json(404, {"error": "not found"})


if __name__ == "__main__":
    init_db()
    ThreadingHTTPServer(("0.0.0.0", 5000), Handler).serve_forever()
