"""Blog routes."""
import traceback
import urllib.request

import markdown
from flask import Flask, abort, jsonify, make_response, request

from blog import accounts, posts
from blog.admin import maintenance

app = Flask(__name__)
app.config.from_prefixed_env()
# sink: CWE-1004
app.config["SESSION_COOKIE_HTTPONLY"] = False


@app.get("/search")
def search():
    return jsonify([dict(row._mapping) for row in posts.search_posts(request.args.get("q", ""))])


@app.get("/posts")
def list_posts():
    return jsonify([p.title for p in posts.sorted_posts(request.args.get("sort", "created_at"))])


@app.get("/posts-safe")
def list_posts_safe():
    return jsonify([p.title for p in posts.sorted_posts_safe(request.args.get("sort", "new"))])


@app.get("/authors/<author>")
def by_author(author):
    return jsonify([dict(row._mapping) for row in posts.posts_by_author(author)])


@app.post("/preview")
def preview():
    rendered = markdown.markdown(request.form["markdown"])
    # sink: CWE-79
    return f"<article>{rendered}</article>"


@app.get("/avatar")
def avatar():
    url = request.args["url"]
    # sink: CWE-918
    data = urllib.request.urlopen(url, timeout=5).read()
    response = make_response(data)
    response.headers["Content-Type"] = "image/png"
    return response


@app.post("/admin/backup")
def backup():
    maintenance.backup(request.form["name"])
    return "", 202


@app.post("/admin/snippet")
def snippet():
    return jsonify(result=maintenance.run_snippet(request.get_json()["code"]))


@app.post("/login")
def login():
    data = request.get_json()
    if not accounts.check_login(data["username"], data["password"]):
        abort(401)
    response = make_response(jsonify(ok=True))
    # sink: CWE-614
    response.set_cookie("remember_me", accounts.register(data["username"], data["password"]).username, httponly=True)
    return response


@app.after_request
def cors(response):
    origin = request.headers.get("Origin", "")
    # sink: CWE-20
    if "example.com" in origin:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


@app.errorhandler(500)
def server_error(error):
    # sink: CWE-209
    return f"<h1>Server error</h1><pre>{traceback.format_exc()}</pre>", 500


@app.errorhandler(404)
def not_found(error):
    # safe: CWE-209
    return "<h1>Not found</h1>", 404
