"""VC214 corpus: CherryPy handlers (`@cherrypy.expose` methods, a `MethodDispatcher` resource's `GET`) signed in by a
tool take the client's ids as parameters; the session holds the caller."""
import cherrypy


@cherrypy.expose
@cherrypy.tools.require_login()
class Entries:
    def GET(self, entry_id):
        with connect() as conn:
            # expect: VC214 -- any user's entry
            row = conn.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        return dict(row)

    def DELETE(self, entry_id):
        with connect() as conn:
            # ok: VC214 -- scoped to the user the session holds
            conn.execute("DELETE FROM entries WHERE id = ? AND user_id = ?", (entry_id, cherrypy.session["user_id"]))


class Invoices:
    _cp_config = {"tools.require_login.on": True}

    @cherrypy.expose
    def show(self, invoice_id):
        with connect() as conn:
            # expect: VC214 -- the class's tool signs the caller in, the lookup names no owner
            row = conn.execute("SELECT * FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
        return dict(row)

    @cherrypy.expose
    def mine(self, invoice_id):
        with connect() as conn:
            # ok: VC214 -- the session's user scopes it
            row = conn.execute("SELECT * FROM invoices WHERE id = ? AND owner_id = ?",
                               (invoice_id, cherrypy.session.get("user_id"))).fetchone()
        return dict(row)

    def _load(self, invoice_id):
        with connect() as conn:
            # ok: VC214 -- not exposed: a helper of the handlers
            return conn.execute("SELECT * FROM invoices WHERE id = ?", (invoice_id,)).fetchone()


class Approvals:
    _cp_config = {"tools.require_manager.on": True}

    @cherrypy.expose
    def approve(self, entry_id):
        with connect() as conn:
            # ok: VC214 -- a manager's tool: managers act on every entry
            conn.execute("UPDATE entries SET approved = 1 WHERE id = ?", (entry_id,))


def connect():
    return cherrypy.thread_data.db
