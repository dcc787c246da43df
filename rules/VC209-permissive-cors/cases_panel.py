"""VC209 corpus: a Panel server that signs visitors in and takes WebSocket connections from every origin."""
import os

import panel as pn
from panel.io.server import serve


def dashboard():
    return pn.pane.Markdown("# Sales")


# expect: VC209
pn.serve(dashboard, websocket_origin="*", basic_auth="credentials.json", cookie_secret=os.environ["COOKIE_SECRET"])

# expect: VC209
serve({"sales": dashboard}, websocket_origin=["*"], oauth_provider="github")

# ok: VC209 -- no login: a public dashboard's sessions carry no credentials
pn.serve(dashboard, websocket_origin="*")

# ok: VC209
pn.serve(dashboard, websocket_origin=["sales.example.com"], basic_auth="credentials.json")
