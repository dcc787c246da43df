"""Mounts the CherryPy tree."""
import cherrypy

from .api import Admin, Approvals, Entries, Exports, Search
from .auth import LoginPage

CONFIG = {
    "global": {
        "server.socket_host": "0.0.0.0",
        "server.socket_port": 8080,
        # expect: VC211
        "request.show_tracebacks": True,
    },
    "/": {
        "tools.sessions.on": True,
        "tools.sessions.httponly": True,
        # expect: VC210
        "tools.sessions.secure": False,
    },
    "/api/entries": {"request.dispatch": cherrypy.dispatch.MethodDispatcher()},
}


class Root:
    def __init__(self):
        self.login = LoginPage()
        self.api = Api()


class Api:
    def __init__(self):
        self.entries = Entries()
        self.search = Search()
        self.approvals = Approvals()
        self.admin = Admin()
        self.exports = Exports()


def main():
    cherrypy.quickstart(Root(), "/", CONFIG)


if __name__ == "__main__":
    main()
