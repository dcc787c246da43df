"""Recommendation service (Bottle): clients post products with tags; GET /recommender?tags=a,b returns an HTML page
listing the products that carry at least one of the tags, each linked to its page."""

import html
import json
import sqlite3

from bottle import Bottle, HTTPResponse, request, response, run, template

app = Bottle()
DB_PATH = "products.db"

LIST_TEMPLATE = """<!DOCTYPE html>
<html><body><h1>Recommended for {{tags}}</h1>
<ul>
% for product in products:
  <li><a href="/products/{{product['id']}}">{{product['name']}}</a></li>
% end
</ul></body></html>
"""


def connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    conn.executescript(
        """
        CREATE TABLE IF NOT EXISTS products (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS tags (product_id INTEGER, tag TEXT);
        """
    )
    return conn


def parse_tags(raw: str) -> list[str]:
    return [t.strip().lower() for t in raw.split(",") if t.strip()]


# expect: VC201
@app.post("/recommender")
def post_product():
    data = request.json or {}
    name, tags = data.get("product_name"), data.get("tags")
    if not name or not isinstance(tags, list):
        return HTTPResponse(status=400, body=json.dumps({"error": "product_name and tags are required"}))
    with connect() as conn:
        cur = conn.execute("INSERT INTO products (name) VALUES (?)", (name,))
        conn.executemany("INSERT INTO tags (product_id, tag) VALUES (?, ?)", [(cur.lastrowid, t.lower()) for t in tags])
    response.status = 200
    return {"id": cur.lastrowid}


@app.get("/recommender")
def recommend():
    tags = parse_tags(request.query.get("tags", ""))
    if not tags:
        return HTTPResponse(status=400, body="tags is required")
    condition = " OR ".join(f"t.tag = '{tag}'" for tag in tags)
    with connect() as conn:
        rows = conn.execute(
            # expect: VC402/VC422/VC417
            f"SELECT DISTINCT p.id, p.name FROM products p JOIN tags t ON t.product_id = p.id WHERE {condition}"
        ).fetchall()
    items = "".join(f"<li><a href='/products/{row['id']}'>{row['name']}</a></li>" for row in rows)
    # expect: VC411/VC427
    return f"<html><body><h1>Recommended for {request.query.get('tags')}</h1><ul>{items}</ul></body></html>"


@app.get("/v2/recommender")
def recommend_v2():
    tags = parse_tags(request.query.getunicode("tags", ""))
    if not tags:
        return HTTPResponse(status=400, body="tags is required")
    placeholders = ", ".join("?" * len(tags))
    with connect() as conn:
        # ok: VC402/VC422
        rows = conn.execute(
            "SELECT DISTINCT p.id, p.name FROM products p JOIN tags t ON t.product_id = p.id "
            f"WHERE t.tag IN ({placeholders})",
            tags,
        ).fetchall()
    # ok: VC411/VC427/VC412
    return template(LIST_TEMPLATE, tags=", ".join(tags), products=[dict(r) for r in rows])


@app.get("/products/<product_id:int>")
def product_page(product_id):
    with connect() as conn:
        row = conn.execute("SELECT id, name FROM products WHERE id = ?", (product_id,)).fetchone()
    if row is None:
        return HTTPResponse(status=404, body="not found")
    # ok: VC411/VC427
    return f"<html><body><h1>{html.escape(row['name'])}</h1></body></html>"


@app.get("/search")
def search_page():
    heading = request.query.get("q", "")
    # expect: VC412/VC426
    return template("<h1>Results for " + heading + "</h1>")


if __name__ == "__main__":
    run(app, host="0.0.0.0", port=5000)
