"""Programmatic launcher used by the container."""

import panel as pn

from portal import auth

if __name__ == "__main__":
    # expect: VC209
    pn.serve(
        {"sales": "portal/app.py"},
        port=5006,
        websocket_origin="*",
        basic_auth="credentials.json",
        # expect: VC203
        cookie_secret="sales-portal-cookie-secret",
        authorize_callback=auth.authorize_strict,
        show=False,
    )
