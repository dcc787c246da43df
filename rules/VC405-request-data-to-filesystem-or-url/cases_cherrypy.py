"""VC405 corpus: the parameters of CherryPy's exposed methods (and of a `MethodDispatcher` resource's verb methods) are
the query's and the form's fields."""
import os

import cherrypy
import requests
from cherrypy.lib.static import serve_file

EXPORT_DIR = "/var/lib/app/exports"


class Exports:
    @cherrypy.expose
    def download(self, name):
        path = os.path.join(EXPORT_DIR, name)
        # expect: VC405 -- `../` in the name
        return cherrypy.lib.static.serve_file(path, "application/octet-stream", "attachment")

    @cherrypy.expose
    def latest(self):
        # ok: VC405 -- a fixed file
        return serve_file(os.path.join(EXPORT_DIR, "latest.csv"))

    @cherrypy.expose
    def push(self, callback):
        # expect: VC405 -- the client's URL
        requests.post(callback, data=b"", timeout=10)

    def _push(self, callback):
        # ok: VC405 -- not exposed: the app's own helper
        requests.post(callback, data=b"", timeout=10)


@cherrypy.expose
class Files:
    def GET(self, name):
        # expect: VC405 -- a dispatched verb's parameter
        return open(os.path.join(EXPORT_DIR, name)).read()
