"""VC428 corpus (Flask): sizes, counts and durations the client chooses fire; capped, validated and server-chosen do not."""
import asyncio
import os
import re
import sqlite3
import subprocess
import time
from time import sleep as pause

import requests
from flask import Flask, abort, jsonify, request
from PIL import Image
from sqlalchemy import text

from shop.models import Post, db

app = Flask(__name__)
MAX_PAGE = 100
PAGE_SQL = "SELECT id, title FROM posts WHERE author = ? ORDER BY id LIMIT ?"


def clamp(value, low, high):
    return max(low, min(value, high))


@app.get("/posts")
def posts():
    limit = int(request.args.get("limit", 20))
    # expect: VC428
    rows = Post.query.order_by(Post.id).limit(limit).all()
    return jsonify([row.id for row in rows])


@app.get("/posts/capped")
def posts_capped():
    limit = min(int(request.args.get("limit", 20)), MAX_PAGE)
    # ok: VC428
    rows = Post.query.order_by(Post.id).limit(limit).all()
    return jsonify([row.id for row in rows])


@app.get("/posts/clamped")
def posts_clamped():
    size = request.args.get("size", 20, type=int)
    per_page = max(1, min(size, MAX_PAGE))
    page = request.args.get("page", 1, type=int)
    # ok: VC428
    return jsonify(Post.query.paginate(page=page, per_page=per_page).items)


@app.get("/posts/helper")
def posts_helper():
    size = clamp(request.args.get("size", 20, type=int), 1, MAX_PAGE)
    # ok: VC428
    return jsonify(Post.query.limit(size).all())


@app.get("/posts/page")
def posts_page():
    args = request.args
    per_page = args.get("per_page", 20, type=int)
    # expect: VC428
    return jsonify(Post.query.paginate(page=args.get("page", 1, type=int), per_page=per_page).items)


@app.get("/posts/page-capped")
def posts_page_capped():
    per_page = request.args.get("per_page", 20, type=int)
    # ok: VC428
    return jsonify(Post.query.paginate(per_page=per_page, max_per_page=MAX_PAGE).items)


@app.get("/posts/checked")
def posts_checked():
    limit = int(request.args["limit"])
    if limit > MAX_PAGE:
        abort(400)
    # ok: VC428
    return jsonify(Post.query.limit(limit).all())


@app.get("/posts/range-checked")
def posts_range_checked():
    limit = int(request.args["limit"])
    if not 1 <= limit <= 100:
        abort(400)
    # ok: VC428
    return jsonify(Post.query.limit(limit).all())


@app.get("/posts/lower-only")
def posts_lower_only():
    limit = int(request.args["limit"])
    if limit < 1:
        abort(400)
    # expect: VC428
    return jsonify(Post.query.limit(limit).all())


@app.get("/posts/allowed")
def posts_allowed():
    limit = int(request.args["limit"])
    if limit not in (10, 25, 50):
        abort(400)
    # ok: VC428
    return jsonify(Post.query.limit(limit).all())


@app.get("/posts/ternary")
def posts_ternary():
    wanted = int(request.args["limit"])
    limit = MAX_PAGE if wanted > MAX_PAGE else wanted
    # ok: VC428
    return jsonify(Post.query.limit(limit).all())


@app.get("/posts/server")
def posts_server():
    limit = app.config["PAGE_SIZE"]
    # ok: VC428
    return jsonify(Post.query.limit(limit).all())


@app.get("/feed")
def feed():
    body = request.get_json()
    count = body["count"]
    # expect: VC428
    items = [{"n": i} for i in range(count)]
    return jsonify(items)


@app.get("/feed/len")
def feed_len():
    ids = request.get_json()["ids"]
    # ok: VC428
    return jsonify([ids[i] for i in range(len(ids))])


@app.get("/banner")
def banner():
    width = int(request.args.get("width", 40))
    # expect: VC428
    return "=" * width


@app.get("/banner/fixed")
def banner_fixed():
    title = request.args.get("title", "")
    # ok: VC428
    return "=" * 40 + title


@app.get("/avatar")
def avatar():
    w, h = int(request.args["w"]), int(request.args["h"])
    # expect: VC428
    image = Image.new("RGB", (w, h))
    return str(image.size)


@app.get("/slow")
def slow():
    delay = float(request.args.get("delay", 0))
    # expect: VC428
    time.sleep(delay)
    return "ok"


@app.get("/slow/alias")
def slow_alias():
    seconds = float(request.args.get("delay", 0))
    # expect: VC428
    pause(seconds)
    return "ok"


@app.get("/slow/fixed")
def slow_fixed():
    # ok: VC428
    time.sleep(0.5)
    return "ok"


@app.get("/proxy")
def proxy():
    wait = float(request.args.get("timeout", 5))
    # expect: VC428
    return requests.get("https://api.example.com/status", timeout=wait).text


@app.get("/proxy/fixed")
def proxy_fixed():
    # ok: VC428
    return requests.get("https://api.example.com/status", timeout=5).text


@app.post("/upload")
def upload():
    size = int(request.headers.get("X-Chunk-Size", "65536"))
    # expect: VC428
    return str(len(request.stream.read(size)))


@app.get("/token")
def token():
    length = int(request.args.get("bytes", 32))
    # expect: VC428
    return os.urandom(length).hex()


@app.get("/search")
def search():
    author = request.args["author"]
    limit = int(request.args.get("limit", 50))
    conn = sqlite3.connect("shop.db")
    # expect: VC428
    rows = conn.execute("SELECT id FROM posts WHERE author = ? LIMIT ?", (author, limit)).fetchall()
    return jsonify(rows)


@app.get("/search/named")
def search_named():
    limit = int(request.args.get("limit", 50))
    # expect: VC428
    rows = db.session.execute(text("SELECT id FROM posts ORDER BY id LIMIT :n"), {"n": limit}).all()
    return jsonify([row.id for row in rows])


@app.get("/search/constant")
def search_constant():
    author = request.args["author"]
    limit = int(request.args.get("limit", 50))
    conn = sqlite3.connect("shop.db")
    # expect: VC428
    return jsonify(conn.execute(PAGE_SQL, (author, limit)).fetchall())


@app.get("/search/pasted")
def search_pasted_limit():
    limit = int(request.args.get("limit", 10))
    offset = int(request.args.get("offset", 0))
    conn = sqlite3.connect("shop.db")
    # expect: VC428 -- the f-string pastes the client's number as the LIMIT
    return jsonify(conn.execute(f"SELECT id FROM posts ORDER BY id DESC LIMIT {limit} OFFSET {offset}").fetchall())


@app.get("/search/pasted-capped")
def search_pasted_capped_limit():
    limit = min(int(request.args.get("limit", 10)), MAX_PAGE)
    offset = int(request.args.get("offset", 0))
    conn = sqlite3.connect("shop.db")
    # ok: VC428 -- capped; the OFFSET only moves the window
    return jsonify(conn.execute(f"SELECT id FROM posts ORDER BY id DESC LIMIT {limit} OFFSET {offset}").fetchall())


@app.get("/search/pasted-order")
def search_pasted_order_only():
    order = "DESC" if request.args.get("sort") == "desc" else "ASC"
    conn = sqlite3.connect("shop.db")
    # ok: VC428 -- what the client picks is the order, and the LIMIT is the code's
    return jsonify(conn.execute(f"SELECT id FROM posts ORDER BY id {order} LIMIT 50").fetchall())


@app.get("/search/author-only")
def search_author_only():
    author = request.args["author"]
    conn = sqlite3.connect("shop.db")
    # ok: VC428
    return jsonify(conn.execute("SELECT id FROM posts WHERE author = ? LIMIT 50", (author,)).fetchall())


@app.get("/search/capped")
def search_capped():
    author = request.args["author"]
    limit = min(int(request.args.get("limit", 50)), MAX_PAGE)
    conn = sqlite3.connect("shop.db")
    # ok: VC428
    return jsonify(conn.execute(PAGE_SQL, (author, limit)).fetchall())


@app.get("/recent")
def recent():
    count = request.args.get("count", 10, type=int)
    # expect: VC428
    return jsonify([p.id for p in Post.query.order_by(Post.id.desc())[:count]])


@app.get("/recent/list")
def recent_list():
    count = request.args.get("count", 10, type=int)
    cached = [1, 2, 3]
    # ok: VC428
    return jsonify(cached[:count])


@app.get("/wait")
async def wait():
    delay = float(request.args["delay"])
    # expect: VC428
    await asyncio.sleep(delay)
    return "ok"


def pad_report(lines, width):
    # ok: VC428
    return [line.ljust(width) for line in lines]


@app.post("/bundle")
def bundle():
    import zipfile

    names = []
    with zipfile.ZipFile(request.files["bundle"].stream) as archive:
        for member in archive.namelist():
            # ok: VC428
            names.append(len(archive.read(member)))
    return jsonify(names)


@app.get("/pages")
def page_links():
    per_page = int(request.args.get("per_page", 20))
    pages = Post.query.count() // per_page + 1
    # ok: VC428
    return jsonify([f"/posts?page={n}" for n in range(1, pages + 1)])


@app.get("/columns")
def columns():
    width = int(request.args.get("width", 80))
    # expect: VC428
    return "\n".join(line[:width] + "." * (width // 2) for line in ["a", "b"])


# image sizes: Pillow's `resize`, ImageMagick's size options in an argument list
MAX_DIMENSION = 4000


@app.post("/images/pillow")
def pillow_resize():
    width, height = int(request.form["width"]), int(request.form["height"])
    image = Image.open(request.files["image"].stream)
    # expect: VC428
    return jsonify(image.resize((width, height)).size)


@app.post("/images/pillow-thumbnail")
def pillow_thumbnail():
    width, height = int(request.form["width"]), int(request.form["height"])
    image = Image.open(request.files["image"].stream)
    # ok: VC428
    image.thumbnail((width, height))
    return jsonify(image.size)


@app.post("/images/magick")
def magick_resize():
    width, height = request.form["width"], request.form["height"]
    # expect: VC428
    subprocess.run(["convert", "in.png", "-resize", f"{width}x{height}", "out.png"], check=True)
    return jsonify({"ok": True})


@app.post("/images/magick-async")
async def magick_extent():
    size = int(request.args.get("size", 256))
    # expect: VC428
    proc = await asyncio.create_subprocess_exec("magick", "in.png", "-extent", f"{size}x{size}", "out.png")
    await proc.wait()
    return jsonify({"ok": True})


@app.post("/images/magick-command")
def magick_command():
    density = request.form.get("dpi", "72")
    # expect: VC428
    command = ("gm", "convert", "-density", density, "in.pdf", "out.png")
    subprocess.run(command, check=True)
    return jsonify({"ok": True})


@app.post("/images/magick-clamped")
def magick_clamped():
    width = min(int(request.form["width"]), MAX_DIMENSION)
    height = int(request.form["height"])
    if height > MAX_DIMENSION:
        abort(400)
    # ok: VC428
    subprocess.run(["convert", "in.png", "-resize", f"{width}x{height}", "out.png"], check=True)
    return jsonify({"ok": True})


@app.post("/images/magick-other-options")
def magick_other_options():
    angle, quality = request.form["angle"], request.form["quality"]
    # ok: VC428
    subprocess.run(["convert", "in.png", "-rotate", angle, "-resize", "256x256", "-quality", quality, "out.png"])
    return jsonify({"ok": True})


SIZE_RE = re.compile(r"^\d{1,4}x\d{1,4}$")


@app.post("/images/magick-pattern")
def magick_pattern_checked():
    size = request.form["size"]
    if not SIZE_RE.match(size):
        abort(400)
    # ok: VC428
    subprocess.run(["convert", "in.png", "-resize", size, "out.png"], check=True)
    return jsonify({"ok": True})


@app.post("/images/magick-open-pattern")
def magick_open_pattern():
    size = request.form["size"]
    if not re.fullmatch(r"\d+x\d+", size):
        abort(400)
    # expect: VC428
    subprocess.run(["convert", "in.png", "-resize", size, "out.png"], check=True)
    return jsonify({"ok": True})
