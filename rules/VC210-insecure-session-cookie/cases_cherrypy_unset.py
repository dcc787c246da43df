"""VC210 corpus: CherryPy's session tool switched on in a module that never sets its cookie flags keeps both off."""
import cherrypy

CONFIG = {
    "/": {
        # expect: VC210 -- both flags at their default, off
        "tools.sessions.on": True,
        "tools.sessions.storage_class": cherrypy.lib.sessions.FileSession,
    },
    "/static": {
        # ok: VC210 -- sessions off
        "tools.sessions.on": False,
    },
}
