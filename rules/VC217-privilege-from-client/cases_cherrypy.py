"""VC217 corpus, CherryPy: the role of a new account read from `cherrypy.request.json`."""
import sqlite3

import cherrypy


class Auth:
    @cherrypy.expose
    @cherrypy.tools.json_in()
    def register(self):
        data = cherrypy.request.json
        with sqlite3.connect("app.db") as conn:
            conn.execute(
                "INSERT INTO users (email, role) VALUES (?, ?)",
                # expect: VC217
                (data["email"], data.get("role", "employee")),
            )
        return "ok"

    @cherrypy.expose
    @cherrypy.tools.json_in()
    def register_employee(self):
        data = cherrypy.request.json
        with sqlite3.connect("app.db") as conn:
            # ok: VC217 -- the server picks the role
            conn.execute("INSERT INTO users (email, role) VALUES (?, ?)", (data["email"], "employee"))
        return "ok"

    @cherrypy.expose
    @cherrypy.tools.json_in()
    def set_admin(self):
        # expect: VC217
        self.grant(is_admin=cherrypy.request.json.get("is_admin"))
        return "ok"

    @cherrypy.expose
    def staff(self):
        with sqlite3.connect("app.db") as conn:
            # ok: VC217 -- a lookup by role
            rows = conn.execute("SELECT id FROM users WHERE role = ?", (cherrypy.request.params.get("role"),))
        return str(rows.fetchall())

    def grant(self, is_admin):
        return is_admin
