"""VC211 corpus: CherryPy's `request.show_tracebacks` sends each failing request's traceback to its client."""
import cherrypy

CONFIG = {
    "global": {
        "server.socket_host": "0.0.0.0",
        # expect: VC211 -- in the config dict handed to `quickstart`
        "request.show_tracebacks": True,
    },
}
QUIET = {
    # ok: VC211 -- switched off
    "request.show_tracebacks": False,
    "environment": "production",
}


class Root:
    _cp_config = {
        # expect: VC211 -- a handler class's own config
        "request.show_tracebacks": True,
    }

    @cherrypy.expose
    def index(self):
        return "ok"


def start():
    # expect: VC211
    cherrypy.config.update({"request.show_tracebacks": True})
    cherrypy.quickstart(Root(), "/", CONFIG)
