"""VC210 corpus: CherryPy's session tool, whose `secure` and `httponly` flags default to off."""
import cherrypy

CONFIG = {
    "/": {
        "tools.sessions.on": True,
        # expect: VC210 -- sent over plain HTTP
        "tools.sessions.secure": False,
        # ok: VC210 -- on
        "tools.sessions.httponly": True,
    },
    "/api": {
        # expect: VC210 -- readable by page scripts
        "tools.sessions.httponly": False,
        # ok: VC210 -- a session's lifetime
        "tools.sessions.timeout": 60,
    },
}


def start(root):
    cherrypy.quickstart(root, "/", CONFIG)
