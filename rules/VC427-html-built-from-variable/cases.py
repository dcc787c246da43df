"""VC427 corpus: views that return HTML built from unescaped values fire; escaped values, templates and non-HTML do not."""
import html
import platform
import socket
import sqlite3
import sys
from datetime import datetime
from platform import python_version as py_version

from bottle import route
from flask import Blueprint, Flask, jsonify, render_template_string, url_for
from markupsafe import Markup, escape

app = Flask(__name__)
bp = Blueprint("shop", __name__)
ROW_TEMPLATE = "<tr><td>{name}</td><td>{price}</td></tr>"
FOOTER = "<footer>Shop</footer>"


def db():
    return sqlite3.connect("shop.db")


@app.get("/products")
def product_table():
    rows = db().execute("SELECT name, price FROM products").fetchall()
    page = "<table>"
    for name, price in rows:
        page += ROW_TEMPLATE.format(name=name, price=price)
    # expect: VC427
    return page + "</table>" + FOOTER


@app.get("/profile/<int:user_id>")
def profile(user_id):
    bio = db().execute("SELECT bio FROM users WHERE id = ?", (user_id,)).fetchone()[0]
    # expect: VC427
    return f"<section class='bio'>{bio}</section>", 200


@bp.route("/comments")
def comments():
    items = db().execute("SELECT body FROM comments").fetchall()
    # expect: VC427
    return "<ul>" + "".join(f"<li>{body}</li>" for (body,) in items) + "</ul>"


@app.route("/orders/<int:order_id>")
def order(order_id):
    note = db().execute("SELECT note FROM orders WHERE id = ?", (order_id,)).fetchone()[0]
    body = "<p>Note: %s</p>" % note
    # expect: VC427
    return body, 200, {"Content-Type": "text/html; charset=utf-8"}


@app.get("/banner")
def banner():
    title = db().execute("SELECT title FROM banners LIMIT 1").fetchone()[0]
    markup = "<h1>{}</h1>".format(title)
    # expect: VC427
    return markup


@route("/legacy")
def legacy_page():
    motd = db().execute("SELECT text FROM motd").fetchone()[0]
    # expect: VC427
    return "<!DOCTYPE html><p>" + motd + "</p>"


@app.get("/team")
def team():
    names = [row[0] for row in db().execute("SELECT name FROM staff")]
    listing = "</li><li>".join(names)
    # expect: VC427
    return f"<ul><li>{listing}</li></ul>"


@app.get("/search-history")
def search_history():
    last = db().execute("SELECT term FROM searches ORDER BY id DESC").fetchone()[0]
    # expect: VC427
    return f"<p>You last searched for <b>{last}</b></p>"


@app.get("/products/escaped")
def escaped_table():
    rows = db().execute("SELECT name FROM products").fetchall()
    page = "<ul>"
    for (name,) in rows:
        page += f"<li>{escape(name)}</li>"
    # ok: VC427
    return page + "</ul>"


@app.get("/profile/escaped/<int:user_id>")
def escaped_profile(user_id):
    bio = db().execute("SELECT bio FROM users WHERE id = ?", (user_id,)).fetchone()[0]
    # ok: VC427
    return "<section>" + html.escape(bio) + "</section>"


@app.get("/count")
def count():
    total = db().execute("SELECT count(*) FROM products").fetchone()[0]
    # ok: VC427
    return f"<p>{int(total)} products, {len(FOOTER)} characters of footer</p>"


@app.get("/products/template")
def template_table():
    rows = db().execute("SELECT name, price FROM products").fetchall()
    # ok: VC427
    return render_template_string("<ul>{% for n, p in rows %}<li>{{ n }}</li>{% endfor %}</ul>", rows=rows)


@app.get("/export")
def export_text():
    note = db().execute("SELECT note FROM orders LIMIT 1").fetchone()[0]
    # ok: VC427 -- sent as plain text
    return f"<note>{note}</note>", 200, {"Content-Type": "text/plain"}


@app.get("/link")
def link():
    # ok: VC427 -- url_for percent-encodes what it puts in the URL
    return f"<a href='{url_for('product_table')}'>Products</a>"


@app.get("/api/products")
def api_products():
    rows = db().execute("SELECT name FROM products").fetchall()
    # ok: VC427 -- JSON, not a page
    return jsonify([f"<b>{name}</b>" for (name,) in rows])


@app.get("/markup")
def markup_format():
    title = db().execute("SELECT title FROM banners LIMIT 1").fetchone()[0]
    # ok: VC427 -- Markup.format escapes what it pastes
    return Markup("<h1>{}</h1>").format(title)


def not_a_view(rows):
    # ok: VC427 -- a helper, not a view: what its caller does with the text is not known here
    return "<ul>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul>"


@app.get("/status")
def status():
    code = db().execute("SELECT code FROM health").fetchone()[0]
    # ok: VC427 -- no markup in the text
    return "status: %s" % code


@app.get("/about")
def about():
    version = sys.version
    # ok: VC427 -- the interpreter and the host describe the server; no user sets them
    return f"<p>Python {version} on {platform.platform()}</p><p>{socket.gethostname()}</p>"


@app.get("/clock")
def clock():
    # ok: VC427 -- the server's clock and Python version
    return "<p>{}</p><p>{}</p>".format(datetime.now(), py_version())


@app.get("/about-owner")
def about_owner():
    owner = db().execute("SELECT name FROM owners LIMIT 1").fetchone()[0]
    # expect: VC427 -- the server facts are safe, the stored name beside them is not
    return f"<p>Python {sys.version}</p><p>Run by {owner}</p>"


@app.get("/platform-note")
def platform_note():
    note = db().execute("SELECT note FROM platforms WHERE name = ?", (sys.platform,)).fetchone()[0]
    # expect: VC427 -- a row looked up by a server fact is still stored text
    return "<p>" + note + "</p>"


def escaped_list(rows):
    # ok: VC427 -- a helper; it escapes what it pastes
    return "<ul>" + "".join(f"<li>{escape(r)}</li>" for r in rows) + "</ul>"


def banner(text):
    # ok: VC427 -- a helper, not a view
    return f"<h1>{text}</h1>"


@app.get("/list")
def list_page():
    rows = [r[0] for r in db().execute("SELECT title FROM posts").fetchall()]
    # expect: VC427 -- the helper above pastes the stored titles unescaped
    return not_a_view(rows)


@app.get("/banner")
def banner_page():
    title = db().execute("SELECT title FROM banners LIMIT 1").fetchone()[0]
    # expect: VC427 -- the helper pastes the stored title unescaped
    return banner(title), 200


@app.get("/list-escaped")
def escaped_list_page():
    rows = [r[0] for r in db().execute("SELECT title FROM posts").fetchall()]
    # ok: VC427 -- this helper escapes each title
    return escaped_list(rows)


@app.get("/welcome")
def welcome_banner():
    # ok: VC427 -- the helper is handed a literal
    return banner("Welcome")


@app.get("/count")
def count_banner():
    total = db().execute("SELECT count(*) FROM posts").fetchone()[0]
    # ok: VC427 -- a number converted on the way cannot carry markup
    return banner(int(total))


@app.get("/json-list")
def json_list():
    rows = [r[0] for r in db().execute("SELECT title FROM posts").fetchall()]
    # ok: VC427 -- the framework's JSON response, not a helper of this module
    return jsonify(rows)
