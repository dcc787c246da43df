"""The JSON API: timesheet entries, approvals and exports."""
import os
import subprocess

import cherrypy
import requests

from . import db
from .auth import temporary_password

EXPORT_DIR = "/var/lib/timesheets/exports"
EXPORT_FORMATS = {"csv": "--csv", "xlsx": "--xlsx"}


@cherrypy.expose
@cherrypy.tools.json_out()
@cherrypy.tools.require_login()
class Entries:
    def GET(self, entry_id=None, week=None):
        user_id = cherrypy.session["user_id"]
        with db.connect() as conn:
            if entry_id is None:
                # ok: VC214
                return [dict(row) for row in db.entries_for(conn, user_id, week)]
            # expect: VC214
            row = db.entry_by_id(conn, entry_id)
        if row is None:
            raise cherrypy.HTTPError(404)
        return dict(row)

    @cherrypy.tools.json_in()
    def PUT(self, entry_id):
        data = cherrypy.request.json
        with db.connect() as conn:
            # ok: VC214
            row = db.owned_entry(conn, entry_id, cherrypy.session["user_id"])
            if row is None:
                raise cherrypy.HTTPError(404)
            conn.execute("UPDATE entries SET hours = ?, note = ? WHERE id = ?",
                         (data["hours"], data["note"], entry_id))
        return {"ok": True}


class Search:
    _cp_config = {"tools.require_login.on": True}

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def index(self, field="project", q=""):
        with db.connect() as conn:
            rows = db.search_entries(conn, cherrypy.session["user_id"], field, q)
        return [dict(r) for r in rows]


class Approvals:
    _cp_config = {"tools.require_manager.on": True}

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def approve(self, entry_id):
        with db.connect() as conn:
            # ok: VC214/VC218
            conn.execute("UPDATE entries SET approved = 1 WHERE id = ?", (entry_id,))
        return {"approved": entry_id}


class Admin:
    # expect: VC201
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def reset_password(self, user_id):
        password = temporary_password()
        with db.connect() as conn:
            # expect: VC410
            conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (password, user_id))
        return {"password": password}


class Exports:
    _cp_config = {"tools.require_login.on": True}

    @cherrypy.expose
    def run(self, week, fmt="csv"):
        flag = EXPORT_FORMATS.get(fmt, "--csv")
        # ok: VC421/VC408
        subprocess.run(["timesheet-export", flag, "--week", str(int(week))], check=True)
        return "started"

    @cherrypy.expose
    def archive(self, name):
        # expect: VC421/VC408
        subprocess.run(f"tar czf {EXPORT_DIR}/{name}.tgz {EXPORT_DIR}/{name}", shell=True, check=True)
        return "archived"

    @cherrypy.expose
    def download(self, name):
        path = os.path.join(EXPORT_DIR, name)
        # expect: VC405
        return cherrypy.lib.static.serve_file(path, "application/octet-stream", "attachment")

    @cherrypy.expose
    def push(self, callback):
        body = open(os.path.join(EXPORT_DIR, "latest.csv"), "rb").read()
        try:
            # expect: VC405, VC107
            requests.post(callback, data=body, timeout=10)
        # expect: VC101
        except Exception:
            pass
        return "pushed"
