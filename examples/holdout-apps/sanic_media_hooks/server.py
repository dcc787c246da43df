"""Sanic media service entry point."""

import os

from sanic import Sanic
from sanic.response import json

import uploads
import webhooks

app = Sanic("media")
app.blueprint(uploads.bp)
app.blueprint(webhooks.bp)


@app.exception(Exception)
async def on_error(request, exc):
    # expect: VC414
    return json({"error": type(exc).__name__, "detail": repr(exc)}, status=500)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8000")), debug=os.environ.get("DEBUG") == "1")
