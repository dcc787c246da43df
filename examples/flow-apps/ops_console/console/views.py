"""Routes of the operations console: each hands client input to a helper in shell.py."""
from flask import Flask, request

from console import fetch, shell
from console.shell import disk_usage, ping_as_argument, ping_quoted, restart_allowed, run_tool, uptime

app = Flask(__name__)


def requested_host() -> str:
    return request.args.get("host", "localhost")


@app.get("/ping")
def ping():
    return shell.ping_host(requested_host())


@app.get("/disk")
def disk():
    return disk_usage(request.args["folder"])


@app.post("/tool")
def tool():
    return run_tool(request.get_json()["command"])


@app.get("/logs/<server>")
def logs(server):
    return shell.tail_remote_log(server, request.args["file"])


@app.post("/restart")
def restart():
    return {"status": shell.restart(request.form["service"])}


@app.get("/ping-safe")
def ping_safe():
    return ping_as_argument(request.args["host"]) + ping_quoted(request.args["host"])


@app.post("/restart-safe")
def restart_safe():
    return {"status": restart_allowed(request.form["service"])}


@app.get("/uptime")
def uptime_view():
    # expect: VC417 -- the label comes back in the text the view sends as HTML
    return uptime(request.args.get("label", "server"))


@app.post("/archive")
def archive():
    return {"status": shell.archive("/srv/data")}


@app.get("/preview")
def preview():
    return fetch.preview(request.args["url"])


@app.post("/webhooks/test")
def test_webhook():
    body = request.get_json()
    return {"status": fetch.post_webhook(body["url"], {"text": "test"})}


@app.get("/mirror")
def mirror():
    return fetch.fetch_not_local(request.args["url"])


@app.post("/webhooks/send")
def send_webhook():
    body = request.get_json()
    return {"status": fetch.post_allowed_webhook(body["url"], {"text": body["text"]})}


@app.get("/public")
def public():
    return fetch.fetch_public(request.args["url"]) + fetch.fetch_listed(request.args["url"])


@app.get("/public-follow")
def public_follow():
    return fetch.fetch_public_following(request.args["url"])
