"""VC201 corpus: CherryPy's object tree. A method marked `@cherrypy.expose` (or a verb-named method of an exposed
`MethodDispatcher` resource) is a route; the tools its class or itself turns on are its guards."""
import cherrypy


@cherrypy.expose
@cherrypy.tools.require_login()
class Entries:
    # ok: VC201 -- the class's tool signs the caller in
    def DELETE(self, entry_id):
        with connect() as conn:
            conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))


@cherrypy.expose
class Jobs:
    # expect: VC201 -- a dispatched `POST` of an exposed resource, nothing guards it
    def POST(self, name):
        with connect() as conn:
            conn.execute("INSERT INTO jobs (name) VALUES (?)", (name,))


class Approvals:
    _cp_config = {"tools.require_manager.on": True}

    # ok: VC201 -- the class turns a refusing tool on for each of its handlers
    @cherrypy.expose
    def approve(self, entry_id):
        with connect() as conn:
            conn.execute("UPDATE entries SET approved = 1 WHERE id = ?", (entry_id,))


class Admin:
    # expect: VC201 -- an exposed method that writes, with no tool
    @cherrypy.expose
    def reset_password(self, user_id):
        with connect() as conn:
            conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", ("x", user_id))

    # ok: VC201 -- its own tool guards it
    @cherrypy.expose
    @cherrypy.tools.auth_basic(realm="admin")
    def purge(self, entry_id):
        with connect() as conn:
            conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))

    # ok: VC201 -- not exposed: no request reaches it
    def rebuild(self, entry_id):
        with connect() as conn:
            conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))

    # ok: VC201 -- an exposed page that only reads
    @cherrypy.expose
    def index(self):
        with connect() as conn:
            return str(conn.execute("SELECT count(*) FROM users").fetchone())


class LoginPage:
    # ok: VC201 -- a password reset a visitor asks for, on no object
    @cherrypy.expose
    def reset_password(self, email):
        with connect() as conn:
            conn.execute("INSERT INTO resets (email) VALUES (?)", (email,))


def connect():
    return cherrypy.thread_data.db
